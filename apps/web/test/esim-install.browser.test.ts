import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  horizontalOverflow,
  launchBrowser,
  networkQuiet,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
  trackRequests,
} from "../../server/test/support/browser.ts";
import { particularsOf, runEveryJobNow, somebody, submitAndPay, td3 } from "../../server/test/support/journey.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { en } from "../src/i18n/en.ts";
import { vi as viText } from "../src/i18n/vi.ts";

// The eSIM installed on the phone that shows the status page: it cannot scan its own screen.
const iphoneSafari =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const scratch = mkdtempSync(join(tmpdir(), "jitsumei-esim-"));
const apn = "mobile.jitsumei.example";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ APN: apn });
  browser = await launchBrowser();
});
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
});

/** A prepaid eSIM applied for and paid over the API, in `language`: its eSIM is issued. */
async function issuedEsim(language: string) {
  const person = somebody();
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "prepaid-data-esim", language, channel: "online", contact: { email: "applicant@example.test" } },
  });
  expect(created.status).toBe(201);
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  expect(
    (await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(person) })).status,
  ).toBe(200);
  const mrz = await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "mrz", lines: td3(person) },
  });
  expect(mrz.status).toBe(201);
  expect((await submitAndPay(server, reference, token)).body.state).toBe("sim_assigned");
  await runEveryJobNow(server);
  // What the server issued, as the applicant's own session reads it.
  const view = await server.api("GET", `/v1/applications/${reference}`, { token });
  const line = view.body.line as { esimActivationCode: string | null };
  expect(line.esimActivationCode).toMatch(/^LPA:1\$[^$]+\$[^$]+/);
  return { reference, token, code: String(line.esimActivationCode) };
}

async function statusPage(
  esim: { reference: string; token: string },
  options: { viewport: "phone" | "desktop"; locale: string; userAgent?: string; title: string },
): Promise<Page> {
  const { title, ...contextOptions } = options;
  const context = await openContext(browser, contextOptions);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await context.addInitScript(
    ({ reference, token }) => sessionStorage.setItem(`jitsumei.application.${reference}`, token),
    { reference: esim.reference, token: esim.token },
  );
  const page = await context.newPage();
  trackRequests(page);
  await page.goto(`${server.url}/status/${esim.reference}`);
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
  await networkQuiet(page);
  return page;
}

/** What a phone's camera reads from the page's QR code. */
async function scanQr(page: Page, alt: string): Promise<string> {
  const src = String(await page.getByAltText(alt).getAttribute("src"));
  const file = join(scratch, `qr-${Date.now()}.png`);
  writeFileSync(file, Buffer.from(src.replace(/^data:image\/png;base64,/, ""), "base64"));
  return execFileSync("zbarimg", ["--raw", "-q", file]).toString("utf8").trim();
}

describe("installing the eSIM from the status page", () => {
  it("on an iPhone in Vietnamese: one tap opens Apple's eSIM setup with the issued code, the manual values copy exactly, the QR code comes last", async () => {
    const t = viText;
    const esim = await issuedEsim("vi");
    const [, smdpAddress, matchingId] = esim.code.slice("LPA:".length).split("$");
    const page = await statusPage(esim, {
      viewport: "phone",
      locale: "vi-VN",
      userAgent: iphoneSafari,
      title: t["esim.title"],
    });

    // The universal link carries exactly the activation code the server issued.
    const install = page.getByRole("link", { name: t["esim.installOnIphone"] });
    const href = new URL(String(await install.getAttribute("href")));
    expect(href.origin + href.pathname).toBe("https://esimsetup.apple.com/esim_qrcode_provisioning");
    expect(href.searchParams.get("carddata")).toBe(esim.code);

    // The values an iPhone's "Enter Details Manually" asks for, and the whole code Android takes.
    const shown = async (key: string) => page.locator(`[data-esim-value="${key}"]`).textContent();
    expect(await shown("smdp")).toBe(smdpAddress);
    expect(await shown("matching")).toBe(matchingId);
    expect(await shown("full")).toBe(esim.code);

    // Each copy button is named for what it copies; the copy is exact, and said in a status region.
    for (const [label, value] of [
      [t["esim.smdpAddress"], smdpAddress],
      [t["esim.matchingId"], matchingId],
      [t["esim.fullCode"], esim.code],
    ] as const) {
      await page.getByRole("button", { name: t["esim.copyLabel"].replace("{what}", label), exact: true }).click();
      await page.getByRole("status").getByText(t["esim.copied"].replace("{what}", label), { exact: true }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    }

    // The install button before the manual details, the QR code (for another phone) after them.
    const order = await page.evaluate(
      ([installName, manualId, qrAlt]) => {
        const at = (el: Element | null) => (el ? [...document.querySelectorAll("*")].indexOf(el) : -1);
        const link = [...document.querySelectorAll("a")].find((a) => a.textContent === installName) ?? null;
        return {
          install: at(link),
          manual: at(document.getElementById(manualId)),
          qr: at(document.querySelector(`img[alt="${qrAlt}"]`)),
        };
      },
      [t["esim.installOnIphone"], "esim-manual", t["esim.qrAlt"]] as const,
    );
    expect(order.install).toBeGreaterThan(-1);
    expect(order.install).toBeLessThan(order.manual);
    expect(order.manual).toBeLessThan(order.qr);
    expect(await scanQr(page, t["esim.qrAlt"])).toBe(esim.code);

    // Roaming is not needed on a Japanese line in Japan (the page used to say turn it on); the APN is given.
    await page.getByText(t["esim.dataHelp"].replace("{apn}", apn)).waitFor();

    expect(await horizontalOverflow(page)).toBeNull();
    await screenshot(page, "web", "esim-install-vi-iphone");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("on a desktop: the QR code comes first, and scans as the issued code; no iPhone button", async () => {
    const esim = await issuedEsim("en");
    const page = await statusPage(esim, { viewport: "desktop", locale: "en-GB", title: en["esim.title"] });
    const qr = page.getByAltText(en["esim.qrAlt"]);
    await qr.waitFor();
    // The QR code is the first thing in the eSIM card after its heading and one line of text.
    const before = await page.evaluate((alt) => {
      const card = document.getElementById("esim-title")?.closest("section");
      const img = card?.querySelector(`img[alt="${alt}"]`);
      const manual = card?.querySelector("#esim-manual");
      return Boolean(img && manual && img.compareDocumentPosition(manual) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, en["esim.qrAlt"]);
    expect(before).toBe(true);
    expect(await scanQr(page, en["esim.qrAlt"])).toBe(esim.code);
    expect(await page.getByRole("link", { name: en["esim.installOnIphone"] }).count()).toBe(0);
    expect(await page.locator('[data-esim-value="full"]').textContent()).toBe(esim.code);
    await screenshot(page, "web", "esim-install-en-desktop");
    await page.context().close();
  });
});
