import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { drawFrameJpeg, poseFor } from "../../../packages/evidence/src/face/fixtures/draw-liveness-frames.ts";
import type { LivenessStep } from "../../../packages/evidence/src/face/liveness/liveness-challenge.ts";
import { loadConfig } from "../src/config/config.ts";
import { startServer } from "../src/server.ts";
import { anna, particularsOf, submitAndPay } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The live selfie over HTTP: the challenge's lifecycle (expiry, single use, another application's
 * nonce), bad input named by field, the judgement's outcome in the applicant's language, and a live
 * selfie that completes NF_IC_SELFIE with a chip. The frames are drawn (seed 1, the test chips' face).
 */

const { chip } = inject("evidenceFixtures");
const steps: LivenessStep[] = ["look_straight", "turn_left", "blink", "closer"];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir }, { livenessSteps: steps });
});
afterAll(async () => server?.close());

type Frame = { step: number; at: number; image: string };
type Explained = { code: string; status: string; message: string; params?: Record<string, unknown> };

async function newApplication(language = "en", planId = "prepaid-data-esim") {
  const created = await server.api("POST", "/v1/applications", {
    body: { planId, language, channel: "online", contact: { email: "l@example.test" } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  expect(
    (await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(anna) })).status,
  ).toBe(200);
  return { reference, token };
}

/** Two frames per step; `performed` is what the face does, `variant` makes the frames new bytes. */
async function frames(performed: readonly LivenessStep[] = steps, variant = 0): Promise<Frame[]> {
  const out: Frame[] = [];
  for (let s = 0; s < performed.length; s++) {
    for (const jitter of [1, 2]) {
      const image = await drawFrameJpeg(1, poseFor(performed[s] as LivenessStep), jitter + s + variant * 10);
      out.push({ step: s, at: 500 + out.length * 600, image: image.toString("base64") });
    }
  }
  return out;
}

const challenge = (reference: string, token: string) =>
  server.api("POST", `/v1/applications/${reference}/liveness/challenge`, { token });
const answer = (reference: string, token: string, body: unknown) =>
  server.api("POST", `/v1/applications/${reference}/liveness`, { token, body });

describe("the liveness challenge", () => {
  it("is issued with the steps, a nonce kept only as its hash, and a two-minute expiry", async () => {
    const { reference, token } = await newApplication();
    const r = await challenge(reference, token);
    expect(r.status).toBe(201);
    expect(r.body.steps).toEqual(steps);
    expect(String(r.body.nonce)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(String(r.body.expiresAt)) - Date.parse(String(r.body.issuedAt))).toBe(120_000);
    const { rows } = await server.services.db.query<{ nonce_hash: Uint8Array }>(
      "SELECT nonce_hash FROM liveness_challenges WHERE id = $1",
      [r.body.challengeId],
    );
    expect(Buffer.from(rows[0]?.nonce_hash ?? []).toString("hex")).toHaveLength(64);
    expect(Buffer.from(rows[0]?.nonce_hash ?? []).toString()).not.toContain(String(r.body.nonce));
    // Both operations are in the published API description.
    const paths = (await server.api("GET", "/openapi.json")).body.paths as Record<
      string,
      Record<string, { operationId: string }>
    >;
    expect(paths["/v1/applications/{reference}/liveness/challenge"]?.post?.operationId).toBe("issueLivenessChallenge");
    expect(paths["/v1/applications/{reference}/liveness"]?.post?.operationId).toBe("submitLiveness");
  });

  it("passes a live capture once: the selfie is stored, the same nonce again is refused, and the same frames on a new challenge are a replay", async () => {
    const { reference, token } = await newApplication("zh-Hans");
    const first = await challenge(reference, token);
    const live = await frames();
    const passed = await answer(reference, token, { nonce: first.body.nonce, frames: live });
    expect(passed.status).toBe(200);
    const checks = passed.body.checks as Explained[];
    expect(checks.filter((c) => c.status === "fail")).toEqual([]);
    expect(passed.body.outcome).toBe("pass");
    expect(typeof passed.body.evidenceId).toBe("string");
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.evidence).toContainEqual({ kind: "selfie" });

    const again = await answer(reference, token, { nonce: first.body.nonce, frames: await frames(steps, 1) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "liveness_challenge_used", field: "nonce" });

    const second = await challenge(reference, token);
    const replay = await answer(reference, token, { nonce: second.body.nonce, frames: live });
    expect(replay.status).toBe(200);
    expect(replay.body.outcome).toBe("fail");
    const fresh = (replay.body.checks as Explained[]).find((c) => c.code === "liveness.fresh_capture");
    expect(fresh?.status).toBe("fail");
    expect(fresh?.message).toMatch(/之前已提交/); // in the applicant's language (zh-Hans)
    const { rows } = await server.services.db.query<{ outcome: string }>(
      "SELECT outcome FROM liveness_challenges WHERE id = $1",
      [second.body.challengeId],
    );
    expect(rows[0]?.outcome).toBe("fail");
  }, 120_000);

  it("fails a still picture and a challenge answered out of order, saying why", async () => {
    const { reference, token } = await newApplication();
    const still = await challenge(reference, token);
    const r = await answer(reference, token, {
      nonce: still.body.nonce,
      frames: await frames(["look_straight", "look_straight", "look_straight", "look_straight"], 2),
    });
    expect(r.body.outcome).toBe("fail");
    const failed = (r.body.checks as Explained[]).filter((c) => c.status === "fail");
    expect(failed.map((c) => c.code)).toEqual(["liveness.movement"]);
    expect(failed[0]?.message).toMatch(/did not move/);

    const swapped = await challenge(reference, token);
    const o = await answer(reference, token, {
      nonce: swapped.body.nonce,
      frames: await frames(["look_straight", "blink", "turn_left", "closer"], 3),
    });
    expect(o.body.outcome).toBe("fail");
    expect((o.body.checks as Explained[]).find((c) => c.code === "liveness.challenge_order")?.status).toBe("fail");
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.evidence).toEqual([]);
  }, 120_000);

  it("refuses a challenge answered after its expiry, and one issued for another application", async () => {
    const a = await newApplication();
    const b = await newApplication();
    const issued = await challenge(a.reference, a.token);
    const elsewhere = await answer(b.reference, b.token, { nonce: issued.body.nonce, frames: await frames(steps, 4) });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ code: "liveness_challenge_not_found", field: "nonce" });
    // Application A's token does not open application B.
    expect((await answer(b.reference, a.token, { nonce: issued.body.nonce, frames: [] })).status).toBe(404);

    server.advanceClock(121_000);
    const late = await answer(a.reference, a.token, { nonce: issued.body.nonce, frames: await frames(steps, 4) });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ code: "liveness_challenge_expired", field: "nonce" });
  }, 120_000);

  it("names the field of bad input", async () => {
    const { reference, token } = await newApplication();
    const issued = await challenge(reference, token);
    const good = await frames(steps, 5);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");
    const cases: [unknown, string, RegExp][] = [
      [{ nonce: issued.body.nonce, frames: good.slice(0, 3) }, "frames", /at least one frame per step/],
      [
        { nonce: issued.body.nonce, frames: good.map((f, i) => (i === 2 ? { ...f, image: png } : f)) },
        "frames.2.image",
        /JPEG/,
      ],
      [
        { nonce: issued.body.nonce, frames: good.map((f, i) => (i === 1 ? { ...f, step: 7 } : f)) },
        "frames.1.step",
        /0 to 3/,
      ],
      [{ nonce: "short", frames: good }, "nonce", /nonce/],
      [{ nonce: issued.body.nonce, frames: [...good, ...good, ...good, ...good] }, "frames", /at most 24/],
    ];
    for (const [body, field, reason] of cases) {
      const r = await answer(reference, token, body);
      expect(r.status, field).toBe(422);
      expect(r.body.code).toBe("validation_failed");
      expect(r.body.field, field).toBe(field);
      expect(String((r.body.errors as { reason: string }[])[0]?.reason)).toMatch(reason);
    }
    // None of these spent the challenge.
    expect((await answer(reference, token, { nonce: issued.body.nonce, frames: good })).body.outcome).toBe("pass");
  }, 120_000);
});

