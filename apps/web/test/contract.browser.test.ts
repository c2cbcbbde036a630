import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openContext, releaseBrowser, screenshot } from "../../server/test/support/browser.ts";
import { fillIn, particularsOf, somebody, tokyoAddress } from "../../server/test/support/journey.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { en } from "../src/i18n/en.ts";
import { ja } from "../src/i18n/ja.ts";
import { vi } from "../src/i18n/vi.ts";

/**
 * The site reads the API only through the checked client of the API contract (src/api.ts): an answer
 * the contract does not allow is refused at the boundary and the applicant is told so in their language,
 * with the page (its header, its language switcher) still standing. The wrong answers come from the
 * browser's side of the wire, as a server of another version would send them.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
});

/** Waits for the page to alert with exactly this text. */
async function alerted(page: Page, text: string): Promise<void> {
  const alert = page.getByRole("alert").filter({ hasText: text });
  await alert.waitFor();
  expect(await alert.textContent()).toBe(text);
}

describe("the site's client of the API contract", () => {
  it("refuses a plan list whose price is not a number, and says so in Japanese", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "ja-JP" });
    const page = await context.newPage();
    let served = false;
    await page.route("**/v1/plans?*", async (route) => {
      const real = await route.fetch();
      const body = (await real.json()) as { items: Record<string, unknown>[] };
      served = true;
      await route.fulfill({
        response: real,
        json: { ...body, items: body.items.map((plan, i) => (i === 0 ? { ...plan, priceJpy: "free" } : plan)) },
      });
    });
    await page.goto(`${server.url}/`);
    await alerted(page, ja["error.contract"]);
    expect(served).toBe(true);
    // Not a blank page: the heading, the header and the language switcher are there; no plan is offered.
    await page.getByRole("heading", { level: 1, name: ja["plans.title"] }).waitFor();
    expect(await page.locator(".brand").textContent()).toBe(ja["app.name"]);
    expect(await page.getByRole("combobox", { name: ja["app.language"] }).isVisible()).toBe(true);
    expect(await page.locator("article.plan").count()).toBe(0);
    await screenshot(page, "web", "contract-ja-phone-plans-refused");
    await context.close();
  });

  it("still says a server out of reach is out of reach (English)", async () => {
    const context = await openContext(browser, { viewport: "desktop", locale: "en-GB" });
    const page = await context.newPage();
    await page.route("**/v1/plans?*", (route) => route.abort("connectionrefused"));
    await page.goto(`${server.url}/`);
    await alerted(page, en["error.network"]);
    await context.close();
  });

  it("reads an application's kanji name and second address line, and refuses a name that is not text, in Vietnamese", async () => {
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-data-esim", language: "vi", channel: "online", contact: { email: "an@example.test" } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const person = somebody();
    await fillIn(server, reference, token, person, {
      name: { ...particularsOf(person).name, kanji: "阮 安" },
      address: { ...tokyoAddress, line2: "101号室" },
    });

    const open = async () => {
      const context = await openContext(browser, { viewport: "phone", locale: "vi-VN" });
      await context.addInitScript(
        ([ref, bearer]) => sessionStorage.setItem(`jitsumei.application.${ref}`, bearer ?? ""),
        [reference, token],
      );
      return context.newPage();
    };

    // The server's own answer fits the contract: the confirm step lists the kanji name and the address.
    const page = await open();
    await page.goto(`${server.url}/application/${reference}`);
    const summary = page.locator("section[aria-labelledby='confirm-particulars'] dl.summary");
    await summary.getByText("阮 安", { exact: true }).waitFor();
    expect(await summary.textContent()).toContain("千代田1-1 101号室");
    await page.context().close();

    // The same answer with the kanji name as a number is refused before the page reads it.
    const refused = await open();
    await refused.route(`**/v1/applications/${reference}`, async (route) => {
      if (route.request().method() !== "GET") return route.continue();
      const real = await route.fetch();
      const view = (await real.json()) as { applicant: { name: Record<string, unknown> } };
      await route.fulfill({
        response: real,
        json: { ...view, applicant: { ...view.applicant, name: { ...view.applicant.name, kanji: 5 } } },
      });
    });
    await refused.goto(`${server.url}/application/${reference}`);
    await alerted(refused, vi["error.contract"]);
    expect(await refused.locator("dl.summary").count()).toBe(0);
    await screenshot(refused, "web", "contract-vi-phone-application-refused");
    await refused.context().close();
  });
});
