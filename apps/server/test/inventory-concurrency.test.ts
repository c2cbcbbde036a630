import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.ts";
import { type AssignedSim, reserveSim } from "../src/inventory/assign-sim.ts";
import { importInventory } from "../src/inventory/import-inventory.ts";
import { esimCsv, makeApplications, msisdnCsv, simCsv } from "./inventory-support.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "./support/test-database.ts";

/**
 * No number or ICCID is ever given twice, under 1,000 allocations at once: on PostgreSQL from two
 * separate processes with a pool of connections each; on PGlite (one connection, one process by
 * design) from one process with all 1,000 transactions in flight together.
 */
const ALLOCATIONS = 1000;
let database: TestDatabase;
let applications: { id: string; formFactor: "physical" | "esim" }[];

beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
  await migrate(database.db);
  // A little more stock than needed: what is left over must still be available afterwards.
  await importInventory(database.db, { kind: "msisdn", csv: msisdnCsv("090", ALLOCATIONS + 20) });
  await importInventory(database.db, { kind: "sim", csv: simCsv(10, ALLOCATIONS / 2 + 10) });
  await importInventory(database.db, { kind: "esim", csv: esimCsv(ALLOCATIONS / 2 + 10) });
  applications = await makeApplications(database.db, ALLOCATIONS);
});
afterAll(async () => database?.drop());

type Outcome = { ms: number; results: (AssignedSim | null)[] };

function startWorker(url: string, share: typeof applications) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "inventory-allocation-worker.ts")],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  child.stdin.write(`${JSON.stringify({ url, applications: share })}\n`);
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error("the allocation worker ended early");
    return String(line.value);
  };
  return {
    ready: next().then((l) => expect(l).toBe("ready")),
    go: () => child.stdin.write("go\n"),
    outcome: async () => JSON.parse(await next()) as Outcome,
  };
}

async function allocate(): Promise<Outcome[]> {
  const halves = [applications.slice(0, ALLOCATIONS / 2), applications.slice(ALLOCATIONS / 2)];
  if (testDatabaseKind === "postgres") {
    const url = database.url;
    if (!url) throw new Error("no database url");
    const workers = halves.map((share) => startWorker(url, share));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    return Promise.all(workers.map((w) => w.outcome()));
  }
  const started = performance.now();
  const results = await Promise.all(
    applications.map((a) => database.db.transaction((tx) => reserveSim(tx, a, "voice"))),
  );
  return [{ ms: performance.now() - started, results }];
}

describe(
  testDatabaseKind === "postgres"
    ? "1,000 allocations from two processes at once on one PostgreSQL"
    : "1,000 allocations in flight at once in one process (PGlite has one connection)",
  () => {
    it("give every line its own number and ICCID, and the database agrees", async () => {
      const outcomes = await allocate();
      const results = outcomes.flatMap((o) => o.results);
      console.info(
        `${ALLOCATIONS} allocations on ${testDatabaseKind}: ${outcomes.map((o) => `${Math.round(o.ms)} ms`).join(", ")}`,
      );
      expect(results).toHaveLength(ALLOCATIONS);
      expect(results.filter((r) => r === null)).toHaveLength(0);
      const lines = results.filter((r): r is AssignedSim => r !== null);
      expect(new Set(lines.map((l) => l.msisdn)).size).toBe(ALLOCATIONS);
      expect(new Set(lines.map((l) => l.iccid)).size).toBe(ALLOCATIONS);
      // Each application got the form factor it asked for.
      expect(lines.map((l) => l.formFactor)).toEqual(applications.map((a) => a.formFactor));

      const { rows } = await database.db.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM sims)::int AS lines,
                (SELECT count(DISTINCT msisdn) FROM sims)::int AS numbers,
                (SELECT count(DISTINCT iccid) FROM sims)::int AS iccids,
                (SELECT count(*) FROM phone_numbers WHERE status = 'assigned')::int AS numbers_assigned,
                (SELECT count(*) FROM phone_numbers WHERE status = 'available')::int AS numbers_left,
                (SELECT count(*) FROM sim_cards WHERE status = 'assigned')::int AS cards_assigned,
                (SELECT count(*) FROM esim_profiles WHERE status = 'assigned')::int AS profiles_assigned,
                (SELECT count(*) FROM sims s JOIN phone_numbers n USING (msisdn) WHERE n.status = 'assigned')::int AS joined`,
      );
      expect(rows[0]).toEqual({
        lines: ALLOCATIONS,
        numbers: ALLOCATIONS,
        iccids: ALLOCATIONS,
        numbers_assigned: ALLOCATIONS,
        numbers_left: 20,
        cards_assigned: ALLOCATIONS / 2,
        profiles_assigned: ALLOCATIONS / 2,
        joined: ALLOCATIONS,
      });
      const db = await database.db.query<{ msisdn: string; application_id: string }>(
        "SELECT msisdn, application_id FROM sims",
      );
      const byApplication = new Map(db.rows.map((r) => [r.application_id, r.msisdn]));
      expect(applications.map((a) => byApplication.get(a.id))).toEqual(lines.map((l) => l.msisdn));
    });
  },
);
