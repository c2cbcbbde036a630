import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { migrate } from "../src/db/migrate.ts";
import { importInventory } from "../src/inventory/import-inventory.ts";
import { seedDemoData } from "../src/inventory/seed-demo-data.ts";
import { esimCsv, msisdnCsv } from "./inventory-support.ts";
import { particularsOf, somebody, td3 } from "./support/journey.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

/**
 * Three `jitsumei serve` processes on one PostgreSQL (issue #24, multiple servers; PostgreSQL only:
 * the embedded database admits one process). Prepaid journeys run across the three, and once a third
 * of them are done the process holding the sweeps' lease is killed (SIGKILL: no lease released, jobs
 * left claimed); its clients carry on at the next process with the same Idempotency-Keys. Then: the
 * results are those of one server (one application, one line, one number and one eSIM per journey,
 * stale drafts expired once), every job done once, the sweeps run by one process per period (their
 * lease), taken over by another after the kill.
 */
const JOURNEYS = 60;
const CLIENTS_PER_SERVER = 3;
const STALE_DRAFTS = 4;
/** The sweeps' period here (SWEEP_INTERVAL_SECONDS): their lease lasts two. */
const SWEEP_SECONDS = 1;

const env = {
  JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
  JITSUMEI_VELOCITY_LIMITS: "email=100000,phone=100000,device=100000,ip=100000",
  JITSUMEI_APPLICATION_LIMITS: "ip=100000,device=100000,contact=100000,review=100000",
  // A request killed before its answer was stored frees its key after 3 s instead of 5 minutes.
  IDEMPOTENCY_ABANDON_SECONDS: "3",
  SWEEP_INTERVAL_SECONDS: String(SWEEP_SECONDS),
  // The sweeps' runs are read from the log (one line at info each).
  LOG_LEVEL: "info",
};

type Proc = { port: number; child: ChildProcess | null; holder: string | null };
type SweepRun = { at: number; holder: string };
const procs: Proc[] = [];
const sweepRuns: SweepRun[] = [];
const crashes: string[] = [];
let database: TestDatabase;
let serversStarted = 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

