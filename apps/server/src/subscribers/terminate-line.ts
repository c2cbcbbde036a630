import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { releaseLine } from "../inventory/release-line.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { refundDepositsOnCancel } from "../payments/refund-deposits.ts";
import { markContractEndedIn } from "../records/retention.ts";

/** Why a line ended; the codes go to the audit trail and the subscription (never free text). */
export const terminationReasons = ["subscriber_request", "nonpayment", "fraud", "operator_decision"] as const;
export type TerminationReason = (typeof terminationReasons)[number];

export type EndedLine = {
  subscriptionId: string;
  reference: string;
  msisdn: string;
  endedAt: string;
  identityIndex: Buffer | null;
  refundsQueued: number;
  purgeAfter: string | null;
};

/**
 * Ends a line (解約), in the caller's transaction: off the network first (the number must stop
 * working and be free for its next holder after quarantine), the subscription ended with its reason,
 * the number into quarantine, any deposit refunded (by the refund job, after commit), and the
 * verification record's retention clock started (3 years under the Act, then purge). Audited.
 */
export async function terminateLineIn(
  tx: Queryable,
  deps: { provisioning: Provisioning; quarantineDays: number },
  input: { applicationId: string; reason: TerminationReason; actor: string; at: Date },
): Promise<EndedLine> {
  const { rows } = await tx.query<{
    id: string;
    msisdn: string;
    network_ref: string;
    reference: string;
    identity_index: Buffer | null;
  }>(
    `SELECT s.id, s.msisdn, s.network_ref, a.reference, a.identity_index FROM subscriptions s
     JOIN applications a ON a.id = s.application_id
     WHERE s.application_id = $1 AND s.status = 'active' FOR UPDATE OF s`,
    [input.applicationId],
  );
  const line = rows[0];
  if (!line)
    throw new AppError("subscription_not_active", "The line is not active: it has ended already, or never started");
  await deps.provisioning.deactivate({ networkRef: line.network_ref, msisdn: line.msisdn }, tx);
  await tx.query("UPDATE subscriptions SET status = 'terminated', ended_at = $2, end_reason = $3 WHERE id = $1", [
    line.id,
    input.at,
    input.reason,
  ]);
  await releaseLine(tx, input.applicationId, { now: input.at, quarantineDays: deps.quarantineDays });
  const refunds = await refundDepositsOnCancel(tx, input.applicationId);
  const hasRecord = await tx.query("SELECT 1 FROM verification_records WHERE application_id = $1 LIMIT 1", [
    input.applicationId,
  ]);
  const retention =
    hasRecord.rows.length > 0 ? await markContractEndedIn(tx, line.reference, input.at, input.actor) : null;
  await appendAuditEntry(tx, {
    actor: input.actor,
    action: "subscription.terminated",
    subject: line.reference,
    data: { reason: input.reason, refundsQueued: refunds.length },
  });
  return {
    subscriptionId: line.id,
    reference: line.reference,
    msisdn: line.msisdn,
    endedAt: input.at.toISOString(),
    identityIndex: line.identity_index,
    refundsQueued: refunds.length,
    purgeAfter: retention?.purgeAfter ?? null,
  };
}
