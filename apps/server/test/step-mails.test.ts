import { formatPhone } from "@jitsumei/domain/formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackingUrlFor } from "../src/issuance/delivery.ts";
import { type LocalTestGateway, testCardTokens } from "../src/payments/local-test-gateway.ts";
import { listSmsOutbox } from "../src/sms/sms-outbox.ts";
import {
  consentToCredit,
  draftApplication,
  fillIn,
  jobsSettled,
  runEveryJobNow,
  signContract,
  somebody,
  submitAndPay,
} from "./support/journey.ts";
import { readMail, startSmtpSink } from "./support/smtp-sink.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 20 items 1 and 6, read as the applicant reads them: every mail over real SMTP, at every step of
 * a postpaid SIM's journey (in Simplified Chinese, with SMS), a refund and a data-only activation. No
 * mail carries an access token; every link is on PUBLIC_URL, which, unset, is the origin the server
 * listens on (not "localhost" beside a server on 127.0.0.1).
 */
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let reviewer: StaffClient;
let clerk: StaffClient;
const APN = "mobile.jitsumei.example";
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ SMTP_URL: smtp.url, APN: APN });
  reviewer = await signInAs(server, "reviewer");
  clerk = await signInAs(server, "clerk");
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

let n = 0;
async function approvedPostpaid(options: { language: string; formFactor: "physical" | "esim"; phone?: string }) {
  const email = `steps.${Date.now()}.${++n}@example.test`;
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId: "postpaid-voice",
      language: options.language,
      channel: "online",
      formFactor: options.formFactor,
      contact: { email, ...(options.phone ? { phone: options.phone } : {}) },
    },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  await fillIn(server, reference, token, somebody(), { address }, "jpki");
  await consentToCredit(server, reference, token);
  expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe("in_review");
  await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
    body: { type: "approve" },
  });
  expect(approved.body.state).toBe("contract_pending");
  return { reference, token, email };
}

/** The activation code, from its mail as the sink received it (its subject carries the code). */
async function activationCodeMailedTo(email: string): Promise<string> {
  const mail = (await mailsTo(email)).filter((m) => /\b\d{6}\b/.test(m.subject)).at(-1);
  const code = /\b(\d{6})\b/.exec(mail?.subject ?? "")?.[1];
  if (!code) throw new Error(`no activation code mailed to ${email}`);
  return code;
}

/** Every mail the sink received for `email`, decoded, oldest first. */
async function mailsTo(email: string) {
  await jobsSettled(server);
  const mine = smtp.mails.filter((m) => m.to.includes(email));
  return Promise.all(mine.map(readMail));
}

async function templatesOf(reference: string): Promise<string[]> {
  const { rows } = await server.services.db.query<{ template: string }>(
    `SELECT m.template FROM mail_outbox m JOIN applications a ON a.id = m.application_id
     WHERE a.reference = $1 ORDER BY m.created_at, m.id`,
    [reference],
  );
  return rows.map((r) => r.template);
}

