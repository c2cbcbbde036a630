import { type ApplicationState, nextPortInState, type PortInEvent, type PortInState } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import type { NumberPortOneStopTrips } from "../db/schema.ts";
import { AppError } from "../errors.ts";

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const RESERVED: PortInState = "reserved";
/** A port-in in these states holds its number against other applications. */
const HOLDING_NUMBER: readonly PortInState[] = ["reserved", "scheduled", "failed"];
/** Applications that ended without a line (withdrawn, refused, expired). */
const ENDED_APPLICATION: readonly ApplicationState[] = ["cancelled", "rejected", "expired"];

/** A port-in as stored. Only this module reads and writes `number_ports_in`. */
export type PortIn = {
  applicationId: string;
  msisdn: string;
  mode: "two_stop" | "one_stop";
  reservationNumber: string;
  reservationExpiresOn: string;
  donor: string;
  state: PortInState;
  switchOverAt: Date | null;
  failureCode: string | null;
  portRef: string | null;
};

const columns = `application_id, msisdn, mode, reservation_number, to_char(reservation_expires_on, 'YYYY-MM-DD') AS expires_on,
  donor, state, switch_over_at, failure_code, port_ref`;

function fromRaw(r: Record<string, unknown>): PortIn {
  return {
    applicationId: String(r.application_id),
    msisdn: String(r.msisdn),
    mode: r.mode as PortIn["mode"],
    reservationNumber: String(r.reservation_number),
    reservationExpiresOn: String(r.expires_on),
    donor: String(r.donor),
    state: r.state as PortInState,
    switchOverAt: r.switch_over_at ? new Date(r.switch_over_at as string) : null,
    failureCode: r.failure_code === null ? null : String(r.failure_code),
    portRef: r.port_ref === null ? null : String(r.port_ref),
  };
}

