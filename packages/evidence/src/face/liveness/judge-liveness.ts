import { createHash } from "node:crypto";
import type { CheckResult } from "@jitsumei/domain";
import type { FrameMeasurement, MeasuredFace } from "./frame-analyser.ts";
import type { LivenessAction, LivenessStep } from "./liveness-challenge.ts";

/**
 * The server's judgement of an active liveness challenge, pure: the challenge's steps, the frames as
 * measured (with the step the applicant's browser was showing and when), and the hashes of frames
 * submitted before, in; check results and an outcome out. Nothing here trusts the browser's claim that
 * a step was done: each step must be seen in its own frames, measured against the `look_straight`
 * frames of the same capture.
 *
 * Codes (all `fail` stops the challenge, the applicant tries a new one):
 * - `liveness.frames_readable`  every frame decodes as an image.
 * - `liveness.fresh_capture`    no frame was submitted before (a replayed capture).
 * - `liveness.frame_order`      timestamps rise, steps follow in the challenge's order, within its time.
 * - `liveness.face_found`       a face in every step, and in at least three quarters of the frames.
 * - `liveness.single_face`      never more than one face.
 * - `liveness.same_face`        every face is the person of the `look_straight` frames.
 * - `liveness.movement`         the face moved at all (a photo held to the camera does not).
 * - `liveness.challenge_order`  an action asked for was done, but in another step's time.
 * - `liveness.step_performed`   one per action (`params.step`, `params.action`): seen in its frames.
 * - `liveness.passive_scores`   human's anti-spoofing and liveness models (median over the frames):
 *                               `review` below their minimum; tiny single-frame classifiers, so they
 *                               never fail a challenge alone.
 */

export type LivenessThresholds = {
  /** Head turn: change of the mesh's yaw ratio from the baseline (0.1 ≈ 6°; human's gesture says "facing" at 0.15 absolute). */
  turn: number;
  /** Blink: eye openness at most this share of the baseline's. */
  blink: number;
  /** Closer: face width at least this multiple of the baseline's. */
  closer: number;
  /** Same person: human.match.similarity to the baseline face at least this (the face matcher's `match`). */
  sameFace: number;
  /** Passive models' minimum median scores (the face matcher's defaults). */
  antiSpoof: number;
  liveness: number;
};

export const defaultLivenessThresholds: Readonly<LivenessThresholds> = Object.freeze({
  turn: 0.1,
  blink: 0.75,
  closer: 1.2,
  sameFace: 0.75,
  antiSpoof: 0.6,
  liveness: 0.6,
});

/** Below these, across every frame, the face did not move at all: a still picture. */
const stillness = { yaw: 0.04, openness: 0.9, width: 1.06 };

export type LivenessFrame = {
  /** Index into the challenge's steps. */
  step: number;
  /** Milliseconds since the challenge was issued, by the browser's clock. */
  at: number;
  /** SHA-256 (hex) of the frame's bytes as received. */
  sha256: string;
  measurement: FrameMeasurement;
};

export type LivenessJudgement = {
  outcome: "pass" | "fail";
  checks: CheckResult[];
  /** The frame that stands as the selfie: the best-detected `look_straight` frame; null on failure. */
  selfieFrame: number | null;
  /** Medians over the frames with a face; null when no frame had one. */
  passive: { antiSpoof: number | null; liveness: number | null };
};

export const livenessCheckCodes = [
  "liveness.frames_readable",
  "liveness.fresh_capture",
  "liveness.frame_order",
  "liveness.face_found",
  "liveness.single_face",
  "liveness.same_face",
  "liveness.movement",
  "liveness.challenge_order",
  "liveness.step_performed",
  "liveness.passive_scores",
] as const;

export function frameSha256(frame: Uint8Array): string {
  return createHash("sha256").update(frame).digest("hex");
}

