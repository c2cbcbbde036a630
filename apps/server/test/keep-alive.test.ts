import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { demoPlans, keepAliveRuleSets } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { returnQuarantinedNumbers } from "../src/inventory/release-line.ts";
import { queuePeriodicLineSweep } from "../src/keep-alive/queue-line-sweep.ts";
import { upsertPlan } from "../src/plans/plans-repository.ts";
import { createTopUpVouchers } from "../src/retail/top-up-vouchers.ts";
import { activeLine, jobsSettled, outbox, somebody } from "./support/journey.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { testDatabaseKind } from "./support/test-database.ts";
import { startTestServer, startTestServerForCli, type TestServer } from "./support/test-server.ts";

/**
 * Issue 8, item 1: keeping a prepaid number (保号) over a year of simulated time. The data eSIM plan
 * carries the "no paid top-up for 180 days → suspension, termination 30 days later" rules. A line
 * topped up twice stays active; a line never topped up is reminded (30, 7, 1 days before), suspended,
 * terminated, and its number rests in quarantine (90 days here) before a new activation gets it; a
 * suspended line that is topped up comes back. Every message in the subscriber's language, once.
 */

const DAY_MS = 86_400_000;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ NUMBER_QUARANTINE_DAYS: "90" });
}, 60_000);
afterAll(async () => server?.close());

type Line = { reference: string; token: string; msisdn: string; email: string; phone: string };

/** A prepaid data eSIM applied for in `language` with a contact phone, approved and activated. */
async function prepaidLine(language: string, email: string, phone: string, on: TestServer = server): Promise<Line> {
  const line = await activeLine(on, somebody(), { language, contact: { email, phone } });
  return { ...line, email, phone };
}

/** The sweep as the server runs it: a job in the queue, run by the worker. */
async function sweep() {
  await queuePeriodicLineSweep(server.services.db);
  await jobsSettled(server);
}

async function topUp(line: Line, code: string) {
  const redeemed = await server.api("POST", `/v1/applications/${line.reference}/top-ups`, {
    token: line.token,
    body: { method: "voucher", code },
  });
  expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(201);
  return redeemed.body;
}

async function subscription(line: Line) {
  const { rows } = await server.services.db.query<{
    status: string;
    state: string;
    end_reason: string | null;
    valid_until: Date;
  }>("SELECT status, state, end_reason, valid_until FROM subscriptions WHERE msisdn = $1 ORDER BY started_at", [
    line.msisdn,
  ]);
  return rows[0];
}

async function networkStatus(msisdn: string): Promise<string | null> {
  const { rows } = await server.services.db.query<{ status: string }>(
    "SELECT status FROM network_simulator_subscribers WHERE msisdn = $1",
    [msisdn],
  );
  return rows[0]?.status ?? null;
}

async function mailsTo(email: string, on: TestServer = server) {
  return (await outbox(on)).filter((m) => m.to === email);
}

async function smsTo(phone: string) {
  const outbox = await server.api("GET", "/dev/sms-outbox?limit=200");
  return (outbox.body.items as { to: string; template: string; text: string }[]).filter(
    (m) => m.to === phone && m.template.startsWith("keep_alive_"),
  );
}

/** Signs the subscriber in with the line's number and a mailed code; their lines view. */
async function linesView(line: Line) {
  const token = await subscriberSignIn(server, line.msisdn, line.email);
  const lines = await server.api("GET", "/v1/subscriber/lines", { token });
  return (lines.body.items as Record<string, unknown>[]).find((l) => l.msisdn === line.msisdn);
}

