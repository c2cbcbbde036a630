import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import type { Database } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { openPostgres } from "../src/db/postgres.ts";
import { importInventory } from "../src/inventory/import-inventory.ts";
import { seedDemoData } from "../src/inventory/seed-demo-data.ts";
import { esimCsv, msisdnCsv } from "./inventory-support.ts";
import { particularsOf, somebody, td3 } from "./support/journey.ts";
import {
  type Cluster,
  clusterRoot,
  freePort,
  killCluster,
  promote,
  startPrimary,
  startStandby,
  stopCluster,
} from "./support/postgres-cluster.ts";
import { startSmtpSink } from "./support/smtp-sink.ts";

/**
 * The database fails over (runs only in the PostgreSQL pass: vitest.config.ts leaves *.postgres.test.ts
 * out of the embedded-database pass). The test owns two PostgreSQL clusters: a primary whose commits
 * wait for a streaming standby (pg_basebackup -R, synchronous_standby_names). `jitsumei serve` runs on
 * a multi-host DATABASE_URL naming both; prepaid journeys run on concurrent clients, each step with its
 * Idempotency-Key; the primary is killed (pg_ctl stop -m immediate) with journeys in flight, the server
 * answers 503 (problem+json, Retry-After) while no host takes writes, the standby is promoted, the
 * server finds it by itself (no restart), and the clients' retries finish every journey. Then: every
 * acknowledged write is on the new primary, nothing twice, every mail sent by the job worker, and the
 * audit chain verifies.
 */
const JOURNEYS = 16;
const CLIENTS = 4;
const DATABASE = "jitsumei";

const root = clusterRoot();
const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-failover-"));
let primary: Cluster | undefined;
let standby: Cluster | undefined;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let server: ChildProcess | null = null;
let serverPort = 0;
let serverLog = "";
const crashes: string[] = [];
const figures = {
  journeys: 0,
  retries: 0,
  answered503: 0,
  unproblematic503: 0,
  answersLost: 0,
  journeysBeforeKill: 0,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function multiHostUrl(): string {
  return `postgres://postgres@127.0.0.1:${primary?.port},127.0.0.1:${standby?.port}/${DATABASE}?target_session_attrs=read-write`;
}

function startServer(): Promise<void> {
  const child = spawn(process.execPath, [join(import.meta.dirname, "..", "bin", "jitsumei.js"), "serve"], {
    env: {
      ...process.env,
      PORT: String(serverPort),
      DATABASE_URL: multiHostUrl(),
      SMTP_URL: sink.url,
      JITSUMEI_DATA_DIR: dataDir,
      JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
      JITSUMEI_VELOCITY_LIMITS: "email=100000,phone=100000,device=100000,ip=100000",
      JITSUMEI_RATE_LIMITS: "sign-in=100000,lookup=100000",
      // A request cut off with its key claimed frees the key after 3 s instead of 5 minutes.
      IDEMPOTENCY_ABANDON_SECONDS: "3",
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  server = child;
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      serverLog += chunk.toString("utf8");
      if (/listening on http/.test(serverLog)) resolve();
    });
    child.once("exit", (code, signal) => {
      if (signal !== "SIGKILL") crashes.push(`exit ${code ?? signal}: ${serverLog.slice(-2000)}`);
      reject(new Error(`jitsumei serve exited ${code ?? signal}: ${serverLog}`));
    });
  });
}

type Answer = { status: number; body: Record<string, unknown> };

/**
 * One request, retried like a careful client: on a 503 or a key still held by a request that was cut
 * off, it tries again with the same Idempotency-Key. A 503 must be problem+json with Retry-After.
 */
