import { type LineState, validityAfterTopUp } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import { queueLineSweep } from "../keep-alive/queue-line-sweep.ts";
import { findPlan } from "../plans/plans-repository.ts";

/**
 * What a paid (or expired) top-up does to the line, apart from how it was bought (top-ups.ts): the
 * gateway's answer (record-gateway-answer.ts) and a voucher (retail) both end here.
 */

const DAY_MS = 86_400_000;

const stoppedByValidity: readonly LineState[] = ["receive_only", "suspended"];

/** A paid top-up extends the line; once only (the top-up's status guards a repeat). */
export async function creditTopUp(
  tx: Queryable,
  paymentId: string,
  reference: string,
  at: Date = new Date(),
): Promise<void> {
  const { rows } = await tx.query<{ id: string; subscription_id: string; validity_days: number }>(
    "SELECT id, subscription_id, validity_days FROM top_ups WHERE payment_id = $1 AND status = 'pending' FOR UPDATE",
    [paymentId],
  );
  const topUp = rows[0];
  if (topUp) await extendValidity(tx, topUp, reference, { paymentId }, at);
}

export async function extendValidity(
  tx: Queryable,
  topUp: { id: string; subscription_id: string; validity_days: number },
  reference: string,
  source: { paymentId?: string; voucherId?: string },
  at: Date,
): Promise<Date> {
  const { rows } = await tx.query<{ valid_until: Date | null; plan_id: string; state: LineState }>(
    "SELECT valid_until, plan_id, state FROM subscriptions WHERE id = $1 FOR UPDATE",
    [topUp.subscription_id],
  );
  const line = rows[0];
  if (!line) throw new Error(`subscription ${topUp.subscription_id} does not exist`);
  const plan = await findPlan(tx, line.plan_id);
  const current = line.valid_until ? new Date(line.valid_until) : null;
  const validUntil = plan?.keepAlive
    ? validityAfterTopUp(plan.keepAlive, current, at)
    : new Date(Math.max(current?.getTime() ?? 0, at.getTime()) + Number(topUp.validity_days) * DAY_MS);
  await tx.query("UPDATE subscriptions SET valid_until = $2 WHERE id = $1", [topUp.subscription_id, validUntil]);
  await tx.query("UPDATE top_ups SET status = 'credited', credited_at = $3, valid_until = $2 WHERE id = $1", [
    topUp.id,
    validUntil,
    at,
  ]);
  // A receive-only or suspended line gets its service back after commit (the network is the sweep's);
  // a police suspension stays until the holder verifies again.
  if (stoppedByValidity.includes(line.state)) {
    await queueLineSweep(tx, { subscriptionId: topUp.subscription_id, at });
  }
  await appendAuditEntry(tx, {
    actor: "system",
    action: "top_up.credited",
    subject: reference,
    data: {
      topUpId: topUp.id,
      ...source,
      validityDays: Number(topUp.validity_days),
      validUntil: validUntil.toISOString(),
    },
  });
  return validUntil;
}

export async function expireTopUp(tx: Queryable, paymentId: string): Promise<void> {
  await tx.query("UPDATE top_ups SET status = 'expired' WHERE payment_id = $1 AND status = 'pending'", [paymentId]);
}
