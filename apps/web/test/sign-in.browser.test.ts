import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { jobsSettled, particularsOf, somebody, submitAndPay, td3 } from "../../server/test/support/journey.ts";
import { readMail, startSmtpSink } from "../../server/test/support/smtp-sink.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { zhHans as t } from "../src/i18n/zh-Hans.ts";

/**
 * Issue 20 item 1, as a person lives it: apply on one phone (zh-Hans), then on another device with
 * nothing but the mail: its link opens the sign-in page with the reference filled in, a code comes by
 * mail (read from a real SMTP server), and the code opens the status page. The first phone's access
 * token never leaves it.
 */
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ SMTP_URL: smtp.url, APN: "mobile.jitsumei.example" });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
  await smtp?.close();
});

/** The newest mail to `email` whose subject contains `subject`, decoded. */
async function mailTo(email: string, subject: string) {
  for (let i = 0; i < 100; i++) {
    await jobsSettled(server);
    const mails = await Promise.all(smtp.mails.filter((m) => m.to.includes(email)).map(readMail));
    const found = mails.filter((m) => m.subject.includes(subject)).at(-1);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail "${subject}" to ${email}`);
}

describe("getting back in from another device", () => {
  it("applies on one phone, then signs in on another with a code from the mail and reaches the status page", async () => {
    const email = `lin.${Date.now()}@example.test`;

    // --- The first phone: the plan, the contact, the application made. ---
    const first = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const phone = await first.newPage();
    await phone.goto(`${server.url}/`);
    await phone.getByRole("heading", { level: 1, name: t["plans.title"] }).waitFor();
    await phone.locator('a[href="/apply/prepaid-data-esim"]').click();
    await phone.getByLabel(t["contact.email"]).fill(email);
    await phone.getByRole("button", { name: t["contact.start"] }).click();
    await phone.getByRole("heading", { level: 1, name: t["particulars.title"] }).waitFor();
    const reference = /\/application\/(JT-[A-Z0-9-]+)/.exec(phone.url())?.[1] ?? "";
    expect(reference).toMatch(/^JT-/);
    // The rest of the form as the first phone sends it (the wizard's own tests drive it page by page).
    const token = String(
      await phone.evaluate((ref) => sessionStorage.getItem(`jitsumei.application.${ref}`), reference),
    );
    const person = somebody();
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(person) });
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(person) },
    });
    // Submitted and the plan paid for by card (the payment page has tests of its own).
    expect((await submitAndPay(server, reference, token)).body.state).toBe("sim_assigned");
    await first.close();

    // --- The mail: the reference, how to get back in, a link with no secret in it. ---
    const received = await mailTo(email, "已收到您的申请");
    expect(received.text).toContain(reference);
    expect(received.text).not.toContain(token);
    const link = /https?:\/\/\S+\/sign-in\?reference=\S+/.exec(received.text)?.[0] ?? "";
    expect(new URL(link).origin).toBe(server.services.config.publicUrl);

    // --- Another device, nothing in its storage: the mail's link, the contact, the code. ---
    const second = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const other = await second.newPage();
    await other.goto(link);
    await other.getByRole("heading", { level: 1, name: t["signIn.title"] }).waitFor();
    expect(await other.getByLabel(t["signIn.reference"]).inputValue()).toBe(reference);
    await other.getByLabel(t["signIn.email"]).fill(email);
    await screenshot(other, "web", "sign-in-zh-Hans-phone-1-contact");
    expect(await seriousAxeViolations(other)).toEqual([]);
    await other.getByRole("button", { name: t["signIn.send"] }).click();
    await other.getByRole("heading", { level: 1, name: t["signIn.codeTitle"] }).waitFor();

    // A wrong code is refused, said once, at the field.
    await other.getByLabel(t["signIn.code"]).fill("000000");
    await other.getByRole("button", { name: t["signIn.open"] }).click();
    await other.getByText(t["signIn.codeInvalid"]).waitFor();
    expect(await other.getByText(t["signIn.codeInvalid"]).count()).toBe(1);
    await screenshot(other, "web", "sign-in-zh-Hans-phone-2-wrong-code");
    expect(await seriousAxeViolations(other)).toEqual([]);

    const codeMail = await mailTo(email, "登录验证码");
    const code = /\b(\d{6})\b/.exec(codeMail.text)?.[1] ?? "";
    expect(codeMail.text).toContain(reference);
    await other.getByLabel(t["signIn.code"]).fill(code);
    await other.getByRole("button", { name: t["signIn.open"] }).click();

    // The status page of the application, on a session of this device's own.
    await other.waitForURL(`**/status/${reference}`);
    await other.getByRole("heading", { level: 2, name: t["state.sim_assigned.title"] }).waitFor();
    // The eSIM's data settings are on the page itself (and in the activation mail).
    await other.getByText(t["esim.dataHelp"].replace("{apn}", "mobile.jitsumei.example")).waitFor();
    const session = await other.evaluate((ref) => sessionStorage.getItem(`jitsumei.application.${ref}`), reference);
    expect(session).toMatch(/^jas_/);
    await screenshot(other, "web", "sign-in-zh-Hans-phone-3-status");
    expect(await seriousAxeViolations(other)).toEqual([]);
    await second.close();
  });

  it("offers the way back in on the home page, with the contact alone", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: t["plans.track"] }).click();
    await page.getByRole("heading", { level: 1, name: t["signIn.title"] }).waitFor();
    expect(await page.getByLabel(t["signIn.reference"]).inputValue()).toBe("");
    // By SMS: the label and the field change with the choice.
    await page.getByLabel(t["signIn.bySms"]).check();
    await page.getByLabel(t["signIn.phone"]).fill("090-0000-0000");
    await page.getByRole("button", { name: t["signIn.send"] }).click();
    // The same answer whether or not the number belongs to an application.
    await page.getByText(t["signIn.sentSms"].replace("{contact}", "090-0000-0000")).waitFor();
    await context.close();
  });
});
