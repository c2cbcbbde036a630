import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatYen } from "@jitsumei/domain/money";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openContext, releaseBrowser, screenshot } from "../../server/test/support/browser.ts";
import { signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { vi } from "../src/i18n/vi.ts";
import { zhHans } from "../src/i18n/zh-Hans.ts";

const { jpki } = inject("evidenceFixtures");
// The test card's holder (the fixtures' JPKI signing certificate), as the form takes it.
const hanako = {
  name: { family: "Jitsumei", given: "Hanako", kanji: "実名 花子" },
  birthDate: "1974-08-12",
  nationality: "JPN",
  sex: "female",
  address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" },
  document: { type: "my_number_card", expiryDate: "2031-08-12", issuingCountry: "JPN" },
};
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({
    JITSUMEI_JPKI_TRUST_DIR: jpki.trustDir,
    DIGITAL_AUTH_SIMULATOR_CARD_KEY: jpki.signer.key,
    DIGITAL_AUTH_SIMULATOR_CARD_CERT: jpki.signer.cert,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
});

describe("JPKI through the Digital Authentication App on a phone", () => {
  it("a postpaid voice line in Simplified Chinese: details, the app (simulator) with a wrong PIN then the right one, back, checks, credit, submitted", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const page = await context.newPage();
    const t = zhHans;
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: t["plans.title"] }).waitFor();
    await page.locator('a[href="/apply/postpaid-voice"]').click();
    await page.getByLabel(t["contact.email"]).fill("hanako@example.test");
    await page.getByRole("button", { name: t["contact.start"] }).click();
    await page.getByRole("heading", { level: 1, name: t["particulars.title"] }).waitFor();
    const reference = /\/application\/(JT-[A-Z0-9-]+)/.exec(page.url())?.[1] ?? "";

    // The test card's holder (the fixtures' JPKI signing certificate).
    await page.getByLabel(t["particulars.family"]).fill("Jitsumei");
    await page.getByLabel(t["particulars.given"]).fill("Hanako");
    await page.getByLabel(t["particulars.kanji"]).fill("実名 花子");
    await page.getByLabel(t["particulars.birthDate"]).fill("1974-08-12");
    await page.getByLabel(t["particulars.nationality"]).selectOption("JPN");
    await page.getByLabel(t["particulars.sex"]).selectOption("female");
    await page.getByLabel(t["particulars.postalCode"]).fill("100-0001");
    await page.getByLabel(t["particulars.prefecture"]).selectOption("東京都");
    await page.getByLabel(t["particulars.city"]).fill("千代田区");
    await page.getByLabel(t["particulars.line1"]).fill("千代田1-1-1");
    await page.getByRole("button", { name: t["app.next"] }).click();

    await page.getByRole("heading", { level: 1, name: t["document.title"] }).waitFor();
    await page.getByLabel(t["document.my_number_card"]).check();
    await page.getByLabel(t["document.expiry"]).fill("2031-08-12");
    await page.getByRole("button", { name: t["particulars.save"] }).click();

    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await page.getByRole("heading", { level: 2, name: t["digitalAuth.title"] }).waitFor();
    // The optional photos warn, in the applicant's language, never to photograph the card's back.
    await page.getByText(t["verify.photos"]).click();
    await page.getByRole("note").filter({ hasText: t["verify.myNumberBackWarning"] }).waitFor();
    await screenshot(page, "web", "digital-auth-zh-Hans-phone-1-verify");
    await page.getByRole("button", { name: t["digitalAuth.open"] }).click();

    // The app (the simulator's page): a wrong PIN first, then the test card's PIN.
    await page.waitForURL(/\/dev\/digital-auth\//);
    await page.getByLabel(/Signing PIN/).fill("000000");
    await page.getByRole("button", { name: /^署名する \/ Sign$/ }).click();
    await page.getByText(/残り 4 回/).waitFor();
    await screenshot(page, "web", "digital-auth-zh-Hans-phone-2-app-wrong-pin");
    await page.getByLabel(/Signing PIN/).fill("123456");
    await page.getByRole("button", { name: /^署名する \/ Sign$/ }).click();

    // Back on the application: the JPKI checks, then it moves on by itself.
    await page.waitForURL(`**/application/${reference}?digitalAuth=signed`);
    await page.getByText(t["digitalAuth.signed"]).waitFor();
    await screenshot(page, "web", "digital-auth-zh-Hans-phone-3-back");
    // Postpaid: the credit check's consent and the (test) card, then sending.
    await page.getByRole("heading", { level: 1, name: t["credit.title"] }).waitFor();
    await page.getByLabel(t["credit.accept"]).check();
    await page.getByRole("button", { name: t["app.next"] }).click();
    await page.getByRole("heading", { level: 1, name: t["submit.title"] }).waitFor();
    await page.getByLabel(t["confirm.accept"]).check();
    await page.getByRole("button", { name: t["submit.send"] }).click();
    await page.waitForURL(`**/status/${reference}`);
    await screenshot(page, "web", "digital-auth-zh-Hans-phone-4-submitted");
    const token = String(await page.evaluate((r) => sessionStorage.getItem(`jitsumei.application.${r}`), reference));
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    // Past the identity check: approved onwards (the contract comes next), or with a reviewer.
    expect(["draft", "rejected", "correction_requested"]).not.toContain(view.body.state);
    expect(view.body.checks).toContainEqual(
      expect.objectContaining({ code: "policy.method_available", status: "pass" }),
    );
    await context.close();
  });

  it("says in the applicant's language when the card is locked, and offers to try again", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const page = await context.newPage();
    const created = await server.api("POST", "/v1/applications", {
      body: {
        planId: "prepaid-voice-sim",
        language: "zh-Hans",
        channel: "online",
        contact: { email: "l@example.test" },
      },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: hanako,
    });
    const started = await server.api("POST", `/v1/applications/${reference}/digital-auth/start`, { token });
    await page.goto(`${server.url}/`);
    await page.evaluate(
      ([r, tk]) => {
        sessionStorage.setItem(`jitsumei.application.${r}`, String(tk));
      },
      [reference, token],
    );
    await page.goto(String(started.body.authorizationUrl));
    await page.getByRole("button", { name: /Card locked/ }).click();
    await page.waitForURL(`**/application/${reference}?digitalAuth=card_locked`);
    await page.getByText(zhHans["digitalAuth.error.card_locked"]).waitFor();
    await page.getByRole("button", { name: zhHans["digitalAuth.open"] }).waitFor();
    await screenshot(page, "web", "digital-auth-zh-Hans-phone-5-card-locked");
    await context.close();
  });
});

