import { createHash, randomBytes, randomUUID } from "node:crypto";
import { findApplicationByReference } from "../apps/server/src/applications/application-row.ts";
import { runFraudChecks } from "../apps/server/src/applications/fraud-checks.ts";
import { entryHash, verifyAuditChain } from "../apps/server/src/audit/audit-chain.ts";
import { type Config, loadConfig } from "../apps/server/src/config/config.ts";
import type { Database } from "../apps/server/src/db/database.ts";
import { migrate } from "../apps/server/src/db/migrate.ts";
import { openPostgres } from "../apps/server/src/db/postgres.ts";
import { seedDemoData } from "../apps/server/src/inventory/seed-demo-data.ts";
import { recordsPage } from "../apps/server/src/records/export-verification-records.ts";
import { type RecordsCursor, selectRecordsForExport } from "../apps/server/src/records/records-repository.ts";
import { listQueue, queueStates } from "../apps/server/src/review/case-view.ts";
import { getDashboard, keepDashboardRollup } from "../apps/server/src/review/dashboard.ts";
import { createDatabase, rate, round, table } from "./util.ts";

/** The tables `fill` grows; their secondary indexes are built after the load. */
const filledTables = [
  "applications",
  "application_events",
  "check_results",
  "verification_records",
  "case_flags",
  "blocklist_entries",
];

/**
 * `n` applications as three years of an operator would leave them, and every table the measured
 * functions read grown with them: created over 1 095 days, in the order they were made (a real table
 * is appended to day by day, so a day's rows lie together; before 2026-12-05 13:00 each row had a
 * random day, which scattered a day's rows over the whole table); the last three days hold what is
 * still moving (drafts, the reviewer queue, payments, SIMs), the rest ended (active, expired,
 * rejected, cancelled, delivered); events with the decision 0 to 48 hours after the submission (the
 * approval or refusal, then payment, SIM and activation as far as the state went), the eleven check
 * results of each submission (3 % failing or for review), a verification record per line, case
 * flags, and a blocklist of n / 1 000 entries. Blind indexes repeat as real ones do: a document or a
 * person in 3 % of applications applied before, an address in 10 %, a network shared by about four, a
 * device by two. Then a third of the rows updated again (the dead tuples a real table carries), the
 * tables vacuumed and analysed, as autovacuum would, and the dashboard's roll-up counted
 * (migration 0049, as a server's start does).
 *
 * Fast enough for a million (about 15 million rows in all): the secondary indexes are dropped for the
 * load and built again after it (a sorted build instead of millions of random insertions into indexes
 * larger than PostgreSQL's buffers), the dashboard's triggers are off during the load (the roll-up is
 * counted once at the end instead of row by row), and the rows are made by generate_series in
 * PostgreSQL, never sent from here.
 */
