import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, seriousAxeViolations } from "../../server/test/support/browser.ts";
import { signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { ja } from "../src/i18n/ja.ts";
import { postpaidInReview, signedInContext } from "./support.ts";

/**
 * Issue 20 item 7 in the console: labels, never raw codes. A reviewer in Japanese sees the plan by its
 * name, the nationality by name, the phone as Japan writes it, and the terms the applicant accepted.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the console's words", () => {
  it("shows a case in Japanese with labels for every code, the phone as 090-1234-5678 and the terms accepted", async () => {
    const legal = await server.api("GET", "/v1/legal-documents");
    const versions = legal.body as { terms: { version: string }; privacy: { version: string } };
    const { reference } = await postpaidInReview(server, {
      phone: "+819012345678",
      acceptance: { terms: versions.terms.version, privacy: versions.privacy.version },
    });
    const reviewer = await signInAs(server, "reviewer");
    const context = await signedInContext(browser, server, reviewer.cookie, "desktop", "ja-JP");
    const page = await context.newPage();

    await page.goto(`${server.url}/staff/`);
    await page.getByRole("link", { name: ja["nav.queue"] }).first().click();
    const row = page.getByRole("row", { name: new RegExp(reference) });
    await row.getByText("音声通話プラン 20GB").waitFor();
    expect(await row.textContent()).not.toContain("postpaid-voice");

    await row.getByRole("link", { name: reference }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(reference) }).waitFor();
    const main = page.locator("main");
    await main.getByText("音声通話プラン 20GB").first().waitFor();
    await main.getByText(ja["country.UTO"]).first().waitFor();
    await main.getByText(/090-1234-5678/).waitFor();
    await main.getByText(new RegExp(`利用規約 ${versions.terms.version}`)).waitFor();
    const text = (await main.textContent()) ?? "";
    for (const raw of ["postpaid-voice", "+819012345678", "NF_JPKI"]) expect(text).not.toContain(raw);
    await screenshot(page, "console", "labels-ja-desktop-case");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
