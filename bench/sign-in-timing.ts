import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApplication } from "../apps/server/src/applications/create-application.ts";
import { loadConfig } from "../apps/server/src/config/config.ts";
import { startServer } from "../apps/server/src/server.ts";
import { createStaff } from "../apps/server/src/staff/staff-accounts.ts";
import { createDatabase } from "./util.ts";

/**
 * Issue #21, finding 6: how long sign-in answers take for each kind of caller, which must not tell
 * them apart. Subscriber step one (a number nobody holds; a holder's number with another e-mail; the
 * holder's number and e-mail) and staff sign-in (an unknown e-mail; a known e-mail with a wrong
 * password). Medians and 90th percentiles over interleaved rounds, on PostgreSQL. A measurement, not a
 * test: `npx tsx bench/sign-in-timing.ts [rounds]` (DATABASE_URL: the server to create a database on).
 */
const rounds = Number(process.argv[2] ?? 200);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = await createDatabase(adminUrl, "signin");
const server = await startServer({
  config: loadConfig({
    DATABASE_URL: database.url,
    PORT: "0",
    LOG_LEVEL: "silent",
    JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
    JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-signin-")),
    JITSUMEI_RATE_LIMITS: "sign-in=1000000,lookup=1000000,token=1000000",
    JITSUMEI_APPLICATION_LIMITS: "ip=1000000,device=1000000,contact=1000000,review=1000000",
    SIGN_IN_FREE_FAILURES: "account=1000000,address=1000000",
  }),
  demoData: true,
  warn: () => {},
});
const { db } = server.services;

// A holder: an application with a contact and an active line (written directly: only the lookup matters).
const holderEmail = "holder@example.test";
const created = await createApplication(server.services, {
  planId: "prepaid-data-esim",
  language: "en",
  channel: "online",
  contact: { email: holderEmail },
});
const msisdn = "07011112222";
await db.query(
  `INSERT INTO subscriptions (id, application_id, plan_id, msisdn, iccid, form_factor, network_ref, started_at)
   SELECT $1, id, plan_id, $2, '8981000000000000001', 'esim', 'bench', now() FROM applications WHERE reference = $3`,
  [randomUUID(), msisdn, created.reference],
);
const staffEmail = "measured@operator.test";
await createStaff(server.services, { email: staffEmail, displayName: "Measured", role: "agent", createdBy: "bench" });

const post = async (path: string, body: unknown): Promise<number> => {
  const start = process.hrtime.bigint();
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const cases: Record<string, () => Promise<number>> = {
  "subscriber: number nobody holds": () =>
    post("/v1/subscriber/sign-in", { msisdn: "070-9999-0000", email: holderEmail }),
  "subscriber: holder's number, other e-mail": () =>
    post("/v1/subscriber/sign-in", { msisdn: "070-1111-2222", email: "other@example.test" }),
  "subscriber: holder's number and e-mail": () =>
    post("/v1/subscriber/sign-in", { msisdn: "070-1111-2222", email: holderEmail }),
  "staff: unknown e-mail": () =>
    post("/v1/staff/session", { email: "nobody@operator.test", password: "wrong-password-1", otp: "123456" }),
  "staff: known e-mail, wrong password": () =>
    post("/v1/staff/session", { email: staffEmail, password: "wrong-password-1", otp: "123456" }),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// Warm-up, then interleaved rounds so that the machine's load falls on every case alike.
for (const run of Object.values(cases)) for (let i = 0; i < 10; i++) await run();
for (let i = 0; i < rounds; i++) {
  for (const [name, run] of Object.entries(cases)) times[name]?.push(await run());
}
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
process.stdout.write(`sign-in answers, ${rounds} rounds each (ms)\n`);
for (const [name, xs] of Object.entries(times)) {
  process.stdout.write(
    `${name.padEnd(44)} median ${quantile(xs, 0.5).toFixed(2).padStart(7)}  p90 ${quantile(xs, 0.9).toFixed(2).padStart(7)}\n`,
  );
}
await server.stop();
await database.drop();
