import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdLease } from "../src/jobs/lease.ts";
import { runPeriodicSweeps, SWEEPS_LEASE } from "../src/jobs/periodic-sweeps.ts";
import { draftApplication, somebody } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

// Two server processes on one database differ, for the sweeps, only by their lease holder: two
// holders here stand for two processes (one database, the server's own services).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

async function staleDrafts(count: number) {
  const references: string[] = [];
  for (let i = 0; i < count; i++)
    references.push((await draftApplication(server, "prepaid-data-esim", somebody())).reference);
  await server.services.db.query(
    "UPDATE applications SET state_changed_at = now() - interval '400 days' WHERE reference = ANY($1)",
    [references],
  );
  return references;
}

async function expiryEvents(references: string[]) {
  const { rows } = await server.services.db.query<{ reference: string; state: string; expiries: number }>(
    `SELECT a.reference, a.state, (SELECT count(*)::int FROM application_events e
       WHERE e.application_id = a.id AND e.to_state = 'expired') AS expiries
     FROM applications a WHERE a.reference = ANY($1) ORDER BY a.reference`,
    [references],
  );
  return rows;
}

describe("the periodic sweeps under a lease", () => {
  it("run in one of two processes at a time, with the results of one", async () => {
    const references = await staleDrafts(3);
    const [a, b] = await Promise.all([
      runPeriodicSweeps(server.services, "process-a", 1200, noWarnings),
      runPeriodicSweeps(server.services, "process-b", 1200, noWarnings),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    // Each stale draft expired once, as one process sweeping alone leaves them.
    expect(await expiryEvents(references)).toEqual(
      [...references].sort().map((reference) => ({ reference, state: "expired", expiries: 1 })),
    );
    // The holder renews its lease; the other keeps waiting.
    const holder = a ? "process-a" : "process-b";
    const other = a ? "process-b" : "process-a";
    expect(await runPeriodicSweeps(server.services, holder, 1200, noWarnings)).toBe(true);
    expect(await runPeriodicSweeps(server.services, other, 1200, noWarnings)).toBe(false);
  });

  it("pass to the other process once the holder's lease lapses (a process that stopped)", async () => {
    await server.services.db.query("DELETE FROM leases");
    expect(await holdLease(server.services.db, SWEEPS_LEASE, "process-a", 600)).toBe(true);
    const references = await staleDrafts(1);
    expect(await runPeriodicSweeps(server.services, "process-b", 600, noWarnings)).toBe(false);
    expect((await expiryEvents(references))[0]?.state).toBe("draft");
    await server.services.db.query("UPDATE leases SET expires_at = now() - interval '1 second' WHERE name = $1", [
      SWEEPS_LEASE,
    ]);
    expect(await runPeriodicSweeps(server.services, "process-b", 600, noWarnings)).toBe(true);
    expect(await expiryEvents(references)).toEqual([{ reference: references[0], state: "expired", expiries: 1 }]);
    expect(await holdLease(server.services.db, SWEEPS_LEASE, "process-a", 600)).toBe(false);
  });
});
