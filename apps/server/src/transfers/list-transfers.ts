import type { Queryable } from "../db/database.ts";

/**
 * Transfers, newest first, for the reviewers who consent to them (no personal data: the new holder's
 * case is the review case of `toReference`). The status follows the new holder's application.
 */
export async function listTransfers(db: Queryable, filter: { open?: boolean } = {}) {
  const { rows } = await db.query<{
    id: string;
    msisdn: string;
    from_reference: string;
    to_reference: string;
    to_state: string;
    relationship: string;
    requirements: unknown;
    policy_id: string;
    policy_version: string;
    requested_at: Date;
    completed_at: Date | null;
  }>(
    `SELECT t.id, s.msisdn, f.reference AS from_reference, n.reference AS to_reference, n.state AS to_state,
       t.relationship, t.requirements, t.policy_id, t.policy_version, t.requested_at, t.completed_at
     FROM line_transfers t JOIN subscriptions s ON s.id = t.subscription_id
     JOIN applications f ON f.id = t.from_application_id JOIN applications n ON n.id = t.to_application_id
     WHERE NOT $1::boolean OR (t.completed_at IS NULL AND n.state NOT IN ('rejected', 'cancelled', 'expired'))
     ORDER BY t.requested_at DESC, t.id LIMIT 200`,
    [filter.open ?? false],
  );
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
  const { rows } = await db.query<{
    id: string;
    msisdn: string;
    from_reference: string;
    relationship: string;
    requirements: unknown;
    completed_at: Date | null;
  }>(
    `SELECT t.id, s.msisdn, f.reference AS from_reference, t.relationship, t.requirements, t.completed_at
     FROM line_transfers t JOIN subscriptions s ON s.id = t.subscription_id
     JOIN applications f ON f.id = t.from_application_id WHERE t.to_application_id = $1`,
    [applicationId],
  );
  const r = rows[0];
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
