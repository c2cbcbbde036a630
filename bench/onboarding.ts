import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { auditAppendStatement } from "../apps/server/src/audit/audit-chain.ts";
import { loadConfig } from "../apps/server/src/config/config.ts";
import { toBuffer } from "../apps/server/src/db/database.ts";
import { readMail } from "../apps/server/src/mail/outbox.ts";
import { startServer } from "../apps/server/src/server.ts";
import { type DriverCommand, type DriverInput, type DriverMessage, type Step, steps } from "./onboarding-driver.ts";
import { createDatabase, latencySummary, round, table } from "./util.ts";

/**
 * Complete prepaid journeys over HTTP with N concurrent clients, and beside them the same database
 * writes replayed with pg directly (the floor of this schema), in the same run: after a warm-up on
 * both sides, in alternating batches against the same database.
 */
export async function benchOnboarding(adminUrl: string, quick: boolean) {
  const journeys = quick ? 120 : 600;
  const clients = quick ? 8 : 16;
  // A round of journeys per client before the measured ones, on both sides: the server's pool
  // connections, compiled code and PostgreSQL's caches are those of a server that has been running.
  const warmup = clients;
  const database = await createDatabase(adminUrl, "onboarding");
  const server = await startServer({
    config: loadConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      LOG_LEVEL: "silent",
      JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
      JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-bench-")),
      JITSUMEI_VELOCITY_LIMITS: "email=1000000,phone=1000000,device=1000000,ip=1000000",
      JITSUMEI_APPLICATION_LIMITS: "ip=1000000,device=1000000,contact=1000000,review=1000000",
    }),
    demoData: true,
    warn: () => {},
  });
  const db = server.services.db;
  // Enough eSIMs for every journey of both runs.
  await db.query(
    `INSERT INTO esim_profiles (iccid, smdp_address, matching_id)
     SELECT '8981990' || lpad(g::text, 12, '0'), 'bench.smdp.test', 'BENCH-' || g FROM generate_series(1, $1) g`,
    [(journeys + warmup) * 2 + 10],
  );
  await db.query(
    `INSERT INTO phone_numbers (msisdn, line_type)
     SELECT '0209' || lpad(g::text, 7, '0'), 'data' FROM generate_series(1, $1) g`,
    [(journeys + warmup) * 2 + 10],
  );

  // The code mail by its template: the job worker may render a notification mail after it.
  const codeFor = async (reference: string) => {
    const { rows } = await db.query<{ id: string; content_enc: unknown }>(
      `SELECT m.id, m.content_enc FROM mail_outbox m JOIN applications a ON a.id = m.application_id
       WHERE a.reference = $1 AND m.template = 'activation_code' ORDER BY m.created_at DESC LIMIT 1`,
      [reference],
    );
    const mail = await readMail(server.services.keys, String(rows[0]?.id), toBuffer(rows[0]?.content_enc));
    return /\b(\d{6})\b/.exec(mail.text)?.[1] ?? "";
  };

  // Waits until the job worker has run every due job (the mails and eSIM releases a batch queued):
  // that work belongs to the journeys, so it counts in the server's time.
  const jobsSettled = async () => {
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE status = 'pending' AND run_at <= now()",
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const rssBefore = process.memoryUsage().rss;
  const driver = startDriver({ url: server.url, clients }, codeFor);
  const raw = rawFloor(database.url, clients);
  // Warm-up on both sides, then the server and the raw floor in alternating batches, so that a change
  // in the machine's load (other work on a shared machine) falls on both alike.
  await driver.run(journeys, warmup, false);
  await jobsSettled();
  await raw.run(journeys, warmup);
  const batches = 4;
  const http = { seconds: 0, perSecond: 0 };
  const floor = { seconds: 0, perSecond: 0 };
  // Of the server's time: waiting after each batch for the job worker (one job at a time) to finish.
  let jobsAfterBatches = 0;
  for (let b = 0; b < batches; b++) {
    const from = Math.floor((b * journeys) / batches);
    const count = Math.floor(((b + 1) * journeys) / batches) - from;
    const started = performance.now();
    await driver.run(from, count, true);
    const settling = performance.now();
    await jobsSettled();
    jobsAfterBatches += (performance.now() - settling) / 1000;
    http.seconds += (performance.now() - started) / 1000;
    floor.seconds += await raw.run(from, count);
  }
  http.perSecond = journeys / http.seconds;
  floor.perSecond = journeys / floor.seconds;
  const latencies = await driver.finish();
  const rssAfter = process.memoryUsage().rss;
  await raw.end();
  await server.stop();
  await database.drop();

  const ratio = http.perSecond / floor.perSecond;
  const stepTable = steps.map((s) => {
    const l = latencySummary(latencies[s]);
    return { step: s, p50: l.p50, p99: l.p99, p99OverP50: round(l.p99 / Math.max(l.p50, 0.001)) };
  });
  process.stdout.write(
    `${table([
      ["onboarding", "journeys/s", "elapsed s"],
      ["HTTP (Jitsumei)", round(http.perSecond), round(http.seconds)],
      ["raw pg floor", round(floor.perSecond), round(floor.seconds)],
      ["ratio", round(ratio), ""],
      ["(HTTP: jobs after the batches)", "", round(jobsAfterBatches)],
    ])}\n\n${table([["step", "p50 ms", "p99 ms", "p99/p50"], ...stepTable.map((s) => [s.step, s.p50, s.p99, s.p99OverP50])])}\n` +
      `process RSS ${Math.round(rssBefore / 2 ** 20)} → ${Math.round(rssAfter / 2 ** 20)} MiB (the driver runs in a worker thread of this process)\n\n`,
  );
  return {
    journeys,
    clients,
    warmup,
    httpPerSecond: round(http.perSecond),
    rawPerSecond: round(floor.perSecond),
    batches,
    jobsAfterBatchesSeconds: round(jobsAfterBatches),
    ratio: round(ratio),
    steps: stepTable,
    rssMiB: { before: Math.round(rssBefore / 2 ** 20), after: Math.round(rssAfter / 2 ** 20) },
  };
}

