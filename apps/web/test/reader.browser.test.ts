import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { READER_APP_SIMULATOR_PATH } from "../../server/src/reader/reader-app-simulator.ts";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { anna, particularsOf, somebody } from "../../server/test/support/journey.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { zhHans as t } from "../src/i18n/zh-Hans.ts";

/**
 * No dead end (issue 19 §3): a chip hand-off only where the operator has a reader app; otherwise the
 * counters, JPKI for a My Number card, and plain words for a passport-only visitor. With a reader app,
 * the QR code holds a single-use hand-off code on PUBLIC_URL, never the access key. zh-Hans, phone.
 */
const PUBLIC_URL = "https://apply.jitsumei.example";
const IOS = "https://apps.apple.com/jp/app/jitsumei-reader/id000000001";
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
const scratch = mkdtempSync(join(tmpdir(), "jitsumei-reader-"));

function decodeQr(dataUrl: string): string {
  const file = join(scratch, `qr-${Date.now()}-${Math.random()}.png`);
  writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
  return execFileSync("zbarimg", ["--raw", "-q", file]).toString("utf8").trim();
}

let plain: TestServer;
let withApp: TestServer;
/** As `npm start --demo` runs: the demo chips in the data folder, their CAs trusted, the simulator as the app. */
let demo: TestServer;
let browser: Browser;

beforeAll(async () => {
  plain = await startTestServer({ PUBLIC_URL });
  withApp = await startTestServer({ PUBLIC_URL, READER_APP_IOS_URL: IOS });
  const fixtures = inject("evidenceFixtures");
  const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-reader-demo-"));
  symlinkSync(fixtures.root, join(dataDir, "demo-evidence"));
  demo = await startTestServer({ JITSUMEI_DATA_DIR: dataDir, JITSUMEI_CSCA_DIR: fixtures.chip.trustDir });
  // What serve --demo does in development (cli/serve.ts) when no reader app is configured.
  demo.services.config.readerApps = { ios: READER_APP_SIMULATOR_PATH, android: READER_APP_SIMULATOR_PATH };
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await plain?.close();
  await withApp?.close();
  await demo?.close();
});

/** A voice-plan application in zh-Hans with its particulars (and address), made as the applying tab did. */
async function voiceApplication(
  server: TestServer,
  document: "passport" | "my_number_card" | "special_permanent_resident_certificate",
  person = somebody(),
) {
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "prepaid-voice-sim", language: "zh-Hans", channel: "online", contact: { email: "z@example.test" } },
  });
  expect(created.status).toBe(201);
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  const base = particularsOf(person, { address });
  const particulars =
    document === "passport"
      ? base
      : document === "special_permanent_resident_certificate"
        ? {
            ...base,
            nationality: "KOR",
            document: { type: document, number: "AB12345678CD", expiryDate: "2031-04-15", issuingCountry: "JPN" },
          }
        : {
            ...base,
            nationality: "JPN",
            document: { type: "my_number_card", expiryDate: "2034-04-15", issuingCountry: "JPN" },
          };
  const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particulars });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return { reference, token };
}

async function phoneWith(session: { reference: string; token: string } | null): Promise<BrowserContext> {
  const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
  if (session) {
    await context.addInitScript((s: { reference: string; token: string }) => {
      sessionStorage.setItem(`jitsumei.application.${s.reference}`, s.token);
    }, session);
  }
  return context;
}