export async function fill(db: Database, n: number) {
  const indexes = (
    await db.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [filledTables],
    )
  ).rows;
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  const triggers = [
    ["applications", "dashboard_count_application"],
    ["applications", "dashboard_count_submission"],
    ["application_events", "dashboard_count_event"],
  ];
  for (const [table, trigger] of triggers) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
  const batch = 100_000;
  for (let start = 0; start < n; start += batch) {
    await db.query(
      `INSERT INTO applications (id, reference, plan_id, state, language, channel, form_factor, access_token_hash,
         wrapped_data_key, contact_enc, particulars_enc, document_index, identity_index, contact_index, ip_index,
         device_index, check_run, created_at, submitted_at, state_changed_at, updated_at)
       SELECT gen_random_uuid(), 'JT-G' || lpad(g::text, 9, '0'), 'prepaid-data-esim', s.state, 'en',
         (ARRAY['online','online','online','store'])[1 + g % 4], 'esim',
         sha256(g::text::bytea), gen_random_bytes(61), gen_random_bytes(80), gen_random_bytes(260),
         sha256(('doc' || (g % greatest(1, ($3 * 0.97)::int)))::bytea), sha256(('id' || (g % greatest(1, ($3 * 0.97)::int)))::bytea),
         sha256(('mail' || (g % greatest(1, ($3 * 0.9)::int)))::bytea), sha256(('ip' || (g % greatest(1, $3 / 4)))::bytea),
         sha256(('dev' || (g % greatest(1, $3 / 2)))::bytea),
         CASE WHEN s.state IN ('draft', 'expired') THEN 0 ELSE 1 END,
         t.created_at, CASE WHEN s.state IN ('draft', 'expired') THEN NULL ELSE t.created_at + interval '20 minutes' END,
         t.changed_at, t.changed_at
       FROM generate_series($1::int, $2::int) g
       -- The g-th of n made about (n - g) / n of three years ago. g in the subquery: without it
       -- PostgreSQL draws the random numbers once for every row.
       CROSS JOIN LATERAL (SELECT 1095.0 * ($3 - g + random()) / $3 AS age, random() + 0 * g AS r,
         random() + 0 * g AS r2) x
       CROSS JOIN LATERAL (SELECT now() - x.age * interval '1 day' AS created_at,
         now() - x.age * interval '1 day' + least(x.age, 2) * x.r2 * interval '1 day' AS changed_at) t
       CROSS JOIN LATERAL (SELECT CASE WHEN x.age < 3 THEN
           CASE WHEN x.r < 0.30 THEN 'draft' WHEN x.r < 0.55 THEN 'in_review' WHEN x.r < 0.57 THEN 'override_pending'
                WHEN x.r < 0.62 THEN 'correction_requested' WHEN x.r < 0.67 THEN 'payment_pending'
                WHEN x.r < 0.75 THEN 'sim_assigned' ELSE 'active' END
         ELSE
           CASE WHEN x.r < 0.72 THEN 'active' WHEN x.r < 0.87 THEN 'expired' WHEN x.r < 0.93 THEN 'rejected'
                WHEN x.r < 0.98 THEN 'cancelled' ELSE 'delivered' END
         END AS state) s`,
      [start + 1, Math.min(start + batch, n), n],
    );
  }
  // Events: submitted, checked, decided (0 to 48 hours later), and for a line paid, assigned,
  // activated (as far as the state went).
  await db.query(
    `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_kind, data, created_at)
     SELECT a.id, v,
       (ARRAY['submit', 'checks_passed',
              CASE a.state WHEN 'rejected' THEN 'reject' WHEN 'cancelled' THEN 'cancel' ELSE 'approve' END,
              'pay_purchase', 'assign_sim', 'activate'])[v],
       (ARRAY['draft', 'checking', 'in_review', 'approved', 'paid', 'sim_assigned'])[v],
       CASE WHEN v = k.n THEN a.state ELSE (ARRAY['checking', 'in_review', 'approved', 'paid', 'sim_assigned', 'active'])[v] END,
       CASE WHEN v = 3 THEN 'staff' ELSE 'system' END,
       CASE WHEN a.state = 'rejected' AND v = k.n THEN '{"reason":"document_unreadable"}'::jsonb ELSE '{}'::jsonb END,
       a.submitted_at + v * interval '10 minutes' + CASE WHEN v >= 3 THEN d.hours * interval '1 hour' ELSE interval '0' END
     FROM applications a
     CROSS JOIN LATERAL (SELECT CASE a.state WHEN 'active' THEN 6 WHEN 'delivered' THEN 5 WHEN 'sim_assigned' THEN 5
       WHEN 'payment_pending' THEN 3 WHEN 'rejected' THEN 3 WHEN 'cancelled' THEN 3 ELSE 2 END AS n) k
     CROSS JOIN LATERAL (SELECT random() * 48 + 0 * a.check_run AS hours) d
     CROSS JOIN generate_series(1, k.n) v
     WHERE a.submitted_at IS NOT NULL`,
  );
  await db.query(
    `INSERT INTO check_results (application_id, run, code, status, created_at)
     SELECT a.id, 1, 'check.' || c, CASE WHEN random() < 0.03 THEN (ARRAY['fail','review'])[1 + (c % 2)] ELSE 'pass' END,
       a.submitted_at
     FROM applications a CROSS JOIN generate_series(1, 11) c WHERE a.check_run = 1`,
  );
  await db.query(
    `INSERT INTO verification_records (id, application_id, version, method, policy_id, policy_version, policy_hash,
       content_enc, created_at)
     SELECT gen_random_uuid(), a.id, 1, 'MRZ', 'bench', '1', 'bench', gen_random_bytes(600), a.submitted_at + interval '30 minutes'
     FROM applications a WHERE a.state IN ('active', 'delivered', 'sim_assigned')`,
  );
  await db.query(
    `INSERT INTO case_flags (application_id, escalated, correction_returned)
     SELECT id, random() < 0.5, random() < 0.5 FROM applications WHERE state IN ('in_review', 'override_pending') AND random() < 0.1`,
  );
  await db.query(
    `INSERT INTO blocklist_entries (id, kind, value_index, reason, added_by)
     SELECT gen_random_uuid(), (ARRAY['document','identity','email','phone'])[1 + g % 4], sha256(('block' || g)::bytea), 'bench', 'bench'
     FROM generate_series(1, greatest(1, $1 / 1000)) g`,
    [n],
  );
  await db.query("UPDATE applications SET content_version = content_version + 1 WHERE random() < 0.33");
  await db.transaction(async (tx) => {
    await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const index of indexes) await tx.query(index.definition);
  });
  for (const [table, trigger] of triggers) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
  for (const t of filledTables) await db.query(`VACUUM ANALYZE ${t}`);
  await keepDashboardRollup(db, "Asia/Tokyo");
}

