import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { ja } from "../src/i18n/ja.ts";

describe("the applicant site in a real browser", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.close();
  });

  it("loads at / on a phone, with no serious accessibility violation", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: ja["plans.title"] }).waitFor();
    expect(await page.locator(".brand").textContent()).toBe(ja["app.name"]);
    await screenshot(page, "web", "smoke-ja-phone");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
