import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  horizontalOverflow,
  launchBrowser,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { anna, konbiniRefundOwed, outbox, td3 } from "../../server/test/support/journey.ts";
import { type StaffClient, signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { ja } from "../src/i18n/ja.ts";
import { zhHans } from "../src/i18n/zh-Hans.ts";
import { expectChipReadAtCounter, recordPassportChip, signedInContext, tokyoAddress } from "./support.ts";

/**
 * Retail packages made in the console (no CLI, which cannot run while `npm start` holds the embedded
 * database): an admin makes a batch in Japanese, reads its codes once and downloads them as CSV; a
 * clerk sells one of them at the counter in Japanese through to the activated line and its receipt;
 * a buyer registers another with its code.
 */
const t = ja;
const { chip } = inject("evidenceFixtures");
const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

describe("retail packages in the console", () => {
  let server: TestServer;
  let browser: Browser;
  let admin: StaffClient;
  let clerk: StaffClient;
  let reviewer: StaffClient;
  const work = mkdtempSync(join(tmpdir(), "jitsumei-packages-"));

  beforeAll(async () => {
    // The test CSCAs: the counter reads the passport's chip, as the law asks of a shop (F2F_IC).
    server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir });
    browser = await launchBrowser();
    [admin, clerk, reviewer] = [
      await signInAs(server, "admin", "管理 担当"),
      await signInAs(server, "clerk", "窓口 担当"),
      await signInAs(server, "reviewer", "審査 担当"),
    ];
  }, 60_000);
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.close();
  });

  async function look(page: Page, name: string) {
    await screenshot(page, "console", name);
    expect(await seriousAxeViolations(page), name).toEqual([]);
    expect(await horizontalOverflow(page), name).toBeNull();
  }

  it("an admin makes a batch, sees its codes once and downloads them; a clerk sells one at the counter; a buyer registers another", async () => {
    const context = await signedInContext(browser, server, admin.cookie, "desktop", "ja-JP");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/`);
    await page.getByRole("link", { name: t["nav.packages"] }).click();
    await page.getByRole("heading", { level: 1, name: t["packages.title"] }).waitFor();
    await page.getByText(t["packages.none"]).waitFor();

    // Too many for the stock: refused, the field named, nothing made.
    await page.getByLabel(t["packages.plan"]).selectOption("prepaid-voice-sim");
    await page.getByLabel(t["packages.channel"]).selectOption("airport");
    await page.getByLabel(t["packages.count"]).fill("10000");
    await page.getByRole("button", { name: t["packages.submit"] }).click();
    await page.getByRole("alert").filter({ hasText: t["packages.count"] }).waitFor();

    await page.getByLabel(t["packages.count"]).fill("2");
    await page.getByRole("button", { name: t["packages.submit"] }).click();
    const codesTable = page.getByRole("table", { name: t["packages.codes"] });
    await codesTable.waitFor();
    await page.getByText(t["packages.shownOnce"]).waitFor();
    const codes = (await codesTable.locator("td.mono.nowrap").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const batchRow = page.getByRole("table", { name: t["packages.batches"] }).locator("tbody tr");
    expect(await batchRow.count()).toBe(1);
    expect(await batchRow.textContent()).toContain(`${t["packages.status.in_stock"]} 2`);
    expect(await batchRow.textContent()).not.toContain("prepaid-voice-sim");
    await look(page, "packages-made-ja-desktop");

    // The CSV through the page's link: the same codes, with the ICCIDs the clerk scans.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t["packages.csv"] }).first().click(),
    ]);
    const file = join(work, "codes.csv");
    await download.saveAs(file);
    const rows = readFileSync(file, "utf8").trim().split("\n").slice(1);
    expect(rows.map((row) => row.split(",")[1])).toEqual(codes);
    const iccids = rows.map((row) => /,(\d{19,20}),/.exec(row)?.[1] ?? "");
    // The label sheet opens as a PDF with the codes printed on it.
    const labels = await fetch(
      `${page.url().replace(/\/staff\/.*/, "")}${await page
        .getByRole("link", { name: t["packages.labels"] })
        .first()
        .getAttribute("href")}`,
      { headers: { cookie: admin.cookie } },
    );
    expect(labels.headers.get("content-type")).toBe("application/pdf");
    writeFileSync(join(work, "labels.pdf"), Buffer.from(await labels.arrayBuffer()));
    const printed = execFileSync("pdftotext", [join(work, "labels.pdf"), "-"], { encoding: "utf8" });
    for (const code of codes) expect(printed).toContain(code);
    // Leaving the page and coming back: the codes are not shown again.
    await page.getByRole("link", { name: t["nav.inventory"] }).click();
    await page.getByRole("link", { name: t["nav.packages"] }).click();
    await page.getByRole("table", { name: t["packages.batches"] }).waitFor();
    expect(await page.getByRole("table", { name: t["packages.codes"] }).count()).toBe(0);
    await context.close();

    // The whole counter sale in Japanese: the clerk sells the first package.
    const counter = await signedInContext(browser, server, clerk.cookie, "desktop", "ja-JP");
    const till = await counter.newPage();
    await till.goto(`${server.url}/staff/counter`);
    await till.getByLabel(t["counter.code"]).fill(codes[0] ?? "");
    await till.getByLabel(t["counter.email"]).fill("visitor@example.test");
    await till.getByLabel(t["counter.language"]).selectOption("ja");
    await till.getByRole("button", { name: t["counter.sell"] }).click();
    const sold = (await till.getByRole("status").first().textContent()) ?? "";
    const reference = /JT-[A-Z0-9-]+/.exec(sold)?.[0] ?? "";
    expect(reference).not.toBe("");
    expect(sold).not.toContain("prepaid-voice-sim");
    // The specimen passport, whose chip the clerk reads after typing its MRZ.
    await till.getByLabel(t["counter.mrz"]).fill(td3(anna).join("\n"));
    await till.getByLabel(t["counter.postalCode"]).fill(tokyoAddress.postalCode);
    await till.getByLabel(t["counter.prefecture"]).selectOption(tokyoAddress.prefecture);
    await till.getByLabel(t["counter.city"]).fill(tokyoAddress.city);
    await till.getByLabel(t["counter.line1"]).fill(tokyoAddress.line1);
    await till.getByRole("button", { name: t["counter.saveMrz"] }).click();
    // The birth date read from the MRZ, as Japanese writes it.
    await till.getByText(/1974年8月12日/).waitFor();
    await recordPassportChip(till, t);
    await till.getByRole("button", { name: t["counter.submit"] }).click();
    await till.getByText(t["counter.waitingDecision"]).waitFor();
    await expectChipReadAtCounter(reviewer, reference);
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(approved.body.state, JSON.stringify(approved.body)).toBe("sim_assigned");
    await till.getByText(fill(t["counter.submitted"], { state: t["state.sim_assigned"] })).waitFor({ timeout: 15_000 });
    await till.getByLabel(t["counter.iccid"]).fill(iccids[0] ?? "");
    await till.getByRole("button", { name: t["counter.activate"] }).click();
    await till.getByRole("button", { name: t["counter.again"] }).waitFor();
    expect(await till.getByRole("alert").count()).toBe(0);
    const receiptHref = await till.getByRole("link", { name: t["counter.receipt"] }).getAttribute("href");
    const receipt = await fetch(`${server.url}${receiptHref}`, { headers: { cookie: clerk.cookie } });
    expect(receipt.status).toBe(200);
    writeFileSync(join(work, "receipt.pdf"), Buffer.from(await receipt.arrayBuffer()));
    expect(execFileSync("pdftotext", [join(work, "receipt.pdf"), "-"], { encoding: "utf8" })).toContain("領収書");
    await look(till, "packages-counter-activated-ja-desktop");
    await counter.close();

    // A buyer registers the second package with its code, typed loosely.
    const registered = await server.api("POST", "/v1/packages/registrations", {
      body: { code: (codes[1] ?? "").toLowerCase().replaceAll("-", " "), contact: { email: "buyer@example.test" } },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.planId).toBe("prepaid-voice-sim");
    const batches = await admin.api("GET", "/v1/staff/package-batches");
    const [batch] = batches.body.items as { statuses: Record<string, number> }[];
    expect(batch?.statuses).toMatchObject({ activated: 1, registered: 1, in_stock: 0 });
  }, 180_000);

  it("an admin on a phone in Chinese pays back a konbini refund by transfer and records it; it leaves the list", async () => {
    const z = zhHans;
    const { reference, paymentId } = await konbiniRefundOwed(server);
    const context = await signedInContext(browser, server, admin.cookie, "phone", "zh-CN");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/`);
    await page.getByRole("link", { name: z["nav.refunds"] }).click();
    const row = page.getByRole("row").filter({ hasText: reference });
    await row.waitFor();
    // Yen as a Chinese reader of a Japanese operator writes it: ¥, not Intl's default JP¥ for zh-Hans.
    expect(await row.textContent()).toContain("¥2,200");
    expect(await row.textContent()).not.toContain("JP¥");
    expect(await row.textContent()).toContain(z["paymentKind.purchase"]);
    await look(page, "refunds-owed-zh-Hans-phone");
    // The reference of the bank's transfer is required.
    await row.getByRole("button", { name: fill(z["refunds.markPaid"], { reference }) }).click();
    expect(await page.getByRole("status").count()).toBe(0);
    await row.getByLabel(z["refunds.transferReference"]).fill("MIZUHO-0042");
    await row.getByRole("button", { name: fill(z["refunds.markPaid"], { reference }) }).click();
    await page.getByText(fill(z["refunds.done"], { amount: "¥2,200", reference })).waitFor();
    // The list reloads after the message: it leaves the list then.
    await expect.poll(() => page.getByRole("row").filter({ hasText: reference }).count()).toBe(0);
    await page.getByLabel(z["refunds.showAll"]).check();
    const recorded = page.getByRole("row").filter({ hasText: reference });
    await recorded.getByText("MIZUHO-0042").waitFor();
    await look(page, "refunds-recorded-zh-Hans-phone");
    await context.close();

    const audit = await server.services.db.query<{ actor: string }>(
      "SELECT actor FROM audit_entries WHERE action = 'payment.refund_transfer_paid' AND data->>'paymentId' = $1",
      [paymentId],
    );
    expect(audit.rows).toEqual([{ actor: `staff:${admin.id}` }]);
    await server.services.jobs.drain();
    expect((await outbox(server)).some((m) => m.template === "refunded")).toBe(true);
  }, 120_000);
});
