import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  horizontalOverflow,
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { activeLine, somebody } from "../../server/test/support/journey.ts";
import { mailedCode } from "../../server/test/support/subscriber.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { vi } from "../src/i18n/vi.ts";

/**
 * A data-only eSIM's holder on /account, in Vietnamese on a phone: they were never given the line's
 * (020) number, so they sign in with the application's reference from their mails and the address on
 * file, and see the line named by its kind and reference, with its state and validity, and no number.
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

async function look(page: Page, name: string) {
  await screenshot(page, "web", name);
  expect(await seriousAxeViolations(page), name).toEqual([]);
  expect(await horizontalOverflow(page), name).toBeNull();
}

describe("/account for a data-only line", () => {
  it("signs in by the application's reference (vi, phone) and shows the line, its state and validity, not its number", async () => {
    const email = "du-lieu@example.test";
    const { reference, msisdn } = await activeLine(server, somebody(), {
      planId: "prepaid-data-esim",
      language: "vi",
      contact: { email },
    });
    expect(msisdn).toMatch(/^020/);
    const context = await openContext(browser, { viewport: "phone", locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/account`);
    await page.getByRole("heading", { name: vi["account.title"] }).waitFor();

    await page.getByRole("radio", { name: vi["account.byReference"] }).check();
    const field = page.getByRole("textbox", { name: vi["account.reference"], exact: true });
    // The hint says where the reference is, tied to the field.
    expect(await field.getAttribute("aria-describedby")).toContain("f-reference-hint");
    await expect.poll(() => page.getByText(vi["account.referenceHint"]).isVisible()).toBe(true);

    // A mistyped reference: the server's problem names the field, and the page says so at the field.
    await field.fill("JT-12");
    await page.getByLabel(vi["contact.email"]).fill(email);
    await page.getByRole("button", { name: vi["account.send"] }).click();
    await page.locator("#f-reference-error").getByText(vi["error.reference"]).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await look(page, "account-data-only-reference-error-vi-phone");

    await field.fill(reference.toLowerCase());
    await page.getByRole("button", { name: vi["account.send"] }).click();
    await page.getByText(vi["account.sentReference"]).waitFor();
    await page.getByLabel(vi["account.code"]).fill(await mailedCode(server, email, "subscriber_sign_in"));
    await look(page, "account-data-only-code-vi-phone");
    await page.getByRole("button", { name: vi["account.signIn"] }).click();

    const card = page.getByRole("region", { name: vi["account.dataEsim"] });
    await card.waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).toContain(reference);
    expect(text).toContain(vi["account.state.active"]);
    expect(text).toContain(vi["account.validUntil"]);
    expect(text).toContain(vi["account.dataNoNumber"]);
    // The plan by its Vietnamese name, once the plans have loaded.
    const plans = await server.api("GET", "/v1/plans?limit=100");
    const plan = (plans.body.items as { id: string; name: Record<string, string> }[]).find(
      (p) => p.id === "prepaid-data-esim",
    );
    await card.getByText(String(plan?.name.vi)).waitFor();
    // Never the network's 020 number, in any writing; no port-out for a line without a number.
    const digits = ((await page.locator("main").textContent()) ?? "").replace(/\D/g, "");
    expect(digits).not.toContain(msisdn);
    expect(await page.getByRole("button", { name: vi["account.portOut"] }).count()).toBe(0);
    expect(await card.getByRole("link", { name: vi["account.openApplication"] }).getAttribute("href")).toBe(
      `/sign-in?reference=${reference}`,
    );
    await look(page, "account-data-only-line-vi-phone");
    await context.close();
  });
});
