import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { migrate } from "../src/db/migrate.ts";
import { importInventory } from "../src/inventory/import-inventory.ts";
import { seedDemoData } from "../src/inventory/seed-demo-data.ts";
import { esimCsv, msisdnCsv } from "./inventory-support.ts";
import { particularsOf, somebody, td3 } from "./support/journey.ts";
import { startSmtpSink } from "./support/smtp-sink.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

/**
 * Crash safety on PostgreSQL (runs only in the PostgreSQL pass: vitest.config.ts includes
 * `*.postgres.test.ts` only when JITSUMEI_TEST_DB=postgres). Prepaid journeys run against `jitsumei
 * serve` child processes while (1) the server is killed with SIGKILL and restarted, (2) the database
 * refuses connections and drops the server's (the server answers 503, /readyz too, and recovers by
 * itself), (3) two servers run and are killed in turn. Clients retry with their Idempotency-Keys. Then:
 * every acknowledged write is there, no application twice, no number or ICCID given twice, every
 * mail delivered (a redelivery after a kill carries the same Message-ID), the audit chain verifies.
 */
// Sized for a loaded 2-core machine (a restart of `jitsumei serve` takes seconds there).
const JOURNEYS = { kills: 24, outages: 24, twoServers: 24 };
const DISTURBANCES = { kills: 3, outages: 3, twoServers: 3 };
const CLIENTS = 6;
const TOTAL = JOURNEYS.kills + JOURNEYS.outages + JOURNEYS.twoServers;
const APP_NAME = "jitsumei-crash-test";

let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let admin: pg.Client;
let databaseName = "";
const figures = { journeys: 0, kills: 0, outages: 0, readyz503: 0, retries: 0, answersLost: 0 };

type Proc = { port: number; child: ChildProcess | null };
const crashes: string[] = [];
const procs: Proc[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

function serverUrl(): string {
  const url = new URL(database.url ?? "");
  url.searchParams.set("application_name", APP_NAME);
  return url.toString();
}

const env = {
  JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
  JITSUMEI_VELOCITY_LIMITS: "email=100000,phone=100000,device=100000,ip=100000",
  JITSUMEI_RATE_LIMITS: "sign-in=100000,lookup=100000",
  JITSUMEI_APPLICATION_LIMITS: "ip=100000,device=100000,contact=100000,review=100000",
  // A request killed before its answer was stored frees its key after 3 s instead of 5 minutes.
  IDEMPOTENCY_ABANDON_SECONDS: "3",
  LOG_LEVEL: "silent",
};

/** The job runners of each server process (the default): how many mails one kill can leave half-sent. */
const JOB_CONCURRENCY = 3;

/** Starts `jitsumei serve` on the process's fixed port; resolves once it listens. */
function start(proc: Proc): Promise<void> {
  const child = spawn(process.execPath, [join(import.meta.dirname, "..", "bin", "jitsumei.js"), "serve"], {
    env: {
      ...process.env,
      ...env,
      PORT: String(proc.port),
      JOB_CONCURRENCY: String(JOB_CONCURRENCY),
      DATABASE_URL: serverUrl(),
      SMTP_URL: sink.url,
      JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-crash-")),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  proc.child = child;
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
      if (/listening on http/.test(err)) resolve();
    });
    child.once("exit", (code, signal) => {
      // Only our own SIGKILL may end a server: any other exit is a crash the test reports.
      if (signal !== "SIGKILL") crashes.push(`exit ${code ?? signal}: ${err.slice(-2000)}`);
      reject(new Error(`jitsumei serve exited ${code ?? signal}: ${err}`));
    });
  });
}

