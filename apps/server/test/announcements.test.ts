import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeLine, outbox, signedPostpaid, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 8, announcements: a notice in six languages reaches exactly the subscribers it targets, in
 * their language, shows on the public list and the status page, and is an Atom feed per language.
 */

let server: TestServer;
let compliance: StaffClient;

beforeAll(async () => {
  server = await startTestServer();
  compliance = await signInAs(server, "compliance");
});
afterAll(async () => server?.close());

const text = (prefix: string) => ({
  ja: `${prefix} お知らせ`,
  en: `${prefix} notice`,
  "zh-Hans": `${prefix} 通知`,
  "zh-Hant": `${prefix} 通知`,
  ko: `${prefix} 공지`,
  vi: `${prefix} thông báo`,
});

/** An active data eSIM line for a subscriber who applied in `language`. */
async function lineIn(language: string, email: string) {
  return activeLine(server, somebody(), { language, contact: { email } });
}

async function mailsTo(email: string) {
  return (await outbox(server)).filter(
    (m) =>
      m.to === email && m.subject.startsWith("[Jitsumei] ") && /notice|お知らせ|공지|thông báo|通知/.test(m.subject),
  );
}

describe("announcements", () => {
  it("reach exactly the subscribers they target, in their language, and show on the site, the status page and the feed", async () => {
    const korean = await lineIn("ko", "ko@example.test");
    await lineIn("en", "en@example.test");

    // Korean speakers on data lines only.
    const published = await compliance.api("POST", "/v1/staff/announcements", {
      body: {
        title: text("Maintenance"),
        body: text("Network maintenance on Sunday night"),
        effectiveOn: "2026-12-06",
        target: { lineTypes: ["data"], languages: ["ko"] },
      },
    });
    expect(published.status).toBe(201);
    // Voice lines only: none of these subscribers.
    await compliance.api("POST", "/v1/staff/announcements", {
      body: { title: text("Voice"), body: text("Voice plan change"), target: { lineTypes: ["voice"] } },
    });

    expect(await mailsTo("ko@example.test")).toEqual([
      expect.objectContaining({
        subject: "[Jitsumei] Maintenance 공지",
        // Then the operator's contact lines every mail ends with (test/operator-contact.test.ts).
        text: expect.stringMatching(
          /^Network maintenance on Sunday night 공지\n\n적용일: 2026-12-06\n\n-- \n문의·불만: /,
        ),
      }),
    ]);
    expect(await mailsTo("en@example.test")).toEqual([]);
    // A repeated job sends nothing twice.
    await server.services.db.query("INSERT INTO jobs (kind, payload) VALUES ('send_announcement', $1)", [
      JSON.stringify({ announcementId: published.body.id }),
    ]);
    expect(await mailsTo("ko@example.test")).toHaveLength(1);

    // Public, in the language asked for.
    const list = await server.api("GET", "/v1/announcements?lang=vi");
    expect((list.body.items as { title: string }[]).map((a) => a.title)).toEqual([
      "Voice thông báo",
      "Maintenance thông báo",
    ]);
    expect((await server.api("GET", "/v1/announcements?lang=xx")).body).toMatchObject({ status: 422, field: "lang" });

    // The Korean subscriber's status page shows the notice that concerns them, not the voice one.
    const status = await server.api("GET", `/v1/applications/${korean.reference}`, { token: korean.token });
    expect((status.body.announcements as { title: string }[]).map((a) => a.title)).toEqual(["Maintenance 공지"]);

    // The Atom feed, per language.
    const feed = await fetch(`${server.url}/announcements.atom?lang=zh-Hant`);
    expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain("<title>Jitsumei 公告</title>");
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain(`<id>urn:uuid:${String(published.body.id)}</id>`);
    expect(xml).toContain("Maintenance 通知");
  });

  it("filters by plan, line type and language together: each notice reaches exactly its subscribers, each in their own language, and no ended line", async () => {
    const admin = await signInAs(server, "admin");
    const reviewer = await signInAs(server, "reviewer");
    await lineIn("vi", "vi.data@example.test");
    await lineIn("ja", "ja.data@example.test");
    const ended = await lineIn("ko", "ko.ended@example.test");
    expect(
      (
        await admin.api("POST", `/v1/staff/applications/${ended.reference}/termination`, {
          body: { reason: "operator_decision" },
        })
      ).status,
    ).toBe(200);
    // A postpaid voice line (in English), activated with its mailed code.
    const voice = await signedPostpaid(server, reviewer, somebody(), {
      email: "en.voice@example.test",
      formFactor: "esim",
    });
    await server.api("POST", `/v1/applications/${voice.reference}/activation-code`, { token: voice.token });
    await server.services.jobs.drain();
    const outbox = await server.api("GET", "/dev/outbox?limit=200");
    const codeMail = (outbox.body.items as { text: string }[]).find(
      (m) => m.text.includes(voice.reference) && /\b\d{6}\b/.test(m.text),
    );
    const code = /\b(\d{6})\b/.exec(codeMail?.text ?? "")?.[1];
    const activated = await server.api("POST", `/v1/applications/${voice.reference}/activation`, {
      token: voice.token,
      body: { code },
    });
    expect(activated.status).toBe(200);
    const publish = async (prefix: string, target: Record<string, string[]>) => {
      const published = await compliance.api("POST", "/v1/staff/announcements", {
        body: { title: text(prefix), body: text(prefix), target },
      });
      expect(published.status).toBe(201);
    };
    await publish("Plan", { planIds: ["postpaid-voice"] });
    await publish("DataVi", { planIds: ["prepaid-data-esim"], languages: ["vi"] });
    await publish("VoiceJa", { lineTypes: ["voice"], languages: ["ja"] });
    await publish("Everyone", {});

    const subjects = async (who: string) => (await mailsTo(`${who}@example.test`)).map((m) => m.subject).sort();
    expect(await subjects("en.voice")).toEqual(["[Jitsumei] Everyone notice", "[Jitsumei] Plan notice"]);
    expect(await subjects("vi.data")).toEqual(["[Jitsumei] DataVi thông báo", "[Jitsumei] Everyone thông báo"]);
    expect(await subjects("ja.data")).toEqual(["[Jitsumei] Everyone お知らせ"]);
    // The ended line hears nothing more.
    expect(await subjects("ko.ended")).toEqual([]);
  }, 60_000);

  it("must be written in every language, naming the one missing, and only staff who may publish do", async () => {
    const { vi: _vi, ...noVietnamese } = text("Partial");
    const refused = await compliance.api("POST", "/v1/staff/announcements", {
      body: { title: noVietnamese, body: text("Partial") },
    });
    expect(refused).toMatchObject({ status: 422, body: { code: "validation_failed", field: "title.vi" } });
    const reviewer = await signInAs(server, "reviewer");
    expect(
      (await reviewer.api("POST", "/v1/staff/announcements", { body: { title: text("x"), body: text("x") } })).status,
    ).toBe(403);
  });
});
