import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  horizontalOverflow,
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
  type ViewportName,
} from "../../server/test/support/browser.ts";
import {
  activationCodeFromOutbox,
  anna,
  draftApplication,
  payAfterApproval,
  somebody,
  submitAndPay,
  td3,
  throwawayEmail,
} from "../../server/test/support/journey.ts";
import { type StaffClient, signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { ja as webJa } from "../../web/src/i18n/ja.ts";
import { ja } from "../src/i18n/ja.ts";
import { expectChipReadAtCounter, recordPassportChip, signedInContext, tokyoAddress } from "./support.ts";

/**
 * What staff do in the console beyond deciding, in Japanese on a desktop and on a phone: the shipping
 * desk sends a SIM and records its delivery (the applicant's status page then names the carrier and
 * links its tracking page); the case shows the ICCID, the number and the faces beside the particulars;
 * a locked activation is unlocked with a reason; and the counter page moves on by itself when a
 * reviewer decides in another browser.
 */
const t = ja;
const { chip } = inject("evidenceFixtures");
const b64 = (file: string | URL) => readFileSync(file).toString("base64");
const syntheticFace = new URL("../../../packages/evidence/src/face/fixtures/synthetic-face-a.jpg", import.meta.url);
const viewportsToTry: ViewportName[] = ["desktop", "phone"];

/** A dictionary text with its `{values}` filled in. */
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

describe("shipping, the SIM on the case, unlocking and the counter, in the console", () => {
  let server: TestServer;
  let browser: Browser;
  let clerk: StaffClient;
  let reviewer: StaffClient;
  let agent: StaffClient;
  let admin: StaffClient;
  beforeAll(async () => {
    // The test CSCAs: the counter reads the passport's chip, as the law asks of a shop (F2F_IC).
    server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir });
    browser = await launchBrowser();
    [clerk, reviewer, agent, admin] = [
      await signInAs(server, "clerk", "出荷 担当"),
      await signInAs(server, "reviewer", "審査 担当"),
      await signInAs(server, "agent", "窓口 担当"),
      await signInAs(server, "admin", "管理 担当"),
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

  /** A physical voice SIM signed with the My Number card, with a selfie, approved by a reviewer: waiting to be sent. */
  async function approvedPhysicalSim() {
    const { reference, token } = await draftApplication(
      server,
      "prepaid-voice-sim",
      somebody(),
      { address: tokyoAddress },
      { contact: { email: throwawayEmail() }, evidence: "jpki" },
    );
    const selfie = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "selfie", image: readFileSync(syntheticFace).toString("base64") },
    });
    expect(selfie.status).toBe(201);
    await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    // Sold online: the applicant pays for the plan, then the SIM is assigned.
    expect(await payAfterApproval(server, reference, token, approved)).toBe("sim_assigned");
    return { reference, token };
  }

  for (const viewport of viewportsToTry) {
    it(`a clerk sends a SIM and records its delivery; the applicant sees the carrier and its tracking link (${viewport})`, async () => {
      const { reference, token } = await approvedPhysicalSim();
      const context = await signedInContext(browser, server, clerk.cookie, viewport, "ja-JP");
      const page = await context.newPage();
      await page.goto(`${server.url}/staff/shipping`);
      await page.getByRole("heading", { name: t["shipping.waiting"] }).waitFor();
      await page.getByRole("button", { name: fill(t["shipping.send"], { reference }) }).click();
      const panel = page.getByRole("region", { name: fill(t["shipping.sendTitle"], { reference }) });
      await panel.waitFor();
      expect(await panel.textContent()).toContain(t["shipMethod.registered_non_forwardable"]);
      await look(page, `shipping-send-ja-${viewport}`);
      await panel.getByRole("button", { name: t["shipping.book"] }).click();

      const booked = page.getByRole("status");
      await expect.poll(() => booked.textContent()).toContain("日本郵便");
      const tracking = /\d{11}/.exec((await booked.textContent()) ?? "")?.[0] ?? "";
      expect(tracking).toMatch(/^\d{11}$/);
      const transit = page.getByRole("region", { name: t["shipping.inTransit"] });
      const row = transit.getByRole("row").filter({ hasText: reference });
      await row.waitFor();
      expect(await row.getByRole("link", { name: tracking }).getAttribute("href")).toContain(`reqCodeNo1=${tracking}`);
      await look(page, `shipping-in-transit-ja-${viewport}`);

      // In transit, the applicant's page says how it comes (registered mail here) and claims nothing
      // the method does not: only restricted delivery (本人限定受取) is for the addressee alone.
      const onTheWay = await openContext(browser, { viewport, locale: "ja-JP" });
      await onTheWay.addInitScript(
        ([ref, tok]) => sessionStorage.setItem(`jitsumei.application.${ref}`, tok ?? ""),
        [reference, token],
      );
      const transitPage = await onTheWay.newPage();
      await transitPage.goto(`${server.url}/status/${reference}`);
      await transitPage.getByText(webJa["state.in_delivery.next"]).waitFor();
      await transitPage.getByText(webJa["shipment.method.registered_non_forwardable"]).waitFor();
      expect(await transitPage.locator("main").textContent()).not.toContain(
        webJa["shipment.method.restricted_delivery"],
      );
      // The state's own words do not say "only you (本人) can receive it" (they did, for every parcel).
      expect(await transitPage.locator("section.state").textContent()).not.toContain("本人");
      await onTheWay.close();

      await row.getByRole("button", { name: t["shipping.recordDelivered"] }).click();
      await page.getByText(fill(t["shipping.recordedDelivered"], { reference })).waitFor();
      expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("delivered");
      await context.close();

      // The applicant's status page (the tab that applied holds the token): carrier by name, tracking link.
      const applicant = await openContext(browser, { viewport, locale: "ja-JP" });
      await applicant.addInitScript(
        ([ref, tok]) => sessionStorage.setItem(`jitsumei.application.${ref}`, tok ?? ""),
        [reference, token],
      );
      const status = await applicant.newPage();
      await status.goto(`${server.url}/status/${reference}`);
      const delivery = status.getByRole("region", { name: "配送" });
      await delivery.waitFor();
      await expect.poll(() => delivery.textContent()).toContain("日本郵便");
      const link = delivery.getByRole("link", { name: "配送業者のサイトで追跡する" });
      expect(await link.getAttribute("href")).toBe(
        `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${tracking}&searchKind=S002&locale=en`,
      );
      await screenshot(status, "console", `applicant-status-delivered-ja-${viewport}`);
      await applicant.close();
    }, 120_000);
  }

  it("the case shows the ICCID, the number and the faces beside the particulars; each opening is audited", async () => {
    const { reference } = await approvedPhysicalSim();
    const context = await signedInContext(browser, server, reviewer.cookie, "desktop", "ja-JP");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/cases/${reference}`);
    const line = page.getByRole("region", { name: t["case.line"] });
    await line.waitFor();
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    const { iccid, msisdn } = view.body.line as { iccid: string; msisdn: string };
    await expect.poll(() => line.textContent()).toContain(iccid);
    expect(await line.textContent()).toContain(`${msisdn.slice(0, 3)}-${msisdn.slice(3, 7)}-${msisdn.slice(7)}`);
    expect(await line.textContent()).toContain(t["lineType.voice"]);

    const selfie = page.getByRole("img", { name: t["case.image.selfie"] });
    await selfie.waitFor();
    await expect.poll(() => selfie.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await look(page, "case-line-faces-ja-desktop");
    const { rows } = await server.services.db.query<{ actor: string; data: { image: string } }>(
      "SELECT actor, data FROM audit_entries WHERE subject = $1 AND action = 'application.image_viewed'",
      [reference],
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ actor: `staff:${reviewer.id}`, data: expect.objectContaining({ image: "selfie" }) }),
    );
    await context.close();

    // A passport's chip and a selfie, in review: both faces side by side for the reviewer.
    const faces = await draftApplication(server, "prepaid-voice-sim", anna, { address: tokyoAddress });
    const chipAdded = await server.api("POST", `/v1/applications/${faces.reference}/evidence`, {
      token: faces.token,
      body: {
        kind: "chip",
        sod: b64(chip.chips.brainpool.sod),
        dataGroups: { "1": b64(chip.chips.brainpool.dg1), "2": b64(chip.chips.brainpool.dg2) },
      },
    });
    expect(chipAdded.status).toBe(201);
    await server.api("POST", `/v1/applications/${faces.reference}/evidence`, {
      token: faces.token,
      body: { kind: "selfie", image: b64(syntheticFace) },
    });
    await server.api("POST", `/v1/applications/${faces.reference}/submit`, { token: faces.token });
    const both = await signedInContext(browser, server, reviewer.cookie, "desktop", "ja-JP");
    const facesPage = await both.newPage();
    await facesPage.goto(`${server.url}/staff/cases/${faces.reference}`);
    for (const name of [t["case.image.chip_face"], t["case.image.selfie"]]) {
      const image = facesPage.getByRole("img", { name });
      await image.waitFor();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    await look(facesPage, "case-chip-and-selfie-ja-desktop");
    await both.close();

    // A data-only eSIM: no phone number shown.
    const data = await draftApplication(server, "prepaid-data-esim", somebody());
    await submitAndPay(server, data.reference, data.token);
    const phone = await signedInContext(browser, server, reviewer.cookie, "phone", "ja-JP");
    const dataPage = await phone.newPage();
    await dataPage.goto(`${server.url}/staff/cases/${data.reference}`);
    const dataLine = dataPage.getByRole("region", { name: t["case.line"] });
    await dataLine.waitFor();
    await expect.poll(() => dataLine.textContent()).toContain(t["case.noNumber"]);
    await look(dataPage, "case-data-line-ja-phone");
    await phone.close();
  }, 120_000);

  /** A data eSIM whose activation five wrong codes locked. */
  async function lockedActivation() {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    await submitAndPay(server, reference, token);
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const code = await activationCodeFromOutbox(server, reference);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code: wrong } });
    }
    return { reference, token };
  }

  it("a reviewer unlocks a locked activation from the case (desktop), the call centre from the lookup (phone)", async () => {
    const byReviewer = await lockedActivation();
    const context = await signedInContext(browser, server, reviewer.cookie, "desktop", "ja-JP");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/cases/${byReviewer.reference}`);
    const card = page.getByRole("region", { name: t["unlock.title"] });
    await card.waitFor();
    await card.getByLabel(t["unlock.reason"]).fill("電話で生年月日と申込番号を確認済み");
    await look(page, "case-activation-locked-ja-desktop");
    await card.getByRole("button", { name: t["unlock.submit"] }).click();
    await page.getByText(t["unlock.done"]).waitFor();
    await context.close();
    expect(
      (
        await server.api("POST", `/v1/applications/${byReviewer.reference}/activation-code`, {
          token: byReviewer.token,
        })
      ).status,
    ).toBe(202);

    const byAgent = await lockedActivation();
    const phone = await signedInContext(browser, server, agent.cookie, "phone", "ja-JP");
    const lookup = await phone.newPage();
    await lookup.goto(`${server.url}/staff/lookup`);
    await lookup.getByLabel(t["lookup.reference"]).fill(byAgent.reference);
    await lookup.getByRole("button", { name: t["lookup.submit"] }).click();
    await lookup.getByLabel(t["unlock.reason"]).fill("お客様から電話、本人確認済み");
    await look(lookup, "lookup-activation-locked-ja-phone");
    await lookup.getByRole("button", { name: t["unlock.submit"] }).click();
    await lookup.getByText(t["unlock.done"]).waitFor();
    await phone.close();

    const { rows } = await server.services.db.query<{ actor: string; subject: string }>(
      "SELECT actor, subject FROM audit_entries WHERE action = 'application.activation_unlocked' ORDER BY seq",
    );
    expect(rows).toEqual([
      { actor: `staff:${reviewer.id}`, subject: byReviewer.reference },
      { actor: `staff:${agent.id}`, subject: byAgent.reference },
    ]);
  }, 120_000);

  it("the counter page moves on by itself when a reviewer decides in another browser", async () => {
    // A voice SIM package for the airport counter; its code and ICCID from the batch's CSV.
    const batch = await admin.api("POST", "/v1/staff/package-batches", {
      body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
    });
    const csv = await fetch(`${server.url}/v1/staff/package-batches/${String(batch.body.batchId)}/packages.csv`, {
      headers: { cookie: admin.cookie },
    });
    const row = (await csv.text()).trim().split("\n")[1] ?? "";
    const code = row.split(",")[1] ?? "";
    const iccid = /,(\d{19,20}),/.exec(row)?.[1] ?? "";

    const counter = await signedInContext(browser, server, clerk.cookie, "phone", "ja-JP");
    const page = await counter.newPage();
    await page.goto(`${server.url}/staff/counter`);
    await page.getByLabel(t["counter.code"]).fill(code);
    await page.getByLabel(t["counter.email"]).fill("visitor@example.test");
    await page.getByRole("button", { name: t["counter.sell"] }).click();
    const sold = (await page.getByRole("status").first().textContent()) ?? "";
    const reference = /JT-[A-Z0-9-]+/.exec(sold)?.[0] ?? "";
    expect(reference).not.toBe("");
    // The specimen passport: its MRZ typed, then its chip read.
    await page.getByLabel(t["counter.mrz"]).fill(td3(anna).join("\n"));
    await page.getByLabel(t["counter.postalCode"]).fill(tokyoAddress.postalCode);
    // The 47 prefectures to choose from (and the choice's prompt), never typed.
    expect(await page.getByLabel(t["counter.prefecture"]).locator("option").count()).toBe(48);
    await page.getByLabel(t["counter.prefecture"]).selectOption(tokyoAddress.prefecture);
    await page.getByLabel(t["counter.city"]).fill(tokyoAddress.city);
    await page.getByLabel(t["counter.line1"]).fill(tokyoAddress.line1);
    await page.getByRole("button", { name: t["counter.saveMrz"] }).click();
    await recordPassportChip(page, t);
    await page.getByRole("button", { name: t["counter.submit"] }).click();
    await page.getByText(t["counter.waitingDecision"]).waitFor();
    await expectChipReadAtCounter(reviewer, reference);
    expect(await page.getByLabel(t["counter.iccid"]).isDisabled()).toBe(true);
    await look(page, "counter-waiting-ja-phone");

    // The reviewer, elsewhere, approves in the console.
    const review = await signedInContext(browser, server, reviewer.cookie, "desktop", "ja-JP");
    const casePage = await review.newPage();
    await casePage.goto(`${server.url}/staff/cases/${reference}`);
    await casePage.getByRole("button", { name: t["case.claimAction"] }).click();
    await casePage.getByRole("radio", { name: t["decide.approve"] }).check();
    await casePage.getByRole("button", { name: t["decide.submit"] }).click();
    await casePage.getByText(fill(t["decide.done"], { state: t["state.sim_assigned"] })).waitFor();
    await review.close();

    // No reload: the counter's page follows the application and opens the hand-over step.
    await page.getByText(fill(t["counter.submitted"], { state: t["state.sim_assigned"] })).waitFor({ timeout: 15_000 });
    expect(await page.getByText(t["counter.waitingDecision"]).count()).toBe(0);
    await page.getByLabel(t["counter.iccid"]).fill(iccid);
    await page.getByRole("button", { name: t["counter.activate"] }).click();
    await page.getByRole("button", { name: t["counter.again"] }).waitFor();
    await look(page, "counter-decided-activated-ja-phone");
    await counter.close();
  }, 120_000);

  it("the counter follows a reviewer's request for a correction: the passport step opens again, and the corrected sale goes on", async () => {
    const batch = await admin.api("POST", "/v1/staff/package-batches", {
      body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
    });
    const csv = await fetch(`${server.url}/v1/staff/package-batches/${String(batch.body.batchId)}/packages.csv`, {
      headers: { cookie: admin.cookie },
    });
    const code = ((await csv.text()).trim().split("\n")[1] ?? "").split(",")[1] ?? "";
    const counter = await signedInContext(browser, server, clerk.cookie, "desktop", "ja-JP");
    const page = await counter.newPage();
    await page.goto(`${server.url}/staff/counter`);
    await page.getByLabel(t["counter.code"]).fill(code);
    await page.getByLabel(t["counter.email"]).fill("visitor@example.test");
    await page.getByRole("button", { name: t["counter.sell"] }).click();
    const reference = /JT-[A-Z0-9-]+/.exec((await page.getByRole("status").first().textContent()) ?? "")?.[0] ?? "";
    const mrz = td3(anna).join("\n");
    // The passport read again after the correction: its MRZ typed, its chip read (the step starts over).
    const readPassport = async (city: string) => {
      await page.getByLabel(t["counter.mrz"]).fill(mrz);
      await page.getByLabel(t["counter.postalCode"]).fill(tokyoAddress.postalCode);
      await page.getByLabel(t["counter.prefecture"]).selectOption(tokyoAddress.prefecture);
      await page.getByLabel(t["counter.city"]).fill(city);
      await page.getByLabel(t["counter.line1"]).fill(tokyoAddress.line1);
      await page.getByRole("button", { name: t["counter.saveMrz"] }).click();
      await recordPassportChip(page, t);
      await page.getByRole("button", { name: t["counter.submit"] }).click();
      await page.getByText(t["counter.waitingDecision"]).waitFor();
      await expectChipReadAtCounter(reviewer, reference);
    };
    await readPassport("千代田区");

    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const asked = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "request_correction", fields: ["address"], message: "住所の市区町村を確認してください。" },
    });
    expect(asked.body.state, JSON.stringify(asked.body)).toBe("correction_requested");
    await reviewer.api("DELETE", `/v1/staff/applications/${reference}/claim`);

    // No reload: the page says what the reviewer asked, in the clerk's words, and opens the step again.
    const notice = page.getByRole("alert").filter({ hasText: t["field.address"] });
    await notice.waitFor({ timeout: 15_000 });
    await notice.getByText("住所の市区町村を確認してください。").waitFor();
    expect(await page.getByText(t["counter.waitingDecision"]).count()).toBe(0);
    await look(page, "counter-correction-ja-desktop");
    await readPassport("渋谷区");

    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(approved.body.state, JSON.stringify(approved.body)).toBe("sim_assigned");
    await page.getByText(fill(t["counter.submitted"], { state: t["state.sim_assigned"] })).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel(t["counter.iccid"]).isDisabled()).toBe(false);
    await counter.close();
  }, 120_000);
});
