import type { Database, Queryable } from "../db/database.ts";
import { type ClaimedJobRow, claimDueJobs, insertJob, markJobsDone, recordJobFailure } from "./jobs-repository.ts";

/**
 * A job queue in PostgreSQL: jobs are inserted in the transaction that causes them and run after
 * it commits. Workers claim due jobs with SKIP LOCKED, so several server processes can share the
 * queue. A job runs at least once: handlers must tolerate a repeat (the mail job checks its status).
 */
export type JobHandlers = Record<string, (payload: never) => Promise<void>>;

const MAX_ATTEMPTS = 8;

/** `runAt` delays the first run (a webhook's next retry); by default the job is due at once. */
export async function enqueueJob(
  tx: Queryable,
  kind: string,
  payload: Record<string, unknown>,
  options: { runAt?: Date } = {},
): Promise<void> {
  await insertJob(tx, kind, JSON.stringify(payload), options.runAt ?? null);
}

export type JobWorker = {
  /** Look for work now (after a commit that queued some) instead of at the next poll. */
  kick(): void;
  /** Runs due jobs until none is left; for tests and the CLI. */
  drain(): Promise<number>;
  stop(): Promise<void>;
};

export function startJobWorker(
  db: Database,
  handlers: JobHandlers,
  options: {
    pollMs?: number;
    onError?: (error: unknown, job: { id: number; kind: string }) => void;
    autostart?: boolean;
    /**
     * How many jobs run at once (default 1). Free slots are filled as jobs finish, so a slow job (an
     * SMTP round trip, the SM-DP+) does not hold up the others; jobs are independent, and none may
     * rely on running after another one.
     */
    concurrency?: number;
  } = {},
): JobWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  const pollMs = options.pollMs ?? 1000;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));

  type ClaimedJob = ClaimedJobRow;
  /** The drains running now: a kick wakes them to claim at once into their free slots. */
  const wakers = new Set<() => void>();

  /** Runs a claimed job; true when it succeeded (a failure is recorded for a retry here). */
  async function run(job: ClaimedJob): Promise<boolean> {
    const handler = handlers[job.kind] as ((payload: Record<string, unknown>) => Promise<void>) | undefined;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload);
      return true;
    } catch (error) {
      options.onError?.(error, job);
      // Back off 2, 4, 8 … seconds; give up after MAX_ATTEMPTS and leave the job for an operator. A
      // permanent failure (the mail server refused the address) is not retried at all.
      const attempts = error instanceof PermanentJobError ? MAX_ATTEMPTS : job.attempts;
      await recordJobFailure(db, job.id, attempts, errorSummary(error), MAX_ATTEMPTS);
      return false;
    }
  }

  /**
   * Runs due jobs until none is left, up to `concurrency` at once. One statement claims as many due
   * jobs as there are free slots (with a lease: a worker that dies mid-job leaves them to be claimed
   * again when the lease ends) and marks the jobs finished since the last claim done. It claims again
   * when a slot frees and the last claim filled every slot (more may be due), when a kick says jobs
   * were queued, or when nothing runs any more (the last claim, which finds none, marks the rest done).
   * A crash before a job is marked done only means it runs again. Each job's failure is recorded on
   * its own, so it never touches the others claimed with it.
   */
  async function drain(): Promise<number> {
    let count = 0;
    let finished: number[] = [];
    const inFlight = new Set<Promise<void>>();
    const errors: unknown[] = [];
    let kicked = false;
    let wake: () => void = () => {};
    const waker = () => {
      kicked = true;
      wake();
    };
    wakers.add(waker);
    const start = (job: ClaimedJob) => {
      const running: Promise<void> = run(job)
        .then((ok) => {
          if (ok) finished.push(job.id);
        })
        .catch((error) => {
          errors.push(error);
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    };
    try {
      let claim = true;
      let more = false;
      while (!stopped && errors.length === 0) {
        const free = concurrency - inFlight.size;
        if (claim && free > 0) {
          const done = finished;
          finished = [];
          kicked = false;
          const jobs = await claimDueJobs(db, free, done);
          more = jobs.length === free;
          count += jobs.length;
          for (const job of jobs) start(job);
        }
        if (inFlight.size === 0) {
          // Nothing runs: the claim that found none marked the finished jobs done, or claim once more.
          if (more || finished.length > 0) {
            claim = true;
            continue;
          }
          break;
        }
        if (kicked && inFlight.size < concurrency) {
          claim = true;
          continue;
        }
        await Promise.race([
          ...inFlight,
          new Promise<void>((resolve) => {
            wake = resolve;
          }),
        ]);
        claim = more || kicked || inFlight.size === 0;
      }
    } finally {
      wakers.delete(waker);
      await Promise.all(inFlight);
      if (finished.length > 0) await markJobsDone(db, finished);
    }
    if (errors.length > 0) throw errors[0];
    return count;
  }

  function schedule(delay: number) {
    if (stopped || options.autostart === false) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
  }

  function tick() {
    if (running) return;
    running = drain().catch((error) => {
      options.onError?.(error, { id: 0, kind: "poll" });
      return 0;
    });
    running.finally(() => {
      running = null;
      schedule(pollMs);
    });
  }

  schedule(pollMs);
  return {
    kick: () => {
      for (const waker of wakers) waker();
      schedule(0);
    },
    // Runs due jobs until none is left, including those this worker's own poll holds: a job the poll
    // has claimed is skipped by SKIP LOCKED, so wait for the poll and look again.
    drain: async () => {
      let count = 0;
      for (;;) {
        if (running) await running;
        const ran = await drain();
        count += ran;
        if (ran === 0 && !running) return count;
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}

/** A failure that retrying cannot cure: the job is marked failed at once. */
export class PermanentJobError extends Error {}

/**
 * What of an error may be stored and logged: its code and the first line of its message, with
 * e-mail addresses cut out (an SMTP server's refusal repeats the recipient).
 */
export function errorSummary(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const message = String(e?.message ?? error).split("\n")[0] ?? "";
  const code = typeof e?.code === "string" ? `${e.code} ` : "";
  const response = typeof e?.responseCode === "number" ? `${e.responseCode} ` : "";
  return `${code}${response}${message}`.replace(/[^\s<>@"']+@[^\s<>"']+/g, "[address]").slice(0, 300);
}