async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const response = await fetch(`http://127.0.0.1:${serverPort}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer: Answer = { status: response.status, body: (await response.json()) as Record<string, unknown> };
    if (answer.status === 503) {
      figures.answered503++;
      const problemJson = response.headers.get("content-type")?.startsWith("application/problem+json");
      if (!problemJson || !response.headers.get("retry-after") || answer.body.code !== "database_unavailable") {
        figures.unproblematic503++;
      }
    }
    if (answer.status === 503 || answer.body.code === "idempotency_in_progress") {
      figures.retries++;
      await sleep(200);
      continue;
    }
    return answer;
  }
  throw new Error(`${method} ${path}: no answer after 1000 attempts`);
}

type Journey = { email: string; reference: string; line: { msisdn: string; iccid: string } };

/** A prepaid eSIM journey to its SIM; each write with its own Idempotency-Key, retried with it. */
async function journey(): Promise<Journey> {
  const person = somebody();
  // Letters only: a UUID's twelve-digit tail passes the My Number check digit one time in ten, and
  // the server rightly refuses an e-mail that carries one.
  const email = `failover-${randomUUID().replace(/\d/g, (d) => "ghijklmnop"[Number(d)] ?? "x")}@example.test`;
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
  const evidence = await request(
    "POST",
    `/v1/applications/${reference}/evidence`,
    { kind: "mrz", lines: td3(person) },
    { ...auth, "idempotency-key": randomUUID() },
  );
  if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${JSON.stringify(evidence.body)}`);
  const submitted = await request("POST", `/v1/applications/${reference}/submit`, undefined, {
    ...auth,
    "idempotency-key": randomUUID(),
  });
  if (submitted.status !== 200) {
    // The submission committed but its answer was cut off with the primary, and the key with it (its
    // answer was never stored): the retry, run again once the key was freed, finds the application no
    // longer a draft. The state says what happened.
    figures.answersLost++;
    const view = await request("GET", `/v1/applications/${reference}`, undefined, auth);
    if (view.body.state !== "payment_pending")
      throw new Error(`submit: ${submitted.status} ${JSON.stringify(view.body)}`);
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
 * Pays by card, a new Idempotency-Key per attempt, until paid: a payment cut off between the local
 * gateway's authorisation and its capture is recorded failed, and the next attempt starts another.
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

async function readyz(): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${serverPort}/readyz`)).status;
  } catch {
    return 0;
  }
}

async function onPrimary<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = openPostgres(multiHostUrl(), { max: 2 });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  primary = await startPrimary(root.dir);
  standby = await startStandby(root.dir, primary);
  const admin = new pg.Client({ connectionString: primary.url("postgres") });
  await admin.connect();
  try {
    // The standby streams synchronously once it has caught up: from then on a commit on the primary
    // waits for it.
    let states: string[] = [];
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin.query<{ sync_state: string }>("SELECT sync_state FROM pg_stat_replication");
      states = rows.map((r) => r.sync_state);
      if (states[0] === "sync") break;
      await sleep(50);
    }
    expect(states).toEqual(["sync"]);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  await onPrimary(async (db) => {
    await migrate(db);
    await seedDemoData(db, { simsPerKind: 1 });
    await importInventory(db, { kind: "msisdn", csv: msisdnCsv("020", JOURNEYS + 10, 80_000_000) });
    await importInventory(db, { kind: "esim", csv: esimCsv(JOURNEYS + 10, 1, 71) });
  });
  sink = await startSmtpSink();
  serverPort = await freePort();
  await startServer();
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<void>((resolve) => server?.once("exit", () => resolve()));
    server.kill("SIGKILL");
    await exited;
  }
  await sink?.close();
  await stopCluster(standby);
  await stopCluster(primary);
  root.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the database fails over: the standby is promoted while journeys run", () => {
  const made: Journey[] = [];
  const pid = () => server?.pid;
  let pidBefore: number | undefined;

  it("answers 503 while no host takes writes, then serves on the promoted standby without a restart", async () => {
    pidBefore = pid();
    let started = 0;
    let finished = false;
    const clients = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (started < JOURNEYS) {
          started++;
          made.push(await journey());
        }
      }),
    ).finally(() => {
      finished = true;
    });

    const failover = (async () => {
      // Kill the primary once a few journeys have finished, so that the others are in flight.
      while (figures.journeys < CLIENTS && !finished) await sleep(50);
      figures.journeysBeforeKill = figures.journeys;
      await killCluster(primary as Cluster);
      // No host takes writes: the standby is still in recovery. The server says so, and does not crash.
      let status = 0;
      for (let i = 0; i < 100 && status !== 503; i++) status = await readyz();
      expect(status, crashes.join("\n")).toBe(503);
      // Let the clients meet the outage before the standby is promoted.
      while (figures.answered503 === 0 && !finished) await sleep(50);
      await sleep(500);
      await promote(standby as Cluster);
      for (let i = 0; i < 300 && status !== 200; i++) {
        status = await readyz();
        if (status !== 200) await sleep(100);
      }
      expect(status).toBe(200);
    })();
    await Promise.all([clients, failover]);

    expect(made).toHaveLength(JOURNEYS);
    expect(figures.journeysBeforeKill).toBeLessThan(JOURNEYS);
    // In-flight requests were answered 503 problem+json with Retry-After, and retried.
    expect(figures.answered503).toBeGreaterThan(0);
    expect(figures.unproblematic503).toBe(0);
    // The same server process throughout, which found the new primary by itself and said so.
    expect(crashes).toEqual([]);
    expect(pid()).toBe(pidBefore);
    expect(serverLog).toMatch(new RegExp(`lost the database primary 127\\.0\\.0\\.1:${primary?.port}`));
    expect(serverLog).toMatch(new RegExp(`the database primary is now 127\\.0\\.0\\.1:${standby?.port}`));
  }, 120_000);

  it("lost no acknowledged write, gave nothing twice, sent every mail, and the chain verifies", async () => {
    await onPrimary(async (db) => {
      const { rows: apps } = await db.query<{ reference: string; state: string; msisdn: string; iccid: string }>(
        "SELECT a.reference, a.state, s.msisdn, s.iccid FROM applications a LEFT JOIN sims s ON s.application_id = a.id",
      );
      const byReference = new Map(apps.map((a) => [a.reference, a]));
      const lost = made.filter((j) => {
        const row = byReference.get(j.reference);
        return row?.state !== "sim_assigned" || row.msisdn !== j.line.msisdn || row.iccid !== j.line.iccid;
      });
      expect(lost).toEqual([]);
      // One application per journey (each e-mail address was used once), one number, one ICCID and one
      // captured payment each (never charged twice).
      expect(apps).toHaveLength(JOURNEYS);
      expect(new Set(apps.map((a) => a.msisdn)).size).toBe(JOURNEYS);
      expect(new Set(apps.map((a) => a.iccid)).size).toBe(JOURNEYS);
      const { rows: pools } = await db.query<{ numbers: number; profiles: number; payments: number }>(
        `SELECT (SELECT count(*)::int FROM phone_numbers WHERE status = 'assigned') AS numbers,
                (SELECT count(*)::int FROM esim_profiles WHERE status = 'assigned') AS profiles,
                (SELECT count(*)::int FROM payments WHERE status = 'captured') AS payments`,
      );
      expect(pools[0]).toEqual({ numbers: JOURNEYS, profiles: JOURNEYS, payments: JOURNEYS });

      // The job worker survived the failover: jobs it had leased on the old primary wait for their
      // lease (5 minutes), so move that time on; then every mail is sent, each received.
      await db.query("UPDATE jobs SET run_at = now() WHERE status = 'pending'");
      let outbox: { id: string; status: string }[] = [];
      for (let i = 0; i < 300; i++) {
        outbox = (await db.query<{ id: string; status: string }>("SELECT id, status FROM mail_outbox")).rows;
        if (outbox.length >= JOURNEYS && outbox.every((m) => m.status === "sent")) break;
        await sleep(100);
      }
      expect(outbox.length).toBeGreaterThanOrEqual(JOURNEYS);
      expect(outbox.filter((m) => m.status !== "sent")).toEqual([]);
      const received = new Set(sink.mails.map((mail) => /^Message-ID:\s*<([^@>]+)@/im.exec(mail.raw)?.[1] ?? ""));
      expect(outbox.filter((m) => !received.has(m.id))).toEqual([]);

      expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
      process.stdout.write(
        `failover: ${figures.journeys} journeys (${figures.journeysBeforeKill} finished before the primary was ` +
          `killed), ${figures.answered503} answers 503 during the failover, ${figures.retries} client retries, ` +
          `${figures.answersLost} answers lost and recovered; writes lost: ${lost.length}; applications: ` +
          `${apps.length}; mails: ${outbox.length}\n`,
      );
    });
  }, 60_000);

  it("treats a primary turned read-only (25006) as lost: 503 until a host takes writes, then the same key succeeds", async () => {
    const admin = new pg.Client({ connectionString: standby?.url("postgres") });
    await admin.connect();
    const setReadOnly = async (on: boolean) => {
      await admin.query(`ALTER SYSTEM SET default_transaction_read_only = ${on ? "on" : "off"}`);
      await admin.query("SELECT pg_reload_conf()");
    };
    try {
      const key = randomUUID();
      const create = () =>
        fetch(`http://127.0.0.1:${serverPort}/v1/applications`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": key },
          body: JSON.stringify({
            planId: "prepaid-data-esim",
            language: "en",
            channel: "online",
            contact: { email: `read-only-${key}@example.test` },
          }),
        });
      await setReadOnly(true);
      // The server's pooled connections to the host see the setting at their next statement.
      const refused = await create();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get("retry-after")).toBeTruthy();
      expect(((await refused.json()) as { code: string }).code).toBe("database_unavailable");
      expect(serverLog).toMatch(new RegExp(`lost the database primary 127\\.0\\.0\\.1:${standby?.port} \\(25006\\)`));
      // The only host left takes no writes: still 503, and /readyz agrees.
      expect((await create()).status).toBe(503);
      expect(await readyz()).toBe(503);

      await setReadOnly(false);
      let created = await create();
      for (let i = 0; i < 100 && (created.status === 503 || created.status === 409); i++) {
        await sleep(200);
        created = await create();
      }
      expect(created.status).toBe(201);
      const reference = ((await created.json()) as { reference: string }).reference;
      const count = await onPrimary(
        async (db) =>
          (
            await db.query<{ n: number }>("SELECT count(*)::int AS n FROM applications WHERE reference = $1", [
              reference,
            ])
          ).rows[0]?.n,
      );
      expect(count).toBe(1);
      expect(crashes).toEqual([]);
    } finally {
      await setReadOnly(false).catch(() => {});
      await admin.end();
    }
  }, 60_000);
});
