import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startViccPassport, usePcscAlone, type ViccCard } from "../../../packages/pcsc/src/test-support/vicc.ts";
import { startVpcdCard } from "../../../packages/pcsc/src/test-support/vpcd-card.ts";
import { buildCom } from "../../../packages/reader/src/test-support/emulated-passport.ts";
import { emulatedResidenceCard } from "../../../packages/reader/src/test-support/emulated-residence-card.ts";
import {
  type CounterReader,
  pcscChipReader,
  startCounterReader,
} from "../../server/src/counter-reader/counter-reader.ts";
import { launchBrowser, releaseBrowser, screenshot } from "../../server/test/support/browser.ts";
import { anna, td3 } from "../../server/test/support/journey.ts";
import { type StaffClient, signInAs } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { en } from "../src/i18n/en.ts";
import { signedInContext, tokyoAddress } from "./support.ts";

usePcscAlone();

/**
 * The counter's chip read end to end: vsmartcard's vicc holds the test passport on a virtual PC/SC
 * reader, `counter-reader` reads it (vicc's BAC and secure messaging) for the console's counter page,
 * whose read goes to the server's evidence engine; the page shows the verdict and the chip's photo.
 * The residence card is our spec emulator on the virtual reader's other slot (vpcd-card.ts), read by
 * the same counter program through the same PC/SC stack.
 */
const t = en;
const { chip } = inject("evidenceFixtures");

