import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CheckStatus } from "@jitsumei/domain";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { checkFaceMatch, defaultFaceThresholds } from "./check-face-match.ts";
import type { FaceComparison } from "./face-matcher.ts";
import type { HumanFaceMatcher } from "./human-face-matcher.ts";
import { createHumanFaceMatcher } from "./human-face-matcher.ts";
import { loadHumanLibrary } from "./load-human.ts";

/**
 * The real models on the WASM backend, loaded once for the file. The faces are drawings of nobody
 * (fixtures/README.md): they prove the pipeline finds, aligns and compares faces and that the checks
 * follow, not how accurate the model is on real people.
 */

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const faceA = readFileSync(path.join(fixtures, "synthetic-face-a.jpg"));
const faceB = readFileSync(path.join(fixtures, "synthetic-face-b.jpg"));

/** What a chip holds: a small portrait crop, greyscale, strongly compressed. */
const chipStyle = (face: Buffer) =>
  sharp(face)
    .extract({ left: 96, top: 72, width: 320, height: 410 })
    .resize(240, 308)
    .toColourspace("b-w")
    .jpeg({ quality: 70 })
    .toBuffer();

/** A smooth diagonal colour gradient: no face. */
async function gradient(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (255 * x) / width;
      pixels[i + 1] = (255 * y) / height;
      pixels[i + 2] = 128;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
}

