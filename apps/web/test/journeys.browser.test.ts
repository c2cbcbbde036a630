import { formatYen } from "@jitsumei/domain/money";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LocalTestGateway } from "../../server/src/payments/local-test-gateway.ts";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import {
  activationCodeFromOutbox,
  draftApplication,
  jobsSettled,
  somebody,
} from "../../server/test/support/journey.ts";
import { signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { zhHans as t } from "../src/i18n/zh-Hans.ts";

/**
 * Issue 20's journeys finished on the site alone, on a phone in Simplified Chinese: a postpaid voice SIM
 * with a deposit (the My Number card through the Digital Authentication App's simulator, a bank account
 * for direct debit, the deposit paid with a konbini slip at the simulated till, the applicant coming
 * back on another device by a code from the mail), and a prepaid data eSIM paid by card whose QR code
 * goes once the line is active. The staff's part (a reviewer's approval, the clerk's shipping) is the
 * console's, with tests of its own; here their calls stand in for it.
 */
const { jpki } = inject("evidenceFixtures");
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({
    JITSUMEI_JPKI_TRUST_DIR: jpki.trustDir,
    DIGITAL_AUTH_SIMULATOR_CARD_KEY: jpki.signer.key,
    DIGITAL_AUTH_SIMULATOR_CARD_CERT: jpki.signer.cert,
  });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await (server?.services.payments.gateway as LocalTestGateway | undefined)?.settle();
  await server?.close();
});

type OutboxMail = { to: string; subject: string; text: string; template: string };

