import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { createHumanFaceMatcher } from "./human-face-matcher.ts";
import type { FaceBackend } from "./load-human.ts";

/**
 * How fast the face match runs here: model load and warm-up once, then compares one after another
 * (a selfie against a greyscale chip-style crop of the same synthetic face).
 *
 *   npx tsx packages/evidence/src/face/bench-face-match.ts [wasm|cpu] [compares]
 */

const backend = (process.argv[2] ?? "wasm") as FaceBackend;
if (backend !== "wasm" && backend !== "cpu") throw new Error(`backend must be wasm or cpu, not ${backend}`);
const compares = Number(process.argv[3] ?? (backend === "cpu" ? 3 : 20));

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "synthetic-face-a.jpg");
const selfie = readFileSync(fixture);
const chipFace = await sharp(selfie)
  .extract({ left: 96, top: 72, width: 320, height: 410 })
  .resize(240, 308)
  .toColourspace("b-w")
  .jpeg({ quality: 70 })
  .toBuffer();

const created = performance.now();
const matcher = await createHumanFaceMatcher({ backend });
const ready = performance.now() - created;

const times: number[] = [];
const started = performance.now();
for (let i = 0; i < compares; i++) {
  const t = performance.now();
  await matcher.compare(selfie, chipFace);
  times.push(performance.now() - t);
}
const elapsed = performance.now() - started;
times.sort((a, b) => a - b);
const ms = (value: number) => `${value.toFixed(0)} ms`;

console.log(`node ${process.version}, backend ${matcher.model.backend}, ${matcher.model.library}`);
console.log(`model load ${ms(matcher.startup.load)}, warm-up ${ms(matcher.startup.warmUp)}, ready after ${ms(ready)}`);
console.log(
  `${compares} compares: ${((compares * 1000) / elapsed).toFixed(2)} per second, ` +
    `median ${ms(times[Math.floor(times.length / 2)] ?? 0)}, slowest ${ms(times[times.length - 1] ?? 0)}`,
);
