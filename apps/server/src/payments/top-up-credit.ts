import { type LineState, validityAfterTopUp } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import { queueLineSweep } from "../keep-alive/queue-line-sweep.ts";
import { findPlan } from "../plans/plans-repository.ts";
import {
  creditLineValidity,
  expirePendingTopUp,
  lockLineValidity,
  lockPendingTopUp,
  type TopUpCredit,
} from "./top-ups-repository.ts";

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
  const topUp = await lockPendingTopUp(tx, paymentId);
  if (topUp) await extendValidity(tx, topUp, reference, { paymentId }, at);
}

export async function extendValidity(
  tx: Queryable,
  topUp: TopUpCredit,
  reference: string,
  source: { paymentId?: string; voucherId?: string },
  at: Date,
): Promise<Date> {
  const line = await lockLineValidity(tx, topUp.subscription_id);
  if (!line) throw new Error(`subscription ${topUp.subscription_id} does not exist`);
  const plan = await findPlan(tx, line.plan_id);
  const current = line.valid_until ? new Date(line.valid_until) : null;
  const validUntil = plan?.keepAlive
    ? validityAfterTopUp(plan.keepAlive, current, at)
    : new Date(Math.max(current?.getTime() ?? 0, at.getTime()) + Number(topUp.validity_days) * DAY_MS);
  await creditLineValidity(tx, { id: topUp.id, subscriptionId: topUp.subscription_id }, validUntil, at);
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
  await expirePendingTopUp(tx, paymentId);
}