async function kill(proc: Proc): Promise<void> {
  const child = proc.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
  proc.child = null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

type Answer = { status: number; body: Record<string, unknown> };

/**
 * One request, retried like a careful client: on a refused or cut connection, a 503, or a key still
 * held by a request that died, it tries again (another server if there are two) with the same key.
 */
async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const proc = procs[attempt % procs.length] as Proc;
    try {
      const response = await fetch(`http://127.0.0.1:${proc.port}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer: Answer = { status: response.status, body: (await response.json()) as Record<string, unknown> };
      if (answer.status === 503 || answer.body.code === "idempotency_in_progress") {
        figures.retries++;
        await sleep(200);
        continue;
      }
      return answer;
    } catch {
      figures.retries++;
      await sleep(150);
    }
  }
  throw new Error(`${method} ${path}: no answer after 2000 attempts`);
}

type Journey = {
  email: string;
  reference: string;
  line: { msisdn: string; iccid: string };
};

/** A prepaid eSIM journey to its SIM; each step retried with its own Idempotency-Key. */
async function journey(): Promise<Journey> {
  const person = somebody();
  // Letters only: a UUID's twelve-digit tail passes the My Number check digit one time in ten, and
  // the server rightly refuses an e-mail that carries one.
  const email = `crash-${randomUUID().replace(/\d/g, (d) => "ghijklmnop"[Number(d)] ?? "x")}@example.test`;
  const created = await request(
    "POST",
    "/v1/applications",
    { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email } },
    { "idempotency-key": randomUUID() },
  );
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const reference = String(created.body.reference);
  const auth = { authorization: `Bearer ${created.body.accessToken}` };
  const put = await request("PUT", `/v1/applications/${reference}/applicant`, particularsOf(person), auth);
  if (put.status !== 200) throw new Error(`particulars: ${put.status} ${JSON.stringify(put.body)}`);
  const evidenceKey = randomUUID();
  const evidence = await request(
    "POST",
    `/v1/applications/${reference}/evidence`,
    { kind: "mrz", lines: td3(person) },
    { ...auth, "idempotency-key": evidenceKey },
  );
  if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${JSON.stringify(evidence.body)}`);
  const submitted = await request("POST", `/v1/applications/${reference}/submit`, undefined, {
    ...auth,
    "idempotency-key": randomUUID(),
  });
  if (submitted.status !== 200) {
    // The submission committed but its answer died with the process; the retry, run again after the
    // key was freed, finds the application no longer a draft. The state says what happened.
    figures.answersLost++;
    const view = await request("GET", `/v1/applications/${reference}`, undefined, auth);
    if (view.body.state !== "payment_pending") {
      throw new Error(`submit: ${submitted.status} ${JSON.stringify(view.body)}`);
    }
  } else if (submitted.body.state !== "payment_pending") {
    throw new Error(`not approved: ${JSON.stringify(submitted.body)}`);
  }
  await payUntilPaid(reference, auth);
  const issued = await request("GET", `/v1/applications/${reference}`, undefined, auth);
  if (issued.body.state !== "sim_assigned") throw new Error(`not assigned: ${JSON.stringify(issued.body)}`);
  const line = issued.body.line as Journey["line"] | undefined;
  figures.journeys++;
  return { email, reference, line: { msisdn: String(line?.msisdn), iccid: String(line?.iccid) } };
}

/**
 * Pays for the plan by card as a careful client: one Idempotency-Key per attempt, retried while the
 * answer says the payment could not complete (the local test gateway is in each process's memory, so
 * a process killed between authorising and capturing takes its authorisation with it: the payment is
 * recorded failed and the next attempt starts a new one). Never charged twice: one live payment each.
 */
async function payUntilPaid(reference: string, auth: Record<string, string>): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const paid = await request(
      "POST",
      `/v1/applications/${reference}/purchase/payments`,
      { method: "card", cardToken: "tok_test_ok" },
      { ...auth, "idempotency-key": randomUUID() },
    );
    if (paid.status === 200 || paid.status === 201) return;
    if (paid.body.code !== "payment_failed") throw new Error(`pay: ${paid.status} ${JSON.stringify(paid.body)}`);
    figures.retries++;
  }
  throw new Error(`pay: ${reference} still unpaid after 20 attempts`);
}

