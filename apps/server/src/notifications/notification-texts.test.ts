import { languages } from "@jitsumei/domain";
import { describe, expect, it } from "vitest";
import {
  type NotificationTemplate,
  notificationTemplates,
  renderNotification,
  withApnNote,
} from "./notification-texts.ts";

const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

/** The placeholders each mail text must use: exactly these, no more, no fewer. */
const expected: Record<NotificationTemplate, readonly string[]> = {
  application_received: ["reference", "signInUrl"],
  correction_requested: ["reference", "fields", "message", "signInUrl", "deadline"],
  correction_checks: ["reference", "fields", "signInUrl", "deadline"],
  approved: ["reference", "signInUrl"],
  rejected: ["reference", "reason", "signInUrl"],
  expired: ["reference", "signInUrl", "deadline"],
  cancelled: ["reference", "signInUrl"],
  activation_failed: ["reference", "signInUrl"],
  sim_ready: ["reference", "signInUrl"],
  sim_ready_esim: ["reference", "signInUrl"],
  sim_ready_in_hand: ["reference", "signInUrl"],
  payment_due: ["reference", "amount", "deadline", "signInUrl"],
  contract_ready: ["reference", "signInUrl"],
  deposit_due: ["reference", "amount", "signInUrl"],
  payment_received: ["reference", "amount", "signInUrl"],
  shipped: ["reference", "carrier", "trackingNumber", "trackingUrl", "signInUrl"],
  delivered: ["reference", "signInUrl"],
  activated: ["reference", "msisdn"],
  activated_data: ["reference", "signInUrl"],
  refunded: ["reference", "amount", "signInUrl"],
  konbini_slip: ["reference", "amount", "paymentNumber", "confirmationNumber", "deadline", "signInUrl"],
  port_out_issued: ["reference", "msisdn", "reservationNumber", "expiresOn"],
};

const templates = Object.keys(notificationTemplates) as NotificationTemplate[];
const cjk = new Set(["ja", "zh-Hans", "zh-Hant", "ko"]);

const params = {
  reference: "JM-2026-000123",
  signInUrl: "https://jitsumei.example/sign-in?reference=JM-2026-000123",
  amount: "¥20,000",
  carrier: "Japan Post",
  trackingNumber: "123456789012",
  trackingUrl: "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=123456789012",
  fields: "・Name\n・Selfie",
  message: "Please retake the selfie.",
  reason: "We are sorry.",
  deadline: "2026-05-31",
  msisdn: "090-1234-5678",
  paymentNumber: "123456789012",
  confirmationNumber: "123456",
  reservationNumber: "9696560396",
  expiresOn: "2026年12月19日",
};

describe("notification texts", () => {
  it("covers exactly the expected templates", () => {
    expect(templates.sort()).toEqual(Object.keys(expected).sort());
  });

  it("uses exactly the listed placeholders in every mail text", () => {
    for (const template of templates) {
      for (const language of languages) {
        expect(placeholders(notificationTemplates[template].text[language]), `${template} ${language}`).toEqual(
          new Set(expected[template]),
        );
      }
    }
  });

  it("names the reference in every subject and uses no other placeholder there", () => {
    for (const template of templates) {
      for (const language of languages) {
        expect(placeholders(notificationTemplates[template].subject[language]), `${template} ${language}`).toEqual(
          new Set(["reference"]),
        );
      }
    }
  });

  it("starts subjects with the product name in the local style", () => {
    for (const template of templates) {
      for (const language of languages) {
        const prefix = language === "ja" || language.startsWith("zh") ? "【Jitsumei】" : "[Jitsumei] ";
        expect(notificationTemplates[template].subject[language], `${template} ${language}`).toMatch(
          new RegExp(`^${prefix.replace(/[[\]]/g, "\\$&")}`),
        );
      }
    }
  });

  it("ends every mail with the sign-in page (where there is one) and a Jitsumei sign-off", () => {
    for (const template of templates) {
      for (const language of languages) {
        const lines = notificationTemplates[template].text[language].split("\n");
        expect(lines.at(-1), `${template} ${language}`).toContain("Jitsumei");
        if (expected[template].includes("signInUrl"))
          expect(lines.at(-3), `${template} ${language}`).toContain("{signInUrl}");
      }
    }
  });

  it("keeps SMS short and free of links and personal data", () => {
    for (const template of templates) {
      const allowed = template === "activated" ? ["reference", "msisdn"] : ["reference"];
      for (const language of languages) {
        const sms = notificationTemplates[template].sms[language];
        expect(placeholders(sms), `${template} ${language}`).toEqual(new Set(allowed));
        if (cjk.has(language)) {
          expect([...sms].length, `${template} ${language}: ${sms}`).toBeLessThanOrEqual(60);
        } else {
          const filled = renderNotification(template, language, params).sms;
          expect([...filled].length, `${template} ${language}: ${filled}`).toBeLessThanOrEqual(140);
        }
      }
    }
  });

  it("fills every placeholder when given all params", () => {
    for (const template of templates) {
      for (const language of languages) {
        const rendered = renderNotification(template, language, params);
        for (const [part, text] of Object.entries(rendered)) {
          expect(text, `${template} ${language} ${part}`).not.toContain("{");
          expect(text, `${template} ${language} ${part}`).not.toContain("}");
        }
        expect(rendered.subject).toContain(params.reference);
        expect(rendered.sms).toContain(params.reference);
      }
    }
  });

  it("adds the APN to an activation mail before its sign-off, in every language", () => {
    for (const language of languages) {
      const text = renderNotification("activated_data", language, params).text;
      const lines = withApnNote(text, language, "mobile.example.jp").split("\n");
      expect(lines.at(-3), language).toContain("APN");
      expect(lines.at(-3), language).toContain("mobile.example.jp");
      expect(lines.at(-1), language).toContain("Jitsumei");
    }
  });

  it("leaves an unknown or missing placeholder visible rather than dropping it", () => {
    const rendered = renderNotification("rejected", "en", { reference: "JM-1" });
    expect(rendered.text).toContain("{reason}");
  });
});