type Measured = { roundTripMs: number; databaseMs: number; rows: number };

/**
 * A Queryable that runs each statement under EXPLAIN (ANALYZE, FORMAT JSON), adds up PostgreSQL's
 * execution times (planning apart), then runs it again for its rows: the product's function goes on
 * as it would.
 */
function explaining(db: Database) {
  let executionMs = 0;
  let rowsOut = 0;
  const query = async (text: string, params?: readonly unknown[]) => {
    const { rows } = await db.query<{ "QUERY PLAN": [{ "Execution Time": number; Plan: { "Actual Rows": number } }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
      params as unknown[],
    );
    executionMs += rows[0]?.["QUERY PLAN"][0]["Execution Time"] ?? 0;
    rowsOut += rows[0]?.["QUERY PLAN"][0].Plan["Actual Rows"] ?? 0;
    return db.query(text, params as unknown[]);
  };
  const queryable = { kind: db.kind, query } as unknown as Database;
  return {
    queryable,
    /** PostgreSQL's execution time since the last take, and the rows its statements answered. */
    take() {
      const taken = { ms: executionMs, rows: rowsOut };
      executionMs = 0;
      rowsOut = 0;
      return taken;
    },
  };
}

/**
 * The product's own functions, each a call with `n` applications in the database. `queuePage`: the
 * queue's first page as long as the small database's whole queue, so that both sizes answer the same
 * rows (the console's page of 25 is `queueFirstPage`).
 */
function productFunctions(n: number, config: Config, ids: readonly string[], queuePage: number) {
  let i = 0;
  const pick = () => 1 + ((i++ * 7919) % n);
  const reference = () => `JT-G${String(pick()).padStart(9, "0")}`;
  const now = () => new Date();
  const deps = (q: Database) => ({ db: q, config, clock: now });
  const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const day = () => isoDay(1 + (pick() % 1000));
  const queue = (q: Database, limit: number) =>
    listQueue(deps(q), { id: randomUUID() }, { states: queueStates, overdueOnly: false, limit });
  return {
    queuePage: (q: Database) => queue(q, queuePage),
    lookupByReference: (q: Database) => findApplicationByReference(q, reference()),
    // The submission's fraud checks: line limit, duplicate document, blocklist and velocity, for an
    // application already in the table (its own row is excluded, as at submission).
    fraudChecks: async (q: Database) =>
      runFraudChecks(q, {
        applicationId: ids[pick() % ids.length] ?? "",
        lineLimit: 5,
        countsAsLine: true,
        email: "someone@example.test",
        now: now(),
        velocity: { hours: 24, email: 5, phone: 5, device: 10, ip: 30 },
      }),
    // The dashboard as served (from the roll-up of migration 0049).
    dashboard: (q: Database) => getDashboard(q, {}, "Asia/Tokyo", now()),
    recordsOfOneApplication: (q: Database) => recordRows(q, { from: null, to: null, reference: reference() }, "whole"),
    // The console's records search as it opens: the first page (100) of the last 30 days, a full page
    // at both sizes.
    recordsPage: (q: Database) => recordRows(q, { from: isoDay(29), to: isoDay(0), reference: null }, "first page"),
    // Where the answer grows with the operator, reported beside the goal's functions: the console's
    // queue page of 25 (filled at 1 M, not at 10 k), a day's records as one file (the CSV: a hundred
    // times the records at 1 M), and the dashboard counted from the tables (as before its roll-up).
    queueFirstPage: (q: Database) => queue(q, 25),
    recordsOfOneDay: (q: Database) => {
      const d = day();
      return recordRows(q, { from: d, to: d, reference: null }, "whole");
    },
    dashboardCounted: (q: Database) => getDashboard(q, {}, "Asia/Tokyo", now(), { source: "counted" }),
  };
}
/**
 * The records export's SQL (records/export-verification-records.ts) as the product pages it: the API's
 * first page of 100, or every page of 500 as the CSV and the CLI read them. The rows are not decrypted
 * (the bench's content is random bytes); the whole export's read-only snapshot transaction and its
 * audit entry (a write) are left out.
 */
async function recordRows(
  q: Database,
  range: { from: string | null; to: string | null; reference: string | null },
  extent: "first page" | "whole",
) {
  const limit = extent === "whole" ? recordsPage.max : recordsPage.default;
  let after: RecordsCursor | null = null;
  do {
    const rows = await selectRecordsForExport(q, range, { after, limit: limit + 1 });
    const last = rows[limit - 1];
    after = extent === "whole" && rows.length > limit && last ? { at: last.cursor_at, id: last.id } : null;
  } while (after);
}

/** The indexes of migration 0041 (measured with and without). */
const growthIndexes = [
  "applications_queue",
  "applications_device_index",
  "applications_phone_index",
  "applications_created_at",
  "verification_records_created_at",
  "application_events_decisions",
  "check_results_failed",
];
type FunctionName = keyof ReturnType<typeof productFunctions>;
/** The functions whose answer grows with the operator: beside the goal, not in `growth.ratios`. */
const answerGrows: readonly FunctionName[] = ["queueFirstPage", "recordsOfOneDay", "dashboardCounted"];

/**
 * Each function at both sizes, alternating call by call so that a change in the machine's load falls on
 * both: the time of the call from here (round trips included) and PostgreSQL's execution time of its
 * statements (EXPLAIN ANALYZE, in a separate call). Medians of `rounds` calls.
 */
async function measureFunctions(
  small: Database,
  large: Database,
  sizes: { small: number; large: number },
  rounds: number,
  queuePage: number,
) {
  const config = loadConfig({ JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64") });
  // Applications whose submission the fraud checks look at again (chosen before the clock runs).
  const ids = async (db: Database) =>
    (
      await db.query<{ id: string }>("SELECT id FROM applications WHERE check_run = 1 ORDER BY random() LIMIT 64")
    ).rows.map((r) => r.id);
  const fns = {
    small: productFunctions(sizes.small, config, await ids(small), queuePage),
    large: productFunctions(sizes.large, config, await ids(large), queuePage),
  };
  const explainers = { small: explaining(small), large: explaining(large) };
  const result = {} as Record<FunctionName, { small: Measured; large: Measured }>;
  for (const name of Object.keys(fns.small) as FunctionName[]) {
    const samples = {
      small: { rt: [] as number[], db: [] as number[], rows: [] as number[] },
      large: { rt: [] as number[], db: [] as number[], rows: [] as number[] },
    };
    // At most `rounds` rounds, fewer when a function is slow (about 20 s each), at least three.
    const started = performance.now();
    for (let r = 0; r < rounds + 2 && (r < 5 || performance.now() - started < 20_000); r++) {
      for (const size of ["small", "large"] as const) {
        const plain = size === "small" ? small : large;
        const callStarted = performance.now();
        await fns[size][name](plain);
        const roundTrip = performance.now() - callStarted;
        const explainer = explainers[size];
        await fns[size][name](explainer.queryable);
        const { ms: databaseMs, rows } = explainer.take();
        if (r >= 2) {
          // The first two rounds warm the caches and the connections.
          samples[size].rt.push(roundTrip);
          samples[size].db.push(databaseMs);
          samples[size].rows.push(rows);
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    result[name] = {
      small: {
        roundTripMs: round(median(samples.small.rt), 3),
        databaseMs: round(median(samples.small.db), 3),
        rows: median(samples.small.rows),
      },
      large: {
        roundTripMs: round(median(samples.large.rt), 3),
        databaseMs: round(median(samples.large.db), 3),
        rows: median(samples.large.rows),
      },
    };
  }
  return result;
}

/**
 * The product's own functions (the reviewer queue's first page, a lookup by reference, the fraud
 * checks of a submission, the dashboard's counts, the verification records of one application and of
 * one day) at 10 000 applications and at 1 000 000 (100 000 quick), two databases filled alike and
 * measured side by side; and the audit chain's verification rate beside plain SHA-256.
 */
export async function benchGrowth(adminUrl: string, quick: boolean) {
  const small = 10_000;
  const large = quick ? 100_000 : 1_000_000;
  const ms = quick ? 1000 : 3000;
  const rounds = quick ? 15 : 31;
  const open = async (rows: number) => {
    const database = await createDatabase(adminUrl, "growth");
    const db = openPostgres(database.url, { max: 2 });
    await db.query("CREATE EXTENSION IF NOT EXISTS pgcrypto");
    await migrate(db);
    await seedDemoData(db, { simsPerKind: 1 });
    const filling = performance.now();
    await fill(db, rows);
    return { database, db, fillSeconds: (performance.now() - filling) / 1000 };
  };
  const smallDb = await open(small);
  const largeDb = await open(large);
  const fillSeconds = largeDb.fillSeconds;
  const queued = async (db: Database) =>
    (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM applications WHERE state = ANY($1)", [queueStates]))
      .rows[0]?.n ?? 0;
  const queueRows = { small: await queued(smallDb.db), large: await queued(largeDb.db) };
  // The page both sizes fill: the small queue's depth (listQueue reads one row more than its page).
  const queuePage = Math.max(1, Math.min(25, queueRows.small - 1));
  const functions = await measureFunctions(smallDb.db, largeDb.db, { small, large }, rounds, queuePage);
  // Before/after of the indexes migration 0041 added: the same functions without them.
  for (const db of [smallDb.db, largeDb.db]) {
    for (const index of growthIndexes) await db.query(`DROP INDEX ${index}`);
  }
  const withoutIndexes = await measureFunctions(smallDb.db, largeDb.db, { small, large }, rounds, queuePage);
  await smallDb.db.close();
  await smallDb.database.drop();
  const db = largeDb.db;
  const database = largeDb.database;

  // Audit chain: entries verified per second, beside SHA-256 over the same canonical bodies.
  const entries = quick ? 5_000 : 20_000;
  let prev: Buffer = Buffer.alloc(32);
  const rows: unknown[][] = [];
  for (let seq = 1; seq <= entries; seq++) {
    const entry = {
      seq,
      at: new Date().toISOString(),
      actor: "system",
      action: "application.transition",
      subject: `JT-${seq}`,
      data: { event: "submit", from: "draft", to: "checking", version: 1 },
    };
    const hash = entryHash(prev, entry);
    rows.push([seq, entry.at, entry.actor, entry.action, entry.subject, JSON.stringify(entry.data), prev, hash]);
    prev = hash;
  }
  await db.query("TRUNCATE audit_entries");
  for (let k = 0; k < rows.length; k += 1000) {
    const chunk = rows.slice(k, k + 1000);
    const values = chunk.map(
      (_, j) =>
        `($${j * 8 + 1}, $${j * 8 + 2}, $${j * 8 + 3}, $${j * 8 + 4}, $${j * 8 + 5}, $${j * 8 + 6}, $${j * 8 + 7}, $${j * 8 + 8})`,
    );
    await db.query(
      `INSERT INTO audit_entries (seq, at, actor, action, subject, data, prev_hash, hash) VALUES ${values.join(", ")}`,
      chunk.flat(),
    );
  }
  await db.query("UPDATE audit_head SET seq = $1, hash = $2", [entries, prev]);
  const verifyStart = performance.now();
  const verified = await verifyAuditChain(db);
  const auditRate = entries / ((performance.now() - verifyStart) / 1000);
  if (!verified.valid) throw new Error("the benchmark's audit chain does not verify");
  const body = Buffer.from(JSON.stringify(rows[0]));
  const sha = await rate(ms, () => createHash("sha256").update(prev).update(body).digest());
  await db.close();
  await database.drop();

  const names = Object.keys(functions) as FunctionName[];
  // The goal's ratio is the database's own time (what grows with the data); per round trip beside it.
  const ratioOf = (k: FunctionName) =>
    round(functions[k].large.databaseMs / Math.max(functions[k].small.databaseMs, 0.001));
  const ratios = Object.fromEntries(names.filter((k) => !answerGrows.includes(k)).map((k) => [k, ratioOf(k)]));
  const answerGrowsRatios = Object.fromEntries(answerGrows.map((k) => [k, ratioOf(k)]));
  const roundTripRatios = Object.fromEntries(
    names.map((k) => [k, round(functions[k].large.roundTripMs / Math.max(functions[k].small.roundTripMs, 0.001))]),
  ) as Record<FunctionName, number>;
  // Where an answer grows with the operator (the records of a day, the queue's page until it is full),
  // the database's time per row answered, large over small.
  const perRowRatios = Object.fromEntries(
    names.map((k) => {
      const { small: s, large: l } = functions[k];
      return [k, round(l.databaseMs / Math.max(l.rows, 1) / (s.databaseMs / Math.max(s.rows, 1) || 0.001))];
    }),
  ) as Record<FunctionName, number>;
  const withoutIndexesRatios = Object.fromEntries(
    names.map((k) => [
      k,
      round(withoutIndexes[k].large.databaseMs / Math.max(withoutIndexes[k].small.databaseMs, 0.001)),
    ]),
  ) as Record<FunctionName, number>;
  process.stdout.write(
    `${table([
      [
        "growth (median ms; * answer grows)",
        `db ${small}`,
        `db ${large}`,
        "ratio",
        `call ${small}`,
        `call ${large}`,
        "ratio",
        "rows",
        "per row",
      ],
      ...names.map((k) => [
        answerGrows.includes(k) ? `${k} *` : k,
        functions[k].small.databaseMs,
        functions[k].large.databaseMs,
        ratioOf(k),
        functions[k].small.roundTripMs,
        functions[k].large.roundTripMs,
        roundTripRatios[k],
        `${functions[k].small.rows} → ${functions[k].large.rows}`,
        perRowRatios[k],
      ]),
    ])}\n${table([
      ["without 0041's indexes (median ms)", `db ${small}`, `db ${large}`, "ratio"],
      ...names.map((k) => [
        k,
        withoutIndexes[k].small.databaseMs,
        withoutIndexes[k].large.databaseMs,
        withoutIndexesRatios[k],
      ]),
    ])}\n${table([
      ["audit chain", "entries/s", "sha-256/s", "ratio"],
      ["verify", round(auditRate, 0), round(sha, 0), round(auditRate / sha, 3)],
    ])}\nqueued applications: ${queueRows.small} at ${small}, ${queueRows.large} at ${large}; filled the large database in ${round(fillSeconds, 1)} s\n`,
  );
  return {
    rows: { small, large },
    queueRows,
    queuePage,
    ratios,
    answerGrowsRatios,
    roundTripRatios,
    perRowRatios,
    fillSeconds: round(fillSeconds, 1),
    medianMs: functions,
    withoutIndexes: { ratios: withoutIndexesRatios, medianMs: withoutIndexes },
    audit: {
      entries,
      verifiedPerSecond: round(auditRate, 0),
      sha256PerSecond: round(sha, 0),
      ratio: round(auditRate / sha, 3),
    },
  };
}