describe("chip reading only where a reader app exists", () => {
  it("without a reader app: no chip hand-off; a passport is told it takes a counter (listed); a My Number card gets JPKI", async () => {
    const passport = await voiceApplication(plain, "passport");
    const context = await phoneWith(passport);
    const page = await context.newPage();
    await page.goto(`${plain.url}/application/${passport.reference}`);
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await page.getByText(t["verify.onlyAtCounter"].replace("{document}", t["document.passport"])).waitFor();
    await page.getByText(t["verify.passportDataOnline"]).waitFor();
    await page.getByRole("heading", { level: 2, name: t["verify.counter"] }).waitFor();
    await page.getByRole("heading", { level: 2, name: t["counter.title"] }).waitFor();
    await page.getByText("Jitsumei 成田机场第1航站楼柜台（演示）").waitFor();
    await page.getByText("Jitsumei 新宿门店（演示）").waitFor();
    expect(await page.getByText(t["verify.chip"]).count()).toBe(0);
    expect(await page.locator("img.qr").count()).toBe(0);
    await screenshot(page, "web", "reader-zh-Hans-phone-1-passport-no-app");
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Nothing asked the server for a hand-off.
    const { rows } = await plain.services.db.query(
      "SELECT 1 FROM handoff_tokens h JOIN applications a ON a.id = h.application_id WHERE a.reference = $1",
      [passport.reference],
    );
    expect(rows).toHaveLength(0);
    await context.close();

    const card = await voiceApplication(plain, "my_number_card");
    const cardContext = await phoneWith(card);
    const cardPage = await cardContext.newPage();
    await cardPage.goto(`${plain.url}/application/${card.reference}`);
    await cardPage.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    const methods = cardPage.getByRole("radio");
    await expect.poll(() => methods.count()).toBe(2);
    await cardPage.getByRole("radio", { name: new RegExp(t["verify.jpki"].replace(/[()（）]/g, ".")) }).waitFor();
    await cardPage.getByRole("radio", { name: new RegExp(t["verify.counter"]) }).waitFor();
    expect(await cardPage.getByText(t["verify.chip"]).count()).toBe(0);
    expect(await cardPage.getByText(t["verify.onlyAtCounter"].slice(0, 6)).count()).toBe(0);
    await screenshot(cardPage, "web", "reader-zh-Hans-phone-2-my-number-card");
    await cardPage.getByRole("radio", { name: new RegExp(t["verify.counter"]) }).check();
    await cardPage.getByText("Jitsumei 羽田机场第3航站楼柜台（演示）").waitFor();
    await screenshot(cardPage, "web", "reader-zh-Hans-phone-3-my-number-card-counter");
    await cardContext.close();
  });

  it("the QR code's page without a reader app says what to do instead, with no app to install", async () => {
    const context = await phoneWith(null);
    const page = await context.newPage();
    await page.goto(`${plain.url}/reader/JT-0000-0000-0#jho_x`);
    await page.getByRole("heading", { level: 1, name: t["reader.title"] }).waitFor();
    await page.getByText(t["reader.noApp"]).waitFor();
    await page.getByText(t["reader.insteadJpki"]).waitFor();
    await page.getByText(t["reader.insteadCounter"]).waitFor();
    await page.getByText("Jitsumei 成田机场第1航站楼柜台（演示）").waitFor();
    expect(await page.getByRole("link", { name: t["reader.appStore"] }).count()).toBe(0);
    expect(await page.getByText(t["reader.install"]).count()).toBe(0);
    await screenshot(page, "web", "reader-zh-Hans-phone-4-reader-page-no-app");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Before choosing a plan, a passport-only visitor reads which plans work online and which at a counter.
    await page.goto(`${plain.url}/`);
    await page.getByRole("heading", { level: 1, name: t["plans.title"] }).waitFor();
    await page.getByText(t["plans.passportOnly"]).click();
    await page.getByText("Jitsumei 羽田机场第3航站楼柜台（演示）").waitFor();
    await screenshot(page, "web", "reader-zh-Hans-phone-0-plans-passport-only");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("with a reader app: the QR code holds a single-use hand-off code on PUBLIC_URL, not the access key, and a reader exchanges it once", async () => {
    const passport = await voiceApplication(withApp, "passport");
    const context = await phoneWith(passport);
    const page = await context.newPage();
    await page.goto(`${withApp.url}/application/${passport.reference}`);
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await page.getByRole("radio", { name: new RegExp(t["verify.chip"]) }).waitFor();
    const qr = page.getByAltText(t["verify.qrAlt"].replace("{ref}", passport.reference));
    await qr.waitFor();
    expect(await page.getByRole("link", { name: t["reader.appStore"] }).getAttribute("href")).toBe(IOS);
    expect(await page.getByText(t["verify.onlyAtCounter"].slice(0, 6)).count()).toBe(0);
    await screenshot(page, "web", "reader-zh-Hans-phone-5-handoff-with-app");
    expect(await seriousAxeViolations(page)).toEqual([]);

    const scanned = decodeQr(String(await qr.getAttribute("src")));
    const url = new URL(scanned);
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname).toBe(`/reader/${passport.reference}`);
    expect(url.hash).toMatch(/^#jho_[A-Za-z0-9_-]{43}$/);
    expect(scanned).not.toContain(passport.token);
    expect(await page.getByRole("link", { name: t["verify.handoffOnThisPhone"] }).getAttribute("href")).toBe(scanned);

    const exchanged = await withApp.api("POST", "/v1/handoff/exchange", {
      body: { reference: passport.reference, token: url.hash.slice(1) },
    });
    expect(exchanged.status).toBe(201);
    const again = await withApp.api("POST", "/v1/handoff/exchange", {
      body: { reference: passport.reference, token: url.hash.slice(1) },
    });
    expect(again.body.code).toBe("handoff_used");

    // A new code on demand replaces the spent one.
    await page.getByRole("button", { name: t["verify.handoffNew"] }).click();
    await expect.poll(async () => decodeQr(String(await qr.getAttribute("src")))).not.toBe(scanned);

    // The phone without the app: the same address shows the store link.
    const phone = await (await phoneWith(null)).newPage();
    await phone.goto(`${withApp.url}${url.pathname}${url.hash}`);
    await phone.getByText(t["reader.install"]).waitFor();
    expect(await phone.getByRole("link", { name: t["reader.appStore"] }).getAttribute("href")).toBe(IOS);
    await screenshot(phone, "web", "reader-zh-Hans-phone-6-reader-page-with-app");
    await phone.context().close();
    await context.close();
  });

  it("offers the special permanent resident certificate's chip as the residence card's, and its counters without a reader app", async () => {
    const special = await voiceApplication(withApp, "special_permanent_resident_certificate");
    const context = await phoneWith(special);
    const page = await context.newPage();
    await page.goto(`${withApp.url}/application/${special.reference}`);
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await page.getByRole("radio", { name: new RegExp(t["verify.chip"]) }).waitFor();
    await page.getByRole("radio", { name: new RegExp(t["verify.counter"]) }).waitFor();
    await page.getByAltText(t["verify.qrAlt"].replace("{ref}", special.reference)).waitFor();
    await screenshot(page, "web", "reader-zh-Hans-phone-8-special-permanent-resident-chip");
    await context.close();

    const withoutApp = await voiceApplication(plain, "special_permanent_resident_certificate");
    const plainContext = await phoneWith(withoutApp);
    const plainPage = await plainContext.newPage();
    await plainPage.goto(`${plain.url}/application/${withoutApp.reference}`);
    await plainPage.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await plainPage
      .getByText(t["verify.onlyAtCounter"].replace("{document}", t["document.special_permanent_resident_certificate"]))
      .waitFor();
    await plainPage.getByText("Jitsumei 新宿门店（演示）").waitFor();
    await screenshot(plainPage, "web", "reader-zh-Hans-phone-9-special-permanent-resident-counter");
    await plainContext.close();
  });

  it("continue on the phone: the hand-off code opens the application in a tab with no access key, once", async () => {
    const card = await voiceApplication(withApp, "my_number_card");
    const issued = await withApp.api("POST", `/v1/applications/${card.reference}/handoff`, {
      token: card.token,
      body: { purpose: "continue_on_phone" },
    });
    const url = new URL(String(issued.body.url));
    expect(url.origin).toBe(PUBLIC_URL);
    const context = await phoneWith(null);
    const page = await context.newPage();
    await page.goto(`${withApp.url}${url.pathname}${url.hash}`);
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    expect(page.url()).toBe(`${withApp.url}/application/${card.reference}`);
    await page.getByRole("radio", { name: new RegExp(t["verify.jpki"].replace(/[()（）]/g, ".")) }).waitFor();
    await screenshot(page, "web", "reader-zh-Hans-phone-7-continued");
    // The same code a second time, in another tab: refused in the page's words.
    const second = await (await phoneWith(null)).newPage();
    await second.goto(`${withApp.url}${url.pathname}${url.hash}`);
    await second.getByText(t["continue.used"]).waitFor();
    await second.context().close();
    await context.close();
  });

  it("in the demo, the reader app simulator takes the hand-off from the site's link, uploads the demo passport chip, and the site moves on to the live selfie", async () => {
    // The demo passport's holder (the chip's DG1), so that the chip's data matches the particulars.
    const passport = await voiceApplication(demo, "passport", anna);
    const context = await phoneWith(passport);
    const page = await context.newPage();
    await page.goto(`${demo.url}/application/${passport.reference}`);
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await page.getByRole("radio", { name: new RegExp(t["verify.chip"]) }).waitFor();
    await page.getByAltText(t["verify.qrAlt"].replace("{ref}", passport.reference)).waitFor();
    const handoff = String(await page.getByRole("link", { name: t["verify.handoffOnThisPhone"] }).getAttribute("href"));
    // The "app" link carries the QR code's address to the simulator, as the real app gets it from the link.
    const store = page.getByRole("link", { name: t["reader.appStore"] });
    expect(await store.getAttribute("href")).toBe(
      `${READER_APP_SIMULATOR_PATH}?handoff=${encodeURIComponent(handoff)}`,
    );
    await screenshot(page, "web", "reader-zh-Hans-phone-10-demo-handoff");

    // The phone's app: a page of its own, at 390 px.
    const app = await context.newPage();
    await app.goto(`${demo.url}${await store.getAttribute("href")}`);
    await app.getByRole("heading", { level: 1, name: /Chip reader app \(simulator\)/ }).waitFor();
    await app.getByText("Reader app simulator for development").waitFor();
    expect(await app.getByLabel(/The QR code's address/).inputValue()).toBe(handoff);
    expect(await app.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(app, "web", "reader-simulator-phone-1-scan");
    expect(await seriousAxeViolations(app)).toEqual([]);
    await app.getByRole("button", { name: /Read the chip and send it/ }).click();
    await app.getByText(`Chip sent for ${passport.reference}`).waitFor();
    await app.getByText("chip.sod_signature").waitFor();
    await screenshot(app, "web", "reader-simulator-phone-2-sent");

    // The site saw the chip arrive and asks for the live selfie.
    await page.getByText(t["verify.receivedSelfieNext"]).waitFor({ timeout: 15_000 });
    await screenshot(page, "web", "reader-zh-Hans-phone-11-demo-chip-received");
    const { rows } = await demo.services.db.query<{ kind: string }>(
      "SELECT e.kind FROM evidence e JOIN applications a ON a.id = e.application_id WHERE a.reference = $1",
      [passport.reference],
    );
    expect(rows.map((r) => r.kind)).toEqual(["chip"]);
    await context.close();
  });
});