/** Starts `jitsumei serve`; resolves once it listens. Its log's sweeps lines go to `sweepRuns`. */
function start(proc: Proc): Promise<void> {
  const child = spawn(process.execPath, [join(import.meta.dirname, "..", "bin", "jitsumei.js"), "serve"], {
    env: {
      ...process.env,
      ...env,
      PORT: String(proc.port),
      DATABASE_URL: database.url ?? "",
      JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-three-")),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.child = child;
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
    const lines = out.split("\n");
    out = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.includes("periodic sweeps ran")) continue;
      const { time, sweepHolder } = JSON.parse(line) as { time: number; sweepHolder: string };
      proc.holder = sweepHolder;
      sweepRuns.push({ at: time, holder: sweepHolder });
    }
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
      if (/listening on http/.test(err)) resolve();
    });
    child.once("exit", (code, signal) => {
      if (signal !== "SIGKILL" && signal !== "SIGTERM") crashes.push(`exit ${code ?? signal}: ${err.slice(-2000)}`);
      reject(new Error(`jitsumei serve exited ${code ?? signal}: ${err}`));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const live = () => procs.filter((p) => p.child !== null);

type Answer = { status: number; body: Record<string, unknown> };

/**
 * One request from client `client`, to its own server while it lives; on a refused or cut connection,
 * a 503 or a key still held by a request that died, again at the next live server with the same key.
 */
async function request(
  client: number,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const servers = live();
    const proc = servers[(client + attempt) % servers.length] as Proc;
    try {
      const response = await fetch(`http://127.0.0.1:${proc.port}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer: Answer = { status: response.status, body: (await response.json()) as Record<string, unknown> };
      if (answer.status === 503 || answer.body.code === "idempotency_in_progress") {
        await sleep(200);
        continue;
      }
      return answer;
    } catch {
      await sleep(150);
    }
  }
  throw new Error(`${method} ${path}: no answer after 600 attempts`);
}

let finished = 0;

/** A prepaid eSIM journey to its SIM, each step with its Idempotency-Key (crash-safety's careful client). */
async function journey(client: number): Promise<{ reference: string; msisdn: string; iccid: string }> {
  const person = somebody();
  const email = `three-${randomUUID().replace(/\d/g, (d) => "ghijklmnop"[Number(d)] ?? "x")}@example.test`;
  const created = await request(
    client,
    "POST",
    "/v1/applications",
    { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email } },
    { "idempotency-key": randomUUID() },
  );
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const reference = String(created.body.reference);
  const auth = { authorization: `Bearer ${created.body.accessToken}` };
  const put = await request(client, "PUT", `/v1/applications/${reference}/applicant`, particularsOf(person), auth);
  if (put.status !== 200) throw new Error(`particulars: ${put.status} ${JSON.stringify(put.body)}`);
  const evidence = await request(
    client,
    "POST",
    `/v1/applications/${reference}/evidence`,
    { kind: "mrz", lines: td3(person) },
    { ...auth, "idempotency-key": randomUUID() },
  );
  if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${JSON.stringify(evidence.body)}`);
  const submitted = await request(client, "POST", `/v1/applications/${reference}/submit`, undefined, {
    ...auth,
    "idempotency-key": randomUUID(),
  });
  if (submitted.status !== 200 || submitted.body.state !== "payment_pending") {
    // Committed, but the answer died with its process: the state says what happened.
    const view = await request(client, "GET", `/v1/applications/${reference}`, undefined, auth);
    if (view.body.state !== "payment_pending") throw new Error(`submit: ${JSON.stringify(view.body)}`);
  }
  // Paid by card; a process killed between authorising and capturing fails that payment (the test
  // gateway lives in the process), and the next attempt starts a new one.
  for (let attempt = 0; ; attempt++) {
    const paid = await request(
      client,
      "POST",
      `/v1/applications/${reference}/purchase/payments`,
      { method: "card", cardToken: "tok_test_ok" },
      { ...auth, "idempotency-key": randomUUID() },
    );
    if (paid.status === 200 || paid.status === 201) break;
    if (paid.body.code !== "payment_failed" || attempt > 20) throw new Error(`pay: ${JSON.stringify(paid.body)}`);
  }
  const issued = await request(client, "GET", `/v1/applications/${reference}`, undefined, auth);
  if (issued.body.state !== "sim_assigned") throw new Error(`not assigned: ${JSON.stringify(issued.body)}`);
  const line = issued.body.line as { msisdn: string; iccid: string };
  finished++;
  return { reference, msisdn: line.msisdn, iccid: line.iccid };
}

beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
  await migrate(database.db);
  await seedDemoData(database.db, { simsPerKind: 1 });
  await importInventory(database.db, { kind: "msisdn", csv: msisdnCsv("020", JOURNEYS + 20, 80_000_000) });
  await importInventory(database.db, { kind: "esim", csv: esimCsv(JOURNEYS + 20, 1, 70) });
  for (let i = 0; i < 3; i++) procs.push({ port: await freePort(), child: null, holder: null });
  serversStarted = Date.now();
  await Promise.all(procs.map(start));
}, 240_000);

afterAll(async () => {
  for (const proc of procs) {
    const child = proc.child;
    if (!child) continue;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  }
  await database?.drop();
});

describe("three server processes on one PostgreSQL, one killed mid-run", () => {
  it("give the results of one server, do every job once and the sweeps once per period", async () => {
    // Drafts nobody finished, a year old: the expiry sweep's work, to be done once.
    const stale: string[] = [];
    for (let i = 0; i < STALE_DRAFTS; i++) {
      const created = await request(
        i,
        "POST",
        "/v1/applications",
        { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email: "stale@example.test" } },
        { "idempotency-key": randomUUID() },
      );
      stale.push(String(created.body.reference));
    }
    await database.db.query(
      "UPDATE applications SET state_changed_at = now() - interval '400 days' WHERE reference = ANY($1)",
      [stale],
    );

    const sweepsFrom = Date.now();
    let started = 0;
    let killedAt = 0;
    let killed: Proc | null = null;
    const lines: { reference: string; msisdn: string; iccid: string }[] = [];
    const clients = Promise.all(
      Array.from({ length: 3 * CLIENTS_PER_SERVER }, async (_, client) => {
        while (started < JOURNEYS) {
          started++;
          lines.push(await journey(client));
        }
      }),
    );
    // A third of the way: the sweeps' holder killed, its journeys in flight.
    const kill = (async () => {
      while (finished < JOURNEYS / 3) await sleep(100);
      const holder = sweepRuns.at(-1)?.holder;
      killed = procs.find((p) => p.holder === holder) ?? (procs[0] as Proc);
      const child = killed.child as ChildProcess;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      killed.child = null;
      child.kill("SIGKILL");
      await exited;
      killedAt = Date.now();
    })();
    await Promise.all([clients, kill]);
    // Another process takes the sweeps over once the dead one's lease lapses (two periods).
    for (let waited = 0; !sweepRuns.some((r) => r.at > killedAt + 100); waited += 100) {
      if (waited > 60_000) throw new Error("no process took the sweeps over");
      await sleep(100);
    }
    const sweepsTo = Date.now();

    // The results of one server: one application, line, number and eSIM per journey.
    expect(crashes).toEqual([]);
    expect(lines).toHaveLength(JOURNEYS);
    expect(new Set(lines.map((l) => l.reference)).size).toBe(JOURNEYS);
    expect(new Set(lines.map((l) => l.msisdn)).size).toBe(JOURNEYS);
    expect(new Set(lines.map((l) => l.iccid)).size).toBe(JOURNEYS);
    const counts = await database.db.query<{ applications: number; assigned: number; sims: number }>(
      `SELECT (SELECT count(*)::int FROM applications WHERE reference <> ALL($1)) AS applications,
              (SELECT count(*)::int FROM applications WHERE state = 'sim_assigned') AS assigned,
              (SELECT count(*)::int FROM sims) AS sims`,
      [stale],
    );
    expect(counts.rows[0]).toEqual({ applications: JOURNEYS, assigned: JOURNEYS, sims: JOURNEYS });
    // The stale drafts expired, each once.
    const expiries = await database.db.query<{ state: string; expiries: number }>(
      `SELECT a.state, (SELECT count(*)::int FROM application_events e
         WHERE e.application_id = a.id AND e.to_state = 'expired') AS expiries
       FROM applications a WHERE a.reference = ANY($1)`,
      [stale],
    );
    expect(expiries.rows).toEqual(stale.map(() => ({ state: "expired", expiries: 1 })));

    // The sweeps: one holder at a time, so about one run a period in all (three processes without
    // the lease would run about three), and runs by a live process after the kill.
    const runs = sweepRuns.filter((r) => r.at >= sweepsFrom && r.at <= sweepsTo);
    const periods = (sweepsTo - sweepsFrom) / 1000 / SWEEP_SECONDS;
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.length).toBeLessThanOrEqual(periods + 3);
    const holders = (from: number, to: number) =>
      new Set(sweepRuns.filter((r) => r.at >= from && r.at < to).map((r) => r.holder));
    // Within any one period, one holder.
    for (const run of runs) expect(holders(run.at, run.at + SWEEP_SECONDS * 500).size).toBe(1);
    const deadHolder = (killed as Proc | null)?.holder;
    expect(sweepRuns.filter((r) => r.at > killedAt + 100).every((r) => r.holder !== deadHolder)).toBe(true);

    // Every job done, once: the dead process's claims are retried when their claim lapses (five
    // minutes), a failed attempt after its back-off; both moved to now here, until nothing is left
    // (but the line sweep's job, which the sweeps keep queuing). Then nothing failed, and no work was
    // queued twice (each application's jobs are one of each kind it needs, as with one server).
    for (let waited = 0; ; waited += 100) {
      await database.db.query(
        "UPDATE jobs SET run_at = now() WHERE status = 'pending' AND run_at > now() AND kind <> 'sweep_lines'",
      );
      const { rows } = await database.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE status = 'pending' AND kind <> 'sweep_lines'",
      );
      if (rows[0]?.n === 0) break;
      if (waited > 120_000) throw new Error(`${rows[0]?.n} jobs still pending`);
      await sleep(100);
    }
    const notDone = await database.db.query<{ kind: string; status: string; attempts: number; error: string | null }>(
      "SELECT kind, status, attempts, last_error AS error FROM jobs WHERE status = 'failed' ORDER BY id",
    );
    expect(notDone.rows).toEqual([]);
    // Jobs run more than once (a claim the kill cut, or an attempt that failed): shown, for the record.
    const retried = await database.db.query<{ kind: string; attempts: number; error: string | null }>(
      "SELECT kind, attempts, last_error AS error FROM jobs WHERE attempts > 1 ORDER BY id",
    );
    console.info(`jobs run more than once: ${JSON.stringify(retried.rows)}`);
    // (The line sweep's job is the same each period: the sweeps queue one a run, unless one waits.)
    const twice = await database.db.query<{ kind: string; payload: unknown; n: number }>(
      "SELECT kind, payload, count(*)::int AS n FROM jobs WHERE kind <> 'sweep_lines' GROUP BY kind, payload HAVING count(*) > 1",
    );
    expect(twice.rows).toEqual([]);
    // Each run of the sweeps queues one (unless one waits): counted in the database, since the started
    // servers' first period, at most one a period (the killed process's last log lines died with it).
    const lineSweeps = await database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = 'sweep_lines'",
    );
    expect(lineSweeps.rows[0]?.n).toBeLessThanOrEqual((Date.now() - serversStarted) / 1000 / SWEEP_SECONDS + 2);
    const perApplication = await database.db.query<{ kinds: string; n: number }>(
      `SELECT kinds, count(*)::int AS n FROM (
         SELECT a.id, string_agg(j.kind, ',' ORDER BY j.kind) AS kinds
           FROM applications a JOIN jobs j ON j.payload->>'applicationId' = a.id::text
          WHERE a.reference <> ALL($1) GROUP BY a.id) k GROUP BY kinds`,
      [stale],
    );
    expect(perApplication.rows.map((r) => r.n)).toEqual([JOURNEYS]);
    expect((await verifyAuditChain(database.db)).valid).toBe(true);
  }, 600_000);
});