describe("the fixed steps of tests", () => {
  it("cannot be set on a production server", async () => {
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "0",
      JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-live-prod-")),
      JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
      JITSUMEI_PAYMENT_NOTIFICATION_SECRET: "n".repeat(32),
      SMTP_URL: "smtp://127.0.0.1:9",
      JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
    });
    await expect(startServer({ config, listen: false, livenessSteps: () => steps })).rejects.toThrow(/for tests/);
  });
});

describe("a live selfie completes NF_IC_SELFIE", () => {
  it("approves a data eSIM on the chip and the live selfie; face.live records the challenge", async () => {
    const { reference, token } = await newApplication();
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "chip",
        sod: readFileSync(chip.chips.p256.sod).toString("base64"),
        dataGroups: {
          "1": readFileSync(chip.chips.p256.dg1).toString("base64"),
          "2": readFileSync(chip.chips.p256.dg2).toString("base64"),
        },
      },
    });
    expect(added.status).toBe(201);
    const issued = await challenge(reference, token);
    const live = await answer(reference, token, { nonce: issued.body.nonce, frames: await frames(steps, 6) });
    expect(live.body.outcome).toBe("pass");
    const submitted = await submitAndPay(server, reference, token);
    const checks = submitted.body.checks as Explained[];
    expect(checks.find((c) => c.code === "face.matches_chip_photo")?.status).toBe("pass");
    expect(checks.find((c) => c.code === "face.live")?.status).toBe("pass");
    expect(checks.find((c) => c.code === "policy.method_available")?.params?.method).toBe("NF_IC_SELFIE");
    expect(submitted.body.state).toBe("sim_assigned");
    const { rows } = await server.services.db.query<{ details: { challengeId: string; steps: string[] } }>(
      "SELECT details FROM check_results WHERE code = 'face.live' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]?.details).toMatchObject({ challengeId: issued.body.challengeId, steps });
  }, 120_000);
});
