import { randomInt } from "node:crypto";
import { type LineState, nextPortOutState, type PhoneNumberStatus, type PortOutState } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";

/** The SQL of port-out reservations (number_ports_out, migration 0035). */

/** The state an issued reservation takes when its 15 days are over (the domain's table). */
const EXPIRED: PortOutState = nextPortOutState("issued", "expire") ?? "expired";
// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const ISSUED: PortOutState = "issued";
const PORTED: PortOutState = "ported";
const CANCELLED: PortOutState = "cancelled";
const ACTIVE_LINE: LineState = "active";
const NUMBER_PORTED_OUT: PhoneNumberStatus = "ported_out";

/**
 * Issued reservations whose last valid day (`expires_on`, a date in Japan) is before `today` become
 * expired; the line is untouched. Answers each one with its application's reference (for the audit).
 * A reservation is expired once (the update is its own guard), so two sweeps at once do no harm.
 */
export async function expirePortOutReservations(
  tx: Queryable,
  input: { today: string; now: Date; subscriptionId?: string },
): Promise<{ id: string; reference: string }[]> {
  const { rows } = await tx.query<{ id: string; reference: string }>(
    `UPDATE number_ports_out o SET state = $3, ended_at = $2
     FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE s.id = o.subscription_id AND o.state = $5 AND o.expires_on < $1::date
       AND ($4::uuid IS NULL OR o.subscription_id = $4)
     RETURNING o.id, a.reference`,
    [input.today, input.now, EXPIRED, input.subscriptionId ?? null, ISSUED],
  );
  return rows;
}

export type PortOutOfLine = {
  reservationNumber: string;
  state: PortOutState;
  issuedOn: string;
  expiresOn: string;
};

/** Each subscription's latest port-out reservation (issued, expired, ported or cancelled), by subscription id. */
export async function latestPortOuts(
  db: Queryable,
  subscriptionIds: readonly string[],
): Promise<Map<string, PortOutOfLine>> {
  if (subscriptionIds.length === 0) return new Map();
  const { rows } = await db.query<{
    subscription_id: string;
    reservation_number: string;
    state: PortOutState;
    issued_on: string;
    expires_on: string;
  }>(
    `SELECT DISTINCT ON (subscription_id) subscription_id, reservation_number, state,
            to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(expires_on, 'YYYY-MM-DD') AS expires_on
     FROM number_ports_out WHERE subscription_id = ANY($1::uuid[])
     ORDER BY subscription_id, created_at DESC`,
    [subscriptionIds],
  );
  return new Map(
    rows.map((r) => [
      r.subscription_id,
      { reservationNumber: r.reservation_number, state: r.state, issuedOn: r.issued_on, expiresOn: r.expires_on },
    ]),
  );
}

/** The application's live line, locked (a port-out is issued under it). */
export async function lockActiveLine(
  tx: Queryable,
  applicationId: string,
): Promise<{ id: string; msisdn: string } | null> {
  const { rows } = await tx.query<{ id: string; msisdn: string }>(
    "SELECT id, msisdn FROM subscriptions WHERE application_id = $1 AND status = $2 FOR UPDATE",
    [applicationId, ACTIVE_LINE],
  );
  return rows[0] ?? null;
}

export type PortOutReservationRow = {
  msisdn: string;
  reservationNumber: string;
  issuedOn: string;
  expiresOn: string;
  mode: "two_stop" | "one_stop";
  recipient: string | null;
};

/** A reservation number issued (state `issued`). */
export async function insertPortOut(
  tx: Queryable,
  input: PortOutReservationRow & { id: string; subscriptionId: string; createdAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO number_ports_out (id, subscription_id, msisdn, reservation_number, mode, recipient, state,
                                   issued_on, expires_on, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $10, $7, $8, $9)`,
    [
      input.id,
      input.subscriptionId,
      input.msisdn,
      input.reservationNumber,
      input.mode,
      input.recipient,
      input.issuedOn,
      input.expiresOn,
      input.createdAt,
      ISSUED,
    ],
  );
}

/** The port-out a reservation number belongs to, locked, with the application of its line. */
export async function lockPortOutByReservation(tx: Queryable, reservationNumber: string) {
  const { rows } = await tx.query<{
    id: string;
    subscription_id: string;
    msisdn: string;
    state: PortOutState;
    expires_on: string;
    application_id: string;
  }>(
    `SELECT o.id, o.subscription_id, o.msisdn, o.state, to_char(o.expires_on, 'YYYY-MM-DD') AS expires_on,
            s.application_id
     FROM number_ports_out o JOIN subscriptions s ON s.id = o.subscription_id
     WHERE o.reservation_number = $1 FOR UPDATE OF o`,
    [reservationNumber],
  );
  return rows[0] ?? null;
}

/** The number moved to the new operator: it leaves our pool for good, and the reservation is spent. */
export async function recordPortedOut(tx: Queryable, input: { id: string; msisdn: string; at: Date }): Promise<void> {
  await tx.query("UPDATE phone_numbers SET status = $3, quarantined_until = NULL, changed_at = $2 WHERE msisdn = $1", [
    input.msisdn,
    input.at,
    NUMBER_PORTED_OUT,
  ]);
  await tx.query("UPDATE number_ports_out SET state = $3, ended_at = $2 WHERE id = $1", [input.id, input.at, PORTED]);
}

/** The line's reservation still valid (issued), if any. */
export async function liveReservation(tx: Queryable, subscriptionId: string): Promise<PortOutReservationRow | null> {
  const { rows } = await tx.query<{
    msisdn: string;
    reservation_number: string;
    issued_on: string;
    expires_on: string;
    mode: "two_stop" | "one_stop";
    recipient: string | null;
  }>(
    `SELECT msisdn, reservation_number, to_char(issued_on, 'YYYY-MM-DD') AS issued_on,
            to_char(expires_on, 'YYYY-MM-DD') AS expires_on, mode, recipient
     FROM number_ports_out WHERE subscription_id = $1 AND state = $2`,
    [subscriptionId, ISSUED],
  );
  const r = rows[0];
  return r
    ? {
        msisdn: r.msisdn,
        reservationNumber: r.reservation_number,
        issuedOn: r.issued_on,
        expiresOn: r.expires_on,
        mode: r.mode,
        recipient: r.recipient,
      }
    : null;
}

/** A 10-digit reservation number no port-out has used. */
export async function unusedReservationNumber(tx: Queryable): Promise<string> {
  for (;;) {
    const candidate = String(randomInt(1_000_000_000, 10_000_000_000));
    const { rows } = await tx.query("SELECT 1 FROM number_ports_out WHERE reservation_number = $1", [candidate]);
    if (rows.length === 0) return candidate;
  }
}

/**
 * The line's issued reservation becomes cancelled (the subscriber changed their mind before the new
 * operator used it). Answers its reservation number, or null when none was issued; the line is untouched.
 */
export async function cancelIssuedPortOut(
  tx: Queryable,
  input: { subscriptionId: string; at: Date },
): Promise<string | null> {
  const { rows } = await tx.query<{ reservation_number: string }>(
    `UPDATE number_ports_out SET state = $3, ended_at = $2
     WHERE subscription_id = $1 AND state = $4 RETURNING reservation_number`,
    [input.subscriptionId, input.at, CANCELLED, ISSUED],
  );
  return rows[0]?.reservation_number ?? null;
}