/** `count` journeys on CLIENTS concurrent clients while `disturb` runs; resolves with both. */
async function journeysDuring(count: number, disturb: (done: () => boolean) => Promise<void>): Promise<Journey[]> {
  const made: Journey[] = [];
  let started = 0;
  let finished = false;
  const clients = Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (started < count) {
        started++;
        made.push(await journey());
      }
    }),
  ).finally(() => {
    finished = true;
  });
  await Promise.all([clients, disturb(() => finished)]);
  return made;
}

/**
 * Waits until one more journey has finished (or all have), then a random moment: each disturbance hits
 * journeys in flight while there are any, and the run moves on between them. Every disturbance happens
 * (a kill after the last journey still restarts a server), so the figures do not depend on timing.
 */
async function progressed(done: () => boolean): Promise<void> {
  const before = figures.journeys;
  while (!done() && figures.journeys === before) await sleep(100);
  await sleep(between(100, 1500));
}

async function readyz(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
  } catch {
    return 0;
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
  databaseName = new URL(database.url ?? "").pathname.slice(1);
  await migrate(database.db);
  await seedDemoData(database.db, { simsPerKind: 1 });
  await importInventory(database.db, { kind: "msisdn", csv: msisdnCsv("020", TOTAL + 20, 70_000_000) });
  await importInventory(database.db, { kind: "esim", csv: esimCsv(TOTAL + 20, 1, 61) });
  sink = await startSmtpSink();
  admin = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  });
  await admin.connect();
  procs.push({ port: await freePort(), child: null });
  await start(procs[0] as Proc);
}, 120_000);

