import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  horizontalOverflow,
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { vi } from "../src/i18n/vi.ts";

/** The operator's own contact points (JITSUMEI_OPERATOR_FILE), not the demo operator's. */
const contact = {
  phone: "0120-444-555",
  hours: { ja: "平日 10:00〜18:00", en: "weekdays 10:00–18:00", vi: "ngày thường 10:00–18:00" },
  email: "hotro@shiken.example.jp",
  formUrl: "https://shiken.example.jp/help/contact-form",
  postalAddress: {
    ja: "〒530-0001 大阪府大阪市北区梅田1-1-1 試験通信 お客さま窓口",
    en: "Customer desk, Shiken Tsushin, 1-1-1 Umeda, Kita-ku, Osaka 530-0001",
  },
  complaints: {
    name: { ja: "苦情窓口", en: "Complaints desk", vi: "Bộ phận khiếu nại" },
    phone: "0120-444-666",
    hours: { ja: "平日 13:00〜17:00", en: "weekdays 13:00–17:00" },
  },
};

describe("the contact page on a phone, in Vietnamese", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), "jitsumei-contact-")), "operator.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: { ja: "試験通信株式会社", en: "Shiken Tsushin K.K.", vi: "Công ty Shiken Tsushin" },
        address: { ja: "〒530-0001 大阪府大阪市北区梅田一丁目1番1号", en: "1-1-1 Umeda, Kita-ku, Osaka 530-0001" },
        registrationNumber: "T1234567890123",
        phone: "0120-111-222",
        supportHours: { ja: "平日 10時〜18時", en: "weekdays 10:00–18:00" },
        url: "https://shiken.example.jp",
        contact,
      }),
    );
    server = await startTestServer({ JITSUMEI_OPERATOR_FILE: file });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.close();
  });

  it("is a footer link away, and shows the operator file's contact points with hours in Japan time", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: vi["plans.title"] }).waitFor();
    await page.getByRole("contentinfo").getByRole("link", { name: vi["reach.title"] }).click();
    await page.getByRole("heading", { level: 1, name: vi["reach.title"] }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/contact");

    const main = page.getByRole("main");
    await expect(main.textContent()).resolves.toContain("Công ty Shiken Tsushin");
    const phone = main.getByRole("link", { name: "0120-444-555" });
    expect(await phone.getAttribute("href")).toBe("tel:0120444555");
    await expect(main.textContent()).resolves.toContain("(ngày thường 10:00–18:00, giờ Nhật Bản)");
    expect(await main.getByRole("link", { name: contact.email }).getAttribute("href")).toBe(`mailto:${contact.email}`);
    expect(await main.getByRole("link", { name: contact.formUrl }).getAttribute("href")).toBe(contact.formUrl);
    // The complaints desk: its own name and phone; no Vietnamese hours in the file, so the English ones.
    await main.getByRole("heading", { level: 2, name: "Bộ phận khiếu nại" }).waitFor();
    expect(await main.getByRole("link", { name: "0120-444-666" }).getAttribute("href")).toBe("tel:0120444666");
    await expect(main.textContent()).resolves.toContain("(weekdays 13:00–17:00, giờ Nhật Bản)");
    await main.getByRole("heading", { level: 2, name: vi["reach.post"] }).waitFor();
    expect(await main.locator("address").textContent()).toBe(contact.postalAddress.en);

    expect(await horizontalOverflow(page)).toBeNull();
    await screenshot(page, "web", "contact-vi-phone");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Where a subscriber whose line stopped looks first: the account page says whom to call.
    await page.getByRole("contentinfo").getByRole("link", { name: vi["account.title"] }).click();
    await page.getByRole("heading", { level: 1, name: vi["account.title"] }).waitFor();
    const line = page.locator(".contact-line");
    await expect(line.textContent()).resolves.toContain("0120-444-555");
    await expect(line.textContent()).resolves.toContain("giờ Nhật Bản");
    await screenshot(page, "web", "contact-vi-phone-account");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
