import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "../src/mail/outbox.ts";
import { readMail, startSmtpSink } from "./support/smtp-sink.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The operator's contact points from JITSUMEI_OPERATOR_FILE: answered to the site (GET /v1/site-config)
 * and closing every mail, in the recipient's language, with the hours said to be Japan time.
 */

const dir = mkdtempSync(join(tmpdir(), "jitsumei-operator-contact-"));
const contact = {
  phone: "0120-444-555",
  hours: { ja: "平日 10:00〜18:00", en: "weekdays 10:00–18:00", vi: "ngày thường 10:00–18:00" },
  formUrl: "https://shiken.example.jp/help",
  postalAddress: { ja: "〒530-0001 大阪府大阪市北区梅田1-1-1 試験通信 お客さま窓口", en: "1-1-1 Umeda, Osaka" },
  complaints: { name: { ja: "苦情窓口", en: "Complaints" }, email: "kujo@shiken.example.jp" },
};
const operatorFile = join(dir, "operator.json");
writeFileSync(
  operatorFile,
  JSON.stringify({
    name: { ja: "試験通信株式会社", en: "Shiken Tsushin K.K." },
    address: { ja: "〒530-0001 大阪府大阪市北区梅田一丁目1番1号", en: "1-1-1 Umeda, Kita-ku, Osaka 530-0001" },
    registrationNumber: "T1234567890123",
    phone: "0120-111-222",
    supportHours: { ja: "平日 10時〜18時", en: "weekdays 10:00–18:00" },
    url: "https://shiken.example.jp",
    contact,
  }),
);

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ SMTP_URL: smtp.url, JITSUMEI_OPERATOR_FILE: operatorFile });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe("the operator's contact points", () => {
  it("are answered to the site in GET /v1/site-config, as the operator file gives them", async () => {
    const res = await server.api("GET", "/v1/site-config");
    expect(res.status).toBe(200);
    expect(res.body.contact).toEqual({
      operatorName: { ja: "試験通信株式会社", en: "Shiken Tsushin K.K." },
      phone: "0120-444-555",
      hours: contact.hours,
      email: null,
      formUrl: "https://shiken.example.jp/help",
      postalAddress: contact.postalAddress,
      complaints: {
        name: contact.complaints.name,
        phone: null,
        hours: null,
        email: "kujo@shiken.example.jp",
        formUrl: null,
      },
    });
  });

  it.each([
    ["vi", "Hỏi đáp hoặc khiếu nại: 0120-444-555 (ngày thường 10:00–18:00, giờ Nhật Bản)"],
    ["ja", "お問い合わせ・苦情：0120-444-555（平日 10:00〜18:00、日本時間）"],
    // Korean: the file gives no Korean hours, so the English ones, still said to be Japan time.
    ["ko", "문의·불만: 0120-444-555 (weekdays 10:00–18:00, 일본 시간)"],
  ] as const)("end every mail sent over SMTP, in the recipient's language (%s)", async (language, phoneLine) => {
    const to = `contact-${language}@example.test`;
    await server.services.db.transaction((tx) =>
      queueMail(tx, server.services.keys, {
        to,
        from: "Jitsumei <no-reply@jitsumei.localhost>",
        subject: "Test",
        text: "Hello\n",
        applicationId: null,
        template: "test",
        language,
      }),
    );
    await server.services.jobs.drain();
    const sent = smtp.mails.filter((m) => m.to.includes(to));
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    if (!mail) throw new Error("no mail");
    const { text } = await readMail(mail);
    const [body, footer] = text.split("\n\n-- \n");
    expect(body).toBe("Hello");
    expect(footer?.trimEnd().split("\n")).toEqual([
      phoneLine,
      "https://shiken.example.jp/help",
      `${server.url}/contact`,
    ]);
  });
});
