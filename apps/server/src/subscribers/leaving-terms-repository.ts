import type { PaymentStatus } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { sqlStatuses } from "../db/sql-status.ts";

const HELD = sqlStatuses<PaymentStatus>("authorized", "captured");

/**
 * Each line's deposit that ending it would give back: the deposit payments of its application that
 * hold money and are not yet being refunded (the ones `markChargesForRefund` marks when a line ends;
 * a deposit paid at a counter is paid back there, not counted), by subscription id, in yen.
 */
export async function refundableDeposits(
  db: Queryable,
  subscriptionIds: readonly string[],
): Promise<Map<string, number>> {
  if (subscriptionIds.length === 0) return new Map();
  const { rows } = await db.query<{ subscription_id: string; amount_jpy: string | number }>(
    `SELECT s.id AS subscription_id, SUM(p.amount_jpy) AS amount_jpy
     FROM subscriptions s JOIN payments p ON p.application_id = s.application_id
     WHERE s.id = ANY($1::uuid[]) AND p.kind = 'deposit' AND p.method <> 'counter'
       AND p.status IN (${HELD}) AND p.refund_requested_at IS NULL
     GROUP BY s.id`,
    [subscriptionIds],
  );
  return new Map(rows.map((r) => [r.subscription_id, Number(r.amount_jpy)]));
}

/** Each line's plan's minimum term in months (null: none set), by subscription id. */
export async function minimumTerms(
  db: Queryable,
  subscriptionIds: readonly string[],
): Promise<Map<string, number | null>> {
  if (subscriptionIds.length === 0) return new Map();
  const { rows } = await db.query<{ subscription_id: string; minimum_term_months: number | null }>(
    `SELECT s.id AS subscription_id, p.minimum_term_months
     FROM subscriptions s JOIN applications a ON a.id = s.application_id JOIN plans p ON p.id = a.plan_id
     WHERE s.id = ANY($1::uuid[])`,
    [subscriptionIds],
  );
  return new Map(rows.map((r) => [r.subscription_id, r.minimum_term_months]));
}
