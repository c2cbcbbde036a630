import type { Database } from "../db/database.ts";
import { errorSummary } from "../jobs/jobs.ts";
import { forgetDeletion, recordFailedDeletion, selectDueDeletions } from "./document-deletions-repository.ts";
import type { DocumentStorage } from "./document-store.ts";

/**
 * Deletes the objects queued for deletion (document_deletions) from the store. A failure leaves the
 * entry queued with its reason, tried again after a back-off (a minute, doubling, at most a day), so
 * an unreachable store loses track of nothing. Run after a purge or a deletion request's decision and
 * by the periodic sweeps (jobs/periodic-sweeps.ts). With the database store nothing is ever queued.
 */
export async function deleteQueuedObjects(
  deps: { db: Database; documents: DocumentStorage; clock: () => Date },
  limit = 500,
): Promise<{ deleted: number; failed: number }> {
  if (deps.documents.kind !== "object") return { deleted: 0, failed: 0 };
  const due = await selectDueDeletions(deps.db, deps.clock(), limit);
  let deleted = 0;
  let failed = 0;
  for (const { ref, attempts } of due) {
    try {
      await deps.documents.deleteObject(ref);
      await forgetDeletion(deps.db, ref);
      deleted++;
    } catch (error) {
      failed++;
      await recordFailedDeletion(deps.db, ref, errorSummary(error), retryAt(deps.clock(), attempts));
    }
  }
  return { deleted, failed };
}

/** A minute after the first failure, doubling, at most a day. */
function retryAt(now: Date, attempts: number): Date {
  const minutes = Math.min(2 ** attempts, 24 * 60);
  return new Date(now.getTime() + minutes * 60_000);
}
