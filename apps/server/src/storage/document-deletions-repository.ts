import type { Queryable } from "../db/database.ts";

/**
 * The SQL of `document_deletions`: objects to delete from the document store, queued in the
 * transaction that deletes or shreds the rows that referred to them (migration 0047).
 */

/**
 * Queues the objects of an application's evidence (`evidence: true`) and contract documents
 * (`contractDocuments: true`); call before the rows are deleted, in the same transaction.
 */
export async function queueApplicationObjectDeletions(
  tx: Queryable,
  applicationId: string,
  which: { evidence: boolean; contractDocuments: boolean },
): Promise<void> {
  if (which.evidence) {
    await tx.query(
      `INSERT INTO document_deletions (ref) SELECT content_ref FROM evidence
       WHERE application_id = $1 AND content_ref IS NOT NULL ON CONFLICT (ref) DO NOTHING`,
      [applicationId],
    );
  }
  if (which.contractDocuments) {
    await tx.query(
      `INSERT INTO document_deletions (ref) SELECT content_ref FROM contract_documents
       WHERE application_id = $1 AND content_ref IS NOT NULL ON CONFLICT (ref) DO NOTHING`,
      [applicationId],
    );
  }
}

/** The queued deletions due at `at`, oldest first. */
export async function selectDueDeletions(
  db: Queryable,
  at: Date,
  limit: number,
): Promise<{ ref: string; attempts: number }[]> {
  const { rows } = await db.query<{ ref: string; attempts: number }>(
    "SELECT ref, attempts FROM document_deletions WHERE next_attempt_at <= $1 ORDER BY next_attempt_at, ref LIMIT $2",
    [at, limit],
  );
  return rows;
}

export async function forgetDeletion(db: Queryable, ref: string): Promise<void> {
  await db.query("DELETE FROM document_deletions WHERE ref = $1", [ref]);
}

/** A failed attempt: counted, its reason kept (no personal data: a store's error), tried again at `retryAt`. */
export async function recordFailedDeletion(db: Queryable, ref: string, reason: string, retryAt: Date): Promise<void> {
  await db.query(
    "UPDATE document_deletions SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE ref = $1",
    [ref, reason.slice(0, 500), retryAt],
  );
}

/** How many deletions wait. */
export async function countQueuedDeletions(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM document_deletions");
  return Number(rows[0]?.n ?? 0);
}
