/**
 * Counts the SQL statements the server runs for each step of one prepaid journey (pg's
 * `Client.prototype.query` wrapped), grouped by their text: the tool that finds redundant reads. Then
 * the jobs a journey by kind, and the writes of their rows (each job's insert, and per attempt its
 * claim and its completion or failure).
 * Usage: `tsx bench/count-statements.ts [journeys]` (PostgreSQL at DATABASE_URL).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../apps/server/src/config/config.ts";
import { toBuffer } from "../apps/server/src/db/database.ts";
import { readMail } from "../apps/server/src/mail/outbox.ts";
import { startServer } from "../apps/server/src/server.ts";
import { anna, particularsOf, td3 } from "../apps/server/test/support/journey.ts";
import { createDatabase } from "./util.ts";

const statements: string[] = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text;
  if (text) statements.push(text.replace(/\s+/g, " ").trim());
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const journeys = Number(process.argv[2] ?? 1);
const database = await createDatabase(adminUrl, "count");
const server = await startServer({
  config: loadConfig({
    DATABASE_URL: database.url,
    PORT: "0",
    LOG_LEVEL: "silent",
    JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
    JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-count-")),
  }),
  demoData: true,
  warn: () => {},
});
const db = server.services.db;
const jobsBefore = await jobCounts();
const settle = () => new Promise((r) => setTimeout(r, 1500));
const perStep = new Map<string, Map<string, number>>();
const step = async <T>(name: string, work: () => Promise<T>) => {
  await settle();
  statements.length = 0;
  const result = await work();
  await settle(); // the job worker's share, after commit
  const counts = perStep.get(name) ?? new Map<string, number>();
  for (const s of statements) counts.set(s, (counts.get(s) ?? 0) + 1);
  perStep.set(name, counts);
  return result;
};
const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};
for (let i = 0; i < journeys; i++) {
  const person = { ...anna, documentNumber: `C${String(i).padStart(8, "0")}` };
  const created = await step("create", () =>
    call("POST", "/v1/applications", undefined, {
      planId: "prepaid-data-esim",
      language: "en",
      channel: "online",
      contact: { email: `count${i}@example.test` },
    }),
  );
  const ref = String(created.reference);
  const token = String(created.accessToken);
  await step("applicant", () => call("PUT", `/v1/applications/${ref}/applicant`, token, particularsOf(person)));
  await step("evidence", () =>
    call("POST", `/v1/applications/${ref}/evidence`, token, { kind: "mrz", lines: td3(person) }),
  );
  await step("submit", () => call("POST", `/v1/applications/${ref}/submit`, token));
  // The prepaid plan's price, by card, as the status page pays it.
  await step("pay", () =>
    call("POST", `/v1/applications/${ref}/purchase/payments`, token, { method: "card", cardToken: "tok_test_ok" }),
  );
  await step("activationCode", () => call("POST", `/v1/applications/${ref}/activation-code`, token));
  const { rows } = await db.query<{ id: string; content_enc: unknown }>(
    `SELECT m.id, m.content_enc FROM mail_outbox m JOIN applications a ON a.id = m.application_id
     WHERE a.reference = $1 AND m.template = 'activation_code' ORDER BY m.created_at DESC LIMIT 1`,
    [ref],
  );
  const mail = await readMail(server.services.keys, String(rows[0]?.id), toBuffer(rows[0]?.content_enc));
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? "";
  await step("activation", () => call("POST", `/v1/applications/${ref}/activation`, token, { code }));
}
await server.services.jobs.drain();
const jobsAfter = await jobCounts();
await server.stop();
await database.drop();

async function jobCounts() {
  const { rows } = await db.query<{ kind: string; n: number; attempts: number }>(
    "SELECT kind, count(*)::int AS n, sum(attempts)::int AS attempts FROM jobs GROUP BY kind",
  );
  return new Map(rows.map((r) => [r.kind, r]));
}

// The job worker's claims include its idle polls (every second while the step settles), so they are
// counted apart; a claim that finds a job is followed by the job's statements, and the runner's next
// claim marks that job done in the same statement.
const isClaim = (text: string) => /UPDATE jobs SET attempts = (jobs\.)?attempts \+ 1/.test(text);
const isApplicationRow = (text: string) => text.includes("p.kind AS plan_kind") && text.includes("FROM applications a");
let total = 0;
let rowReads = 0;
let claims = 0;
for (const [name, counts] of perStep) {
  let sum = 0;
  let reads = 0;
  for (const [text, n] of counts) {
    if (!isClaim(text)) sum += n / journeys;
    else claims += n / journeys;
    if (isApplicationRow(text)) reads += n / journeys;
  }
  total += sum;
  rowReads += reads;
  process.stdout.write(
    `\n== ${name}: ${sum} statements a journey (job claims apart), the application row read ${reads} times\n`,
  );
  for (const [text, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    process.stdout.write(`${String(n / journeys).padStart(5)}  ${text.slice(0, 160)}\n`);
  }
}
process.stdout.write(
  `\ntotal ${total} statements a journey besides the job worker's claims; the application row read ${rowReads} times\n`,
);
let jobs = 0;
let jobWrites = 0;
const kinds: string[] = [];
for (const [kind, after] of jobsAfter) {
  const before = jobsBefore.get(kind) ?? { n: 0, attempts: 0 };
  const n = (after.n - before.n) / journeys;
  if (n === 0) continue;
  jobs += n;
  // A row inserted, then per attempt a claim and a completion (done, or a failure recorded).
  jobWrites += n + (2 * (after.attempts - before.attempts)) / journeys;
  kinds.push(`${kind} ${n}`);
}
process.stdout.write(
  `${jobs} jobs a journey (${kinds.sort().join(", ")}), ${jobWrites} job-row writes; ` +
    `${claims} job claims a journey, the worker's idle polls included\n`,
);
