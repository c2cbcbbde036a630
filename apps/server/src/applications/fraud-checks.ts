import type { CheckResult } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";

/** States in which an application holds, or may soon hold, a line. */
const holdingStates = [
  "checking",
  "in_review",
  "correction_requested",
  "approved",
  "contract_pending",
  "deposit_pending",
  "ready_to_issue",
  "sim_assigned",
  "in_delivery",
  "delivered",
  "active",
];

/**
 * Fraud controls on the blind indexes (never by decrypting other applicants):
 * - `fraud.line_limit`: the person's active and pending voice lines, this one included, may not
 *   exceed the policy's limit (industry rule: 5 per person);
 * - `fraud.document_reused`: the same document number under another name or date of birth goes to
 *   a person.
 */
/** Runs in the submitting transaction (`db` is its handle): the per-person lock lasts until commit. */
export async function runFraudChecks(
  db: Queryable,
  input: { applicationId: string; lineLimit: number | null; countsAsLine: boolean },
): Promise<CheckResult[]> {
  const { rows } = await db.query<{ identity_index: unknown; document_index: unknown }>(
    "SELECT identity_index, document_index FROM applications WHERE id = $1",
    [input.applicationId],
  );
  const own = rows[0];
  const results: CheckResult[] = [];
  if (input.countsAsLine && input.lineLimit !== null && own?.identity_index) {
    await db.query("SELECT pg_advisory_xact_lock(hashtextextended(encode($1, 'hex'), 0))", [own.identity_index]);
    const held = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications a JOIN plans p ON p.id = a.plan_id
       WHERE a.identity_index = $1 AND a.id <> $2 AND a.state = ANY($3) AND 'voice' = ANY(p.services)`,
      [own.identity_index, input.applicationId, holdingStates],
    );
    const lines = (held.rows[0]?.n ?? 0) + 1;
    results.push({
      code: "fraud.line_limit",
      status: lines > input.lineLimit ? "fail" : "pass",
      params: { limit: input.lineLimit, lines },
    });
  }
  if (own?.document_index && own.identity_index) {
    const others = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications
       WHERE document_index = $1 AND identity_index IS NOT NULL AND identity_index <> $2 AND id <> $3`,
      [own.document_index, own.identity_index, input.applicationId],
    );
    results.push({ code: "fraud.document_reused", status: (others.rows[0]?.n ?? 0) > 0 ? "review" : "pass" });
  }
  return results;
}