/** The newest mail in the local outbox for this reference and template. */
async function mailFor(reference: string, template: string): Promise<OutboxMail> {
  for (let i = 0; i < 100; i++) {
    await jobsSettled(server);
    const outbox = await server.api("GET", "/dev/outbox");
    const found = (outbox.body.items as OutboxMail[]).find(
      (m) => m.template === template && m.text.includes(reference),
    );
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${template} mail for ${reference}`);
}

/** Every 404 the page met (a status page must not ask for what does not exist yet). */
function notFoundLog(page: Page): string[] {
  const seen: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) seen.push(r.url());
  });
  return seen;
}

const stateHeading = (page: Page, state: string) =>
  page.getByRole("heading", { level: 2, name: t[`state.${state}.title` as keyof typeof t] });

describe("journeys finished alone, on a phone in Simplified Chinese", () => {
  it("a postpaid voice SIM with a deposit: site, mail and the konbini till, coming back on another device", async () => {
    const email = `deposit.${Date.now()}@example.test`;
    // --- The first phone: plan, contact, particulars. ---
    const first = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const page = await first.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('a[href="/apply/postpaid-voice"]').click();
    await page.getByLabel(t["contact.email"]).fill(email);
    await page.getByRole("button", { name: t["contact.start"] }).click();
    await page.getByRole("heading", { level: 1, name: t["particulars.title"] }).waitFor();
    const reference = /\/application\/(JT-[A-Z0-9-]+)/.exec(page.url())?.[1] ?? "";

    await page.getByLabel(t["particulars.family"]).fill("Jitsumei");
    await page.getByLabel(t["particulars.given"]).fill("Hanako");
    await page.getByLabel(t["particulars.kanji"]).fill("実名 花子");
    await page.getByLabel(t["particulars.birthDate"]).fill("1974-08-12");
    await page.getByLabel(t["particulars.nationality"]).selectOption("JPN");
    await page.getByLabel(t["particulars.sex"]).selectOption("female");
    // The address left empty: refused on the page, each field named in Chinese.
    await page.getByRole("button", { name: t["app.next"] }).click();
    const summary = page.getByRole("alert");
    await summary.getByText(t["error.summary"]).waitFor();
    for (const label of ["particulars.postalCode", "particulars.prefecture", "particulars.city", "particulars.line1"]) {
      await summary.getByText(`${t[label as keyof typeof t]}:`).waitFor();
    }
    expect(await page.getByRole("heading", { level: 1, name: t["particulars.title"] }).count()).toBe(1);
    await screenshot(page, "web", "journeys-zh-Hans-phone-01-address-missing");
    await page.getByLabel(t["particulars.postalCode"]).fill("100-0001");
    await page.getByLabel(t["particulars.prefecture"]).selectOption("東京都");
    await page.getByLabel(t["particulars.city"]).fill("千代田区");
    await page.getByLabel(t["particulars.line1"]).fill("千代田1-1-1");
    await page.getByRole("button", { name: t["app.next"] }).click();

    // The documents a voice plan can take online here: the My Number card; the others said plainly.
    await page.getByRole("heading", { level: 1, name: t["document.title"] }).waitFor();
    expect(await page.getByRole("radio").count()).toBe(1);
    expect(await page.getByLabel(t["document.passport"]).count()).toBe(0);
    expect(await page.getByLabel(t["document.residence_card"]).count()).toBe(0);
    await page.getByText(/柜台办理/).waitFor();
    await screenshot(page, "web", "journeys-zh-Hans-phone-02-documents-for-the-plan");
    await page.getByLabel(t["document.my_number_card"]).check();
    await page.getByLabel(t["document.expiry"]).fill("2031-08-12");
    await page.getByRole("button", { name: t["particulars.save"] }).click();

    // The Digital Authentication App (its simulator): the test card's PIN.
    await page.getByRole("button", { name: t["digitalAuth.open"] }).click();
    await page.waitForURL(/\/dev\/digital-auth\//);
    await page.getByLabel(/Signing PIN/).fill("123456");
    await page.getByRole("button", { name: /^署名する \/ Sign$/ }).click();
    await page.waitForURL(`**/application/${reference}?digitalAuth=signed`);

    // Credit: consent, and a bank account for direct debit (an empty one is refused, field by field).
    await page.getByRole("heading", { level: 1, name: t["credit.title"] }).waitFor();
    await page.getByLabel(t["credit.accept"]).check();
    await page.getByLabel(t["credit.bank"]).check();
    await page.getByRole("button", { name: t["app.next"] }).click();
    await page.getByRole("alert").getByText(`${t["credit.bankCode"]}:`).waitFor();
    await page.getByLabel(t["credit.bankCode"]).fill("0001");
    await page.getByLabel(t["credit.branchCode"]).fill("001");
    await page.getByLabel(t["credit.accountNumber"]).fill("1234567");
    await page.getByLabel(t["credit.holderKana"]).fill("ジツメイ ハナコ");
    await screenshot(page, "web", "journeys-zh-Hans-phone-03-bank-account");
    await page.getByRole("button", { name: t["app.next"] }).click();

    // The confirm page: the contract's term, the payment method and the credit-check consent.
    await page.getByRole("heading", { level: 1, name: t["submit.title"] }).waitFor();
    const contract = page.getByRole("region", { name: t["confirm.contract"] });
    await contract.getByText(t["confirm.term"].replace("{n}", "12")).waitFor();
    await contract.getByText(new RegExp(t["credit.bank"].replace(/[()（）]/g, "."))).waitFor();
    await contract.getByText(/已于 .* 同意（文本 credit-consent-/).waitFor();
    await screenshot(page, "web", "journeys-zh-Hans-phone-04-confirm-contract");
    await page.getByLabel(t["confirm.accept"]).check();
    await page.getByRole("button", { name: t["submit.send"] }).click();
    await page.waitForURL(`**/status/${reference}`);
    // Every postpaid contract is credit a person approves (the reviewer's console; here its call).
    await stateHeading(page, "in_review").waitFor({ timeout: 30_000 });
    await screenshot(page, "web", "journeys-zh-Hans-phone-05-in-review");
    const reviewer = await signInAs(server, "reviewer");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(approved.body.state).toBe("contract_pending");
    await first.close();

    // --- Another phone, days later: the mail's sign-in link and a code. ---
    const second = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const other = await second.newPage();
    const missing = notFoundLog(other);
    const contractMail = await mailFor(reference, "contract_ready");
    const link = /https?:\/\/\S+\/sign-in\?reference=\S+/.exec(contractMail.text)?.[0] ?? "";
    await other.goto(link);
    await other.getByLabel(t["signIn.email"]).fill(email);
    await other.getByRole("button", { name: t["signIn.send"] }).click();
    const code = /\b(\d{6})\b/.exec((await mailFor(reference, "applicant_sign_in_code")).text)?.[1] ?? "";
    await other.getByLabel(t["signIn.code"]).fill(code);
    await other.getByRole("button", { name: t["signIn.open"] }).click();
    await other.waitForURL(`**/status/${reference}`);

    // The contract signed on the page; the deposit the bank account asks for, in the site's yen.
    await other.getByLabel(t["contract.accept"]).check();
    await other.getByRole("button", { name: t["contract.sign"] }).click();
    await stateHeading(other, "deposit_pending").waitFor();
    const deposit = await server.api("GET", `/v1/applications/${reference}/deposit`, {
      token: String(await other.evaluate((r) => sessionStorage.getItem(`jitsumei.application.${r}`), reference)),
    });
    expect(deposit.body).toMatchObject({ required: true, status: "due" });
    const amount = formatYen(Number(deposit.body.amountJpy), "zh-Hans");
    expect(amount).toMatch(/^¥\d/);
    await other.getByText(t["deposit.amount"].replace("{amount}", amount)).waitFor();
    expect((deposit.body.reasons as { code: string }[]).map((r) => r.code)).toContain("billing_bank_transfer");
    await other.getByRole("button", { name: t["purchase.getSlip"] }).click();
    const slip = other.getByRole("region", { name: t["purchase.slipTitle"] });
    await slip.waitFor();
    const paymentNumber = ((await slip.locator("dd.code-box").first().textContent()) ?? "").trim();
    expect(paymentNumber).toMatch(/^\d{12}$/);
    await screenshot(other, "web", "journeys-zh-Hans-phone-06-deposit-slip");

    // The slip by mail too, in Chinese: number, amount, deadline and how to pay.
    const slipMail = await mailFor(reference, "konbini_slip");
    expect(slipMail.text).toContain(paymentNumber);
    expect(slipMail.text).toContain(amount);
    expect(slipMail.text).toContain("收银台");

    // The till (the demo's stand-in for the store), reached from the slip's link.
    const tillPage = await second.newPage();
    await tillPage.goto(
      `${server.url}${await other.getByRole("link", { name: t["purchase.demoTill"] }).getAttribute("href")}`,
    );
    await tillPage.getByLabel(/Payment number/).fill(paymentNumber);
    await tillPage.getByRole("button", { name: /Look up/ }).click();
    await tillPage.getByText(formatYen(Number(deposit.body.amountJpy), "ja")).waitFor();
    await screenshot(tillPage, "web", "journeys-zh-Hans-phone-07-till");
    await tillPage.getByRole("button", { name: /Take the cash and pay/ }).click();
    await tillPage.getByText(/お支払いが完了しました/).waitFor();
    await tillPage.close();

    // The status page moves on by itself: the card is being prepared, nothing asked of a shipment yet.
    await stateHeading(other, "sim_assigned").waitFor({ timeout: 30_000 });
    await other.getByText(t["shipment.none"]).waitFor();
    await screenshot(other, "web", "journeys-zh-Hans-phone-08-sim-assigned");
    expect(missing.filter((u) => u.includes("/shipment"))).toEqual([]);

    // Posted (the clerk's console): in transit, no withdrawing, and what to do instead.
    const clerk = await signInAs(server, "clerk");
    const shipped = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    expect(shipped.status).toBe(201);
    await other.getByRole("button", { name: t["status.refresh"] }).click();
    await stateHeading(other, "in_delivery").waitFor();
    await other.getByText(String(shipped.body.trackingNumber)).waitFor();
    await other.getByText(t["status.cancelInTransit"]).waitFor();
    expect(await other.getByRole("button", { name: t["status.cancel"] }).count()).toBe(0);
    await screenshot(other, "web", "journeys-zh-Hans-phone-09-in-transit");
    expect(await seriousAxeViolations(other)).toEqual([]);

    // Delivered in person; activated with the code from the mail.
    await clerk.api("POST", `/v1/staff/shipments/${shipped.body.trackingNumber}/events`, {
      body: { type: "delivered" },
    });
    await other.getByRole("button", { name: t["status.refresh"] }).click();
    await stateHeading(other, "delivered").waitFor();
    await other.getByRole("button", { name: t["activation.send"] }).click();
    await other.getByText(t["activation.sent"].split("{")[0] ?? "", { exact: false }).waitFor();
    await other.getByLabel(t["activation.code"]).fill(await activationCodeFromOutbox(server, reference));
    await other.getByRole("button", { name: t["activation.activate"], exact: true }).click();
    await stateHeading(other, "active").waitFor();
    await other.getByText(/0\d0-\d{4}-\d{4}/).waitFor();
    await screenshot(other, "web", "journeys-zh-Hans-phone-10-active");
    await second.close();
  }, 240_000);

  it("a prepaid data eSIM paid by card: the price in the site's yen, the QR code until activation and not after", async () => {
    const { reference, token } = await draftApplication(
      server,
      "prepaid-data-esim",
      somebody(),
      {},
      { language: "zh-Hans" },
    );
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe(
      "payment_pending",
    );
    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    await context.addInitScript(
      ([r, tk]) => sessionStorage.setItem(`jitsumei.application.${r}`, tk ?? ""),
      [reference, token],
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/status/${reference}`);
    const purchase = await server.api("GET", `/v1/applications/${reference}/purchase`, { token });
    const price = formatYen(Number(purchase.body.amountJpy), "zh-Hans");
    await page.getByText(t["purchase.amount"].replace("{amount}", price)).waitFor();
    expect(await page.getByText("JP¥").count()).toBe(0);
    // Said for the eSIM as for a card: "your SIM", never "a SIM card or eSIM".
    await page.getByText(t["state.payment_pending.next"]).waitFor();
    expect(await page.getByText(/SIM 卡或 eSIM/).count()).toBe(0);
    await page.getByRole("button", { name: t["purchase.payCard"].replace("{amount}", price) }).click();
    await stateHeading(page, "sim_assigned").waitFor();
    expect(await page.locator("img.qr").count()).toBe(1);

    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, {
      token,
      body: { code: await activationCodeFromOutbox(server, reference) },
    });
    expect(activated.status).toBe(200);
    await page.getByRole("button", { name: t["status.refresh"] }).click();
    await stateHeading(page, "active").waitFor();
    await page.getByText(t["esim.installed"]).waitFor();
    expect(await page.locator("img.qr").count()).toBe(0);
    expect(await page.getByText(/^LPA:1\$/).count()).toBe(0);
    await screenshot(page, "web", "journeys-zh-Hans-phone-11-esim-active");
    await context.close();
  });
});
