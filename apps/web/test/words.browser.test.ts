import { formatYen } from "@jitsumei/domain/money";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchWithCodes } from "../../server/src/retail/batch-packages.ts";
import { createBatch } from "../../server/src/retail/create-batch.ts";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import {
  activationCodeFromOutbox,
  particularsOf,
  payForPlan,
  somebody,
  td3,
  tokyoAddress,
} from "../../server/test/support/journey.ts";
import { signWithMyNumberCard } from "../../server/test/support/jpki.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { ko } from "../src/i18n/ko.ts";
import { vi as viDict } from "../src/i18n/vi.ts";
import { zhHans } from "../src/i18n/zh-Hans.ts";

/**
 * Issue 20 items 7 and 8 on a phone, in Vietnamese and Simplified Chinese: the nationality list and
 * the postal code that fills the address, the confirm page that refuses to send without the terms
 * accepted, and the MRZ check digit marked where it is wrong.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
});

/** An application made over the API, opened in a phone's tab in `locale`. */
async function openDraft(locale: string, language: string, options: { mrz: boolean }) {
  const person = somebody();
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "prepaid-data-esim", language, channel: "online", contact: { email: "words@example.test" } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(person) });
  if (options.mrz) {
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(person) },
    });
    expect(added.status).toBe(201);
  }
  const context = await openContext(browser, { viewport: "phone", locale });
  await context.addInitScript(
    ([r, tk]) => sessionStorage.setItem(`jitsumei.application.${r}`, tk ?? ""),
    [reference, token],
  );
  const page = await context.newPage();
  await page.goto(`${server.url}/application/${reference}`);
  return { page, reference, token, person, close: () => context.close() };
}

const optionTexts = (page: Page, label: string) =>
  page.getByLabel(label).evaluate((select) => [...(select as HTMLSelectElement).options].map((o) => o.text));

