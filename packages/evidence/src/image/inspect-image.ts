import { createHash } from "node:crypto";
import type { CheckResult } from "@jitsumei/domain";
import { analysisPixels, readImageHeader, reencodeAsJpeg } from "./decode-image.ts";
import type { AcceptedImageFormat } from "./detect-image-type.ts";
import { detectImageType } from "./detect-image-type.ts";
import type { ImageCheckCode } from "./image-check-codes.ts";
import type { ImageLimits } from "./image-limits.ts";
import { resolveImageLimits } from "./image-limits.ts";
import { measurePixels } from "./measure-pixels.ts";

/** Findings about an accepted image, measured on the re-encoded output (see decode-image.ts). */
export type ImageMeasures = {
  /** Upright dimensions of the output, in pixels. */
  width: number;
  height: number;
  /** Variance of the Laplacian of luma on the analysis copy (≤ 1,000 px a side); higher is sharper. */
  sharpness: number;
  /** Share (0–1) of pixels at ≥ 250 on every channel. */
  glareShare: number;
  /** Mean luma, 0–255. */
  brightness: number;
};

export type InspectedImage = {
  ok: true;
  /** The input's format, by magic bytes. */
  format: AcceptedImageFormat;
  width: number;
  height: number;
  /** The only bytes to keep: a new JPEG without metadata. The upload itself should be discarded. */
  output: { bytes: Buffer; format: "jpeg"; sha256: string };
  measures: ImageMeasures;
  /** Every check run, in order; none failed, some may ask for review. */
  checks: CheckResult[];
};

export type RefusedImage = {
  ok: false;
  /** The checks run up to and including the first that failed. */
  checks: CheckResult[];
};

export type ImageInspection = InspectedImage | RefusedImage;

type ImageCheckResult = CheckResult & { code: ImageCheckCode };

const mebibyte = 1024 * 1024;
const sharpFormatOf: Readonly<Record<AcceptedImageFormat, string>> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  heic: "heif",
  heif: "heif",
};

/**
 * Image hygiene for every uploaded image (document photos, selfies): refuses what is not a usable photo,
 * and re-encodes what is into a clean JPEG with its measures. Never rejects for any input bytes; throws
 * only for invalid `options` (a configuration error, see resolveImageLimits).
 */
export async function inspectImage(bytes: Uint8Array, options?: Partial<ImageLimits>): Promise<ImageInspection> {
  const limits = resolveImageLimits(options);
  const checks: ImageCheckResult[] = [];
  try {
    return await inspect(bytes, limits, checks);
  } catch {
    // Every failure we know of is mapped to its check below. This net keeps the promise from rejecting
    // whatever the bytes; the tests assert that the stage never appears for the inputs they generate.
    return refused(checks, { code: "image.decodable", status: "fail", params: { stage: "unexpected" } });
  }
}

async function inspect(bytes: Uint8Array, limits: ImageLimits, checks: ImageCheckResult[]): Promise<ImageInspection> {
  const sizeParams = {
    megabytes: Math.ceil((bytes.length / mebibyte) * 10) / 10,
    maxMegabytes: Math.floor((limits.maxBytes / mebibyte) * 10) / 10,
  };
  if (bytes.length > limits.maxBytes)
    return refused(checks, { code: "image.size_within_limit", status: "fail", params: sizeParams });
  checks.push({ code: "image.size_within_limit", status: "pass", params: sizeParams });

  const type = await detectImageType(bytes);
  if (type.kind === "refused")
    return refused(checks, { code: "image.type_accepted", status: "fail", params: { detected: type.detected } });
  if (type.kind === "heic_unsupported")
    return refused(checks, { code: "image.heic_supported", status: "fail", params: { detected: type.detected } });
  checks.push({ code: "image.type_accepted", status: "pass", params: { format: type.format } });

  const maxMegapixels = round(limits.maxPixels / 1e6, 1);
  const header = await readImageHeader(bytes, limits.maxPixels);
  if (header.kind === "too_many_pixels")
    return refused(checks, { code: "image.pixels_within_limit", status: "fail", params: { maxMegapixels } });
  // The decoder sharp picked must be the one the magic bytes named, or the bytes are not what they seem.
  if (header.kind === "unreadable" || header.format !== sharpFormatOf[type.format])
    return refused(checks, { code: "image.decodable", status: "fail", params: { stage: "header" } });
  const megapixels = round((header.width * header.height) / 1e6, 1);
  checks.push({ code: "image.pixels_within_limit", status: "pass", params: { megapixels, maxMegapixels } });

  const resolutionParams = { width: header.width, height: header.height, minShortSide: limits.minShortSide };
  if (Math.min(header.width, header.height) < limits.minShortSide)
    return refused(checks, { code: "image.resolution_sufficient", status: "fail", params: resolutionParams });
  checks.push({ code: "image.resolution_sufficient", status: "pass", params: resolutionParams });

  const encoded = await reencodeAsJpeg(bytes, limits.maxPixels);
  if (encoded.kind === "too_many_pixels")
    return refused(checks, { code: "image.pixels_within_limit", status: "fail", params: { maxMegapixels } });
  if (encoded.kind === "corrupt")
    return refused(checks, { code: "image.decodable", status: "fail", params: { stage: "pixels" } });
  checks.push({ code: "image.decodable", status: "pass" });

  const pixels = measurePixels(await analysisPixels(encoded.jpeg, limits.maxPixels));
  const measures: ImageMeasures = {
    width: encoded.width,
    height: encoded.height,
    sharpness: round(pixels.sharpness, 1),
    glareShare: round(pixels.glareShare, 4),
    brightness: round(pixels.brightness, 1),
  };
  checks.push({
    code: "image.sharp_enough",
    status: measures.sharpness >= limits.minSharpness ? "pass" : "review",
    params: { sharpness: measures.sharpness, minSharpness: limits.minSharpness },
  });
  checks.push({
    code: "image.no_glare",
    status: measures.glareShare <= limits.maxGlareShare ? "pass" : "review",
    params: {
      glarePercent: round(measures.glareShare * 100, 1),
      maxGlarePercent: round(limits.maxGlareShare * 100, 1),
    },
  });

  return {
    ok: true,
    format: type.format,
    width: encoded.width,
    height: encoded.height,
    output: { bytes: encoded.jpeg, format: "jpeg", sha256: createHash("sha256").update(encoded.jpeg).digest("hex") },
    measures,
    checks,
  };
}

function refused(checks: readonly ImageCheckResult[], failure: ImageCheckResult): RefusedImage {
  return { ok: false, checks: [...checks, failure] };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
