import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.ts";
import { enqueueJob, startJobWorker } from "../src/jobs/jobs.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let database: TestDatabase;

beforeEach(async () => {
  database = await createTestDatabase({ migrated: true });
  await migrate(database.db);
});

afterEach(async () => {
  await database.drop();
});

/**
 * Queues `count` jobs whose handler holds until `release` is called, and records how many ran at once.
 * A job is only let go once the runners have had the chance to claim every job they can.
 */
async function holdingJobs(count: number) {
  for (let i = 0; i < count; i++) await enqueueJob(database.db, "hold", { n: i });
  const state = { running: 0, most: 0, ran: [] as number[] };
  let letGo: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  const handler = async (payload: { n: number }) => {
    state.running++;
    state.most = Math.max(state.most, state.running);
    await released;
    state.ran.push(payload.n);
    state.running--;
  };
  return { state, handler, release: letGo };
}

describe("the job worker", () => {
  it("runs up to `concurrency` jobs at once, each exactly once", async () => {
    const { state, handler, release } = await holdingJobs(7);
    const worker = startJobWorker(database.db, { hold: handler }, { autostart: false, concurrency: 3 });
    const draining = worker.drain();
    // Three runners each claim a job and wait in its handler; a fourth job must not start meanwhile.
    await expect.poll(() => state.running, { timeout: 10_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(state.running).toBe(3);
    release();
    expect(await draining).toBe(7);
    expect(state.most).toBe(3);
    expect(state.ran.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const { rows } = await database.db.query<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM jobs WHERE kind = 'hold'",
    );
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.status === "done" && row.attempts === 1)).toBe(true);
    await worker.stop();
  });

  it("runs one job at a time by default", async () => {
    const { state, handler, release } = await holdingJobs(3);
    const worker = startJobWorker(database.db, { hold: handler }, { autostart: false });
    const draining = worker.drain();
    await expect.poll(() => state.running, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(state.running).toBe(1);
    release();
    expect(await draining).toBe(3);
    expect(state.most).toBe(1);
    await worker.stop();
  });

  it("claims due jobs into its free slots in one statement, and records a failure for its own job alone", async () => {
    const { state, handler, release } = await holdingJobs(3);
    const claims: number[] = [];
    const db = Object.assign(Object.create(database.db) as typeof database.db, {
      query: async (text: string, params?: unknown[]) => {
        const result = await database.db.query(text, params);
        if (/UPDATE jobs SET attempts/.test(text)) claims.push(result.rows.length);
        return result;
      },
    });
    const failing = async (payload: { n: number }) => {
      await handler(payload);
      if (payload.n === 1) throw new Error("job 1 failed");
    };
    const worker = startJobWorker(db, { hold: failing }, { autostart: false, concurrency: 3 });
    const draining = worker.drain();
    await expect.poll(() => state.running, { timeout: 10_000 }).toBe(3);
    // The three jobs came in one claim (the old worker claimed one a statement).
    expect(claims).toEqual([3]);
    release();
    expect(await draining).toBe(3);
    // The jobs that finished were marked done by the claims that followed, which found none due.
    expect(claims.length).toBeLessThanOrEqual(3);
    expect(claims.slice(1).every((n) => n === 0)).toBe(true);
    const { rows } = await database.db.query<{
      n: number;
      status: string;
      attempts: number;
      last_error: string | null;
    }>("SELECT (payload->>'n')::int AS n, status, attempts, last_error FROM jobs WHERE kind = 'hold' ORDER BY 1");
    expect(rows).toEqual([
      { n: 0, status: "done", attempts: 1, last_error: null },
      { n: 1, status: "pending", attempts: 1, last_error: "job 1 failed" },
      { n: 2, status: "done", attempts: 1, last_error: null },
    ]);
    await worker.stop();
  });
});