describe("the counter page reads a passport's chip through the counter program", () => {
  let server: TestServer;
  let browser: Browser;
  let clerk: StaffClient;
  let admin: StaffClient;
  let reviewer: StaffClient;
  let card: ViccCard;
  let residenceCard: ViccCard;
  let reader: CounterReader;

  beforeAll(async () => {
    server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir });
    card = await startViccPassport({
      com: buildCom([1, 2]),
      sod: readFileSync(chip.chips.rsa.sod),
      dataGroups: { 1: readFileSync(chip.chips.rsa.dg1), 2: readFileSync(chip.chips.rsa.dg2) },
    });
    const residence = chip.residenceCards.firstGeneration;
    residenceCard = await startVpcdCard(
      emulatedResidenceCard({
        cardNumber: "AB12345678CD",
        front: readFileSync(residence.front),
        face: readFileSync(residence.face),
        checkCode: readFileSync(residence.checkCode),
        certificate: readFileSync(residence.certificate),
      }),
    );
    // Each document from its own slot of the virtual reader (the counter's one reader holds one card).
    const passportReader = pcscChipReader(card.readerName);
    const residenceReader = pcscChipReader(residenceCard.readerName);
    // On its fixed port (the console's CSP names it), which lies in Linux's ephemeral range: an outgoing
    // connection of another test file can hold it for a moment (EADDRINUSE). .ci/run reserves it.
    for (let attempt = 1; ; attempt++) {
      try {
        reader = await startCounterReader({
          origin: server.url,
          read: (request) => (request.document === "passport" ? passportReader : residenceReader)(request),
        });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "EADDRINUSE" || attempt === 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    browser = await launchBrowser();
    [clerk, admin, reviewer] = [
      await signInAs(server, "clerk"),
      await signInAs(server, "admin"),
      await signInAs(server, "reviewer"),
    ];
  }, 60_000);
  afterAll(async () => {
    await releaseBrowser(browser);
    await reader?.close();
    await card?.stop();
    await residenceCard?.stop();
    await server?.close();
  });

  it("pair, read the passport on the reader, and the case has the chip's evidence (valid) and its photo", async () => {
    const batch = await admin.api("POST", "/v1/staff/package-batches", {
      body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const csv = await fetch(`${server.url}/v1/staff/package-batches/${batch.body.batchId}/packages.csv`, {
      headers: { cookie: admin.cookie },
    });
    const code = (await csv.text()).split("\n")[1]?.split(",")[1] ?? "";

    const context = await signedInContext(browser, server, clerk.cookie, "desktop", "en-US");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/counter`);
    await page.getByLabel(t["counter.code"]).fill(code);
    await page.getByLabel(t["counter.email"]).fill("visitor@example.test");
    await page.getByLabel(t["counter.language"]).selectOption("en");
    await page.getByRole("button", { name: t["counter.sell"] }).click();
    await page.getByLabel(t["counter.mrz"]).fill(td3(anna).join("\n"));
    await page.getByLabel(t["counter.postalCode"]).fill(tokyoAddress.postalCode);
    await page.getByLabel(t["counter.prefecture"]).selectOption(tokyoAddress.prefecture);
    await page.getByLabel(t["counter.city"]).fill(tokyoAddress.city);
    await page.getByLabel(t["counter.line1"]).fill(tokyoAddress.line1);
    await page.getByRole("button", { name: t["counter.saveMrz"] }).click();

    // The clerk types the code the console shows at the counter PC (the program's stdin), then pairs.
    const shown = await page
      .locator("section", { hasText: t["counter.readerCode"] })
      .locator("strong.mono")
      .textContent();
    expect(shown).toMatch(/^\d{6}$/);
    reader.expectPairingCode(shown ?? "");
    await page.getByRole("button", { name: t["counter.readerPair"] }).click();
    await page.getByText(t["counter.readerPaired"]).waitFor();
    await page.getByLabel(t["counter.readerDocument"]).selectOption("passport");
    await page.getByRole("button", { name: t["counter.readerRead"] }).click();

    const verdict = t["counter.chipChecked"].replace("{result}", t["counter.chipValid"]);
    await page.getByText(verdict).waitFor({ timeout: 30_000 });
    const photo = page.getByRole("img", { name: t["counter.chipPhoto"] });
    await photo.waitFor();
    // The JPEG from DG2 decoded in the browser (a broken image has no natural size).
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, "console", "counter-reader-chip-en-desktop");

    // Sent for the decision: the server kept the read as chip evidence, its passive authentication passed.
    await page.getByRole("button", { name: t["counter.submit"] }).click();
    await page.getByText(t["counter.waitingDecision"]).waitFor();
    const reference = (await page.getByText(/^Sold: application/).textContent())?.match(/application (\S+) \(/)?.[1];
    expect(reference).toBeTruthy();
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect((view.body.evidence as { kind: string }[]).map((e) => e.kind)).toEqual(["mrz", "chip"]);
    expect(view.body.images).toContain("chip_face");
    const checks = view.body.checks as { code: string; status: string; params: Record<string, unknown> }[];
    const chipChecks = checks.filter((c) => c.code.startsWith("chip."));
    expect(chipChecks.map((c) => c.code)).toContain("chip.sod_signature");
    expect(chipChecks.filter((c) => c.status !== "pass")).toEqual([]);
    // The policy's F2F_IC branch: a valid chip read at a counter; a voice line also needs the address,
    // which no passport chip holds, so a person completes it (as for every passport at the counter).
    expect(checks).toContainEqual(
      expect.objectContaining({
        code: "policy.method_available",
        status: "review",
        params: expect.objectContaining({ reason: "address_not_on_chip" }),
      }),
    );
    await context.close();
  });

  it("a residence card: particulars typed from its front, the chip read with its number, the check code verified", async () => {
    const batch = await admin.api("POST", "/v1/staff/package-batches", {
      body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const csv = await fetch(`${server.url}/v1/staff/package-batches/${batch.body.batchId}/packages.csv`, {
      headers: { cookie: admin.cookie },
    });
    const code = (await csv.text()).split("\n")[1]?.split(",")[1] ?? "";

    const context = await signedInContext(browser, server, clerk.cookie, "desktop", "en-US");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/counter`);
    await page.getByLabel(t["counter.code"]).fill(code);
    await page.getByLabel(t["counter.email"]).fill("resident@example.test");
    await page.getByLabel(t["counter.language"]).selectOption("vi");
    await page.getByRole("button", { name: t["counter.sell"] }).click();
    await page.getByLabel(t["counter.documentShown"]).selectOption("residence_card");
    await page.getByLabel(t["counter.familyName"]).fill("Nguyen");
    await page.getByLabel(t["counter.givenName"]).fill("Van An");
    await page.getByLabel(t["counter.birthDate"]).fill("1990-01-02");
    await page.getByLabel(t["counter.nationality"]).fill("vnm");
    await page.getByLabel(t["counter.cardNumber"]).fill("ab12345678cd");
    await page.getByLabel(t["counter.cardExpiry"]).fill("2030-04-01");
    await page.getByLabel(t["counter.postalCode"]).fill(tokyoAddress.postalCode);
    await page.getByLabel(t["counter.prefecture"]).selectOption(tokyoAddress.prefecture);
    await page.getByLabel(t["counter.city"]).fill(tokyoAddress.city);
    await page.getByLabel(t["counter.line1"]).fill(tokyoAddress.line1);
    await page.getByRole("button", { name: t["counter.saveCard"] }).click();
    await page.getByText(/^Recorded: NGUYEN VAN AN/).waitFor();

    const shown = await page
      .locator("section", { hasText: t["counter.readerCode"] })
      .locator("strong.mono")
      .textContent();
    reader.expectPairingCode(shown ?? "");
    await page.getByRole("button", { name: t["counter.readerPair"] }).click();
    await page.getByText(t["counter.readerPaired"]).waitFor();
    // The document chosen above, and the number typed from the card's front, are the reader's defaults.
    expect(await page.getByLabel(t["counter.readerDocument"]).inputValue()).toBe("residence_card");
    expect(await page.getByLabel(t["counter.readerCardNumber"]).inputValue()).toBe("AB12345678CD");
    await page.getByRole("button", { name: t["counter.readerRead"] }).click();

    const verdict = t["counter.chipChecked"].replace("{result}", t["counter.chipValid"]);
    await page.getByText(verdict).waitFor({ timeout: 30_000 });
    const photo = page.getByRole("img", { name: t["counter.chipPhoto"] });
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, "console", "counter-reader-residence-card-en-desktop");

    await page.getByRole("button", { name: t["counter.submit"] }).click();
    await page.getByText(t["counter.waitingDecision"]).waitFor();
    const reference = (await page.getByText(/^Sold: application/).textContent())?.match(/application (\S+) \(/)?.[1];
    expect(reference).toBeTruthy();
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect((view.body.evidence as { kind: string }[]).map((e) => e.kind)).toEqual(["residence_card_chip"]);
    expect(view.body.images).toContain("chip_face");
    const checks = view.body.checks as { code: string; status: string; params: Record<string, unknown> }[];
    const chipChecks = checks.filter((c) => c.code.startsWith("chip."));
    expect(chipChecks.map((c) => c.code)).toContain("chip.sod_signature");
    expect(chipChecks.filter((c) => c.status !== "pass")).toEqual([]);
    // F2F_IC with a residence card: its signed data are two images, which a person reads (the engine's rule).
    expect(checks).toContainEqual(
      expect.objectContaining({
        code: "policy.method_available",
        status: "review",
        params: expect.objectContaining({ reason: "residence_card_front_to_be_read" }),
      }),
    );
    await context.close();
  });
});
