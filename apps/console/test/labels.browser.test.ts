import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, releaseBrowser, screenshot, seriousAxeViolations } from "../../server/test/support/browser.ts";
import { anna, consentToCredit, particularsOf, td3 } from "../../server/test/support/journey.ts";
import { signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { ja } from "../src/i18n/ja.ts";
import { physicalSimToShip, postpaidInReview, signedInContext, tokyoAddress } from "./support.ts";

const { chip } = inject("evidenceFixtures");
const b64 = (file: string | URL) => readFileSync(file).toString("base64");
const syntheticFace = new URL("../../../packages/evidence/src/face/fixtures/synthetic-face-a.jpg", import.meta.url);

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
  await releaseBrowser(browser);
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
    // The birth date as Japanese writes it; the policy by its name; each check by its name, its code a hint.
    await main.getByText("1974年8月12日").first().waitFor();
    await main
      .getByText(/携帯電話不正利用防止法（\d{4}年\d{1,2}月\d{1,2}日版）/)
      .first()
      .waitFor();
    const checkRow = main.getByRole("row").filter({ hasText: ja["check.mrz.matches_form"] });
    expect(await checkRow.locator(".check-code").textContent()).toBe("mrz.matches_form");
    const text = (await main.textContent()) ?? "";
    for (const raw of ["postpaid-voice", "+819012345678", "NF_JPKI", "1974-08-12", "jp-mobile-act "]) {
      expect(text).not.toContain(raw);
    }
    // Codes stand only as hints beside their names.
    const bare = await main.evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      for (const hint of copy.querySelectorAll(".check-code")) hint.remove();
      return copy.textContent ?? "";
    });
    expect(bare).not.toMatch(/\b(mrz|jpki|fraud|document|applicant)\.[a-z_]+/);
    await screenshot(page, "console", "labels-ja-desktop-case");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("names the plan on the shipping desk and the parcel's status apart from the line's, in Japanese", async () => {
    const reviewer = await signInAs(server, "reviewer", "Mori Kenji");
    const clerk = await signInAs(server, "clerk", "Ito Hana");
    const waiting = await physicalSimToShip(server, reviewer);
    const shipped = await physicalSimToShip(server, reviewer);
    expect((await clerk.api("POST", `/v1/staff/applications/${shipped}/shipment`)).status).toBe(201);

    const desk = await signedInContext(browser, server, clerk.cookie, "desktop", "ja-JP");
    const page = await desk.newPage();
    await page.goto(`${server.url}/staff/shipping`);
    const row = page.getByRole("row").filter({ hasText: waiting });
    await row.waitFor();
    expect(await row.textContent()).not.toContain("prepaid-voice-sim");
    const plans = (await server.api("GET", "/v1/plans?limit=100")).body.items as { id: string; name: { ja: string } }[];
    const plan = plans.find((p) => p.id === "prepaid-voice-sim");
    await row.getByText(plan?.name.ja ?? "(no plan)").waitFor();
    await screenshot(page, "console", "labels-ja-desktop-shipping");
    await desk.close();

    const context = await signedInContext(browser, server, reviewer.cookie, "desktop", "ja-JP");
    const casePage = await context.newPage();
    await casePage.goto(`${server.url}/staff/cases/${shipped}`);
    const card = casePage.locator("section").filter({ has: casePage.getByRole("heading", { name: ja["case.line"] }) });
    await card.getByText(ja["shipmentStatus.in_transit"]).waitFor();
    expect(await card.getByText(ja["case.lineStatus"], { exact: true }).count()).toBe(1);
    expect(await card.getByText(ja["case.shipmentStatus"], { exact: true }).count()).toBe(1);
    await screenshot(casePage, "console", "labels-ja-desktop-case-shipped");
    await context.close();
  });

  it("keeps a long list of unmet checks inside the decision panel's column", async () => {
    // A chip whose signer nobody trusts here and a selfie that is not the chip's face: many checks unmet,
    // the evidence all there, so a person may decide (the four-eyes override).
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "postpaid-voice", language: "en", channel: "online", contact: { email: "anna@example.test" } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: particularsOf(anna, { address: tokyoAddress }),
    });
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(anna) },
    });
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "chip",
        sod: b64(chip.chips.brainpool.sod),
        dataGroups: { "1": b64(chip.chips.brainpool.dg1), "2": b64(chip.chips.brainpool.dg2) },
      },
    });
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "selfie", image: b64(syntheticFace) },
    });
    await consentToCredit(server, reference, token);
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe("in_review");

    const reviewer = await signInAs(server, "senior_reviewer", "Sato Senior");
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    const approval = view.body.approval as { kind: string; unmet?: string[] };
    expect(approval.kind).toBe("person_decides");
    const context = await signedInContext(browser, server, reviewer.cookie, "desktop", "ja-JP");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/cases/${reference}`);
    const side = page.locator("aside.case-side");
    const note = side.getByRole("note");
    await note.waitFor();
    // Text wider than its box (a code with no place to break) sticks out of the box's edge.
    const sticking = await side.evaluate((aside) =>
      [aside, ...aside.querySelectorAll("*")]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}: ${e.scrollWidth} > ${e.clientWidth}`),
    );
    await screenshot(page, "console", "labels-ja-desktop-decision-unmet");
    expect(sticking).toEqual([]);
    // The unmet checks by their names, not their codes.
    const said = (await note.textContent()) ?? "";
    for (const code of approval.unmet ?? []) {
      expect(said).toContain(ja[`check.${code}` as keyof typeof ja]);
      expect(said).not.toContain(code);
    }
    await context.close();
  });
});
