import type { Queryable } from "../db/database.ts";
import { findTransferOfApplication, selectTransfers } from "./transfers-repository.ts";

/**
 * Transfers, newest first, for the reviewers who consent to them (no personal data: the new holder's
 * case is the review case of `toReference`). The status follows the new holder's application.
 */
export async function listTransfers(db: Queryable, filter: { open?: boolean } = {}) {
  const rows = await selectTransfers(db, filter.open ?? false);
  return rows.map((r) => ({
    id: r.id,
    msisdn: r.msisdn,
    fromReference: r.from_reference,
    toReference: r.to_reference,
    status: r.completed_at
      ? "completed"
      : ["rejected", "cancelled", "expired"].includes(r.to_state)
        ? r.to_state
        : "awaiting_new_holder_or_consent",
    newHolderState: r.to_state,
    relationship: r.relationship,
    requirements: (typeof r.requirements === "string" ? JSON.parse(r.requirements) : r.requirements) as Record<
      string,
      string
    >,
    policy: `${r.policy_id}@${r.policy_version}`,
    requestedAt: new Date(r.requested_at).toISOString(),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  }));
}

/** For the reviewer's case view: the transfer an application of kind `transfer` asks consent for. */
export async function transferForCase(db: Queryable, applicationId: string) {
  const r = await findTransferOfApplication(db, applicationId);
  if (!r) return null;
  return {
    transferId: r.id,
    msisdn: r.msisdn,
    fromReference: r.from_reference,
    relationship: r.relationship,
    requirements: (typeof r.requirements === "string" ? JSON.parse(r.requirements) : r.requirements) as Record<
      string,
      string
    >,
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  };
}