/**
 * Starts the driver (onboarding-driver.ts) in a worker thread, answering its requests for activation
 * codes; `run` has it run a batch of journeys and answers the batch's seconds.
 */
function startDriver(input: DriverInput, codeFor: (reference: string) => Promise<string>) {
  // The worker loads TypeScript through tsx's API (a worker's --import does not reach its entry).
  const tsx = import.meta.resolve("tsx/esm/api");
  const driver = new URL("./onboarding-driver.ts", import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(driver)}); })`,
    { eval: true, workerData: input },
  );
  let waiting: { resolve: (m: DriverMessage) => void; reject: (e: unknown) => void } | null = null;
  const failed = (error: unknown) => {
    waiting?.reject(error);
    waiting = null;
  };
  worker.on("error", failed);
  worker.on("message", (message: DriverMessage) => {
    if (message.kind === "code") {
      codeFor(message.reference).then(
        (code) => worker.postMessage({ kind: "code", id: message.id, code } satisfies DriverCommand),
        failed,
      );
    } else if (message.kind === "failed") failed(new Error(message.message));
    else {
      waiting?.resolve(message);
      waiting = null;
    }
  });
  const send = (command: DriverCommand) =>
    new Promise<DriverMessage>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage(command);
    });
  return {
    async run(from: number, count: number, record: boolean): Promise<number> {
      const answer = await send({ kind: "run", from, count, record });
      return answer.kind === "ran" ? answer.seconds : 0;
    },
    async finish(): Promise<Record<Step, number[]>> {
      const answer = await send({ kind: "finish" });
      await worker.terminate();
      if (answer.kind !== "done") throw new Error("the driver did not finish");
      return answer.latencies;
    },
  };
}

async function runConcurrently(total: number, clients: number, job: (i: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await job(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: total / seconds };
}

/**
 * The same writes a journey makes, statement for statement, with no HTTP, no validation, no
 * encryption and no checks: row locks, events, the audit-head lock and the SIM reservation stay.
 */
function rawFloor(url: string, clients: number) {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  pool.on("error", () => {}); // idle clients cut when the database is dropped
  const bytes = (n: number) => randomBytes(n);
  // As the server does: audit entries are queued and appended together just before COMMIT.
  const tx = async (ref: string, fn: (c: pg.PoolClient, audit: () => void) => Promise<void>) => {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      let entries = 0;
      await fn(c, () => entries++);
      if (entries > 0) await appendAudit(c, ref, entries);
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK");
      throw error;
    } finally {
      c.release();
    }
  };
  // The server's own statement (lock the head, append, move the head), with entries of the same shape.
  const appendAudit = async (c: pg.PoolClient, subject: string, count: number) => {
    const entries = Array.from({ length: count }, () => ({ actor: "bench", action: "raw", subject, data: {} }));
    const { sql, params } = auditAppendStatement(entries, new Date().toISOString());
    await c.query(sql, params);
  };
  const notify = async (c: pg.PoolClient, id: string, version: number, template: string) => {
    await c.query("INSERT INTO notifications (application_id, version, template) VALUES ($1, $2, $3)", [
      id,
      version,
      template,
    ]);
    await c.query("INSERT INTO jobs (kind, payload, run_at) VALUES ('raw', $1, 'infinity')", [
      JSON.stringify({ applicationId: id, version }),
    ]);
  };
  // As the one door does it: the new state and its event in one statement.
  const event = async (c: pg.PoolClient, id: string, version: number, from: string, to: string) => {
    await c.query(
      `WITH moved AS (UPDATE applications SET state = $4, version = $2, updated_at = now(), state_changed_at = now()
         WHERE id = $1 RETURNING id)
       INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_kind, data)
       SELECT id, $2, 'raw', $3, $4, 'system', '{}' FROM moved`,
      [id, version, from, to],
    );
  };
  const journey = async (i: number) => {
    const id = randomUUID();
    const ref = `RAW-${i}-${randomBytes(3).toString("hex")}`;
    await tx(ref, async (c, audit) => {
      await c.query(
        `INSERT INTO applications (id, reference, plan_id, state, language, channel, form_factor, access_token_hash, wrapped_data_key,
           contact_enc, contact_index, ip_index) VALUES ($1, $2, 'prepaid-data-esim', 'draft', 'en', 'online', 'esim', $3, $4, $5, $6, $7)`,
        [id, ref, bytes(32), bytes(61), bytes(80), bytes(32), bytes(32)],
      );
      audit();
    });
    await tx(ref, async (c, audit) => {
      await c.query("SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]);
      await c.query(
        "UPDATE applications SET particulars_enc = $2, document_index = $3, identity_index = $4, content_version = content_version + 1 WHERE id = $1",
        [id, bytes(260), bytes(32), bytes(32)],
      );
      audit();
    });
    await tx(ref, async (c, audit) => {
      await c.query("SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]);
      await c.query("UPDATE applications SET content_version = content_version + 1 WHERE id = $1", [id]);
      await c.query("INSERT INTO evidence (id, application_id, kind, content_enc) VALUES ($1, $2, 'mrz', $3)", [
        randomUUID(),
        id,
        bytes(140),
      ]);
      audit();
    });
    await tx(ref, async (c, audit) => {
      await c.query("SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]);
      await event(c, id, 1, "draft", "checking");
      audit();
      await c.query("UPDATE applications SET check_run = 1 WHERE id = $1", [id]);
      for (let k = 0; k < 11; k++) {
        await c.query(
          "INSERT INTO check_results (application_id, run, code, status, params) VALUES ($1, 1, $2, 'pass', '{}')",
          [id, `raw.${k}`],
        );
      }
      await event(c, id, 2, "checking", "approved");
      audit();
      // The same statements as reserveSim: a number, then a profile, both marked, then the line.
      const number = await c.query<{ msisdn: string }>(
        "SELECT msisdn FROM phone_numbers WHERE status = 'available' AND line_type = 'data' ORDER BY msisdn LIMIT 1 FOR UPDATE SKIP LOCKED",
      );
      const profile = await c.query<{ id: string; iccid: string; smdp_address: string; matching_id: string }>(
        "SELECT id, iccid, smdp_address, matching_id FROM esim_profiles WHERE status = 'available' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
      );
      const msisdn = number.rows[0]?.msisdn;
      const esim = profile.rows[0];
      await c.query("UPDATE phone_numbers SET status = 'assigned', changed_at = now() WHERE msisdn = $1", [msisdn]);
      await c.query("UPDATE esim_profiles SET status = 'assigned', changed_at = now() WHERE id = $1", [esim?.id]);
      await c.query(
        `INSERT INTO sims (application_id, iccid, msisdn, form_factor, line_type, activation_code, esim_profile_id, status, assigned_at)
         VALUES ($1, $2, $3, 'esim', 'data', $4, $5, 'assigned', now())`,
        [id, esim?.iccid, msisdn, `LPA:1$${esim?.smdp_address}$${esim?.matching_id}`, esim?.id],
      );
      await event(c, id, 3, "approved", "sim_assigned");
      // What the one door adds for a SIM assigned: the applicant's notification and its job, and the
      // job that releases the eSIM profile at the SM-DP+.
      await notify(c, id, 3, "sim_ready");
      await c.query("INSERT INTO jobs (kind, payload, run_at) VALUES ('raw', $1, 'infinity')", [
        JSON.stringify({ applicationId: id }),
      ]);
      audit();
    });
    await tx(ref, async (c, audit) => {
      await c.query("SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]);
      await c.query(
        "INSERT INTO activation_codes (application_id, code_hash, expires_at) VALUES ($1, $2, now() + interval '15 minutes')",
        [id, bytes(32)],
      );
      const mail = randomUUID();
      await c.query("INSERT INTO mail_outbox (id, application_id, template, content_enc) VALUES ($1, $2, 'raw', $3)", [
        mail,
        id,
        bytes(300),
      ]);
      await c.query("INSERT INTO jobs (kind, payload, run_at) VALUES ('raw', $1, 'infinity')", [
        JSON.stringify({ mailId: mail }),
      ]);
      audit();
    });
    await tx(ref, async (c, audit) => {
      await c.query("SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]);
      await c.query("SELECT code_hash FROM activation_codes WHERE application_id = $1", [id]);
      await c.query("UPDATE sims SET status = 'active', activated_at = now() WHERE application_id = $1", [id]);
      await c.query("DELETE FROM activation_codes WHERE application_id = $1", [id]);
      await event(c, id, 4, "sim_assigned", "active");
      await notify(c, id, 4, "activated");
      // The network simulator's subscriber and the subscription, as activation writes them.
      const networkRef = `RAW-${randomUUID()}`;
      await c.query(
        `INSERT INTO network_simulator_subscribers (msisdn, iccid, network_ref, request_key, status)
         SELECT msisdn, iccid, $2, $1::text, 'active' FROM sims WHERE application_id = $1::uuid`,
        [id, networkRef],
      );
      await c.query(
        `INSERT INTO subscriptions (id, application_id, plan_id, msisdn, iccid, form_factor, network_ref, started_at)
         SELECT $2, $1, 'prepaid-data-esim', msisdn, iccid, 'esim', $3, now() FROM sims WHERE application_id = $1`,
        [id, randomUUID(), networkRef],
      );
      await c.query(
        `INSERT INTO verification_records (id, application_id, version, method, policy_id, policy_version, policy_hash, content_enc)
         VALUES ($1, $2, 1, 'MRZ', 'raw', 'raw', 'raw', $3)`,
        [randomUUID(), id, bytes(600)],
      );
      audit();
      audit();
    });
  };
  return {
    /** Runs journeys `from` … `from + count - 1`; answers the seconds taken. */
    run: async (from: number, count: number) =>
      (await runConcurrently(count, clients, (i) => journey(from + i))).seconds,
    end: () => pool.end(),
  };
}
