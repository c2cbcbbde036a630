import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { livenessCheckMessages as liveness } from "../../../packages/domain/src/i18n/messages/liveness-messages.ts";
import { livenessVideoY4m, poseFor } from "../../../packages/evidence/src/face/fixtures/draw-liveness-frames.ts";
import type { LivenessStep } from "../../../packages/evidence/src/face/liveness/liveness-challenge.ts";
import { chromiumPath, openContext, screenshot } from "../../server/test/support/browser.ts";
import { anna, particularsOf } from "../../server/test/support/journey.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { vi } from "../src/i18n/vi.ts";

/**
 * The selfie journey (issue 19, "Done when"), in Vietnamese on a phone. The chip part goes through the
 * reader contract as a reader app would: the page's QR code is decoded, its single-use hand-off token
 * exchanged for the reader's session, the chip (passport p256 fixture, the drawn face of seed 1 in
 * DG2) uploaded with it. Then the live selfie in the page with Chromium's fake camera playing a video
 * made here from the same drawn face: doing what the challenge asks, it passes; a still picture fails;
 * and the frames of the passing capture sent again (what someone who recorded that request would do)
 * fail as a replay. Each reason shows on the page in Vietnamese.
 */

const { chip } = inject("evidenceFixtures");
const steps: LivenessStep[] = ["look_straight", "turn_left", "blink", "closer"];
const scratch = mkdtempSync(join(tmpdir(), "jitsumei-selfie-journey-"));
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
let server: TestServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startTestServer(
    {
      JITSUMEI_CSCA_DIR: chip.trustDir,
      READER_APP_ANDROID_URL: "https://play.google.com/store/apps/details?id=example.jitsumei.reader",
    },
    { livenessSteps: steps },
  );
}, 60_000);
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.close();
});

async function cameraBrowser(name: string, segments: Parameters<typeof livenessVideoY4m>[1]): Promise<Browser> {
  const file = join(scratch, `${name}.y4m`);
  writeFileSync(file, await livenessVideoY4m(1, segments));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${file}`,
    ],
  });
  browsers.push(browser);
  return browser;
}

/** A voice plan's application in Vietnamese with the passport holder's particulars, open at verification. */
async function verifyPage(browser: Browser) {
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "prepaid-voice-sim", language: "vi", channel: "online", contact: { email: "v@example.test" } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  await server.api("PUT", `/v1/applications/${reference}/applicant`, {
    token,
    body: particularsOf(anna, { address }),
  });
  const context = await openContext(browser, { viewport: "phone", locale: "vi-VN" });
  await context.grantPermissions(["camera"]);
  await context.addInitScript(
    ([r, tk]) => sessionStorage.setItem(`jitsumei.application.${r}`, tk ?? ""),
    [reference, token],
  );
  const page = await context.newPage();
  await page.goto(`${server.url}/application/${reference}`);
  await page.getByRole("heading", { level: 1, name: vi["verify.title"] }).waitFor();
  return { page, reference, token };
}

/** What a reader app does with the page's QR code: hand-off token → reader session → chip upload. */
async function readChipAsReaderApp(page: Page, reference: string) {
  await page.getByRole("radio", { name: new RegExp(vi["verify.chip"]) }).check();
  const qr = page.getByAltText(vi["verify.qrAlt"].replace("{ref}", reference));
  await qr.waitFor();
  const png = join(scratch, `qr-${randomUUID()}.png`);
  writeFileSync(
    png,
    Buffer.from(String(await qr.getAttribute("src")).replace(/^data:image\/png;base64,/, ""), "base64"),
  );
  const scanned = new URL(execFileSync("zbarimg", ["--raw", "-q", png]).toString("utf8").trim());
  expect(scanned.pathname).toBe(`/reader/${reference}`);
  const exchanged = await server.api("POST", "/v1/handoff/exchange", {
    body: { reference, token: scanned.hash.slice(1) },
  });
  expect(exchanged.status).toBe(201);
  const readerToken = String(exchanged.body.accessToken);
  const upload = await fetch(`${server.url}/v1/applications/${reference}/evidence`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${readerToken}`,
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
    },
    body: JSON.stringify({
      kind: "chip",
      sod: readFileSync(chip.chips.p256.sod).toString("base64"),
      dataGroups: {
        "1": readFileSync(chip.chips.p256.dg1).toString("base64"),
        "2": readFileSync(chip.chips.p256.dg2).toString("base64"),
      },
    }),
  });
  expect(upload.status).toBe(201);
  const added = (await upload.json()) as { checks: { code: string; status: string; message: string }[] };
  expect(added.checks.find((c) => c.code === "chip.sod_signature")?.status).toBe("pass");
  // The page sees the chip arrive and stays: the live selfie is still to take here.
  await page.getByText(vi["verify.receivedSelfieNext"]).waitFor({ timeout: 15_000 });
  // The spent code's QR is gone.
  expect(await qr.count()).toBe(0);
  await page.waitForTimeout(2000);
  await page.getByRole("heading", { level: 1, name: vi["verify.title"] }).waitFor();
}

