import type { ApplicationState, LineState } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { LineTransfers, Subscriptions } from "../db/schema.ts";
import { sqlStatus, sqlStatuses } from "../db/sql-status.ts";

/** Line transfers between holders (line_transfers) and the line they move: read and written only here. */

const ENDED_UNFINISHED = sqlStatuses<ApplicationState>("rejected", "cancelled", "expired");
const ACTIVE_LINE = sqlStatus<LineState>("active");

/** `requirements` as either adapter returns jsonb (parsed, or text on some paths). */
type TransferJson = { requirements: unknown };

export type TransferListRow = Pick<
  Selectable<LineTransfers>,
  "id" | "relationship" | "policy_id" | "policy_version" | "requested_at" | "completed_at"
> &
  Pick<Selectable<Subscriptions>, "msisdn"> &
  TransferJson & { from_reference: string; to_reference: string; to_state: string };

export async function selectTransfers(db: Queryable, openOnly: boolean): Promise<TransferListRow[]> {
  const { rows } = await db.query<TransferListRow>(
    `SELECT t.id, s.msisdn, f.reference AS from_reference, n.reference AS to_reference, n.state AS to_state,
       t.relationship, t.requirements, t.policy_id, t.policy_version, t.requested_at, t.completed_at
     FROM line_transfers t JOIN subscriptions s ON s.id = t.subscription_id
     JOIN applications f ON f.id = t.from_application_id JOIN applications n ON n.id = t.to_application_id
     WHERE NOT $1::boolean OR (t.completed_at IS NULL AND n.state NOT IN (${ENDED_UNFINISHED}))
     ORDER BY t.requested_at DESC, t.id LIMIT 200`,
    [openOnly],
  );
  return rows;
}

export type TransferOfCaseRow = Pick<Selectable<LineTransfers>, "id" | "relationship" | "completed_at"> &
  Pick<Selectable<Subscriptions>, "msisdn"> &
  TransferJson & { from_reference: string };

export async function findTransferOfApplication(
  db: Queryable,
  toApplicationId: string,
): Promise<TransferOfCaseRow | null> {
  const { rows } = await db.query<TransferOfCaseRow>(
    `SELECT t.id, s.msisdn, f.reference AS from_reference, t.relationship, t.requirements, t.completed_at
     FROM line_transfers t JOIN subscriptions s ON s.id = t.subscription_id
     JOIN applications f ON f.id = t.from_application_id WHERE t.to_application_id = $1`,
    [toApplicationId],
  );
  return rows[0] ?? null;
}

/** Locks the line when it is active; false when it is not. */
export async function lockActiveLine(tx: Queryable, lineId: string): Promise<boolean> {
  const locked = await tx.query(`SELECT 1 FROM subscriptions WHERE id = $1 AND status = ${ACTIVE_LINE} FOR UPDATE`, [
    lineId,
  ]);
  return locked.rows.length > 0;
}

/** Whether a transfer of the line is under way (not completed, its new holder's application not ended). */
export async function hasOpenTransfer(tx: Queryable, lineId: string): Promise<boolean> {
  const open = await tx.query(
    `SELECT 1 FROM line_transfers t JOIN applications n ON n.id = t.to_application_id
         WHERE t.subscription_id = $1 AND t.completed_at IS NULL
           AND n.state NOT IN (${ENDED_UNFINISHED})`,
    [lineId],
  );
  return open.rows.length > 0;
}

export async function insertTransfer(
  tx: Queryable,
  t: {
    id: string;
    lineId: string;
    fromApplicationId: string;
    toApplicationId: string;
    relationship: string;
    requirements: unknown;
    policyId: string;
    policyVersion: string;
    requestedAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO line_transfers (id, subscription_id, from_application_id, to_application_id, relationship,
           requirements, policy_id, policy_version, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      t.id,
      t.lineId,
      t.fromApplicationId,
      t.toApplicationId,
      t.relationship,
      JSON.stringify(t.requirements),
      t.policyId,
      t.policyVersion,
      t.requestedAt,
    ],
  );
}

export async function findApplicationIdByReference(db: Queryable, reference: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM applications WHERE reference = $1", [reference]);
  return rows[0]?.id ?? null;
}

export type LockedTransfer = Pick<
  Selectable<LineTransfers>,
  "id" | "subscription_id" | "from_application_id" | "relationship" | "completed_at"
>;

export async function lockTransferTo(tx: Queryable, toApplicationId: string): Promise<LockedTransfer | null> {
  const found = await tx.query<LockedTransfer>(
    `SELECT id, subscription_id, from_application_id, relationship, completed_at FROM line_transfers
     WHERE to_application_id = $1 FOR UPDATE`,
    [toApplicationId],
  );
  return found.rows[0] ?? null;
}

export type TransferredLine = Pick<Selectable<Subscriptions>, "msisdn" | "iccid" | "network_ref" | "valid_until">;

export async function lockActiveLineDetails(tx: Queryable, lineId: string): Promise<TransferredLine | null> {
  const lines = await tx.query<TransferredLine>(
    `SELECT msisdn, iccid, network_ref, valid_until FROM subscriptions WHERE id = $1 AND status = ${ACTIVE_LINE} FOR UPDATE`,
    [lineId],
  );
  return lines.rows[0] ?? null;
}

/** The SIM or profile (and number) stays; it is now the new holder's application's. */
export async function moveSimToApplication(tx: Queryable, fromApplicationId: string, toApplicationId: string) {
  await tx.query("UPDATE sims SET application_id = $2 WHERE application_id = $1", [fromApplicationId, toApplicationId]);
}

export async function markTransferCompleted(
  tx: Queryable,
  transferId: string,
  at: Date,
  newSubscriptionId: string,
): Promise<void> {
  await tx.query("UPDATE line_transfers SET completed_at = $2, new_subscription_id = $3 WHERE id = $1", [
    transferId,
    at,
    newSubscriptionId,
  ]);
}