describe("prepaid keep-alive over a year", () => {
  it("keeps a line topped up twice, ends one never topped up, and hands its number out only after quarantine", async () => {
    const start = server.services.clock().getTime();
    const kept = await prepaidLine("ko", "kept@example.test", "+82 10 1234 5678");
    const lapsed = await prepaidLine("vi", "lapsed@example.test", "+84 90 123 4567");
    const revived = await prepaidLine("zh-Hant", "revived@example.test", "+886 912 345 678");
    const { codes } = await createTopUpVouchers(server.services, {
      planId: "prepaid-data-esim",
      count: 3,
      actor: "test",
    });
    expect(Date.parse(String((await linesView(kept))?.validUntil)) - start).toBeGreaterThan(179.9 * DAY_MS);

    let reused: Line | null = null;
    let duringQuarantine: Line | null = null;
    for (let day = 1; day <= 365; day++) {
      server.advanceClock(DAY_MS);
      await returnQuarantinedNumbers(server.services.db, server.services.clock());
      // The kept line: topped up after its 30- and 7-day reminders, and again 175 days later.
      if (day === 175) await topUp(kept, String(codes[0]));
      if (day === 350) await topUp(kept, String(codes[1]));
      // The revived line: topped up while suspended.
      if (day === 200) {
        expect(await subscription(revived)).toMatchObject({ state: "suspended" });
        await topUp(revived, String(codes[2]));
      }
      await sweep();
      // Reminder days and transition days are swept twice: nothing is sent or done twice.
      if ([150, 173, 179, 180, 200, 210].includes(day)) await sweep();

      if (day === 190) {
        // Suspended (no paid top-up for 180 days): off for now on the network, still the subscriber's.
        expect(await subscription(lapsed)).toMatchObject({ status: "active", state: "suspended" });
        expect(await networkStatus(lapsed.msisdn)).toBe("suspended");
        const view = await linesView(lapsed);
        expect(view).toMatchObject({ status: "active", state: "suspended" });
        expect(Date.parse(String(view?.terminatesAt)) - Date.parse(String(view?.validUntil))).toBe(30 * DAY_MS);
      }
      if (day === 250) {
        // Terminated at day 210; its number rests in quarantine: a new line gets another one.
        const { rows } = await server.services.db.query<{ status: string }>(
          "SELECT status FROM phone_numbers WHERE msisdn = $1",
          [lapsed.msisdn],
        );
        expect(rows[0]?.status).toBe("quarantined");
        expect(await networkStatus(lapsed.msisdn)).toBe(null);
        duringQuarantine = await prepaidLine("en", "during@example.test", "+81 90 1111 2222");
        expect(duringQuarantine.msisdn).not.toBe(lapsed.msisdn);
      }
      if (day === 301) {
        // Quarantine over (90 days after day 210): the number is the lowest available and comes back.
        reused = await prepaidLine("en", "reused@example.test", "+81 90 3333 4444");
      }
    }

    // The kept line is alive a year on, valid until 180 days after its last top-up.
    const keptLine = await subscription(kept);
    expect(keptLine).toMatchObject({ status: "active", state: "active" });
    expect(new Date(keptLine?.valid_until ?? 0).getTime() - start).toBeGreaterThan(524.9 * DAY_MS);
    expect(await networkStatus(kept.msisdn)).toBe("active");
    expect(await linesView(kept)).toMatchObject({ state: "active", status: "active" });

    // The lapsed line ended for expiry (off the network, above); its number went to a new line only after quarantine.
    expect(await subscription(lapsed)).toMatchObject({ status: "terminated", end_reason: "validity_expired" });
    expect(reused?.msisdn).toBe(lapsed.msisdn);

    // The revived line came back on the top-up and stays active.
    expect(await subscription(revived)).toMatchObject({ status: "active", state: "active" });
    expect(await networkStatus(revived.msisdn)).toBe("active");

    // Reminders and notices in the subscriber's language, each once.
    const subjects = async (line: Line) => (await mailsTo(line.email)).map((m) => m.subject).sort();
    expect((await subjects(kept)).filter((s) => s.includes("유효기간"))).toEqual([
      `[Jitsumei] ${kept.msisdn} 회선의 유효기간이 30일 남았습니다`,
      `[Jitsumei] ${kept.msisdn} 회선의 유효기간이 30일 남았습니다`,
      `[Jitsumei] ${kept.msisdn} 회선의 유효기간이 7일 남았습니다`,
      `[Jitsumei] ${kept.msisdn} 회선의 유효기간이 7일 남았습니다`,
    ]);
    expect((await subjects(lapsed)).filter((s) => s.includes(lapsed.msisdn))).toEqual(
      [
        `[Jitsumei] Thuê bao ${lapsed.msisdn} của bạn sẽ hết hạn sau 30 ngày`,
        `[Jitsumei] Thuê bao ${lapsed.msisdn} của bạn sẽ hết hạn sau 7 ngày`,
        `[Jitsumei] Thuê bao ${lapsed.msisdn} của bạn sẽ hết hạn sau 1 ngày`,
        `[Jitsumei] Thuê bao ${lapsed.msisdn} của bạn đã bị tạm ngưng`,
        `[Jitsumei] Thuê bao ${lapsed.msisdn} của bạn đã chấm dứt`,
      ].sort(),
    );
    // The data plan has no SMS of its own: the texts go to the contact number, in the same language.
    const lapsedSms = await smsTo("+84901234567");
    expect(lapsedSms.map((m) => m.template).sort()).toEqual([
      "keep_alive_reminder",
      "keep_alive_reminder",
      "keep_alive_reminder",
      "keep_alive_suspended",
    ]);
    expect(lapsedSms.every((m) => m.text.includes(lapsed.msisdn) && m.text.includes("Thuê bao"))).toBe(true);
    expect((await smsTo("+821012345678")).length).toBe(4);

    // Audited, without personal data; the chain holds.
    const { rows: audit } = await server.services.db.query<{ action: string; data: Record<string, unknown> }>(
      "SELECT action, data FROM audit_entries WHERE subject = $1 AND action LIKE 'subscription.%' ORDER BY seq",
      [lapsed.reference],
    );
    expect(audit.map((e) => e.action)).toEqual([
      "subscription.expiry_reminder_sent",
      "subscription.expiry_reminder_sent",
      "subscription.expiry_reminder_sent",
      "subscription.service_changed",
      "subscription.terminated",
    ]);
    expect(audit[3]?.data).toMatchObject({ from: "active", to: "suspended", rules: "suspend-after-180-days" });
    expect(audit[4]?.data).toMatchObject({ reason: "validity_expired" });
    const serialized = JSON.stringify(audit);
    expect(serialized).not.toContain(lapsed.msisdn);
    expect(serialized).not.toContain(lapsed.email);
    expect(serialized).not.toContain("84901234567");
    const { rows: restored } = await server.services.db.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM audit_entries WHERE subject = $1 AND action = 'subscription.service_changed' ORDER BY seq",
      [revived.reference],
    );
    expect(restored.map((e) => e.data.to)).toEqual(["suspended", "active"]);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  }, 600_000);
});