export function judgeLiveness(input: {
  steps: readonly LivenessStep[];
  frames: readonly LivenessFrame[];
  /** Hashes of every frame submitted before, by anyone: a frame seen again is a replay. */
  seenFrames: ReadonlySet<string>;
  /** Maximum time from issue to the last frame, ms. */
  window: number;
  similarity: (a: readonly number[], b: readonly number[]) => number;
  thresholds?: LivenessThresholds;
}): LivenessJudgement {
  const t = input.thresholds ?? defaultLivenessThresholds;
  const { steps, frames } = input;
  const checks: CheckResult[] = [];
  const fail = (code: string, params?: Record<string, string | number>): LivenessJudgement => {
    checks.push({ code, status: "fail", ...(params ? { params } : {}) });
    return { outcome: "fail", checks, selfieFrame: null, passive: passiveOf(frames) };
  };
  const pass = (code: string, params?: Record<string, string | number>) =>
    checks.push({ code, status: "pass", ...(params ? { params } : {}) });

  const unreadable = frames.findIndex((f) => f.measurement.status !== "analysed");
  if (unreadable >= 0) return fail("liveness.frames_readable", { frame: unreadable });
  pass("liveness.frames_readable");

  const replayed = frames.findIndex((f) => input.seenFrames.has(f.sha256));
  if (replayed >= 0) return fail("liveness.fresh_capture", { frame: replayed });
  pass("liveness.fresh_capture");

  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i] as LivenessFrame;
    const previous = frames[i - 1];
    const late = frame.at < 0 || frame.at > input.window;
    const backwards = previous !== undefined && (frame.at < previous.at || frame.step < previous.step);
    if (late || backwards || frame.step < 0 || frame.step >= steps.length)
      return fail("liveness.frame_order", { frame: i });
  }
  pass("liveness.frame_order");

  const analysed = frames.map((f) => (f.measurement.status === "analysed" ? f.measurement : null));
  const faces = analysed.map((m) => m?.face ?? null);
  const withFace = faces.filter((face) => face !== null).length;
  const stepWithoutFace = steps.findIndex((_, s) => !frames.some((f, i) => f.step === s && faces[i]));
  if (stepWithoutFace >= 0) return fail("liveness.face_found", { step: stepWithoutFace });
  if (withFace * 4 < frames.length * 3) return fail("liveness.face_found", { framesWithFace: withFace });
  pass("liveness.face_found");

  const crowded = analysed.findIndex((m) => (m?.faceCount ?? 0) > 1);
  if (crowded >= 0) return fail("liveness.single_face", { frame: crowded });
  pass("liveness.single_face");

  // The baseline: the look_straight frames. The reference face is the best-detected of them.
  const baseIndexes = frames.flatMap((f, i) => (f.step === 0 && faces[i] ? [i] : []));
  const reference = baseIndexes.reduce((best, i) => ((faces[i]?.score ?? 0) > (faces[best]?.score ?? 0) ? i : best));
  const referenceFace = faces[reference] as MeasuredFace;
  for (let i = 0; i < faces.length; i++) {
    const face = faces[i];
    if (face && i !== reference && input.similarity(referenceFace.embedding, face.embedding) < t.sameFace)
      return fail("liveness.same_face", { frame: i, step: frames[i]?.step ?? 0 });
  }
  pass("liveness.same_face");

  const base = {
    yaw: median(baseIndexes.map((i) => faces[i]?.yaw ?? 0)),
    openness: median(baseIndexes.map((i) => faces[i]?.eyeOpenness ?? 0)),
    width: median(baseIndexes.map((i) => faces[i]?.widthShare ?? 0)),
  };
  const present = faces.filter((face): face is MeasuredFace => face !== null);
  const still =
    Math.max(...present.map((f) => Math.abs(f.yaw - base.yaw))) < stillness.yaw &&
    Math.min(...present.map((f) => f.eyeOpenness)) >= stillness.openness * base.openness &&
    Math.max(...present.map((f) => f.widthShare)) <= stillness.width * base.width;
  if (still) return fail("liveness.movement");
  pass("liveness.movement");

  const shows = (action: LivenessAction, face: MeasuredFace): boolean => {
    switch (action) {
      case "turn_left":
        return face.yaw - base.yaw >= t.turn;
      case "turn_right":
        return base.yaw - face.yaw >= t.turn;
      case "blink":
        return face.eyeOpenness <= t.blink * base.openness;
      case "closer":
        return face.widthShare >= t.closer * base.width;
    }
  };
  const stepResults: CheckResult[] = [];
  let outOfOrder: { step: number; action: string } | null = null;
  for (let s = 1; s < steps.length; s++) {
    const action = steps[s] as LivenessAction;
    const seenInStep = frames.some((f, i) => f.step === s && faces[i] && shows(action, faces[i] as MeasuredFace));
    stepResults.push({
      code: "liveness.step_performed",
      status: seenInStep ? "pass" : "fail",
      params: { step: s, action },
    });
    if (!seenInStep && !outOfOrder) {
      const elsewhere = frames.some((f, i) => f.step !== s && faces[i] && shows(action, faces[i] as MeasuredFace));
      if (elsewhere) outOfOrder = { step: s, action };
    }
  }
  if (outOfOrder) checks.push({ code: "liveness.challenge_order", status: "fail", params: outOfOrder });
  else checks.push({ code: "liveness.challenge_order", status: "pass" });
  checks.push(...stepResults);
  if (checks.some((c) => c.status === "fail"))
    return { outcome: "fail", checks, selfieFrame: null, passive: passiveOf(frames) };

  const passive = passiveOf(frames);
  const passiveOk =
    passive.antiSpoof !== null &&
    passive.liveness !== null &&
    passive.antiSpoof >= t.antiSpoof &&
    passive.liveness >= t.liveness;
  checks.push({ code: "liveness.passive_scores", status: passiveOk ? "pass" : "review" });
  return { outcome: "pass", checks, selfieFrame: reference, passive };
}

function passiveOf(frames: readonly LivenessFrame[]): LivenessJudgement["passive"] {
  const faces = frames.flatMap((f) =>
    f.measurement.status === "analysed" && f.measurement.face ? [f.measurement.face] : [],
  );
  const scores = (pick: (face: MeasuredFace) => number | null) =>
    faces.map(pick).filter((value): value is number => value !== null);
  const anti = scores((face) => face.antiSpoof);
  const live = scores((face) => face.liveness);
  return { antiSpoof: anti.length ? median(anti) : null, liveness: live.length ? median(live) : null };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
