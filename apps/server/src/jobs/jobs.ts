import type { Database, Queryable } from "../db/database.ts";
import { type ClaimedJobRow, claimNextJob, insertJob, markJobDone, recordJobFailure } from "./jobs-repository.ts";

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
     * How many jobs run at once (default 1). Each runner claims its own job with SKIP LOCKED, so a
     * slow job (an SMTP round trip, the SM-DP+) does not hold up the others; jobs are independent,
     * and none may rely on running after another one.
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

  /**
   * Claims the next due job with a lease: a worker that dies mid-job leaves it to be claimed again
   * when the lease ends. `finished` is the job this runner has just done: it is marked done in the
   * same statement (one round trip a job fewer; a crash before it only means the job runs again).
   */
  async function claim(finished: number | null): Promise<ClaimedJob | null> {
    return claimNextJob(db, finished);
  }

  async function markDone(id: number): Promise<void> {
    await markJobDone(db, id);
  }

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
   * Runs due jobs until none is left. One runner starts; each job it finds starts one more, up to
   * `concurrency`, so a single queued job costs no extra empty claims and a burst gets every runner.
   */
  async function drain(): Promise<number> {
    let count = 0;
    const runners = new Set<Promise<void>>();
    const errors: unknown[] = [];
    const launch = () => {
      const runner: Promise<void> = runJobs()
        .catch((error) => {
          errors.push(error);
        })
        .finally(() => runners.delete(runner));
      runners.add(runner);
    };
    async function runJobs(): Promise<void> {
      let finished: number | null = null;
      try {
        while (!stopped) {
          const job = await claim(finished);
          finished = null;
          if (!job) return;
          count++;
          if (runners.size < concurrency) launch();
          if (await run(job)) finished = job.id;
        }
      } finally {
        if (finished !== null) await markDone(finished);
      }
    }
    launch();
    while (runners.size > 0) await Promise.all(runners);
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
    kick: () => schedule(0),
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