afterAll(async () => {
  await admin?.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`).catch(() => {});
  for (const proc of procs) await kill(proc);
  await admin?.end();
  await sink?.close();
  await database?.drop();
});

describe("crash safety on PostgreSQL: kills, database outages, two servers", () => {
  const all: Journey[] = [];

  it("survives SIGKILL of the server at random moments", async () => {
    const proc = procs[0] as Proc;
    all.push(
      ...(await journeysDuring(JOURNEYS.kills, async (done) => {
        for (let i = 0; i < DISTURBANCES.kills; i++) {
          await progressed(done);
          await kill(proc);
          figures.kills++;
          await start(proc);
        }
      })),
    );
    expect(all).toHaveLength(JOURNEYS.kills);
    expect(figures.kills).toBe(DISTURBANCES.kills);
  }, 180_000);

  it("answers 503 while the database is gone and recovers by itself", async () => {
    const proc = procs[0] as Proc;
    all.push(
      ...(await journeysDuring(JOURNEYS.outages, async (done) => {
        for (let i = 0; i < DISTURBANCES.outages; i++) {
          await progressed(done);
          // The database stops taking connections and drops the server's: like a restart of PostgreSQL.
          await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS false`);
          await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
            APP_NAME,
          ]);
          figures.outages++;
          let status = 0;
          for (let i = 0; i < 100 && status !== 503; i++) status = await readyz(proc.port);
          expect(status, crashes.join("\n")).toBe(503);
          figures.readyz503++;
          await sleep(between(300, 1200));
          await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
          for (let i = 0; i < 200 && status !== 200; i++) {
            status = await readyz(proc.port);
            if (status !== 200) await sleep(100);
          }
          expect(status).toBe(200);
        }
      })),
    );
    expect(figures.outages).toBe(DISTURBANCES.outages);
  }, 180_000);

  it("runs on two servers at once, killing each in turn", async () => {
    procs.push({ port: await freePort(), child: null });
    await start(procs[1] as Proc);
    let turn = 0;
    all.push(
      ...(await journeysDuring(JOURNEYS.twoServers, async (done) => {
        for (let i = 0; i < DISTURBANCES.twoServers; i++) {
          await progressed(done);
          const proc = procs[turn++ % 2] as Proc;
          await kill(proc);
          figures.kills++;
          await start(proc);
        }
      })),
    );
    expect(all).toHaveLength(TOTAL);
  }, 180_000);

  it("lost no acknowledged write, gave nothing twice, delivered every mail, and the chain verifies", async () => {
    const db = database.db;
    // Every acknowledged journey is there, with the line its answer named.
    const { rows: apps } = await db.query<{ reference: string; state: string; msisdn: string; iccid: string }>(
      `SELECT a.reference, a.state, s.msisdn, s.iccid FROM applications a LEFT JOIN sims s ON s.application_id = a.id`,
    );
    const byReference = new Map(apps.map((a) => [a.reference, a]));
    const lost = all.filter((j) => {
      const row = byReference.get(j.reference);
      return row?.state !== "sim_assigned" || row.msisdn !== j.line.msisdn || row.iccid !== j.line.iccid;
    });
    expect(lost).toEqual([]);
    // One application per journey (each e-mail address was used by one journey only).
    const duplicates = apps.length - all.length;
    expect(apps.length).toBe(TOTAL);
    const msisdns = new Set(apps.map((a) => a.msisdn));
    const iccids = new Set(apps.map((a) => a.iccid));
    expect(msisdns.size).toBe(TOTAL);
    expect(iccids.size).toBe(TOTAL);
    const { rows: pools } = await db.query<{ numbers: number; profiles: number }>(
      `SELECT (SELECT count(*)::int FROM phone_numbers WHERE status = 'assigned') AS numbers,
              (SELECT count(*)::int FROM esim_profiles WHERE status = 'assigned') AS profiles`,
    );
    expect(pools[0]).toEqual({ numbers: TOTAL, profiles: TOTAL });

    // Jobs a killed process had leased wait for their lease (5 minutes): move that time on.
    await db.query("UPDATE jobs SET run_at = now() WHERE status = 'pending'");
    let outbox: { id: string; status: string }[] = [];
    for (let i = 0; i < 600; i++) {
      outbox = (await db.query<{ id: string; status: string }>("SELECT id, status FROM mail_outbox")).rows;
      if (outbox.length >= TOTAL && outbox.every((m) => m.status === "sent")) break;
      await sleep(100);
    }
    expect(outbox.length).toBeGreaterThanOrEqual(TOTAL);
    expect(outbox.filter((m) => m.status !== "sent")).toEqual([]);
    const received = new Map<string, number>();
    for (const mail of sink.mails) {
      const id = /^Message-ID:\s*<([^@>]+)@/im.exec(mail.raw)?.[1] ?? "";
      received.set(id, (received.get(id) ?? 0) + 1);
    }
    expect(outbox.filter((m) => !received.has(m.id))).toEqual([]);
    expect([...received.keys()].filter((id) => !outbox.some((m) => m.id === id))).toEqual([]);
    const redelivered = sink.mails.length - received.size;
    // A mail is sent at least once: one whose process died between the SMTP answer and recording it
    // goes again, with the same Message-ID (receivers drop the copy): at most the jobs a worker had in
    // flight per kill or outage, which is JOB_CONCURRENCY of them (3 by default) on PostgreSQL.
    expect(redelivered).toBeLessThanOrEqual((figures.kills + figures.outages) * JOB_CONCURRENCY);

    expect(crashes).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
    process.stdout.write(
      `crash safety: ${figures.journeys} journeys, ${figures.kills} SIGKILLs survived, ${figures.outages} database ` +
        `outages (503 from /readyz each time, recovered), ${figures.retries} client retries, ${figures.answersLost} ` +
        `answers lost and recovered; writes lost: ${lost.length}; duplicate applications: ${duplicates}; ` +
        `numbers/ICCIDs given twice: ${TOTAL - msisdns.size}/${TOTAL - iccids.size}; mails: ${outbox.length} ` +
        `(${redelivered} redelivered with the same Message-ID)\n`,
    );
  }, 120_000);
});