describe("when the card says otherwise", () => {
  it("names what differs, takes the card's particulars on request, and signs again", async () => {
    const t = zhHans;
    const created = await server.api("POST", "/v1/applications", {
      body: {
        planId: "prepaid-voice-sim",
        language: "zh-Hans",
        channel: "online",
        contact: { email: "m@example.test" },
      },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const typed = { ...hanako, address: { ...hanako.address, line1: "丸の内1-1-1" } };
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: typed });
    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(
      ([r, tk]) => sessionStorage.setItem(`jitsumei.application.${r}`, String(tk)),
      [reference, token],
    );
    await page.goto(`${server.url}/application/${reference}`);
    const sign = async () => {
      await page.getByRole("button", { name: t["digitalAuth.open"] }).click();
      await page.waitForURL(/\/dev\/digital-auth\//);
      await page.getByLabel(/Signing PIN/).fill("123456");
      await page.getByRole("button", { name: /^署名する \/ Sign$/ }).click();
      await page.waitForURL(`**/application/${reference}?digitalAuth=signed`);
    };
    await sign();
    const cardSays = t["digitalAuth.cardSays"]
      .replace("{name}", "実名\u3000花子")
      .replace("{birthDate}", "1974-08-12")
      .replace("{address}", "東京都千代田区千代田一丁目1番1号");
    await page.getByText(cardSays).waitFor();
    await screenshot(page, "web", "digital-auth-zh-Hans-phone-6-card-differs");
    await page.getByRole("button", { name: t["digitalAuth.takeCard"] }).click();
    await page.waitForURL(`**/application/${reference}?digitalAuth=updated`);
    await page.getByText(t["digitalAuth.updated"]).waitFor();
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.applicant as { address: unknown }).address).toEqual({
      postalCode: "100-0001",
      prefecture: "東京都",
      city: "千代田区",
      line1: "千代田一丁目1番1号",
    });
    await sign();
    await page.getByText(t["digitalAuth.signed"]).waitFor();
    await page.getByRole("heading", { level: 1, name: t["submit.title"] }).waitFor();
    await context.close();
  });
});

