import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "../src/mail/outbox.ts";
import { staffRoles } from "../src/staff/permissions.ts";
import { launchBrowser, openContext, releaseBrowser, screenshot } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The development pages as a developer trying the demo opens them: the outbox and the demo staff's
 * codes, readable in a browser under the server's CSP, with what a mail says shown as text.
 */
describe("the development pages in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  const hostile = `Your code <script>window.__ran = true</script> & "more"`;

  beforeAll(async () => {
    server = await startTestServer({}, { demoStaff: true });
    browser = await launchBrowser();
    await server.services.db.transaction(async (tx) => {
      await queueMail(tx, server.services.keys, {
        language: "ja",
        to: "older@example.test",
        from: "noreply@jitsumei.test",
        subject: "お申込みを受け付けました",
        text: "受付番号 JT-TEST\n",
        applicationId: null,
        template: "test_older",
      });
    });
    await server.services.db.transaction(async (tx) => {
      await queueMail(tx, server.services.keys, {
        language: "en",
        to: "dev@example.test",
        from: "noreply@jitsumei.test",
        subject: hostile,
        text: `Open https://jitsumei.test/status?ref=JT-TEST&x=1. <img src=x onerror="window.__ran = true">\nThanks.`,
        applicationId: null,
        template: "test_hostile",
      });
    });
  }, 60_000);
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.close();
  });

  it("shows the outbox newest first, each mail's time, recipient, subject, language and body, as text", async () => {
    const context = await openContext(browser, { viewport: "desktop", locale: "en-GB" });
    const page = await context.newPage();
    const answer = await page.goto(`${server.url}/dev/outbox`);
    expect(answer?.headers()["content-type"]).toMatch(/^text\/html/);
    await page.getByRole("heading", { level: 1, name: "Mail outbox" }).waitFor();
    await screenshot(page, "dev", "outbox");

    const subjects = await page.getByRole("heading", { level: 2 }).allTextContents();
    // The mail's own markup is text on the page, never markup: nothing ran, no element was made.
    expect(subjects.slice(0, 2)).toEqual([hostile, "お申込みを受け付けました"]);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    expect(await page.locator("main script, main img").count()).toBe(0);
    const newest = page.getByRole("article").first();
    expect(await newest.locator("pre").textContent()).toContain('<img src=x onerror="window.__ran = true">');
    const [time, to, language] = await newest.locator("dd").allTextContents();
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST$/);
    expect([to, language]).toEqual(["dev@example.test", "en"]);
    // The link in the body is a link, without the full stop that ends its sentence.
    const link = newest.getByRole("link", { name: "https://jitsumei.test/status?ref=JT-TEST&x=1" });
    expect(await link.getAttribute("href")).toBe("https://jitsumei.test/status?ref=JT-TEST&x=1");
    // Styled from its own stylesheet: the CSP blocked nothing.
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe("none");
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await context.close();

    // The JSON stays for scripts and tests: without Accept: text/html, or with ?format=json.
    const json = await server.api("GET", "/dev/outbox");
    expect((json.body.items as { subject: string; language: string }[])[0]).toMatchObject({
      subject: hostile,
      language: "en",
    });
    const asked = await fetch(`${server.url}/dev/outbox?format=json`, { headers: { accept: "text/html" } });
    expect(asked.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("shows each demo staff member's role, e-mail, password and code now, saying it exists in development only", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${server.url}/dev/demo-staff`);
    const table = page.getByRole("table", { name: "Demo staff accounts and their codes now" });
    await table.waitFor();
    await screenshot(page, "dev", "demo-staff");
    await page.getByRole("note").filter({ hasText: "Development only" }).waitFor();
    expect(await table.getByRole("rowheader").allTextContents()).toEqual([...staffRoles]);
    // The reviewer's row: the e-mail and password to sign in with, and a six-digit code.
    const reviewer = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "reviewer", exact: true }) });
    expect(await reviewer.getByRole("cell").allTextContents()).toEqual([
      "reviewer@demo.jitsumei.test",
      "jitsumei-demo-password",
      expect.stringMatching(/^\d{6}$/),
      expect.stringMatching(/^\d{1,2} s$/),
    ]);
    // It reloads itself when the codes change: a meta refresh, no script.
    const refresh = Number(await page.locator('meta[http-equiv="refresh"]').getAttribute("content"));
    expect(refresh).toBeGreaterThan(0);
    expect(refresh).toBeLessThanOrEqual(31);
    expect(await page.locator("script").count()).toBe(0);
    await context.close();
  });
});
