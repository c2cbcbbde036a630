import { checkMessages } from "@jitsumei/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { drawFrameJpeg, type FramePose, poseFor } from "../fixtures/draw-liveness-frames.ts";
import type { FrameAnalyser, FrameMeasurement } from "./frame-analyser.ts";
import { createHumanFrameAnalyser } from "./human-frame-analyser.ts";
import { frameSha256, judgeLiveness, type LivenessFrame, livenessCheckCodes } from "./judge-liveness.ts";
import { drawLivenessSteps, isLivenessSteps, type LivenessStep } from "./liveness-challenge.ts";

/**
 * The judgement on frames the real models measured: drawn faces (fixtures/draw-liveness-frames.ts),
 * seed 1 the applicant (the face on the test chips), seed 4 someone else. Each frame set is what a browser would post.
 */

const live = 1;
const other = 4;
const steps: LivenessStep[] = ["look_straight", "turn_left", "blink", "closer"];
let analyser: FrameAnalyser;
const cache = new Map<string, { bytes: Buffer; measurement: FrameMeasurement }>();

async function frame(seed: number, pose: FramePose, jitter: number) {
  const key = JSON.stringify([seed, pose, jitter]);
  let entry = cache.get(key);
  if (!entry) {
    const bytes = await drawFrameJpeg(seed, pose, jitter);
    entry = { bytes, measurement: await analyser.analyse(bytes) };
    cache.set(key, entry);
  }
  return entry;
}

/** Two frames per step, 700 ms apart; `performed[s]` is what the face really does in step s's time. */
async function capture(performed: readonly LivenessStep[], seeds: readonly number[] = performed.map(() => live)) {
  const frames: LivenessFrame[] = [];
  for (let s = 0; s < performed.length; s++) {
    for (const jitter of [1, 2]) {
      const { bytes, measurement } = await frame(seeds[s] ?? live, poseFor(performed[s] as LivenessStep), jitter + s);
      frames.push({ step: s, at: 1000 + frames.length * 700, sha256: frameSha256(bytes), measurement });
    }
  }
  return frames;
}

const judge = (frames: LivenessFrame[], seenFrames: ReadonlySet<string> = new Set()) =>
  judgeLiveness({ steps, frames, seenFrames, window: 120_000, similarity: analyser.similarity });
const failed = (judgement: ReturnType<typeof judge>) =>
  judgement.checks.filter((c) => c.status === "fail").map((c) => c.code);

beforeAll(async () => {
  analyser = await createHumanFrameAnalyser();
}, 60_000);