/** Seeded noise, blurred into photo-like blotches of colour: no face. */
async function noise(width: number, height: number): Promise<Buffer> {
  let state = 42;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    pixels[i] = state >>> 24;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .blur(3)
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Two people side by side in one picture. */
async function twoFaces(): Promise<Buffer> {
  return sharp({ create: { width: 1024, height: 512, channels: 3, background: "#8090a0" } })
    .composite([
      { input: faceA, left: 0, top: 0 },
      { input: faceB, left: 512, top: 0 },
    ])
    .jpeg()
    .toBuffer();
}

const statuses = (comparison: FaceComparison): Record<string, CheckStatus> =>
  Object.fromEntries(checkFaceMatch(comparison).map((r) => [r.code, r.status]));

let matcher: HumanFaceMatcher;
const processListeners = () => [
  process.listeners("uncaughtException").length,
  process.listeners("unhandledRejection").length,
];
let listenersBefore: number[];

beforeAll(async () => {
  listenersBefore = processListeners();
  matcher = await createHumanFaceMatcher();
});

describe("createHumanFaceMatcher", () => {
  it("loads human's five face models from the installed package on the WASM backend", () => {
    expect(matcher.model.backend).toBe("wasm");
    expect(matcher.model.library).toBe("@vladmandic/human@3.3.6");
    expect(matcher.model.tfjs).toBe("4.22.0");
    expect(matcher.model.models.map((m) => m.name)).toEqual([
      "blazeface",
      "facemesh",
      "faceres",
      "antispoof",
      "liveness",
    ]);
    for (const model of matcher.model.models) expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(matcher.startup.load).toBeGreaterThan(0);
    expect(matcher.startup.warmUp).toBeGreaterThan(0);
  });

  it("leaves no process-wide error listener behind (the WASM module adds two)", () => {
    expect(processListeners()).toEqual(listenersBefore);
  });

  it("refuses a second backend in the same process", async () => {
    await expect(loadHumanLibrary("cpu")).rejects.toThrow(/already loaded on the wasm backend/);
  });
});

describe("images without a face", () => {
  it("finds no face in a gradient or in blurred noise, and says so", async () => {
    for (const image of [await gradient(640, 480), await noise(640, 480)]) {
      const comparison = await matcher.compare(image, image);
      expect(comparison.selfie).toMatchObject({ status: "analysed", faceCount: 0, primaryFace: null });
      expect(comparison.chipFace).toMatchObject({ status: "analysed", faceCount: 0, primaryFace: null });
      expect(comparison).toMatchObject({ similarity: null, liveness: null, antiSpoof: null });
      expect(checkFaceMatch(comparison)).toEqual([
        { code: "face.selfie_readable", status: "pass" },
        { code: "face.detected_in_selfie", status: "fail" },
        { code: "face.chip_photo_readable", status: "pass" },
        { code: "face.detected_in_chip_photo", status: "review" },
      ]);
    }
  });

  it("reports a chip photo without a face next to a selfie with one", async () => {
    const comparison = await matcher.compare(faceA, await gradient(240, 320));
    expect(comparison.selfie).toMatchObject({ faceCount: 1 });
    expect(comparison.liveness).not.toBeNull();
    expect(statuses(comparison)).toMatchObject({
      "face.detected_in_selfie": "pass",
      "face.detected_in_chip_photo": "review",
    });
    expect(statuses(comparison)).not.toHaveProperty("face.matches_chip_photo");
  });
});

describe("synthetic faces", () => {
  it("matches a face with itself exactly", async () => {
    const comparison = await matcher.compare(faceA, faceA);
    expect(comparison.similarity).toBe(1);
    expect(comparison.selfie).toMatchObject({ status: "analysed", format: "jpeg", width: 512, height: 512 });
    expect(comparison.selfie.status === "analysed" && comparison.selfie.faceCount).toBe(1);
    expect(statuses(comparison)).toMatchObject({
      "face.detected_in_selfie": "pass",
      "face.single_face": "pass",
      "face.detected_in_chip_photo": "pass",
      "face.matches_chip_photo": "pass",
    });
  });

  it("matches re-encoded, rotated, resized and upright-by-EXIF copies", async () => {
    const copies = {
      reencoded: await sharp(faceA).jpeg({ quality: 40 }).toBuffer(),
      rotated: await sharp(faceA).rotate(10, { background: "#99a4ac" }).jpeg().toBuffer(),
      resized: await sharp(faceA).resize(200).jpeg().toBuffer(),
      exif: await sharp(faceA).rotate(270).jpeg().withMetadata({ orientation: 6 }).toBuffer(),
    };
    for (const [name, copy] of Object.entries(copies)) {
      const comparison = await matcher.compare(copy, faceA);
      expect(comparison.similarity, name).toBeGreaterThanOrEqual(defaultFaceThresholds.match);
      expect(statuses(comparison)["face.matches_chip_photo"], name).toBe("pass");
    }
  });

  it("matches the colour selfie with a small greyscale chip-style crop of the same face", async () => {
    const comparison = await matcher.compare(faceA, await chipStyle(faceA));
    expect(comparison.chipFace).toMatchObject({ status: "analysed", width: 240, height: 308, faceCount: 1 });
    expect(statuses(comparison)["face.matches_chip_photo"]).toBe("pass");
  });

  it("does not match two different synthetic people, in colour or against a chip-style crop", async () => {
    for (const [selfie, chip] of [
      [faceA, faceB],
      [faceB, faceA],
      [faceA, await chipStyle(faceB)],
    ] as const) {
      const comparison = await matcher.compare(selfie, chip);
      expect(comparison.similarity).not.toBeNull();
      expect(comparison.similarity).toBeLessThan(defaultFaceThresholds.reject);
      expect(statuses(comparison)["face.matches_chip_photo"]).toBe("fail");
    }
  });

  it("counts both faces of a two-person selfie and compares the larger one", async () => {
    const comparison = await matcher.compare(await twoFaces(), faceA);
    expect(comparison.selfie).toMatchObject({ status: "analysed", faceCount: 2 });
    expect(statuses(comparison)["face.single_face"]).toBe("review");
    const bigger = await sharp(await twoFaces())
      .composite([{ input: await sharp(faceB).resize(300).toBuffer(), left: 20, top: 100 }])
      .jpeg()
      .toBuffer();
    const primary = await matcher.compare(bigger, faceA);
    expect(primary.selfie.status === "analysed" && primary.selfie.faceCount).toBeGreaterThanOrEqual(2);
    expect(primary.selfie.status === "analysed" && primary.selfie.primaryFace?.box[0]).toBeGreaterThan(400);
  });

  it("scores the selfie's liveness and anti-spoofing within 0..1", async () => {
    const comparison = await matcher.compare(faceA, faceA);
    for (const value of [comparison.liveness, comparison.antiSpoof]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(["pass", "review"]).toContain(statuses(comparison)["face.live"]);
  });
});

describe("inputs that cannot be compared", () => {
  it("sends a JPEG 2000 chip image to review with its own code, still analysing the selfie", async () => {
    const jp2 = Buffer.concat([
      Buffer.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]),
      Buffer.alloc(200, 1),
    ]);
    const comparison = await matcher.compare(faceA, jp2);
    expect(comparison.chipFace).toEqual({ status: "unsupported_format", format: "jpeg2000" });
    expect(comparison.similarity).toBeNull();
    expect(checkFaceMatch(comparison)).toContainEqual({
      code: "face.chip_photo_readable",
      status: "review",
      params: { format: "jpeg2000" },
    });
    expect(statuses(comparison)["face.detected_in_selfie"]).toBe("pass");
  });

  it("fails a truncated selfie", async () => {
    const comparison = await matcher.compare(faceA.subarray(0, 4000), faceA);
    expect(comparison.selfie).toEqual({ status: "unreadable", format: "jpeg" });
    expect(statuses(comparison)["face.selfie_readable"]).toBe("fail");
  });
});

describe("reuse", () => {
  it("gives the same answers to concurrent calls and leaks no tensors", async () => {
    const { tf } = await loadHumanLibrary("wasm");
    const before = tf.memory().numTensors;
    const [same, different] = await Promise.all([matcher.compare(faceA, faceA), matcher.compare(faceA, faceB)]);
    expect(same.similarity).toBe(1);
    expect(different.similarity).toBeLessThan(defaultFaceThresholds.reject);
    expect(tf.memory().numTensors).toBe(before);
    expect(same.timings.total).toBeGreaterThan(0);
  });
});