describe("npx jitsumei lines sweep", () => {
  // The command opens the database itself: PostgreSQL by URL, or the embedded database's folder.
  it("sweeps as of a day: suspends a line nobody topped up, once; refuses a day that does not exist", async () => {
    const { server: fixture, env } = await startTestServerForCli("jitsumei-lines-cli-");
    const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
    const sweepAt = (day: string) =>
      spawnSync(process.execPath, [cli, "lines", "sweep", "--at", day], { env, encoding: "utf8", timeout: 60_000 });
    try {
      const line = await prepaidLine("ja", "cli@example.test", "+81 90 5555 6666", fixture);
      const { rows } = await fixture.services.db.query<{ valid_until: Date }>(
        "SELECT valid_until FROM subscriptions WHERE msisdn = $1",
        [line.msisdn],
      );
      // Two days after validity ended (no top-up for 180 days): suspended.
      const day = new Date(new Date(rows[0]?.valid_until ?? 0).getTime() + 2 * DAY_MS).toISOString().slice(0, 10);
      await fixture.stop();
      if (testDatabaseKind === "pglite") await fixture.database.drop(); // releases the embedded database
      const first = sweepAt(day);
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual({
        at: `${day}T00:00:00.000Z`,
        reminders: 0,
        receiveOnly: 0,
        suspended: 1,
        restored: 0,
        terminated: 0,
      });
      expect(JSON.parse(sweepAt(day).stdout)).toMatchObject({ suspended: 0, terminated: 0 });
      const bad = sweepAt("2026-02-30");
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--at 2026-02-30: not a date/);
    } finally {
      if (testDatabaseKind === "postgres") await fixture.database.drop();
    }
  }, 120_000);
});

describe("the receive-only pattern", () => {
  it("lets a line only receive once validity ends (told on the line itself), then ends it 360 days later", async () => {
    // A plan of the operator's with the 60-days-per-top-up rules, SMS-capable: rules are data.
    const plan = demoPlans.find((p) => p.id === "prepaid-data-esim");
    if (!plan) throw new Error("no demo data plan");
    await upsertPlan(
      server.services.db,
      {
        ...plan,
        id: "prepaid-sms-esim",
        services: ["data", "sms"],
        keepAlive: keepAliveRuleSets.receiveOnlyAfterExpiry,
      },
      99,
    );
    const contact = { email: "ro@example.test" };
    const sms = await activeLine(server, somebody(), { planId: "prepaid-sms-esim", language: "ja", contact });
    const line: Line = { ...sms, ...contact, phone: "" };

    server.advanceClock(61 * DAY_MS);
    await sweep();
    expect(await subscription(line)).toMatchObject({ status: "active", state: "receive_only" });
    expect(await networkStatus(line.msisdn)).toBe("receive_only");
    const view = await linesView(line);
    expect(view).toMatchObject({ state: "receive_only" });
    expect(Date.parse(String(view?.terminatesAt)) - Date.parse(String(view?.validUntil))).toBe(360 * DAY_MS);
    // The line can still receive: the notice goes to it, in Japanese.
    const texts = await smsTo(`+81${line.msisdn.slice(1)}`);
    expect(texts.map((m) => m.template)).toEqual(["keep_alive_receive_only"]);
    expect(texts[0]?.text).toContain("着信のみ");

    server.advanceClock(358 * DAY_MS); // day 419 of 420
    await sweep();
    expect(await subscription(line)).toMatchObject({ status: "active", state: "receive_only" });
    server.advanceClock(2 * DAY_MS);
    await sweep();
    expect(await subscription(line)).toMatchObject({ status: "terminated", end_reason: "validity_expired" });
    expect(await networkStatus(line.msisdn)).toBe(null);
  }, 300_000);
});