type PostedFrames = { nonce: string; frames: { step: number; at: number; image: string }[] };
let recorded: PostedFrames | null = null;

describe("the selfie journey on a phone in Vietnamese: chip through the reader contract, then the live selfie", () => {
  it("passes with a prepared live video", async () => {
    const browser = await cameraBrowser(
      "live",
      steps.map((step) => ({ pose: poseFor(step), seconds: 3 })),
    );
    const { page, reference, token } = await verifyPage(browser);
    await readChipAsReaderApp(page, reference);
    await screenshot(page, "web", "selfie-journey-vi-phone-1-chip-handoff");
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith(`/applications/${reference}/liveness`))
        recorded = request.postDataJSON() as PostedFrames;
    });
    await page.getByRole("button", { name: vi["live.start"] }).click();
    await page.getByText(vi["live.passed"]).waitFor({ timeout: 60_000 });
    await screenshot(page, "web", "selfie-journey-vi-phone-2-passed");
    // Chip and selfie both in: the page moves on by itself.
    await page.getByRole("heading", { level: 1, name: vi["verify.title"] }).waitFor({ state: "detached" });
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    const kinds = (view.body.evidence as { kind: string }[]).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["chip", "selfie"]));
    expect(recorded?.frames.length).toBeGreaterThan(0);
    await page.context().close();
  }, 120_000);

  it("fails a still photo held to the camera, saying why in Vietnamese", async () => {
    const browser = await cameraBrowser("still", [{ pose: {}, seconds: 1, jitter: 99 }]);
    const { page, reference, token } = await verifyPage(browser);
    await readChipAsReaderApp(page, reference);
    await page.getByRole("button", { name: vi["live.start"] }).click();
    await page.getByText(vi["live.failed"]).waitFor({ timeout: 60_000 });
    const reason = page.locator(".live-selfie .check-fail").first();
    await reason.waitFor();
    expect(await reason.textContent()).toContain(liveness["liveness.movement"]?.fail?.vi as string);
    await page.getByRole("button", { name: vi["live.retry"] }).waitFor();
    await screenshot(page, "web", "selfie-journey-vi-phone-3-still-failed");
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.evidence as { kind: string }[]).map((e) => e.kind)).toEqual(["chip"]);
    await page.context().close();
  }, 120_000);

  it("fails a replay of the earlier capture, saying why in Vietnamese", async () => {
    const earlier = recorded;
    if (!earlier) throw new Error("the passing capture was not recorded");
    // The same live video plays; between the page and the server, its frames are swapped for the
    // earlier capture's (the page's own fresh nonce kept): the request someone who recorded it sends.
    const browser = browsers[0] as Browser;
    const { page, reference, token } = await verifyPage(browser);
    await readChipAsReaderApp(page, reference);
    let replayed = false;
    await page.route(`**/v1/applications/${reference}/liveness`, async (route) => {
      const fresh = route.request().postDataJSON() as PostedFrames;
      replayed = true;
      await route.continue({ postData: JSON.stringify({ nonce: fresh.nonce, frames: earlier.frames }) });
    });
    await page.getByRole("button", { name: vi["live.start"] }).click();
    await page.getByText(vi["live.failed"]).waitFor({ timeout: 60_000 });
    expect(replayed).toBe(true);
    const reason = page.locator(".live-selfie .check-fail").first();
    expect(await reason.textContent()).toContain(liveness["liveness.fresh_capture"]?.fail?.vi as string);
    await screenshot(page, "web", "selfie-journey-vi-phone-4-replay-failed");
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.evidence as { kind: string }[]).map((e) => e.kind)).toEqual(["chip"]);
    await page.context().close();
  }, 120_000);
});
