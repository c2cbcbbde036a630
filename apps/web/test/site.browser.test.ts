import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatYen } from "@jitsumei/domain/money";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LocalTestGateway } from "../../server/src/payments/local-test-gateway.ts";
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
import {
  consentToCredit,
  type Person,
  particularsOf,
  runEveryJobNow,
  somebody,
  submitAndPay,
  td3,
  throwawayEmail,
} from "../../server/test/support/journey.ts";
import { signWithMyNumberCard } from "../../server/test/support/jpki.ts";
import { type StaffClient, signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { en } from "../src/i18n/en.ts";
import { ja } from "../src/i18n/ja.ts";
import { zhHans } from "../src/i18n/zh-Hans.ts";

const { chip } = inject("evidenceFixtures");
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
const scratch = mkdtempSync(join(tmpdir(), "jitsumei-site-"));

/** What a phone's camera reads from a QR code shown as a data: URL image. */
function decodeQr(dataUrl: string): string {
  const file = join(scratch, `qr-${Date.now()}-${Math.random()}.png`);
  writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
  return execFileSync("zbarimg", ["--raw", "-q", file]).toString("utf8").trim();
}

let server: TestServer;
let browser: Browser;
let reviewer: StaffClient;

beforeAll(async () => {
  // The operator has a chip reader app: the site offers reading the chip on the phone.
  server = await startTestServer({
    JITSUMEI_CSCA_DIR: chip.trustDir,
    READER_APP_ANDROID_URL: "https://play.google.com/store/apps/details?id=example.jitsumei.reader",
  });
  browser = await launchBrowser();
  reviewer = await signInAs(server, "reviewer");
});
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
});

/** An application made over the API (as another device would), in `language`. */
async function application(
  language: string,
  planId: string,
  options: {
    person?: Person;
    particulars?: boolean;
    mrz?: boolean;
    address?: boolean;
    formFactor?: string;
    /** Signed with the My Number card (NF_JPKI), and a throwaway e-mail address that sends it to a person. */
    jpkiForReview?: boolean;
  } = {},
) {
  const person = options.person ?? somebody();
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId,
      language,
      channel: "online",
      contact: { email: options.jpkiForReview ? throwawayEmail() : "applicant@example.test" },
      ...(options.formFactor ? { formFactor: options.formFactor } : {}),
    },
  });
  expect(created.status).toBe(201);
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  if (options.particulars !== false) {
    const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: particularsOf(person, options.address ? { address } : {}),
    });
    expect(put.status).toBe(200);
  }
  if (options.mrz) {
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(person) },
    });
    expect(added.status).toBe(201);
  }
  if (options.jpkiForReview) await signWithMyNumberCard(server, reference, token, person, address);
  return { reference, token };
}

