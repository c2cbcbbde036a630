import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { auditAppendStatement } from "../apps/server/src/audit/audit-chain.ts";
import { openKeyManagement } from "../apps/server/src/crypto/key-ring.ts";
import { toBuffer } from "../apps/server/src/db/database.ts";
import { openPostgres } from "../apps/server/src/db/postgres.ts";
import { readMail } from "../apps/server/src/mail/outbox.ts";
import type { DriverCommand, DriverMessage, Step } from "./onboarding-driver.ts";
import { steps } from "./onboarding-driver.ts";
import { createDatabase, latencySummary, round, table } from "./util.ts";

const root = join(import.meta.dirname, "..");

/**
 * Complete prepaid journeys over HTTP against `jitsumei serve` in a process of its own, driven by a
 * second process with N concurrent clients; beside them the same database writes made the fastest
 * correct way (one round trip a step) from this process, in the same run against the same database:
 * after a warm-up on both sides, in alternating batches. Also the server's start-up time, its peak
 * RSS, and the statements and jobs of a journey.
 */
export async function benchOnboarding(adminUrl: string, quick: boolean, serverCount = 1) {
  const journeys = quick ? 120 : 600;
  const clients = quick ? 8 : 16;
  // A round of journeys per client before the measured ones, on both sides: the server's pool
  // connections, compiled code and PostgreSQL's caches are those of a server that has been running.
  const warmup = clients;
  const database = await createDatabase(adminUrl, "onboarding");
  const masterKey = randomBytes(32);
  const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-bench-"));
  const port = await freePort();
  const countFile = join(dataDir, "statements");
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    HOST: "127.0.0.1",
    PORT: String(port),
    // As in production: one line per request at info. NODE_ENV stays development: production refuses
    // the specimen passport the driver types and wants an SMTP server for the activation codes.
    LOG_LEVEL: "info",
    NODE_ENV: "development",
    JITSUMEI_MASTER_KEY: masterKey.toString("base64"),
    JITSUMEI_DATA_DIR: dataDir,
    // Every journey comes from one address and one machine: the per-network limits would stop the run.
    JITSUMEI_VELOCITY_LIMITS: "email=1000000,phone=1000000,device=1000000,ip=1000000",
    JITSUMEI_APPLICATION_LIMITS: "ip=1000000,device=1000000,contact=1000000,review=1000000",
    JITSUMEI_BENCH_STATEMENTS_FILE: countFile,
    // The build, not the sources (a shell that set this for the tests would measure tsx).
    JITSUMEI_FROM_SOURCE: undefined,
  };
  const url = `http://127.0.0.1:${port}`;
  // The server as production runs it: compiled to JavaScript (apps/server/build.mjs, `npm run build`),
  // built afresh so the bench never measures a stale build.
  execFileSync(process.execPath, [join(root, "apps/server/build.mjs")], { stdio: "ignore" });
  // The first start migrates and seeds the plans; the measured ones start on the migrated database:
  // the sources through tsx (the start before the build, for comparison), then the build (measured).
  const first = await startServerProcess(env, url, join(dataDir, "server-first.log"));
  await first.stop();
  const fromSource = await startServerProcess(
    { ...env, JITSUMEI_FROM_SOURCE: "1" },
    url,
    join(dataDir, "server-source.log"),
  );
  await fromSource.stop();
  // `--server-cpu-prof <dir>`: the measured server writes a CPU profile there when it stops (its
  // start, warm-up and batches; `tsx bench/cpuprofile-summary.ts <file>` summarises it).
  const profIndex = process.argv.indexOf("--server-cpu-prof");
  const profDir = profIndex >= 0 ? process.argv[profIndex + 1] : undefined;
  const server = await startServerProcess(
    env,
    url,
    join(dataDir, "server.log"),
    profDir ? ["--cpu-prof", "--cpu-prof-dir", profDir] : [],
  );
  // `--servers N`: N - 1 more `jitsumei serve` processes on the same database (the sweeps under their
  // lease, the job queue shared), each the driver's target for its share of the clients.
  const servers = [server];
  const urls = [url];
  for (let i = 1; i < serverCount; i++) {
    const extraPort = await freePort();
    const extraUrl = `http://127.0.0.1:${extraPort}`;
    servers.push(
      await startServerProcess(
        { ...env, PORT: String(extraPort), JITSUMEI_BENCH_STATEMENTS_FILE: `${countFile}-${i}` },
        extraUrl,
        join(dataDir, `server-${i}.log`),
      ),
    );
    urls.push(extraUrl);
  }
  const allStatements = async () => {
    let sum = 0;
    for (const s of servers) sum += await s.statements();
    return sum;
  };

  const db = openPostgres(database.url, { max: 2 });
  const keys = await openKeyManagement(db, masterKey);
  // Enough eSIMs and numbers for every journey of both runs.
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

  // The applicant's mailbox: the code mail by its template (a notification mail may follow it).
  const codeFor = async (reference: string) => {
    const { rows } = await db.query<{ id: string; content_enc: unknown }>(
      `SELECT m.id, m.content_enc FROM mail_outbox m JOIN applications a ON a.id = m.application_id
       WHERE a.reference = $1 AND m.template = 'activation_code' ORDER BY m.created_at DESC LIMIT 1`,
      [reference],
    );
    const mail = await readMail(keys, String(rows[0]?.id), toBuffer(rows[0]?.content_enc));
    return /\b(\d{6})\b/.exec(mail.text)?.[1] ?? "";
  };
  // Waits until the server's job worker has run every due job (the mails and eSIM releases a batch
  // queued): that work belongs to the journeys, so it counts in the server's time.
  const jobsSettled = async () => {
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE status = 'pending' AND run_at <= now()",
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const serverJobs = async () =>
    (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind <> 'raw'")).rows[0]?.n ?? 0;

  const driver = startDriver(urls.join(","), clients, codeFor);
  // Where the CPU goes while the server side runs: the server processes, the driver, and the
  // PostgreSQL backends of this database (user + system time from /proc, summed over the batches).
  const backendPids = async () =>
    (
      await db.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      )
    ).rows.map((r) => r.pid);
  const cpuOf = (pids: number[]) => new Map(pids.map((pid) => [pid, cpuSecondsOrZero(pid)]));
  const cpu = { servers: 0, postgres: 0, driver: 0 };
  const raw = rawFloor(database.url, clients);
  await driver.run(0, warmup, false);
  await jobsSettled();
  await raw.run(0, warmup);
  const batches = 4;
  const http = { seconds: 0, perSecond: 0 };
  const floor = { seconds: 0, perSecond: 0 };
  let jobsAfterBatches = 0;
  let statements = 0;
  let jobs = 0;
  for (let b = 0; b < batches; b++) {
    const from = warmup + Math.floor((b * journeys) / batches);
    const count = warmup + Math.floor(((b + 1) * journeys) / batches) - from;
    const statementsBefore = await allStatements();
    const jobsBefore = await serverJobs();
    const serversCpu = cpuOf(servers.map((s) => s.pid));
    const driverCpu = cpuOf([driver.pid]);
    const postgresCpu = cpuOf(await backendPids());
    const started = performance.now();
    await driver.run(from, count, true);
    const settling = performance.now();
    await jobsSettled();
    jobsAfterBatches += (performance.now() - settling) / 1000;
    http.seconds += (performance.now() - started) / 1000;
    const spent = (before: Map<number, number>) =>
      [...before].reduce((sum, [pid, at]) => sum + Math.max(0, cpuSecondsOrZero(pid) - at), 0);
    cpu.servers += spent(serversCpu);
    cpu.driver += spent(driverCpu);
    // Backends opened during the batch count from zero.
    for (const pid of await backendPids()) if (!postgresCpu.has(pid)) postgresCpu.set(pid, 0);
    cpu.postgres += spent(postgresCpu);
    statements += (await allStatements()) - statementsBefore;
    jobs += (await serverJobs()) - jobsBefore;
    floor.seconds += await raw.run(from, count);
  }
  http.perSecond = journeys / http.seconds;
  floor.perSecond = journeys / floor.seconds;
  const latencies = await driver.finish();
  const peak = server.memory();
  const peaks = servers.map((s) => s.memory().peakMiB);
  await raw.end();
  await db.close();
  for (const s of servers) await s.stop();
  await database.drop();

  const ratio = http.perSecond / floor.perSecond;
  const stepTable = steps.map((s) => {
    const l = latencySummary(latencies[s]);
    return { step: s, p50: l.p50, p99: l.p99, p99OverP50: round(l.p99 / Math.max(l.p50, 0.001)) };
  });
  const statementsPerJourney = round(statements / journeys, 1);
  const jobsPerJourney = round(jobs / journeys, 2);
  process.stdout.write(
    `${table([
      [`onboarding (${serverCount} server process${serverCount > 1 ? "es" : ""})`, "journeys/s", "elapsed s"],
      ["HTTP (jitsumei serve)", round(http.perSecond), round(http.seconds)],
      ["floor (one round trip a step)", round(floor.perSecond), round(floor.seconds)],
      ["ratio", round(ratio), ""],
      ["(HTTP: jobs after the batches)", "", round(jobsAfterBatches)],
    ])}\n\n${table([["step", "p50 ms", "p99 ms", "p99/p50"], ...stepTable.map((s) => [s.step, s.p50, s.p99, s.p99OverP50])])}\n` +
      `server: peak RSS ${peak.peakMiB} MiB (VmHWM), ${peak.rssMiB} MiB at the end; started (compiled) in ${round(server.startSeconds)} s, ${server.startCpuSeconds} s of CPU, on the migrated database (${round(first.startSeconds)} s migrating; through tsx ${round(fromSource.startSeconds)} s, ${fromSource.startCpuSeconds} s of CPU; load average ${server.startLoadAverage})\n` +
      `CPU while the server side ran (${round(http.seconds)} s of wall time on ${cpus().length} cores): servers ${round(cpu.servers)} s, PostgreSQL backends ${round(cpu.postgres)} s, driver ${round(cpu.driver)} s\n` +
      `a journey: ${statementsPerJourney} statements by the server (job worker included), ${jobsPerJourney} jobs; the floor ${rawStatements} statements in ${rawRoundTrips} round trips\n\n`,
  );
  return {
    journeys,
    clients,
    servers: serverCount,
    warmup,
    httpPerSecond: round(http.perSecond),
    rawPerSecond: round(floor.perSecond),
    batches,
    jobsAfterBatchesSeconds: round(jobsAfterBatches),
    ratio: round(ratio),
    steps: stepTable,
    serverPeakRssMiB: peak.peakMiB,
    serversPeakRssMiB: peaks,
    cpuSeconds: { servers: round(cpu.servers), postgres: round(cpu.postgres), driver: round(cpu.driver) },
    serverRssAtEndMiB: peak.rssMiB,
    statementsPerJourney,
    jobsPerJourney,
    floor: { statementsPerJourney: rawStatements, roundTripsPerJourney: rawRoundTrips },
    startup: {
      seconds: round(server.startSeconds),
      cpuSeconds: server.startCpuSeconds,
      loadAverage: server.startLoadAverage,
      firstStartMigratingSeconds: round(first.startSeconds),
      fromSource: { seconds: round(fromSource.startSeconds), cpuSeconds: fromSource.startCpuSeconds },
    },
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/**
 * `jitsumei serve --demo` as its own process (the bin: the compiled build, or the sources through tsx
 * with JITSUMEI_FROM_SOURCE=1), with the statement counter preloaded; the start is timed from the
 * spawn to the first 200 from /readyz, in wall time and in the process's CPU time (user + system from
 * /proc, which the machine's load does not inflate).
 */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  url: string,
  logFile: string,
  nodeArgs: string[] = [],
) {
  const log = openSync(logFile, "a");
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...nodeArgs,
      "--import",
      join(root, "bench/statement-counter.mjs"),
      join(root, "apps/server/bin/jitsumei.js"),
      "serve",
      "--demo",
    ],
    { env, stdio: ["ignore", log, log] },
  );
  let exited: number | null = null;
  // A bench that fails leaves no server behind.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  child.on("exit", (code) => {
    exited = code ?? -1;
    process.off("exit", killOnExit);
  });
  for (;;) {
    if (exited !== null) throw new Error(`jitsumei serve exited (${exited}); see ${logFile}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startSeconds = (performance.now() - started) / 1000;
  const pid = child.pid ?? 0;
  const startCpuSeconds = cpuSeconds(pid);
  const startLoadAverage = round(loadavg()[0] ?? 0, 1);
  const countFile = String(env.JITSUMEI_BENCH_STATEMENTS_FILE);
  let signals = 0;
  return {
    pid,
    startSeconds,
    startCpuSeconds,
    startLoadAverage,
    /** The statements the server has sent so far (asked by SIGUSR2, answered in a file). */
    async statements(): Promise<number> {
      signals++;
      process.kill(pid, "SIGUSR2");
      for (;;) {
        const [n, count] = (() => {
          try {
            return readFileSync(countFile, "utf8").split(" ").map(Number);
          } catch {
            return [0, 0];
          }
        })();
        if (n === signals) return count ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    /** VmHWM (the peak resident set) and VmRSS from /proc. */
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      return { peakMiB: Math.round(kb("VmHWM") / 1024), rssMiB: Math.round(kb("VmRSS") / 1024) };
    },
    async stop() {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      if (exited === null) child.kill("SIGTERM");
      await gone;
      closeSync(log);
    },
  };
}

/** As below, 0 for a process gone (a backend the pool closed). */
function cpuSecondsOrZero(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
}

/** A process's CPU time so far (utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The fields after the command name in parentheses (which may hold spaces): utime is the 14th field.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return round((Number(fields[11]) + Number(fields[12])) / 100, 2);
}

/** Starts the driver process and answers its requests for activation codes. */
export function startDriver(
  url: string,
  clients: number,
  codeFor: (reference: string, email: string) => Promise<string>,
) {
  const driver = fork(join(root, "bench/onboarding-driver.ts"), [url, String(clients)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let waiting: { resolve: (m: DriverMessage) => void; reject: (e: unknown) => void } | null = null;
  const failed = (error: unknown) => {
    waiting?.reject(error);
    waiting = null;
  };
  driver.on("error", failed);
  driver.on("exit", (code) => failed(new Error(`the driver exited (${code})`)));
  driver.on("message", (message: DriverMessage) => {
    if (message.kind === "code") {
      codeFor(message.reference, message.email).then(
        (code) => driver.send({ kind: "code", id: message.id, code } satisfies DriverCommand),
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
      driver.send(command);
    });
  return {
    pid: driver.pid ?? 0,
    async run(from: number, count: number, record: boolean): Promise<number> {
      const answer = await send({ kind: "run", from, count, record });
      return answer.kind === "ran" ? answer.seconds : 0;
    },
    async finish(): Promise<Record<Step, number[]>> {
      const answer = await send({ kind: "finish" });
      driver.removeAllListeners("exit");
      driver.kill();
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

type Statement = readonly [sql: string, params?: readonly unknown[]];

/** A value as an SQL literal (the floor sends each step as one simple query, so no parameters). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  if (Buffer.isBuffer(value)) return `'\\x${value.toString("hex")}'::bytea`;
  if (Array.isArray(value)) return value.length === 0 ? "'{}'" : `ARRAY[${value.map(literal).join(", ")}]`;
  return pg.escapeLiteral(String(value));
}

/** `$n` replaced by its literal, from the highest number down (so `$1` is not taken for `$10`'s start). */
function inline([sql, params = []]: Statement): string {
  let text = sql;
  for (let n = params.length; n >= 1; n--) text = text.replaceAll(`$${n}`, literal(params[n - 1]));
  return text;
}

// A journey's statements and round trips in the floor, as its last batch counted them.
let rawStatements = 0;
let rawRoundTrips = 0;

/**
 * The writes of a journey made the fastest correct way: each step one round trip (a simple query of
 * several statements inside BEGIN … COMMIT), rows inserted together (the eleven check results in one
 * statement), the SIM reserved in one statement, the audit entries appended by the server's own
 * statement. What the floor leaves out: HTTP, validation, encryption, the checks' work and the jobs
 * (queued, never due). Row locks, events, the audit head's lock and the SIM reservation stay.
 */
function rawFloor(url: string, clients: number) {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  pool.on("error", () => {}); // idle clients cut when the database is dropped
  const bytes = (n: number) => randomBytes(n);
  const audit = (subject: string, count: number): Statement => {
    const entries = Array.from({ length: count }, () => ({ actor: "bench", action: "raw", subject, data: {} }));
    const { sql, params } = auditAppendStatement(entries, new Date().toISOString());
    return [sql, params];
  };
  // Of one journey, counted as it runs (the steps are the same for every journey).
  const tally = { statements: 0, roundTrips: 0 };
  const step = async (statements: Statement[]) => {
    const c = await pool.connect();
    try {
      await c.query(`BEGIN; ${statements.map(inline).join(";\n")}; COMMIT`);
    } catch (error) {
      await c.query("ROLLBACK");
      throw error;
    } finally {
      c.release();
    }
    tally.roundTrips++;
    tally.statements += statements.length + 2; // and BEGIN, COMMIT
  };
  // As the one door does it: the new state and its event in one statement.
  const event = (id: string, version: number, from: string, to: string): Statement => [
    `WITH moved AS (UPDATE applications SET state = $4, version = $2, updated_at = now(), state_changed_at = now()
       WHERE id = $1 RETURNING id)
     INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_kind, data)
     SELECT id, $2, 'raw', $3, $4, 'system', '{}' FROM moved`,
    [id, version, from, to],
  ];
  // A notification and its job in one statement.
  const notify = (id: string, version: number, template: string): Statement => [
    `WITH n AS (INSERT INTO notifications (application_id, version, template) VALUES ($1, $2, $3))
     INSERT INTO jobs (kind, payload, run_at) VALUES ('raw', $4, 'infinity')`,
    [id, version, template, JSON.stringify({ applicationId: id, version })],
  ];
  const journey = async (i: number) => {
    const id = randomUUID();
    const ref = `RAW-${i}-${randomBytes(3).toString("hex")}`;
    await step([
      [
        `INSERT INTO applications (id, reference, plan_id, state, language, channel, form_factor, access_token_hash, wrapped_data_key,
           contact_enc, contact_index, ip_index) VALUES ($1, $2, 'prepaid-data-esim', 'draft', 'en', 'online', 'esim', $3, $4, $5, $6, $7)`,
        [id, ref, bytes(32), bytes(61), bytes(80), bytes(32), bytes(32)],
      ],
      audit(ref, 1),
    ]);
    await step([
      [
        "UPDATE applications SET particulars_enc = $2, document_index = $3, identity_index = $4, content_version = content_version + 1 WHERE id = $1",
        [id, bytes(260), bytes(32), bytes(32)],
      ],
      audit(ref, 1),
    ]);
    await step([
      ["UPDATE applications SET content_version = content_version + 1 WHERE id = $1", [id]],
      [
        "INSERT INTO evidence (id, application_id, kind, content_enc) VALUES ($1, $2, 'mrz', $3)",
        [randomUUID(), id, bytes(140)],
      ],
      audit(ref, 1),
    ]);
    await step([
      event(id, 1, "draft", "checking"),
      ["UPDATE applications SET check_run = 1 WHERE id = $1", [id]],
      [
        `INSERT INTO check_results (application_id, run, code, status, params)
         SELECT $1, 1, 'raw.' || k, 'pass', '{}' FROM generate_series(0, 10) k`,
        [id],
      ],
      event(id, 2, "checking", "approved"),
      event(id, 3, "approved", "payment_pending"),
      audit(ref, 3),
    ]);
    const payment = randomUUID();
    await step([
      ["SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]],
      // The plan's price paid by card: the payment and its events (created, captured) together.
      [
        `WITH p AS (INSERT INTO payments (id, application_id, kind, amount_jpy, method, status, gateway, idempotency_key, gateway_payment_id)
           VALUES ($1, $2, 'purchase', 3000, 'card', 'captured', 'raw', $3, $3) RETURNING id)
         INSERT INTO payment_events (payment_id, kind, from_status, to_status, source, data)
         SELECT id, k.kind, k.from_status, k.to_status, 'request', '{}' FROM p,
           (VALUES ('created', NULL, 'pending'), ('status_changed', 'pending', 'captured')) AS k (kind, from_status, to_status)`,
        [payment, id, randomUUID()],
      ],
      event(id, 4, "payment_pending", "ready_to_issue"),
      // A number and a profile taken and marked, and the line, in one statement.
      [
        `WITH n AS (SELECT msisdn FROM phone_numbers WHERE status = 'available' AND line_type = 'data' ORDER BY msisdn LIMIT 1 FOR UPDATE SKIP LOCKED),
         e AS (SELECT id, iccid, smdp_address, matching_id FROM esim_profiles WHERE status = 'available' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED),
         un AS (UPDATE phone_numbers p SET status = 'assigned', changed_at = now() FROM n WHERE p.msisdn = n.msisdn),
         ue AS (UPDATE esim_profiles p SET status = 'assigned', changed_at = now() FROM e WHERE p.id = e.id)
         INSERT INTO sims (application_id, iccid, msisdn, form_factor, line_type, activation_code, esim_profile_id, status, assigned_at)
         SELECT $1, e.iccid, n.msisdn, 'esim', 'data', 'LPA:1' || chr(36) || e.smdp_address || chr(36) || e.matching_id, e.id, 'assigned', now()
         FROM n, e`,
        [id],
      ],
      event(id, 5, "ready_to_issue", "sim_assigned"),
      // What the one door adds for a SIM assigned: the applicant's notification and its job, and the
      // job that releases the eSIM profile at the SM-DP+.
      notify(id, 5, "sim_ready"),
      [
        "INSERT INTO jobs (kind, payload, run_at) VALUES ('raw', $1, 'infinity')",
        [JSON.stringify({ applicationId: id })],
      ],
      audit(ref, 4),
    ]);
    const mail = randomUUID();
    await step([
      ["SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]],
      [
        `WITH c AS (INSERT INTO activation_codes (application_id, code_hash, expires_at) VALUES ($1, $2, now() + interval '15 minutes')),
         m AS (INSERT INTO mail_outbox (id, application_id, template, content_enc) VALUES ($3, $1, 'raw', $4))
         INSERT INTO jobs (kind, payload, run_at) VALUES ('raw', $5, 'infinity')`,
        [id, bytes(32), mail, bytes(300), JSON.stringify({ mailId: mail })],
      ],
      audit(ref, 1),
    ]);
    const networkRef = `RAW-${randomUUID()}`;
    await step([
      ["SELECT id FROM applications WHERE id = $1 FOR UPDATE", [id]],
      // The code used up (its row deleted) and the SIM activated, in one statement.
      [
        `WITH used AS (DELETE FROM activation_codes WHERE application_id = $1 RETURNING application_id)
         UPDATE sims SET status = 'active', activated_at = now() WHERE application_id = (SELECT application_id FROM used)`,
        [id],
      ],
      event(id, 6, "sim_assigned", "active"),
      notify(id, 6, "activated"),
      // The network simulator's subscriber and the subscription, as activation writes them.
      [
        `WITH s AS (SELECT msisdn, iccid FROM sims WHERE application_id = $1::uuid),
         n AS (INSERT INTO network_simulator_subscribers (msisdn, iccid, network_ref, request_key, status)
           SELECT msisdn, iccid, $3, $1::text, 'active' FROM s)
         INSERT INTO subscriptions (id, application_id, plan_id, msisdn, iccid, form_factor, network_ref, started_at)
         SELECT $2, $1, 'prepaid-data-esim', msisdn, iccid, 'esim', $3, now() FROM s`,
        [id, randomUUID(), networkRef],
      ],
      [
        `INSERT INTO verification_records (id, application_id, version, method, policy_id, policy_version, policy_hash, content_enc)
         VALUES ($1, $2, 1, 'MRZ', 'raw', 'raw', 'raw', $3)`,
        [randomUUID(), id, bytes(600)],
      ],
      audit(ref, 2),
    ]);
  };
  return {
    /** Runs journeys `from` … `from + count - 1`; answers the seconds taken. */
    run: async (from: number, count: number) => {
      const seconds = (await runConcurrently(count, clients, (i) => journey(from + i))).seconds;
      rawStatements = tally.statements / count;
      rawRoundTrips = tally.roundTrips / count;
      tally.statements = 0;
      tally.roundTrips = 0;
      return seconds;
    },
    end: () => pool.end(),
  };
}