describe("mail at every step, in the applicant's language", () => {
  it("tells a postpaid applicant every step, with the carrier, the tracking number and the new number", async () => {
    const { reference, token, email } = await approvedPostpaid({
      language: "zh-Hans",
      formFactor: "physical",
      phone: "+81 90 5555 0101",
    });
    expect((await signContract(server, reference, token)).body.state).toBe("deposit_pending");
    const paid = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "card", cardToken: testCardTokens.ok },
    });
    expect(paid.body.state).toBe("sim_assigned");
    const shipped = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    const tracking = String(shipped.body.trackingNumber);
    await clerk.api("POST", `/v1/staff/shipments/${tracking}/events`, { body: { type: "delivered" } });
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, {
      token,
      body: { code: await activationCodeMailedTo(email) },
    });
    expect(activated.status).toBe(200);
    await jobsSettled(server);

    // Each notice is written by a job after its step commits: the order they reach the outbox varies.
    expect((await templatesOf(reference)).sort()).toEqual(
      [
        "application_received",
        "approved",
        "contract_ready",
        "deposit_due",
        "payment_received",
        "sim_ready",
        "shipped",
        "delivered",
        "activation_code",
        "activated",
      ].sort(),
    );
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(10);
    const about = (subject: string) => mails.find((m) => m.subject.includes(subject))?.text ?? "";
    expect(about("已收到您的申请")).toContain("登录验证码");
    // Yen written as the site writes it in Chinese (¥10,000), not Intl's default "JP¥".
    expect(about("请支付押金")).toContain("¥10,000");
    expect(about("请支付押金")).not.toContain("JP¥");
    // A SIM card that is posted: the mail says so, and never offers an eSIM.
    expect(about("SIM卡已准备好")).toContain("邮寄");
    expect(about("SIM卡已准备好")).not.toContain("eSIM");
    expect(about("已确认您的付款")).toMatch(/10,000/);
    expect(about("SIM卡已寄出")).toContain("日本邮政");
    expect(about("SIM卡已寄出")).toContain(tracking);
    // The tracking page the status page links, not the sign-in page.
    expect(about("SIM卡已寄出")).toContain(
      trackingUrlFor(server.services.config.shipmentTrackingUrl, tracking, "zh-Hans"),
    );
    expect(about("SIM卡已送达")).toContain("开通码");
    // The new number, written as in Japan (090-1234-5678), as the status page writes it.
    expect(about("您的线路已开通")).toContain(formatPhone(String(activated.body.msisdn)));
    expect(formatPhone(String(activated.body.msisdn))).toMatch(/^0\d{2}-\d{4}-\d{4}$/);
    // The APN the status page points to is in the activation mail.
    expect(about("您的线路已开通")).toContain(`APN 为 ${APN}`);
    // The activation code has one name in the mail as on the page (开通码).
    expect(mails.find((m) => m.subject.includes("开通码"))).toBeDefined();

    // The SMS beside each notice: in Chinese, with no link.
    const sms = await listSmsOutbox(server.services.db, server.services.keys, 200);
    const mine = sms.filter((s) => s.text.includes(reference));
    expect(mine.length).toBeGreaterThanOrEqual(8);
    for (const s of mine) expect(s.text).not.toMatch(/https?:|jat_/);
  });

  it("mails a refund when a paid deposit is given back on cancellation", async () => {
    const { reference, token, email } = await approvedPostpaid({ language: "ja", formFactor: "esim" });
    await signContract(server, reference, token);
    await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
      token,
      body: { method: "card", cardToken: testCardTokens.ok },
    });
    expect((await server.api("POST", `/v1/applications/${reference}/cancel`, { token })).body.state).toBe("cancelled");
    await runEveryJobNow(server);
    await runEveryJobNow(server);
    const refund = (await mailsTo(email)).find((m) => m.subject.includes("返金のお知らせ"));
    expect(refund?.text).toMatch(/10,000/);
    expect((await templatesOf(reference)).filter((t) => t === "refunded")).toHaveLength(1);
  });

  it("names no phone number when a data-only line is activated", async () => {
    const email = `data.${Date.now()}@example.test`;
    const { reference, token } = await draftApplication(
      server,
      "prepaid-data-esim",
      somebody(),
      {},
      {
        language: "en",
        contact: { email },
      },
    );
    expect((await submitAndPay(server, reference, token)).body.state).toBe("sim_assigned");
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, {
      token,
      body: { code: await activationCodeMailedTo(email) },
    });
    expect(activated.status).toBe(200);
    const msisdn = String(activated.body.msisdn);
    await jobsSettled(server);
    expect(await templatesOf(reference)).toContain("activated_data");
    const notice = (await mailsTo(email)).find((m) => m.subject.includes("Your data line is now active"));
    expect(notice?.text).toContain("data-only plan, with no phone number");
    expect(notice?.text).not.toContain(msisdn);
    expect(notice?.text).toContain(`the APN is ${APN}`);
  });

  it("tells a prepaid eSIM applicant the price and how to pay, mails the konbini slip, and speaks of the eSIM alone", async () => {
    const email = `konbini.${Date.now()}@example.test`;
    const { reference, token } = await draftApplication(
      server,
      "prepaid-data-esim",
      somebody(),
      {},
      { language: "zh-Hans", contact: { email } },
    );
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe(
      "payment_pending",
    );
    const plan = await server.services.db.query<{ price_jpy: number }>(
      "SELECT price_jpy FROM plans WHERE id = 'prepaid-data-esim'",
    );
    const price = `¥${new Intl.NumberFormat("en").format(Number(plan.rows[0]?.price_jpy))}`;
    const slipped = await server.api("POST", `/v1/applications/${reference}/purchase/payments`, {
      token,
      body: { method: "konbini" },
    });
    expect(slipped.status).toBe(201);
    const slip = slipped.body.konbini as { paymentNumber: string; confirmationNumber: string };
    await jobsSettled(server);

    // The approval names the price (as the site writes it: ¥, never JP¥) and both ways to pay.
    const approval = (await mailsTo(email)).find((m) => m.subject.includes("身份验证已完成"));
    expect(approval?.text).toContain(price);
    expect(approval?.text).toContain("信用卡");
    expect(approval?.text).toContain("便利店");
    expect(approval?.text).not.toContain("JP¥");
    // The day to pay by, as Chinese writes a date (never ISO 2026-12-12).
    expect(approval?.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(approval?.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // An eSIM applicant never reads of a SIM card (SIM卡), here or in the payment's receipt.
    expect(approval?.text).not.toContain("SIM卡");
    // The slip itself: number, confirmation number, amount, deadline and how to pay, in Chinese.
    const mailedSlip = (await mailsTo(email)).find((m) => m.subject.includes("便利店付款方式"));
    expect(mailedSlip?.text).toContain(slip.paymentNumber);
    expect(mailedSlip?.text).toContain(slip.confirmationNumber);
    expect(mailedSlip?.text).toContain(price);
    expect(mailedSlip?.text).toMatch(/付款期限：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(mailedSlip?.text).toContain("收银台");

    const gateway = server.services.payments.gateway as LocalTestGateway;
    await gateway.payAtKonbini(slip.paymentNumber);
    await gateway.settle();
    await jobsSettled(server);
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("sim_assigned");
    expect(await templatesOf(reference)).toEqual(
      expect.arrayContaining(["payment_due", "konbini_slip", "payment_received", "sim_ready_esim"]),
    );
    expect(await templatesOf(reference)).not.toContain("approved");
    expect((await mailsTo(email)).find((m) => m.subject.includes("已确认您的付款"))?.text).not.toContain("SIM卡");
    const ready = (await mailsTo(email)).find((m) => m.subject.includes("eSIM已准备好"));
    expect(ready?.text).toContain("二维码");
    expect(ready?.text).not.toContain("SIM卡");
  });

  it("puts no access token in any mail, and every link on PUBLIC_URL: the origin the server listens on", async () => {
    await jobsSettled(server);
    const publicUrl = server.services.config.publicUrl;
    expect(publicUrl).toBe(new URL(server.url).origin);
    expect(new URL(publicUrl).hostname).toBe("127.0.0.1");
    const mails = await Promise.all(smtp.mails.map(readMail));
    expect(mails.length).toBeGreaterThanOrEqual(20);
    const carrierOrigin = new URL(trackingUrlFor(server.services.config.shipmentTrackingUrl, "0", "ja")).origin;
    let links = 0;
    const { contact } = server.services.operator;
    for (const mail of mails) {
      expect(`${mail.subject}\n${mail.text}`, mail.subject).not.toMatch(/jat_|jas_|jho_/);
      // Every mail ends with the operator's contact lines: its web form and the site's contact page.
      const [body = "", footer] = mail.text.split("\n\n-- \n");
      expect(footer?.match(/https?:\/\/\S+/g), mail.subject).toEqual([contact?.formUrl, `${publicUrl}/contact`]);
      for (const link of body.match(/https?:\/\/[^\s）)」]+/g) ?? []) {
        // The one link elsewhere is the carrier's tracking page (SHIPMENT_TRACKING_URL), with no secret.
        if (new URL(link).origin === carrierOrigin) continue;
        links++;
        expect(new URL(link).origin, `${mail.subject}: ${link}`).toBe(publicUrl);
        // Every link leads to the sign-in page with the reference filled in: no secret in it.
        expect(link, mail.subject).toMatch(/\/sign-in\?reference=JT-[0-9A-Z-]+$/);
      }
    }
    expect(links).toBeGreaterThanOrEqual(10);
  });
});
