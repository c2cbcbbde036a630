import type { LineState, TopUpStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Subscriptions, TopUps } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";
import type { PaymentStatus } from "./payments-repository.ts";

/** The top_ups table and the line's validity they move: read and written only here. */

const PENDING = sqlStatus<TopUpStatus>("pending");
const CREDITED = sqlStatus<TopUpStatus>("credited");
const EXPIRED = sqlStatus<TopUpStatus>("expired");

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const ACTIVE_LINE: LineState = "active";

export type TopUpCredit = Pick<Selectable<TopUps>, "id" | "subscription_id" | "validity_days">;

/** The payment's top-up while it is pending, locked; null once credited or expired. */
export async function lockPendingTopUp(tx: Queryable, paymentId: string): Promise<TopUpCredit | null> {
  const { rows } = await tx.query<TopUpCredit>(
    `SELECT id, subscription_id, validity_days FROM top_ups WHERE payment_id = $1 AND status = ${PENDING} FOR UPDATE`,
    [paymentId],
  );
  return rows[0] ?? null;
}

export type LineValidity = Pick<Selectable<Subscriptions>, "valid_until" | "plan_id"> & { state: LineState };

export async function lockLineValidity(tx: Queryable, subscriptionId: string): Promise<LineValidity | null> {
  const { rows } = await tx.query<LineValidity>(
    "SELECT valid_until, plan_id, state FROM subscriptions WHERE id = $1 FOR UPDATE",
    [subscriptionId],
  );
  return rows[0] ?? null;
}

/** Extends the line to `validUntil` and marks the top-up credited, in this order. */
export async function creditLineValidity(
  tx: Queryable,
  topUp: { id: string; subscriptionId: string },
  validUntil: Date,
  at: Date,
): Promise<void> {
  await setLineValidUntil(tx, topUp.subscriptionId, validUntil);
  await tx.query(`UPDATE top_ups SET status = ${CREDITED}, credited_at = $3, valid_until = $2 WHERE id = $1`, [
    topUp.id,
    validUntil,
    at,
  ]);
}

/** Sets the line's prepaid validity (a credited top-up, or a line carried over by a transfer). */
export async function setLineValidUntil(tx: Queryable, subscriptionId: string, validUntil: Date): Promise<void> {
  await tx.query("UPDATE subscriptions SET valid_until = $2 WHERE id = $1", [subscriptionId, validUntil]);
}

export async function expirePendingTopUp(tx: Queryable, paymentId: string): Promise<void> {
  await tx.query(`UPDATE top_ups SET status = ${EXPIRED} WHERE payment_id = $1 AND status = ${PENDING}`, [paymentId]);
}

export type ActiveLineRow = Pick<Selectable<Subscriptions>, "id" | "plan_id" | "valid_until">;

/** The application's active line, if any. */
export async function findActiveLine(db: Queryable, applicationId: string): Promise<ActiveLineRow | null> {
  const { rows } = await db.query<ActiveLineRow>(
    "SELECT id, plan_id, valid_until FROM subscriptions WHERE application_id = $1 AND status = $2",
    [applicationId, ACTIVE_LINE],
  );
  return rows[0] ?? null;
}

export async function insertPendingTopUp(
  tx: Queryable,
  topUp: { id: string; subscriptionId: string; amountJpy: number; validityDays: number; paymentId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO top_ups (id, subscription_id, amount_jpy, validity_days, payment_id, status)
     VALUES ($1, $2, $3, $4, $5, ${PENDING})`,
    [topUp.id, topUp.subscriptionId, topUp.amountJpy, topUp.validityDays, topUp.paymentId],
  );
}

/** A top-up row with its payment's status (computed by the join). */
export type TopUpWithPayment = Pick<
  Selectable<TopUps>,
  | "id"
  | "subscription_id"
  | "amount_jpy"
  | "validity_days"
  | "payment_id"
  | "voucher_id"
  | "valid_until"
  | "credited_at"
> & { status: "pending" | "credited" | "expired"; payment_status: PaymentStatus | null };

/** The top-up, only when it is on a line of this application. */
export async function findTopUpOfApplication(
  db: Queryable,
  topUpId: string,
  applicationId: string,
): Promise<TopUpWithPayment | null> {
  const { rows } = await db.query<TopUpWithPayment>(
    `SELECT t.*, p.status AS payment_status FROM top_ups t
     JOIN subscriptions s ON s.id = t.subscription_id
     LEFT JOIN payments p ON p.id = t.payment_id
     WHERE t.id = $1 AND s.application_id = $2`,
    [topUpId, applicationId],
  );
  return rows[0] ?? null;
}