describe("the applicant site in a real browser", () => {
  it("takes a prepaid eSIM in Simplified Chinese on a phone: plan, details, passport chip read on the other phone, submitted, paid by card on the status page, the eSIM's QR code", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    const page = await context.newPage();
    const t = zhHans;
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("zh-Hans");
    await page.getByRole("heading", { level: 1, name: t["plans.title"] }).waitFor();
    await page.locator('a[href="/apply/prepaid-data-esim"]').click();

    await page.getByLabel(t["contact.email"]).fill("anna@example.test");
    await page.getByRole("button", { name: t["contact.start"] }).click();
    await page.getByRole("heading", { level: 1, name: t["particulars.title"] }).waitFor();
    const reference = /\/application\/(JT-[A-Z0-9-]+)/.exec(page.url())?.[1] ?? "";
    expect(reference).toMatch(/^JT-/);

    // The ICAO specimen person, as on the passport whose chip the fixtures hold.
    await page.getByLabel(t["particulars.family"]).fill("Eriksson");
    await page.getByLabel(t["particulars.given"]).fill("Anna Maria");
    await page.getByLabel(t["particulars.birthDate"]).fill("1974-08-12");
    // Utopia, the specimen state of ICAO's test passports: among the travel documents' other codes.
    await page.getByLabel(t["particulars.nationality"]).selectOption("UTO");
    await screenshot(page, "web", "journey-zh-Hans-phone-1-particulars");
    await page.getByRole("button", { name: t["app.next"] }).click();

    await page.getByRole("heading", { level: 1, name: t["document.title"] }).waitFor();
    await page.getByLabel(t["document.number"]).fill("L898902C3");
    await page.getByLabel(t["document.expiry"]).fill("2034-04-15");
    await page.getByRole("button", { name: t["particulars.save"] }).click();

    // The hand-off: a QR code for the phone that reads the card, and a live status.
    await page.getByRole("heading", { level: 1, name: t["verify.title"] }).waitFor();
    const qr = page.getByAltText(t["verify.qrAlt"].replace("{ref}", reference));
    await qr.waitFor();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain(t["verify.waiting"]);
    await screenshot(page, "web", "journey-zh-Hans-phone-2-handoff");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The other phone's reader app scans the code, exchanges its hand-off code for a session, reads the
    // chip by NFC and posts what it read (docs/reader-contract.md).
    const handoff = new URL(decodeQr(String(await qr.getAttribute("src"))));
    expect(handoff.pathname).toBe(`/reader/${reference}`);
    const exchanged = await server.api("POST", "/v1/handoff/exchange", {
      body: { reference, token: handoff.hash.slice(1) },
    });
    expect(exchanged.status).toBe(201);
    const token = String(exchanged.body.accessToken);
    const b64 = (file: string) => readFileSync(file).toString("base64");
    const read = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "chip",
        sod: b64(chip.chips.brainpool.sod),
        dataGroups: { "1": b64(chip.chips.brainpool.dg1), "2": b64(chip.chips.brainpool.dg2) },
      },
    });
    expect(read.status).toBe(201);

    // This page notices by itself and moves on to sending.
    await page.getByText(t["verify.received"]).waitFor();
    await page.getByRole("heading", { level: 1, name: t["submit.title"] }).waitFor();
    await page.getByText(t["submit.ready"]).waitFor();
    await screenshot(page, "web", "journey-zh-Hans-phone-3-submit");
    // The confirm page names the evidence in words: the chip read, never "other".
    const evidence = page.getByRole("region", { name: t["confirm.evidence"] });
    await evidence.getByText(t["evidence.ic_chip"]).waitFor();
    expect(await evidence.textContent()).not.toContain(t["evidence.other"]);
    await page.getByLabel(t["confirm.accept"]).check();
    await page.getByRole("button", { name: t["submit.send"] }).click();

    // The status page: verified, the plan's price (tax shown) to pay before anything is released.
    await page.waitForURL(`**/status/${reference}`);
    await page.getByRole("heading", { level: 2, name: t["state.payment_pending.title"] }).waitFor();
    await page.getByRole("heading", { level: 2, name: t["purchase.title"], exact: true }).waitFor();
    await page.getByText(t["purchase.amount"].replace("{amount}", formatYen(2200, "zh-Hans"))).waitFor();
    await page.getByText(t["purchase.tax"].replace("{tax}", formatYen(200, "zh-Hans"))).waitFor();
    expect(await page.getByAltText(t["esim.qrAlt"]).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeNull();
    await screenshot(page, "web", "journey-zh-Hans-phone-4-payment");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A declined card: said in the page's language, and nothing moves.
    await page.getByLabel(t["credit.testCard"]).selectOption("tok_test_decline");
    await page
      .getByRole("button", { name: t["purchase.payCard"].replace("{amount}", formatYen(2200, "zh-Hans")) })
      .click();
    await page.getByText(t["error.declined"]).waitFor();
    await page.getByRole("heading", { level: 2, name: t["state.payment_pending.title"] }).waitFor();
    await screenshot(page, "web", "journey-zh-Hans-phone-5-declined");

    // Paid by card: the SIM is ready, the eSIM's QR code holds the SM-DP+ activation code.
    await page.getByLabel(t["credit.testCard"]).selectOption("tok_test_ok");
    await page
      .getByRole("button", { name: t["purchase.payCard"].replace("{amount}", formatYen(2200, "zh-Hans")) })
      .click();
    await page.getByRole("heading", { level: 2, name: t["state.sim_assigned.title"] }).waitFor();
    const esim = page.getByAltText(t["esim.qrAlt"]);
    await esim.waitFor();
    expect(decodeQr(String(await esim.getAttribute("src")))).toMatch(/^LPA:1\$/);
    await page.getByRole("heading", { name: t["esim.iphone"] }).waitFor();
    await page.getByRole("heading", { name: t["esim.android"] }).waitFor();
    await screenshot(page, "web", "journey-zh-Hans-phone-6-esim");

    // The receipt (领收书) is among the documents.
    await page.getByRole("link", { name: t["status.documents"] }).click();
    await page.getByRole("heading", { level: 1, name: t["documents.title"] }).waitFor();
    await page.getByText(t["contract.receipt"], { exact: true }).waitFor();
    await screenshot(page, "web", "journey-zh-Hans-phone-7-documents");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("pays a prepaid plan at a convenience store from the status page in Japanese: the slip, then the page moves on by itself once the till reports it", async () => {
    const t = ja;
    const draft = await application("ja", "prepaid-data-esim", { mrz: true });
    const submitted = await server.api("POST", `/v1/applications/${draft.reference}/submit`, { token: draft.token });
    expect(submitted.body.state).toBe("payment_pending");
    const context = await openContext(browser, { viewport: "phone", locale: "ja-JP" });
    await context.addInitScript(
      ([reference, token]) => sessionStorage.setItem(`jitsumei.application.${reference}`, token ?? ""),
      [draft.reference, draft.token],
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/status/${draft.reference}`);
    await page.getByRole("button", { name: t["purchase.getSlip"] }).click();
    await page.getByRole("heading", { level: 3, name: t["purchase.slipTitle"] }).waitFor();
    const paymentNumber = String(await page.locator("dd.code-box").first().textContent()).trim();
    expect(paymentNumber).toMatch(/^\d{12}$/);
    await screenshot(page, "web", "konbini-ja-phone-1-slip");

    // The applicant pays cash at the till; the provider's signed notification reaches the server.
    const till = await server.api("POST", "/dev/konbini/payments", { body: { paymentNumber } });
    expect(till.status).toBe(200);
    await (server.services.payments.gateway as LocalTestGateway).settle();
    await page.getByRole("heading", { level: 2, name: t["state.sim_assigned.title"] }).waitFor({ timeout: 20_000 });
    await page.getByAltText(t["esim.qrAlt"]).waitFor();
    await screenshot(page, "web", "konbini-ja-phone-2-paid");
    await context.close();
  });

  it("keeps what was typed when the server refuses it, and ties its message (in the page's language) to the field", async () => {
    const context = await openContext(browser, { viewport: "phone", locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`${server.url}/apply/prepaid-data-esim`);
    const email = page.getByLabel(ja["contact.email"]);
    await email.fill("not-an-address");
    await page.getByRole("button", { name: ja["contact.start"] }).click();
    await page.getByRole("alert").waitFor();
    expect(await email.inputValue()).toBe("not-an-address");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = String(await email.getAttribute("aria-describedby"));
    expect(await page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent()).toBe(ja["error.email"]);
    await context.close();
  });

  it("checks a document photo before and at upload: too small, said on the page next to the server's own checks", async () => {
    const draft = await application("en", "prepaid-voice-sim", { address: true });
    const context = await openContext(browser, { viewport: "phone", locale: "en-US" });
    await context.addInitScript(
      ([reference, token]) => sessionStorage.setItem(`jitsumei.application.${reference}`, token ?? ""),
      [draft.reference, draft.token],
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/application/${draft.reference}`);
    await page.getByRole("heading", { level: 1, name: en["verify.title"] }).waitFor();
    await page.getByText(en["verify.photos"]).click();
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#8899aa" } })
      .jpeg()
      .toBuffer();
    await page
      .getByLabel(en["verify.front"])
      .setInputFiles({ name: "card.jpg", mimeType: "image/jpeg", buffer: photo });
    // Before upload: the browser measured it.
    await page.getByText(en["verify.tooSmall"].replace("{w}", "400").replace("{h}", "300")).waitFor();
    // At upload: the server's image checks, the failed ones shown to retake.
    await page.getByText(en["verify.photoRetake"]).waitFor();
    expect(await page.locator(".photo .check-fail").count()).toBeGreaterThan(0);
    await screenshot(page, "web", "photo-too-small-en-phone");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("switches language: the page, its <html lang> and the choice kept", async () => {
    const context = await openContext(browser, { viewport: "desktop", locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: en["plans.title"] }).waitFor();
    await page.getByLabel(en["app.language"]).selectOption("vi");
    await page.getByRole("heading", { level: 1, name: "Chọn gói cước" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Chọn gói cước" }).waitFor();
    await context.close();
  });

  it("shows every page in Japanese and Simplified Chinese on a phone and a desktop, with no serious accessibility violation", async () => {
    const pages: {
      name: string;
      path: string;
      sessions: Record<string, string>;
      prepare?: (page: Page) => Promise<void>;
    }[] = [];
    for (const lang of ["ja", "zh-Hans"] as const) {
      const t = lang === "ja" ? ja : zhHans;
      const blank = await application(lang, "prepaid-voice-sim", { particulars: false });
      const voice = await application(lang, "prepaid-voice-sim", { address: true });
      const voiceMrz = await application(lang, "prepaid-voice-sim", { address: true, mrz: true });
      const postpaidDraft = await application(lang, "postpaid-voice", { address: true, mrz: true, formFactor: "esim" });
      const unpaid = await application(lang, "prepaid-data-esim", { mrz: true });
      expect(
        (await server.api("POST", `/v1/applications/${unpaid.reference}/submit`, { token: unpaid.token })).body.state,
      ).toBe("payment_pending");
      // Another one whose applicant asked for a konbini slip.
      const slipped = await application(lang, "prepaid-data-esim", { mrz: true });
      await server.api("POST", `/v1/applications/${slipped.reference}/submit`, { token: slipped.token });
      const slip = await server.api("POST", `/v1/applications/${slipped.reference}/purchase/payments`, {
        token: slipped.token,
        body: { method: "konbini" },
      });
      expect(slip.status).toBe(201);
      const esim = await application(lang, "prepaid-data-esim", { mrz: true });
      expect((await submitAndPay(server, esim.reference, esim.token)).body.state).toBe("sim_assigned");
      // Paid for, then withdrawn: the price is refunded, and the status page says so.
      const withdrawn = await application(lang, "prepaid-data-esim", { mrz: true });
      await submitAndPay(server, withdrawn.reference, withdrawn.token);
      const cancelled = await server.api("POST", `/v1/applications/${withdrawn.reference}/cancel`, {
        token: withdrawn.token,
      });
      expect(cancelled.status).toBe(200);
      await runEveryJobNow(server);
      const correction = await application(lang, "prepaid-voice-sim", { address: true, mrz: true });
      await server.api("POST", `/v1/applications/${correction.reference}/submit`, { token: correction.token });
      await reviewer.api("POST", `/v1/staff/applications/${correction.reference}/claim`);
      const asked = await reviewer.api("POST", `/v1/staff/applications/${correction.reference}/events`, {
        body: {
          type: "request_correction",
          fields: ["address"],
          message: lang === "ja" ? "現在お住まいの住所に直してください。" : "请改为您现在的住址。",
        },
      });
      expect(asked.body.state).toBe("correction_requested");
      const postpaid = await application(lang, "postpaid-voice", {
        address: true,
        mrz: true,
        formFactor: "esim",
        jpkiForReview: true,
      });
      await consentToCredit(server, postpaid.reference, postpaid.token);
      await server.api("PUT", `/v1/applications/${postpaid.reference}/payment-method`, {
        token: postpaid.token,
        body: { type: "card", cardToken: "tok_test_ok" },
      });
      await server.api("POST", `/v1/applications/${postpaid.reference}/submit`, { token: postpaid.token });
      await reviewer.api("POST", `/v1/staff/applications/${postpaid.reference}/claim`);
      const approved = await reviewer.api("POST", `/v1/staff/applications/${postpaid.reference}/events`, {
        body: { type: "approve" },
      });
      expect(approved.body.state).toBe("contract_pending");
      const s = (a: { reference: string; token: string }) => ({ [a.reference]: a.token });
      pages.push(
        { name: `${lang}-plans`, path: "/", sessions: {} },
        { name: `${lang}-apply`, path: "/apply/postpaid-voice", sessions: {} },
        {
          name: `${lang}-apply-error`,
          path: "/apply/prepaid-data-esim",
          sessions: {},
          prepare: async (page) => {
            await page.getByLabel(t["contact.email"]).fill("x");
            await page.getByRole("button", { name: t["contact.start"] }).click();
            await page.getByRole("alert").waitFor();
          },
        },
        { name: `${lang}-particulars`, path: `/application/${blank.reference}`, sessions: s(blank) },
        {
          name: `${lang}-document`,
          path: `/application/${blank.reference}`,
          sessions: s(blank),
          prepare: async (page) => {
            // Nothing required may be left empty on the way to the document step (issue 20).
            await page.getByLabel(t["particulars.family"]).fill("Eriksson");
            await page.getByLabel(t["particulars.birthDate"]).fill("1974-08-12");
            await page.getByLabel(t["particulars.nationality"]).selectOption("SWE");
            await page.getByLabel(t["particulars.postalCode"]).fill("100-0001");
            await page.getByLabel(t["particulars.prefecture"]).selectOption("東京都");
            await page.getByLabel(t["particulars.city"]).fill("千代田区");
            await page.getByLabel(t["particulars.line1"]).fill("千代田1-1-1");
            await page.getByRole("button", { name: t["app.next"] }).click();
            await page.getByRole("heading", { level: 1, name: t["document.title"] }).waitFor();
          },
        },
        { name: `${lang}-verify`, path: `/application/${voice.reference}`, sessions: s(voice) },
        { name: `${lang}-submit`, path: `/application/${voiceMrz.reference}`, sessions: s(voiceMrz) },
        { name: `${lang}-credit`, path: `/application/${postpaidDraft.reference}`, sessions: s(postpaidDraft) },
        { name: `${lang}-status-payment`, path: `/status/${unpaid.reference}`, sessions: s(unpaid) },
        {
          name: `${lang}-status-konbini`,
          path: `/status/${slipped.reference}`,
          sessions: s(slipped),
          prepare: async (page) => {
            await page.getByRole("heading", { level: 3, name: t["purchase.slipTitle"] }).waitFor();
            // The till's scanner reads the drawn barcode as the slip's digits.
            const bars = await page.getByRole("img", { name: t["purchase.barcode"] }).screenshot();
            const file = join(scratch, `barcode-${Date.now()}.png`);
            writeFileSync(file, bars);
            const read = execFileSync("zbarimg", ["--raw", "-q", file]).toString("utf8").trim();
            expect(read.replace(/^\]C1/, "")).toBe((slip.body.konbini as { barcode: string }).barcode);
          },
        },
        { name: `${lang}-status-esim`, path: `/status/${esim.reference}`, sessions: s(esim) },
        {
          name: `${lang}-status-refunded`,
          path: `/status/${withdrawn.reference}`,
          sessions: s(withdrawn),
          prepare: async (page) => {
            await page.getByText(t["purchase.refunded"].replace("{amount}", formatYen(2200, lang))).waitFor();
          },
        },
        { name: `${lang}-status-correction`, path: `/status/${correction.reference}`, sessions: s(correction) },
        { name: `${lang}-correction-form`, path: `/application/${correction.reference}`, sessions: s(correction) },
        { name: `${lang}-status-contract`, path: `/status/${postpaid.reference}`, sessions: s(postpaid) },
        { name: `${lang}-documents`, path: `/status/${postpaid.reference}/documents`, sessions: s(postpaid) },
        { name: `${lang}-status-lookup`, path: "/status", sessions: {} },
        { name: `${lang}-register`, path: "/register?code=K7M2-9QXD-4H0T-WB3C", sessions: {} },
        { name: `${lang}-reader`, path: `/reader/${voice.reference}`, sessions: {} },
      );
    }
    const failures: string[] = [];
    const sessions = Object.assign({}, ...pages.map((p) => p.sessions)) as Record<string, string>;
    for (const viewport of ["phone", "desktop"] as const) {
      for (const lang of ["ja", "zh-Hans"] as const) {
        const context = await openContext(browser, { viewport, locale: lang === "ja" ? "ja-JP" : "zh-CN" });
        // The tab that applied holds each application's token (as sessionStorage would after applying).
        await context.addInitScript((all: Record<string, string>) => {
          for (const [reference, token] of Object.entries(all)) {
            sessionStorage.setItem(`jitsumei.application.${reference}`, token);
          }
        }, sessions);
        const page = await context.newPage();
        trackRequests(page);
        for (const p of pages.filter((x) => x.name.startsWith(`${lang}-`))) {
          await page.goto(`${server.url}${p.path}`);
          await page.locator("main h1").first().waitFor();
          await networkQuiet(page);
          if (p.prepare) await p.prepare(page);
          expect(await page.evaluate(() => document.documentElement.lang), p.name).toBe(lang);
          // Nothing wider than the screen.
          const overflow = await horizontalOverflow(page);
          if (overflow) failures.push(`${p.name} ${viewport}: ${overflow}`);
          await screenshot(page, "web", `${p.name}-${viewport}`);
          // The same markup at both sizes: axe runs on the phone's layout, where contrast and targets are tightest.
          if (viewport === "phone") {
            for (const v of await seriousAxeViolations(page)) {
              failures.push(`${p.name} ${viewport}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(", ")}`);
            }
          }
        }
        await context.close();
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
