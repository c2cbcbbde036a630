import { addDays, todayIn } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard, keepDashboardRollup } from "../src/review/dashboard.ts";
import {
  activeLine,
  draftApplication,
  somebody,
  submitAndPay,
  throwawayEmail,
  tokyoAddress,
} from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The dashboard's roll-up (migration 0049, counted by triggers at COMMIT) against the figures counted
 * from the applications and their events, after a mix of transitions: through the API (at once and
 * concurrently) and written straight into the tables over past days (a first decision on another day
 * than the start, a second approval, a submission taken back, refusals with and without a reason).
 */
describe("the dashboard's roll-up", () => {
  let server: TestServer;
  let reviewer: StaffClient;
  const zone = "Asia/Tokyo";
  beforeAll(async () => {
    server = await startTestServer();
    reviewer = await signInAs(server, "reviewer");
  });
  afterAll(async () => {
    await server?.close();
  });

  async function inReview(): Promise<string> {
    const { reference, token } = await draftApplication(
      server,
      "prepaid-voice-sim",
      somebody(),
      { address: tokyoAddress },
      { contact: { email: throwawayEmail() }, evidence: "jpki" },
    );
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("in_review");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    return reference;
  }

  const decide = async (reference: string, body: Record<string, unknown>) =>
    (await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, { body })).status;

  /** Applications over past days, written as an import would: days before `today` in the zone. */
  async function pastApplications(today: string) {
    const at = (daysBefore: number, hour: number) =>
      `${addDays(today, -daysBefore)}T${String(hour).padStart(2, "0")}:30:00+09:00`;
    const db = server.services.db;
    await db.transaction(async (tx) => {
      const insert = async (reference: string, channel: string, created: string, submitted: string | null) =>
        (
          await tx.query<{ id: string }>(
            `INSERT INTO applications (id, reference, plan_id, state, language, channel, form_factor,
               access_token_hash, wrapped_data_key, contact_enc, created_at, submitted_at)
             VALUES (gen_random_uuid(), $1, 'prepaid-data-esim', 'in_review', 'en', $2, 'esim', '\\x00', '\\x00',
               '\\x00', $3, $4) RETURNING id`,
            [reference, channel, created, submitted],
          )
        ).rows[0]?.id as string;
      const event = async (id: string, version: number, event: string, to: string, at: string, data = "{}") =>
        tx.query(
          `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_kind, data, created_at)
           VALUES ($1, $2, $3, 'in_review', $4, 'staff', $5, $6)`,
          [id, version, event, to, data, at],
        );
      // Started 5 days ago in a store, approved 3 days ago, approved again 2 days ago, activated 1 day ago.
      const a = await insert("RU-A", "store", at(5, 10), at(5, 11));
      await event(a, 1, "approve", "approved", at(3, 9));
      await event(a, 2, "approve", "approved", at(2, 9));
      await event(a, 3, "activate", "active", at(1, 9));
      // Started and refused (with a reason) 4 days ago; refused by a check (no reason) 4 days ago.
      const b = await insert("RU-B", "online", at(4, 8), at(4, 9));
      await event(b, 1, "reject", "rejected", at(4, 20), '{"reason":"document_invalid"}');
      const c = await insert("RU-C", "online", at(4, 12), at(4, 12));
      await event(c, 1, "checks_failed", "rejected", at(4, 13));
      // Refused without a reason given: counted as "other".
      const d = await insert("RU-D", "store", at(3, 8), at(3, 9));
      await event(d, 1, "reject", "rejected", at(2, 23));
      // Submitted, then the submission taken back (submitted_at cleared): started, not submitted.
      await insert("RU-E", "online", at(2, 15), at(2, 16));
      // A decision of an application never submitted: counted, without a time to decision.
      const f = await insert("RU-F", "online", at(6, 15), null);
      await event(f, 1, "approve", "approved", at(6, 18));
    });
    await db.query("UPDATE applications SET submitted_at = NULL WHERE reference = 'RU-E'");
  }

  const periods = (today: string) => [
    { from: today, to: today },
    { from: addDays(today, -13), to: today },
    ...[1, 2, 3, 4, 5, 6].map((n) => ({ from: addDays(today, -n), to: addDays(today, -n) })),
    { from: addDays(today, -6), to: addDays(today, -3) },
  ];

  async function both(asked: { from: string; to: string }, timeZone: string) {
    const now = server.services.clock();
    const rolled = await getDashboard(server.services.db, asked, timeZone, now, { source: "rollup" });
    const counted = await getDashboard(server.services.db, asked, timeZone, now, { source: "counted" });
    return { rolled, counted };
  }

  it("gives the figures counted from the tables, for every period, after a mix of transitions", async () => {
    const today = todayIn(zone, server.services.clock());
    await activeLine(server, somebody());
    const approved = await inReview();
    expect(await decide(approved, { type: "approve" })).toBe(200);
    const refused = await inReview();
    expect(await decide(refused, { type: "reject", reason: "document_invalid" })).toBe(200);
    // Decisions taken concurrently: every one counted.
    const concurrent = [await inReview(), await inReview(), await inReview(), await inReview()];
    const statuses = await Promise.all(
      concurrent.map((reference, i) =>
        decide(reference, i % 2 === 0 ? { type: "approve" } : { type: "reject", reason: "identity_mismatch" }),
      ),
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    await draftApplication(server, "prepaid-data-esim", somebody()); // started, never submitted
    await pastApplications(today);

    for (const asked of periods(today)) {
      const { rolled, counted } = await both(asked, zone);
      expect(rolled, `${asked.from}..${asked.to}`).toEqual(counted);
    }
    // What was compared is not empty: today's and the past days' figures as made above.
    const { rolled: week } = await both({ from: addDays(today, -13), to: today }, zone);
    expect(week.funnel).toMatchObject({ started: 14, approved: 6, activated: 2 });
    expect(week.decisions).toMatchObject({ approved: 6, rejected: 6 });
    expect(week.timeToDecision.decided).toBe(11);
    expect(week.rejectionReasons).toEqual([
      { reason: "document_invalid", count: 2 },
      { reason: "identity_mismatch", count: 2 },
      { reason: "checks_failed", count: 1 },
      { reason: "other", count: 1 },
    ]);
    const { rolled: fourDaysAgo } = await both({ from: addDays(today, -4), to: addDays(today, -4) }, zone);
    expect(fourDaysAgo.timeToDecision).toEqual({ decided: 2, medianHours: 1, p90Hours: 11 });
    // The dashboard as served reads the roll-up (its zone is the server's).
    const served = await reviewer.api("GET", `/v1/staff/dashboard?from=${addDays(today, -13)}&to=${today}`);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(week)));
  });

  it("is counted again in another time zone's days when the operator's zone changes, and reads as counted", async () => {
    const today = todayIn(zone, server.services.clock());
    expect(await keepDashboardRollup(server.services.db, zone)).toBe(false);
    for (const other of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      expect(await keepDashboardRollup(server.services.db, other)).toBe(true);
      for (const asked of periods(today)) {
        const { rolled, counted } = await both(asked, other);
        expect(rolled, `${other} ${asked.from}..${asked.to}`).toEqual(counted);
      }
    }
    // Back in Tokyo's days, then counting on: a new application is counted in the rebuilt roll-up.
    expect(await keepDashboardRollup(server.services.db, zone)).toBe(true);
    await draftApplication(server, "prepaid-data-esim", somebody());
    for (const asked of periods(today)) {
      const { rolled, counted } = await both(asked, zone);
      expect(rolled).toEqual(counted);
    }
  });
});
