import type { Queryable } from "../db/database.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { insertPeriodicSweepJob } from "./keep-alive-repository.ts";

/** The job that sweeps lines (sweep-lines.ts), queued here: what pays or tops up a line only queues it. */
export const SWEEP_LINES_JOB = "sweep_lines";

/** Queues a sweep (all lines, or one after a top-up) as a job: it runs after the caller's commit. */
export async function queueLineSweep(tx: Queryable, input: { subscriptionId?: string; at?: Date }): Promise<void> {
  await enqueueJob(tx, SWEEP_LINES_JOB, {
    ...(input.subscriptionId ? { subscriptionId: input.subscriptionId } : {}),
    ...(input.at ? { at: input.at.toISOString() } : {}),
  });
}

/**
 * The periodic sweep of all lines, queued unless one is already waiting: every server process asks
 * every few minutes, and the queue keeps one.
 */
export async function queuePeriodicLineSweep(db: Queryable): Promise<void> {
  await insertPeriodicSweepJob(db, SWEEP_LINES_JOB);
}
