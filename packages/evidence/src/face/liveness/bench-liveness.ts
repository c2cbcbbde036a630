import { performance } from "node:perf_hooks";
import { drawFrameJpeg, poseFor } from "../fixtures/draw-liveness-frames.ts";
import { createHumanFrameAnalyser } from "./human-frame-analyser.ts";
import { frameSha256, judgeLiveness, type LivenessFrame } from "./judge-liveness.ts";
import type { LivenessStep } from "./liveness-challenge.ts";

/**
 * What the liveness judgement costs here: the analyser's start (models loaded), memory, the time per
 * frame with and without human's passive models (antispoof, liveness), and a whole challenge as the
 * site sends it (4 steps × 3 frames of 640 × 480 JPEG) measured and judged.
 *
 *   npx tsx packages/evidence/src/face/liveness/bench-liveness.ts [challenges]
 */

const challenges = Number(process.argv[2] ?? 5);
const steps: LivenessStep[] = ["look_straight", "turn_left", "blink", "closer"];
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const memory = () => process.memoryUsage();

const before = memory();
const started = performance.now();
const analyser = await createHumanFrameAnalyser();
const first = await drawFrameJpeg(1, {}, 0);
await analyser.analyse(first); // the first frame compiles the WASM kernels' shapes
const ready = performance.now() - started;
const loaded = memory();

const sets: { bytes: Buffer; step: number }[][] = [];
for (let c = 0; c < challenges; c++) {
  const set: { bytes: Buffer; step: number }[] = [];
  for (let s = 0; s < steps.length; s++) {
    for (const j of [1, 2, 3])
      set.push({ bytes: await drawFrameJpeg(1, poseFor(steps[s] as LivenessStep), 100 * c + 3 * s + j), step: s });
  }
  sets.push(set);
}

const perFrame: number[] = [];
const perChallenge: number[] = [];
let peakRss = loaded.rss;
for (const set of sets) {
  const t = performance.now();
  const frames: LivenessFrame[] = [];
  for (const [i, frame] of set.entries()) {
    const f = performance.now();
    const measurement = await analyser.analyse(frame.bytes);
    perFrame.push(performance.now() - f);
    frames.push({ step: frame.step, at: 500 + 700 * i, sha256: frameSha256(frame.bytes), measurement });
  }
  const judgement = judgeLiveness({
    steps,
    frames,
    seenFrames: new Set(),
    window: 120_000,
    similarity: analyser.similarity,
  });
  if (judgement.outcome !== "pass")
    throw new Error(`the bench's live challenge failed: ${JSON.stringify(judgement.checks)}`);
  perChallenge.push(performance.now() - t);
  peakRss = Math.max(peakRss, memory().rss);
}

const withoutPassive = await createHumanFrameAnalyser({ passive: false });
await withoutPassive.analyse(first);
const lean: number[] = [];
for (const set of sets) {
  for (const frame of set) {
    const f = performance.now();
    await withoutPassive.analyse(frame.bytes);
    lean.push(performance.now() - f);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;
console.log(`node ${process.version}, ${analyser.model.library}, backend ${analyser.model.backend}`);
console.log(
  `start (models loaded, first frame): ${ms(ready)}; RSS ${mb(before.rss)} → ${mb(loaded.rss)}, peak ${mb(peakRss)}`,
);
console.log(`per frame (${perFrame.length}): median ${ms(median(perFrame))}, p95 ${ms(p95(perFrame))}`);
console.log(`per frame without antispoof+liveness (${lean.length}): median ${ms(median(lean))}, p95 ${ms(p95(lean))}`);
console.log(
  `per challenge of 12 frames (${perChallenge.length}): median ${ms(median(perChallenge))}, slowest ${ms(Math.max(...perChallenge))}`,
);
