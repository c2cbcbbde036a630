import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, releaseBrowser, screenshot, seriousAxeViolations } from "../../server/test/support/browser.ts";
import { activeLine, somebody } from "../../server/test/support/journey.ts";
import { signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { signedInContext } from "./support.ts";

/**
 * The console's compliance and admin pages in a real browser against a real server: a compliance
 * officer searches the verification records, downloads their CSV and checks the audit chain; an admin
 * changes a plan's price and reads the policies. The pages are photographed in English and checked with axe (and
 * the server's Content-Security-Policy); in Japanese and Simplified Chinese, on a phone and a desktop,
 * in every-page.browser.test.ts.
 */

describe("the compliance and admin pages in a real browser", () => {
  let server: TestServer;
  let browser: Browser;
  let references: string[];
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    references = [(await activeLine(server, somebody())).reference, (await activeLine(server, somebody())).reference];
  });
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.close();
  });

  async function look(page: Page, name: string) {
    await screenshot(page, "console", name);
    expect(await seriousAxeViolations(page), name).toEqual([]);
  }

  const contextFor = (cookie: string) => signedInContext(browser, server, cookie, "desktop", "en-US");

  it("a compliance officer searches the records, downloads them as CSV and checks the audit chain", async () => {
    const officer = await signInAs(server, "compliance", "Chika Compliance");
    const context = await contextFor(officer.cookie);
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/records`);
    const menu = page.getByRole("navigation");
    await menu.waitFor();
    expect(await menu.getByRole("link").allTextContents()).toEqual([
      "Review queue",
      "Status lookup",
      "Dashboard",
      "Verification records",
      "Audit chain",
      "Policies",
      "Plans",
    ]);
    await look(page, "records-form-en-desktop");

    // The last 30 days by default: both records made today.
    await page.locator("form.filters button[type=submit]").click();
    for (const reference of references) await page.getByRole("row").filter({ hasText: reference }).waitFor();
    await look(page, "records-en-desktop");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("verification-records.csv");
    const csv = readFileSync(await download.path(), "utf8")
      .trim()
      .split("\n");
    expect(csv[0]).toMatch(/^recordId,version,reference,/);
    for (const reference of references) expect(csv.some((line) => line.includes(reference))).toBe(true);

    // A page at a time: with pages of one record (the server's default is 100) the first shows one and
    // says more follow; "Show more" adds the next below it.
    await page.route("**/v1/staff/records?*", (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get("format") !== "csv") url.searchParams.set("limit", "1");
      return route.continue({ url: url.toString() });
    });
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: "The first 1 records (more below)" }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(1);
    for (let shown = 1; shown < references.length; shown++) {
      await page.getByRole("button", { name: "Show more" }).click();
      await expect.poll(() => page.locator("tbody tr").count()).toBe(shown + 1);
    }
    for (const reference of references) await page.getByRole("row").filter({ hasText: reference }).waitFor();
    await page.unroute("**/v1/staff/records?*");

    // One application by its reference; then a range that ends before it starts, refused by the server.
    await page.getByLabel("Application reference (optional)").fill(references[0] as string);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: /^\d+ records$/ }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole("row")
          .filter({ hasText: references[1] as string })
          .count(),
      )
      .toBe(0);
    await page.getByLabel("Application reference (optional)").fill("");
    await page.getByLabel("From").fill("2026-05-02");
    await page.getByLabel("To").fill("2026-05-01");
    await page.getByRole("button", { name: "Search" }).click();
    expect(await page.getByRole("alert").textContent()).toContain("to must not be before from");

    await page.goto(`${server.url}/staff/audit`);
    await page.locator("main button").click();
    const result = page.locator("section.success");
    await result.waitFor();
    expect(await result.textContent()).toMatch(/[0-9a-f]{64}/);
    expect(await result.locator("h2").textContent()).toBe("The audit chain is intact");
    await look(page, "audit-en-desktop");

    // Records are compliance's alone; an officer may read the policies, and the plans but not change them.
    await page.goto(`${server.url}/staff/policies`);
    await page.getByRole("row").filter({ hasText: "jp-mobile-act" }).first().waitFor();
    await page.goto(`${server.url}/staff/plans`);
    await page.getByRole("row").filter({ hasText: "prepaid-voice-sim" }).waitFor();
    expect(await page.getByRole("button", { name: /^Save/ }).count()).toBe(0);
    expect(await page.getByRole("spinbutton").count()).toBe(0);
    await context.close();
  });

  it("an admin changes a plan's price, reads the policies in force, and cannot open the records", async () => {
    const admin = await signInAs(server, "admin", "Aki Admin");
    const context = await contextFor(admin.cookie);
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/plans`);
    const row = page.getByRole("row").filter({ hasText: "prepaid-data-esim" });
    await row.waitFor();
    await look(page, "plans-en-desktop");

    // A price the server refuses (the form's own check is bypassed) shows its problem; a good one is saved.
    const price = row.getByLabel("Price (yen)");
    await price.evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
    await price.fill("-5");
    await row.getByRole("button", { name: /^Save/ }).click();
    expect(await page.getByRole("alert").textContent()).toContain("priceJpy: must be 0 or more");
    await price.fill("2480");
    await row.getByRole("button", { name: /^Save/ }).click();
    await page.getByRole("status").filter({ hasText: "Saved: " }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await row.textContent()).toContain("¥2,480");
    await look(page, "plans-saved-en-desktop");
    // Saved on the server: a reload shows it, and the public list too.
    await page.reload();
    await page.getByRole("row").filter({ hasText: "prepaid-data-esim" }).filter({ hasText: "¥2,480" }).waitFor();
    const listed = await server.api("GET", "/v1/plans");
    expect(
      (listed.body.items as { id: string; priceJpy: number }[]).find((p) => p.id === "prepaid-data-esim"),
    ).toMatchObject({
      priceJpy: 2480,
    });
    const phone = await signedInContext(browser, server, admin.cookie, "phone", "en-US");
    const onPhone = await phone.newPage();
    await onPhone.goto(`${server.url}/staff/plans`);
    await onPhone.getByRole("row").filter({ hasText: "prepaid-data-esim" }).waitFor();
    await look(onPhone, "plans-en-phone");
    await phone.close();

    await page.goto(`${server.url}/staff/policies`);
    const law = page.getByRole("row").filter({ hasText: "jp-mobile-act" });
    await law.first().waitFor();
    expect(await law.count()).toBe(3);
    // Exactly one version of the law is in force on any day.
    expect(await page.locator("tbody .badge").count()).toBeGreaterThanOrEqual(1);
    expect(await law.locator(".badge").count()).toBe(1);
    await look(page, "policies-en-desktop");
    await law.first().getByRole("button").click();
    const data = page.locator("details[open] .json pre");
    await data.first().waitFor();
    expect(JSON.parse((await data.first().textContent()) ?? "{}")).toMatchObject({
      id: "jp-mobile-act",
      kind: "statutory",
    });
    await look(page, "policy-data-en-desktop");

    const menu = page.getByRole("navigation");
    expect(await menu.getByRole("link", { name: "Verification records" }).count()).toBe(0);
    await page.goto(`${server.url}/staff/records`);
    await page.locator("h1").waitFor();
    await page.getByText("Loading…").waitFor({ state: "detached" });
    // A page of another role says so (and links home) rather than "not found".
    expect(await page.locator("h1").textContent()).toBe("This page is not part of your role");
    await page.getByRole("main").getByRole("link", { name: "the home page" }).waitFor();
    await context.close();
  });
});
