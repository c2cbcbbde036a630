import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { drawFrameJpeg, drawFrameRgb, frameSize, poseFor } from "../fixtures/draw-liveness-frames.ts";
import { createHumanFrameAnalyser } from "./human-frame-analyser.ts";
import { defaultLivenessThresholds, frameSha256, judgeLiveness, type LivenessFrame } from "./judge-liveness.ts";
import type { LivenessStep } from "./liveness-challenge.ts";

/**
 * Can human's passive models (`antispoof`, `liveness`) tell a drawn or printed face from a live one?
 * For each of four drawn faces (seeds 1-4) it scores three kinds of capture, 12 frames each, and
 * judges them as the server does:
 * - "drawn, moving": the drawn face doing the challenge (what the tests' fake camera plays; it passes);
 * - "still photo": the same face held still (a photo held to the camera);
 * - "printed photo": that face as a print on paper, held up: shrunk onto a white sheet with a margin,
 *   in a grey room, a little blurred and washed out, moving as the challenge asks.
 * It prints each kind's median, lowest and highest score, the judgement's outcome, and what the
 * passive models cost per frame and in memory.
 *
 *   npx tsx packages/evidence/src/face/liveness/passive-scores.ts
 */

const steps: LivenessStep[] = ["look_straight", "turn_left", "blink", "closer"];
const analyser = await createHumanFrameAnalyser();
const lean = await createHumanFrameAnalyser({ passive: false });
await analyser.analyse(await drawFrameJpeg(1, {}, 0));
await lean.analyse(await drawFrameJpeg(1, {}, 0));

/** The frame as a print held up: 70% on a white sheet, a grey background, softened and washed out. */
async function printed(seed: number, step: LivenessStep, jitter: number): Promise<Buffer> {
  const rgb = await drawFrameRgb(seed, poseFor(step), jitter);
  const w = Math.round(frameSize.width * 0.7);
  const h = Math.round(frameSize.height * 0.7);
  const photo = await sharp(rgb, { raw: { ...frameSize, channels: 3 } })
    .resize(w, h)
    .modulate({ saturation: 0.8, brightness: 1.05 })
    .linear(0.85, 30)
    .blur(0.8)
    .extend({ top: 12, bottom: 12, left: 12, right: 12, background: "#f4f4f0" })
    .png()
    .toBuffer();
  return sharp({ create: { ...frameSize, channels: 3, background: "#7a7a78" } })
    .composite([{ input: photo, left: Math.round((frameSize.width - w) / 2) - 12, top: 40 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

type Kind = "drawn, moving" | "still photo" | "printed photo";
const frameOf: Record<Kind, (seed: number, step: LivenessStep, jitter: number) => Promise<Buffer>> = {
  "drawn, moving": (seed, step, jitter) => drawFrameJpeg(seed, poseFor(step), jitter),
  "still photo": (seed, _step, jitter) => drawFrameJpeg(seed, {}, jitter),
  "printed photo": printed,
};

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "—");
const rows: string[] = [];
const withPassive: number[] = [];
const without: number[] = [];
const rssBefore = process.memoryUsage().rss;
for (const kind of Object.keys(frameOf) as Kind[]) {
  const anti: number[] = [];
  const live: number[] = [];
  const outcomes: string[] = [];
  for (const seed of [1, 2, 3, 4]) {
    const frames: LivenessFrame[] = [];
    for (let s = 0; s < steps.length; s++) {
      for (const j of [1, 2, 3]) {
        const bytes = await frameOf[kind](seed, steps[s] as LivenessStep, 40 * seed + 3 * s + j);
        const t = performance.now();
        const measurement = await analyser.analyse(bytes);
        withPassive.push(performance.now() - t);
        const u = performance.now();
        await lean.analyse(bytes);
        without.push(performance.now() - u);
        if (measurement.status === "analysed" && measurement.face) {
          if (measurement.face.antiSpoof !== null) anti.push(measurement.face.antiSpoof);
          if (measurement.face.liveness !== null) live.push(measurement.face.liveness);
        }
        frames.push({ step: s, at: 500 + 700 * frames.length, sha256: frameSha256(bytes), measurement });
      }
    }
    const judged = judgeLiveness({
      steps,
      frames,
      seenFrames: new Set(),
      window: 120_000,
      similarity: analyser.similarity,
    });
    const failed = judged.checks.find((c) => c.status === "fail")?.code;
    const passive = judged.checks.find((c) => c.code === "liveness.passive_scores")?.status;
    outcomes.push(judged.outcome === "pass" ? `pass (passive ${passive})` : `fail: ${failed}`);
  }
  rows.push(
    `| ${kind} | ${f2(median(anti))} (${f2(Math.min(...anti))}–${f2(Math.max(...anti))}) | ${f2(median(live))} (${f2(Math.min(...live))}–${f2(Math.max(...live))}) | ${[...new Set(outcomes)].join("; ")} |`,
  );
}
const t = defaultLivenessThresholds;
console.log(`node ${process.version}; thresholds: antispoof ≥ ${t.antiSpoof}, liveness ≥ ${t.liveness} (review below)`);
console.log(
  "| capture (4 faces × 12 frames) | antispoof: median (low–high) | liveness: median (low–high) | judgement |",
);
console.log("| --- | --- | --- | --- |");
for (const row of rows) console.log(row);
console.log(
  `per frame: ${median(withPassive).toFixed(0)} ms with the passive models, ${median(without).toFixed(0)} ms without (medians of ${withPassive.length}); RSS ${(rssBefore / 1048576).toFixed(0)} → ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB with two analysers loaded`,
);