describe("judgeLiveness on measured frames", () => {
  it("passes a face that does what the challenge asks, in order, and picks a straight frame as the selfie", async () => {
    const judgement = judge(await capture(steps));
    expect(failed(judgement)).toEqual([]);
    expect(judgement.outcome).toBe("pass");
    expect(judgement.checks.filter((c) => c.code === "liveness.step_performed").map((c) => c.status)).toEqual([
      "pass",
      "pass",
      "pass",
    ]);
    expect([0, 1]).toContain(judgement.selfieFrame);
    expect(judgement.passive.antiSpoof).toBeGreaterThan(0);
  }, 60_000);

  it("fails a still photo held to the camera: the same picture in every step", async () => {
    const judgement = judge(await capture(["look_straight", "look_straight", "look_straight", "look_straight"]));
    expect(judgement.outcome).toBe("fail");
    expect(failed(judgement)).toEqual(["liveness.movement"]);
  }, 60_000);

  it("fails a replayed capture: a frame submitted before", async () => {
    const frames = await capture(steps);
    const judgement = judge(frames, new Set([frames[3]?.sha256 ?? ""]));
    expect(failed(judgement)).toEqual(["liveness.fresh_capture"]);
    expect(judgement.checks.find((c) => c.code === "liveness.fresh_capture")?.params).toEqual({ frame: 3 });
  }, 60_000);

  it("fails when another face appears mid-sequence", async () => {
    const judgement = judge(await capture(steps, [live, live, other, live]));
    expect(failed(judgement)).toEqual(["liveness.same_face"]);
    expect(judgement.checks.find((c) => c.code === "liveness.same_face")?.params?.step).toBe(2);
  }, 60_000);

  it("fails a challenge answered out of order (blink first, then the turn)", async () => {
    const judgement = judge(await capture(["look_straight", "blink", "turn_left", "closer"]));
    expect(judgement.outcome).toBe("fail");
    expect(failed(judgement)).toContain("liveness.challenge_order");
    expect(judgement.checks.find((c) => c.code === "liveness.challenge_order")?.params).toEqual({
      step: 1,
      action: "turn_left",
    });
  }, 60_000);

  it("fails a turn to the wrong side, which no other step asked for", async () => {
    const judgement = judge(await capture(["look_straight", "turn_right", "blink", "closer"]));
    expect(failed(judgement)).toEqual(["liveness.step_performed"]);
    expect(judgement.checks.find((c) => c.status === "fail")?.params).toEqual({ step: 1, action: "turn_left" });
  }, 60_000);

  it("fails frames whose steps or times go backwards, or arrive after the challenge's time", async () => {
    const frames = await capture(steps);
    const swapped = [frames[0], frames[3], frames[2], frames[1], ...frames.slice(4)] as LivenessFrame[];
    expect(failed(judge(swapped))).toEqual(["liveness.frame_order"]);
    const late = frames.map((f, i) => (i === frames.length - 1 ? { ...f, at: 130_000 } : f));
    expect(failed(judge(late))).toEqual(["liveness.frame_order"]);
  }, 60_000);

  it("fails when a step has no face, and when a frame holds two", async () => {
    const frames = await capture(steps);
    const blank: FrameMeasurement = { status: "analysed", width: 640, height: 480, faceCount: 0, face: null };
    const noFace = frames.map((f) => (f.step === 2 ? { ...f, measurement: blank } : f));
    expect(failed(judge(noFace))).toEqual(["liveness.face_found"]);
    const two = frames.map((f, i) =>
      i === 4 && f.measurement.status === "analysed" ? { ...f, measurement: { ...f.measurement, faceCount: 2 } } : f,
    );
    expect(failed(judge(two))).toEqual(["liveness.single_face"]);
    const unreadable = frames.map((f, i) => (i === 0 ? { ...f, measurement: { status: "unreadable" as const } } : f));
    expect(failed(judge(unreadable))).toEqual(["liveness.frames_readable"]);
  }, 60_000);
});

describe("the applicant's messages", () => {
  it("exist for every code and status the judgement produces, in the catalogue of six languages", () => {
    const statuses: Record<string, string[]> = { "liveness.passive_scores": ["pass", "review"] };
    for (const code of livenessCheckCodes) {
      for (const status of statuses[code] ?? ["pass", "fail"]) {
        expect(Object.keys(checkMessages[code] ?? {}), code).toContain(status);
      }
    }
  });
});

describe("drawLivenessSteps", () => {
  it("starts with look_straight and asks three distinct actions, in every order the random source picks", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const drawn = drawLivenessSteps();
      expect(isLivenessSteps(drawn)).toBe(true);
      seen.add(drawn.join(","));
    }
    expect(seen.size).toBe(24);
    expect(drawLivenessSteps(() => 0)).toEqual(["look_straight", "turn_left", "turn_right", "blink"]);
  });

  it("refuses malformed step lists", () => {
    expect(isLivenessSteps(["turn_left", "blink", "closer", "look_straight"])).toBe(false);
    expect(isLivenessSteps(["look_straight", "blink", "blink", "closer"])).toBe(false);
    expect(isLivenessSteps(["look_straight", "blink", "closer"])).toBe(false);
    expect(isLivenessSteps(["look_straight", "blink", "closer", "smile"])).toBe(false);
  });
});