describe("a correction of signed particulars", () => {
  it("in Vietnamese: the status page and the verify step say to sign again, offer no Continue, and go on once signed", async () => {
    const t = vi;
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-voice-sim", language: "vi", channel: "online", contact: { email: "c@example.test" } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const typed = { ...hanako, address: { ...hanako.address, line1: "丸の内1-1-1" } };
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: typed });
    const context = await openContext(browser, { viewport: "phone", locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(
      ([r, tk]) => sessionStorage.setItem(`jitsumei.application.${r}`, String(tk)),
      [reference, token],
    );
    const sign = async () => {
      await page.getByRole("button", { name: t["digitalAuth.open"] }).click();
      await page.waitForURL(/\/dev\/digital-auth\//);
      await page.getByLabel(/Signing PIN/).fill("123456");
      await page.getByRole("button", { name: /^署名する \/ Sign$/ }).click();
      await page.waitForURL(`**/application/${reference}?digitalAuth=signed`);
    };
    await page.goto(`${server.url}/application/${reference}`);
    await sign();
    await page.getByText(t["digitalAuth.signed"]).waitFor();
    // The certificate's address is another: a reviewer asks for the address.
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe("in_review");
    const reviewer = await signInAs(server, "reviewer", "Rina Reviewer");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "request_correction", fields: ["address"], message: "Vui lòng nhập địa chỉ trên thẻ." },
    });
    // The address corrected, with the room the certificate does not hold.
    const corrected = { ...hanako, address: { ...hanako.address, line2: "101" } };
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: corrected });
    await page.goto(`${server.url}/status/${reference}`);
    await page.getByText(t["correction.signAgain"]).waitFor();
    await screenshot(page, "web", "digital-auth-vi-phone-8-correction-sign-again-status");
    await page.goto(`${server.url}/application/${reference}`);
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await page.getByRole("alert").filter({ hasText: t["correction.signAgain"] }).waitFor();
    expect(await page.getByRole("button", { name: t["verify.done"] }).count()).toBe(0);
    await screenshot(page, "web", "digital-auth-vi-phone-9-correction-sign-again-verify");
    await sign();
    await page.getByText(t["digitalAuth.signed"]).waitFor();
    await page.getByRole("heading", { level: 1, name: t["submit.title"] }).waitFor();
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.needs as { field: string }[]).map((n) => n.field)).toEqual(["submit"]);
    await context.close();
  });
});

describe("JPKI through the Digital Authentication App from a PC", () => {
  it("in Vietnamese: the PC shows a QR code, the phone continues, signs in the app, and the PC page moves on by itself", async () => {
    const t = vi;
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-voice-sim", language: "vi", channel: "online", contact: { email: "pc@example.test" } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: hanako });

    const pc = await openContext(browser, { viewport: "desktop", locale: "vi-VN" });
    const desk = await pc.newPage();
    await desk.goto(`${server.url}/`);
    await desk.evaluate(
      ([r, tk]) => sessionStorage.setItem(`jitsumei.application.${r}`, String(tk)),
      [reference, token],
    );
    await desk.goto(`${server.url}/application/${reference}`);
    await desk.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    const qr = desk.getByAltText(t["digitalAuth.qrAlt"].replace("{ref}", reference));
    await qr.waitFor();
    await desk.getByText(t["digitalAuth.waiting"]).waitFor();
    await screenshot(desk, "web", "digital-auth-vi-desktop-1-qr");

    // The phone's camera reads the code: a single-use hand-off, never the access token.
    const handoff = new URL(decodeQr(String(await qr.getAttribute("src"))));
    expect(handoff.pathname).toBe(`/continue/${reference}`);
    expect(handoff.hash).not.toContain(token);
    const phone = await openContext(browser, { viewport: "phone", locale: "vi-VN" });
    const mobile = await phone.newPage();
    await mobile.goto(`${server.url}${handoff.pathname}${handoff.hash}`);
    await mobile.getByRole("heading", { level: 2, name: t["digitalAuth.title"] }).waitFor();
    await mobile.getByRole("button", { name: t["digitalAuth.open"] }).click();
    await mobile.waitForURL(/\/dev\/digital-auth\//);
    await mobile.getByLabel(/Signing PIN/).fill("123456");
    await mobile.getByRole("button", { name: /^署名する \/ Sign$/ }).click();
    await mobile.getByText(t["digitalAuth.signed"]).waitFor();

    // The PC notices by itself, shows the checks and moves on to sending.
    await desk.getByText(t["digitalAuth.signed"]).waitFor();
    // The hand-off code is spent: its QR code is no longer shown.
    expect(await qr.count()).toBe(0);
    await screenshot(desk, "web", "digital-auth-vi-desktop-2-signed");
    await desk.getByRole("heading", { level: 1, name: t["submit.title"] }).waitFor();
    await desk.getByLabel(t["confirm.accept"]).check();
    await desk.getByRole("button", { name: t["submit.send"] }).click();
    await desk.waitForURL(`**/status/${reference}`);
    // Approved: the plan (¥3,300) is paid for before the SIM is assigned.
    await desk.getByRole("heading", { level: 2, name: t["state.payment_pending.title"] }).waitFor();
    await screenshot(desk, "web", "digital-auth-vi-desktop-3-approved");
    await desk
      .getByRole("button", {
        name: t["purchase.payCard"].replace("{amount}", formatYen(3300, "vi")),
      })
      .click();
    await desk.getByRole("heading", { level: 2, name: t["state.sim_assigned.title"] }).waitFor();
    await screenshot(desk, "web", "digital-auth-vi-desktop-4-paid");
    await phone.close();
    await pc.close();
  });
});

/** What a phone's camera reads from a QR code shown as a data: URL image. */
function decodeQr(dataUrl: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "jitsumei-qr-")), "qr.png");
  writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
  return execFileSync("zbarimg", ["--raw", "-q", file]).toString("utf8").trim();
}