describe("the applicant's words and formats", () => {
  it("in Vietnamese: every country by its Vietnamese name, the postal code fills the address, the phone is written as in Japan", async () => {
    const t = viDict;
    const context = await openContext(browser, { viewport: "phone", locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/apply/prepaid-voice-sim`);
    await page.getByLabel(t["contact.email"]).fill("minh@example.test");
    await page.getByLabel(t["contact.phone"]).fill("09012345678");
    await page.getByLabel(t["contact.email"]).focus();
    // The phone-number rules load as a chunk of their own on first use: give them time on a busy machine.
    await expect
      .poll(() => page.getByLabel(t["contact.phone"]).inputValue(), { timeout: 15_000 })
      .toBe("090-1234-5678");
    await page.getByRole("button", { name: t["contact.start"] }).click();
    await page.getByRole("heading", { level: 1, name: t["particulars.title"] }).waitFor();

    const nationalities = await optionTexts(page, t["particulars.nationality"]);
    expect(nationalities).toEqual(expect.arrayContaining(["Mông Cổ", "Peru", "Việt Nam", "Nhật Bản"]));
    expect(nationalities.length).toBeGreaterThan(249);
    expect(nationalities).not.toContain("Khác");
    await page.getByLabel(t["particulars.nationality"]).selectOption("MNG");

    await page.getByLabel(t["particulars.postalCode"]).fill("1040061");
    // The server reads Japan Post's data (3 MB) on the first lookup: give it time on a busy machine.
    await expect
      .poll(() => page.getByLabel(t["particulars.prefecture"]).inputValue(), { timeout: 15_000 })
      .toBe("東京都");
    expect(await page.getByLabel(t["particulars.city"]).inputValue()).toBe("中央区");
    expect(await page.getByLabel(t["particulars.line1"]).inputValue()).toBe("銀座");
    await page.getByText(t["postal.filled"].replace("{address}", "東京都中央区銀座")).waitFor();
    const prefecture = page.getByLabel(t["particulars.prefecture"]);
    expect(await prefecture.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text)).toBe("Tokyo (東京都)");
    await page.getByLabel(t["particulars.postalCode"]).blur();
    expect(await page.getByLabel(t["particulars.postalCode"]).inputValue()).toBe("104-0061");
    await screenshot(page, "web", "words-vi-phone-postal-code");

    await page.getByLabel(t["particulars.postalCode"]).fill("999-9999");
    await page.getByText(t["postal.unknown"]).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("in Simplified Chinese: Mongolia and Peru in Chinese, and the confirm page shows the plan and its price and refuses to send until the terms are accepted", async () => {
    const t = zhHans;
    const { page, reference, token, close } = await openDraft("zh-CN", "zh-Hans", { mrz: true });
    await page.getByRole("heading", { level: 1, name: t["submit.title"] }).waitFor();

    const plans = await server.api("GET", "/v1/plans");
    const plan = (plans.body as { items: { id: string; priceJpy: number; name: Record<string, string> }[] }).items.find(
      (p) => p.id === "prepaid-data-esim",
    );
    const price = t["plans.pricePrepaid"].replace("{price}", formatYen(plan?.priceJpy ?? 0, "zh-Hans"));
    const summary = page.getByRole("region", { name: t["confirm.plan"] });
    await summary.getByText(plan?.name["zh-Hans"] ?? "?").waitFor();
    await summary.getByText(price).waitFor();
    await page.getByRole("region", { name: t["confirm.evidence"] }).getByText(t["evidence.mrz"]).waitFor();
    await page.getByRole("link", { name: t["confirm.terms"] }).waitFor();
    expect(await page.getByRole("link", { name: t["confirm.privacy"] }).getAttribute("href")).toBe("/legal/privacy");

    // Sending without accepting: refused on the page, nothing sent.
    await page.getByRole("button", { name: t["submit.send"] }).click();
    await page.getByRole("alert").getByText(t["confirm.mustAccept"]).waitFor();
    await screenshot(page, "web", "words-zh-Hans-phone-confirm-refused");
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("draft");

    // Switched to Korean on the confirm page: accepted on a Korean page, recorded as read in Korean, and
    // the application (its mails) speaks Korean from now on.
    await page.getByLabel(t["app.language"]).selectOption("ko");
    await page.getByRole("heading", { level: 1, name: ko["submit.title"] }).waitFor();
    await expect
      .poll(async () => (await server.api("GET", `/v1/applications/${reference}`, { token })).body.language)
      .toBe("ko");
    await page.getByLabel(ko["confirm.accept"]).check();
    await page.getByRole("button", { name: ko["submit.send"] }).click();
    await page.waitForURL(`**/status/${reference}`);
    const { rows } = await server.services.db.query<{ terms_version: string; language: string }>(
      "SELECT t.terms_version, t.language FROM terms_acceptances t JOIN applications a ON a.id = t.application_id WHERE a.reference = $1",
      [reference],
    );
    expect(rows).toEqual([{ terms_version: expect.stringMatching(/^\d{4}-/), language: "ko" }]);

    // The nationality list, back on the particulars of a new draft.
    const draft = await openDraft("zh-CN", "zh-Hans", { mrz: false });
    await draft.page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    await draft.page.getByRole("button", { name: t["app.back"] }).click();
    await draft.page.getByRole("button", { name: t["app.back"] }).click();
    const nationalities = await optionTexts(draft.page, t["particulars.nationality"]);
    expect(nationalities).toEqual(expect.arrayContaining(["蒙古", "秘鲁", "中国", "日本"]));
    await draft.close();
    await close();
  });

  it("the terms' page shows the Japanese text and its English translation, saying which governs", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/legal/terms`);
    await page.getByRole("heading", { level: 1, name: zhHans["confirm.terms"] }).waitFor();
    await page.getByText(zhHans["legal.governs"]).waitFor();
    await page.getByText(/^利用規約/).waitFor();
    await page.getByText(/^Terms of service/).waitFor();
    await context.close();
  });

  it("marks the MRZ check digit that is wrong, on the character itself", async () => {
    const t = viDict;
    const { page, person, close } = await openDraft("vi-VN", "vi", { mrz: false });
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    // Where a counter is offered too, the typed MRZ is one choice among them.
    const choice = page.getByLabel(t["verify.mrz"]);
    if (await choice.count()) await choice.check();
    const [first, second] = td3(person);
    // The document number's check digit (the 10th character) mistyped.
    const wrongDigit = String((Number(second[9]) + 1) % 10);
    await page.getByLabel(t["verify.mrzLabel"].replace("{n}", "1")).fill(first);
    await page
      .getByLabel(t["verify.mrzLabel"].replace("{n}", "2"))
      .fill(second.slice(0, 9) + wrongDigit + second.slice(10));
    const marked = page.getByTestId("mrz-marked").locator("mark");
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    expect(await marked.first().textContent()).toBe(wrongDigit);
    expect(await marked.first().getAttribute("title")).toBe(t["verify.mrzWrongHere"].replace("{position}", "10"));
    await screenshot(page, "web", "words-vi-phone-mrz-marked");
    // Corrected, the mark goes.
    await page.getByLabel(t["verify.mrzLabel"].replace("{n}", "2")).fill(second);
    await expect.poll(() => marked.count()).toBe(0);
    await close();
  });

  it("a data eSIM's status: no word of posting a card, a wrong code said once, and no phone number once it works", async () => {
    const t = viDict;
    const { page, reference, token, close } = await openDraft("vi-VN", "vi", { mrz: true });
    const legal = (await server.api("GET", "/v1/legal-documents")).body as Record<string, { version: string }>;
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, {
      token,
      body: { acceptance: { terms: legal.terms?.version, privacy: legal.privacy?.version } },
    });
    expect(submitted.body.state).toBe("payment_pending");
    expect((await payForPlan(server, reference, token)).body.state).toBe("sim_assigned");
    await page.goto(`${server.url}/status/${reference}`);
    await page.getByText(t["state.sim_assigned.esim.next"]).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain(t["state.sim_assigned.physical.next"]);
    expect(text).not.toContain(t["state.sim_assigned.physical.usually"]);

    await page.getByRole("button", { name: t["activation.send"] }).click();
    await page.getByRole("status").getByText(/@/).waitFor();
    await page.getByLabel(t["activation.code"]).fill("000000");
    // exact: the eSIM's copy buttons above are named for its activation code ("Mã kích hoạt eSIM").
    await page.getByRole("button", { name: t["activation.activate"], exact: true }).click();
    const said = t["error.code"].split("{n}")[0] ?? "?";
    const times = async () => ((await page.locator("main").textContent()) ?? "").split(said).length - 1;
    await expect.poll(times).toBe(1);
    expect(await page.getByLabel(t["activation.code"]).getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "web", "words-vi-phone-wrong-code-once");

    const code = await activationCodeFromOutbox(server, reference);
    await page.getByLabel(t["activation.code"]).fill(code);
    await page.getByRole("button", { name: t["activation.activate"], exact: true }).click();
    await page.getByText(t["activation.doneData"]).waitFor();
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    const msisdn = String((view.body.line as { msisdn?: string } | null)?.msisdn ?? "");
    expect(msisdn).toMatch(/^020/);
    const active = (await page.locator("main").textContent()) ?? "";
    expect(active).not.toContain(msisdn);
    expect(active).not.toContain(`${msisdn.slice(0, 3)}-`);
    await screenshot(page, "web", "words-vi-phone-data-active");
    await close();
  });
  it("a SIM card bought in a package: already in hand, never posted, activated from the status page", async () => {
    const t = zhHans;
    // A shop's package of the prepaid voice SIM, registered with its code (the register page has its own test).
    const made = await createBatch(server.services, {
      planId: "prepaid-voice-sim",
      channel: "konbini",
      count: 1,
      actor: "test",
    });
    const batch = await batchWithCodes(
      { ...server.services, publicUrl: server.services.config.publicUrl },
      made.batchId,
    );
    const registered = await server.api("POST", "/v1/packages/registrations", {
      body: { code: batch.packages[0]?.code, language: "zh-Hans", contact: { email: "package@example.test" } },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const reference = String(registered.body.reference);
    const token = String(registered.body.accessToken);
    const person = somebody();
    await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: particularsOf(person, { address: tokyoAddress }),
    });
    await signWithMyNumberCard(server, reference, token, person, tokyoAddress);
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    // Paid at the till: no price owed online; the card in the package is the line's SIM.
    expect(submitted.body.state, JSON.stringify(submitted.body)).toBe("sim_assigned");

    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    await context.addInitScript(
      ([r, tk]) => sessionStorage.setItem(`jitsumei.application.${r}`, tk ?? ""),
      [reference, token],
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/status/${reference}`);
    await page.getByText(t["state.sim_assigned.inHand.next"]).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain(t["state.sim_assigned.physical.usually"]);
    expect(text).not.toContain(t["state.sim_assigned.physical.next"]);
    await screenshot(page, "web", "words-zh-Hans-phone-package-in-hand");
    await page.getByRole("button", { name: t["activation.send"] }).click();
    await page.getByRole("status").getByText(/@/).waitFor();
    await page.getByLabel(t["activation.code"]).fill(await activationCodeFromOutbox(server, reference));
    await page.getByRole("button", { name: t["activation.activate"], exact: true }).click();
    await expect
      .poll(async () => (await server.api("GET", `/v1/applications/${reference}`, { token })).body.state, {
        timeout: 15_000,
      })
      .toBe("active");
    await context.close();
  });
});