export async function findPortIn(db: Queryable, applicationId: string): Promise<PortIn | null> {
  const { rows } = await db.query(`SELECT ${columns} FROM number_ports_in WHERE application_id = $1`, [applicationId]);
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** The port-in that gives the application its number: one not cancelled (completed included). */
export async function portedNumberOf(db: Queryable, applicationId: string): Promise<string | null> {
  const found = await findPortIn(db, applicationId);
  return found && found.state !== "cancelled" ? found.msisdn : null;
}

/**
 * Records a reservation accepted for the application: a new port-in, or (event `replace`) a new
 * reservation number for the one it has. In the caller's transaction; audited.
 */
export async function recordReservation(
  tx: Queryable,
  input: {
    applicationId: string;
    reference: string;
    msisdn: string;
    mode: PortIn["mode"];
    reservationNumber: string;
    expiresOn: string;
    donor: string;
    at: Date;
  },
): Promise<PortIn> {
  const existing = await lockPortIn(tx, input.applicationId);
  await releaseNumberFromEndedApplications(tx, input.msisdn, input.at);
  const { rows: heldElsewhere } = await tx.query(
    `SELECT 1 FROM number_ports_in WHERE msisdn = $1 AND application_id <> $2
       AND state = ANY($3::text[])`,
    [input.msisdn, input.applicationId, HOLDING_NUMBER],
  );
  if (heldElsewhere.length > 0) {
    throw new AppError("mnp_already_ported", "Another application is already bringing this number", {
      errors: [{ field: "msisdn", reason: "is already being brought by another application" }],
    });
  }
  const values = [
    input.applicationId,
    input.msisdn,
    input.mode,
    input.reservationNumber,
    input.expiresOn,
    input.donor,
    input.at,
    RESERVED,
  ];
  if (existing && existing.state !== "cancelled") {
    const to = nextPortInState(existing.state, "replace");
    if (!to)
      throw new AppError("mnp_not_possible_now", `The port-in is ${existing.state}: its number can no longer change`);
    await tx.query(
      `UPDATE number_ports_in SET msisdn = $2, mode = $3, reservation_number = $4, reservation_expires_on = $5,
         donor = $6, state = $8, switch_over_at = NULL, failure_code = NULL, updated_at = $7
       WHERE application_id = $1`,
      values,
    );
  } else {
    await tx.query(
      `INSERT INTO number_ports_in (application_id, msisdn, mode, reservation_number, reservation_expires_on, donor,
                                    state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $8, $7, $7)
       ON CONFLICT (application_id) DO UPDATE SET msisdn = $2, mode = $3, reservation_number = $4,
         reservation_expires_on = $5, donor = $6, state = $8, switch_over_at = NULL, failure_code = NULL,
         port_ref = NULL, updated_at = $7`,
      values,
    );
  }
  await appendAuditEntry(tx, {
    actor: "applicant",
    action: existing && existing.state !== "cancelled" ? "number_port_in.replaced" : "number_port_in.reserved",
    subject: input.reference,
    data: { mode: input.mode, expiresOn: input.expiresOn },
  });
  const stored = await findPortIn(tx, input.applicationId);
  if (!stored) throw new Error("the port-in just recorded is missing");
  return stored;
}

/**
 * A port-in whose application ended (withdrawn, refused, expired) gives its number up: cancelled
 * through the door when someone brings the number again.
 */
async function releaseNumberFromEndedApplications(tx: Queryable, msisdn: string, at: Date): Promise<void> {
  const { rows } = await tx.query<{ application_id: string; reference: string }>(
    `SELECT p.application_id, a.reference FROM number_ports_in p JOIN applications a ON a.id = p.application_id
     WHERE p.msisdn = $1 AND p.state = ANY($2::text[])
       AND a.state = ANY($3::text[])`,
    [msisdn, HOLDING_NUMBER, ENDED_APPLICATION],
  );
  for (const row of rows) {
    await applyPortInEvent(tx, {
      applicationId: row.application_id,
      reference: row.reference,
      event: "cancel",
      actor: "system",
      at,
    });
  }
}

async function lockPortIn(tx: Queryable, applicationId: string): Promise<PortIn | null> {
  const { rows } = await tx.query(`SELECT ${columns} FROM number_ports_in WHERE application_id = $1 FOR UPDATE`, [
    applicationId,
  ]);
  return rows[0] ? fromRaw(rows[0]) : null;
}

/**
 * The one door of a port-in's state: locks the row, asks the table, writes the new state with what
 * the step sets, and the audit entry, in the caller's transaction.
 */
export async function applyPortInEvent(
  tx: Queryable,
  input: {
    applicationId: string;
    reference: string;
    event: Exclude<PortInEvent, "replace">;
    actor: string;
    at: Date;
    switchOverAt?: Date;
    failureCode?: string;
    portRef?: string;
  },
): Promise<PortIn> {
  const current = await lockPortIn(tx, input.applicationId);
  if (!current) throw new AppError("mnp_port_in_missing", "No number to keep was given for this application");
  const to = nextPortInState(current.state, input.event);
  if (!to) {
    throw new AppError("mnp_not_possible_now", `A port-in that is ${current.state} cannot ${input.event}`);
  }
  await tx.query(
    `UPDATE number_ports_in SET state = $2, updated_at = $3,
       switch_over_at = coalesce($4, switch_over_at), failure_code = $5, port_ref = coalesce($6, port_ref)
     WHERE application_id = $1`,
    [
      input.applicationId,
      to,
      input.at,
      input.switchOverAt ?? null,
      input.event === "fail" ? (input.failureCode ?? "switch_over_refused") : null,
      input.portRef ?? null,
    ],
  );
  await appendAuditEntry(tx, {
    actor: input.actor,
    action: `number_port_in.${to}`,
    subject: input.reference,
    data: {
      from: current.state,
      ...(input.switchOverAt ? { switchOverAt: input.switchOverAt.toISOString() } : {}),
      ...(input.event === "fail" ? { failure: input.failureCode ?? "switch_over_refused" } : {}),
    },
  });
  return { ...current, state: to, switchOverAt: input.switchOverAt ?? current.switchOverAt };
}

/** A one-stop trip (MNPワンストップ) leaving for the current operator: only its state's keyed hash is kept. */
export async function insertOneStopTrip(
  tx: Queryable,
  trip: { stateHash: Buffer; applicationId: string; msisdn: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO number_port_one_stop_trips (state_hash, application_id, msisdn, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [trip.stateHash, trip.applicationId, trip.msisdn, trip.createdAt, trip.expiresAt],
  );
}

export type OneStopTripRow = Pick<
  Selectable<NumberPortOneStopTrips>,
  "application_id" | "msisdn" | "expires_at" | "used_at"
>;

/** The trip of this state, locked: it is used once. */
export async function lockOneStopTrip(tx: Queryable, stateHash: Buffer): Promise<OneStopTripRow | null> {
  const { rows } = await tx.query<OneStopTripRow>(
    `SELECT application_id, msisdn, expires_at, used_at FROM number_port_one_stop_trips
     WHERE state_hash = $1 FOR UPDATE`,
    [stateHash],
  );
  return rows[0] ?? null;
}

export async function markOneStopTripUsed(tx: Queryable, stateHash: Buffer, usedAt: Date): Promise<void> {
  await tx.query("UPDATE number_port_one_stop_trips SET used_at = $2 WHERE state_hash = $1", [stateHash, usedAt]);
}
