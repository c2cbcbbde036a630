import type { SharpOptions } from "sharp";
import sharp from "sharp";
import type { RawPixels } from "./measure-pixels.ts";

/**
 * Every sharp instance that reads uploaded bytes is built with these options.
 * - `limitInputPixels`: sharp compares the dimensions the header declares with the limit as it opens the
 *   image, before any pixel is decoded, so a decompression bomb costs a header read.
 * - `failOn: "error"` aborts on truncated or corrupt data but tolerates a lone libjpeg warning (e.g.
 *   "extraneous bytes before marker"), which some phone cameras write into good photos; `"warning"` would
 *   refuse such a camera's every photo, however often the applicant takes it again.
 * - `autoOrient` turns the pixels upright per EXIF orientation (and reports upright dimensions).
 * sharp's `unlimited` stays off, keeping libpng's and libheif's own safety limits.
 */
function untrusted(maxPixels: number): SharpOptions {
  return { limitInputPixels: maxPixels, failOn: "error", autoOrient: true };
}

export type ImageHeader =
  | { kind: "read"; format: string; width: number; height: number }
  | { kind: "too_many_pixels" }
  | { kind: "unreadable" };

/** Reads the header only: the decoder sharp chose, and the upright dimensions. */
export async function readImageHeader(bytes: Uint8Array, maxPixels: number): Promise<ImageHeader> {
  try {
    const metadata = await sharp(bytes, untrusted(maxPixels)).metadata();
    return {
      kind: "read",
      format: metadata.format,
      width: metadata.autoOrient.width,
      height: metadata.autoOrient.height,
    };
  } catch (error) {
    return isPixelLimitError(error) ? { kind: "too_many_pixels" } : { kind: "unreadable" };
  }
}

export type ReencodedImage =
  | { kind: "encoded"; jpeg: Buffer; width: number; height: number }
  | { kind: "too_many_pixels" }
  | { kind: "corrupt" };

/**
 * Decodes every pixel and writes a new JPEG (quality 90), upright, in sRGB (an embedded ICC profile is
 * used for the conversion, then dropped), transparency flattened onto white. sharp writes no metadata
 * unless asked (`keepMetadata`, `withMetadata`, `withExif`…), so EXIF with GPS, XMP, IPTC, ICC and
 * comments are all gone, and so is anything appended after the image data (a ZIP, a script).
 */
export async function reencodeAsJpeg(bytes: Uint8Array, maxPixels: number): Promise<ReencodedImage> {
  try {
    const { data, info } = await sharp(bytes, untrusted(maxPixels))
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .jpeg({ quality: 90 })
      .toBuffer({ resolveWithObject: true });
    return { kind: "encoded", jpeg: data, width: info.width, height: info.height };
  } catch (error) {
    return isPixelLimitError(error) ? { kind: "too_many_pixels" } : { kind: "corrupt" };
  }
}

/**
 * Measures depend on scale (a blur of 6 px is soft on a 1,000 px photo and nearly invisible on a 4,000 px
 * one), so they are taken on a copy that fits in this many pixels per side, never enlarged.
 */
export const analysisMaxSide = 1000;

/** The analysis copy of our own re-encoded JPEG, as raw sRGB pixels. */
export async function analysisPixels(jpeg: Buffer, maxPixels: number): Promise<RawPixels> {
  const { data, info } = await sharp(jpeg, { limitInputPixels: maxPixels })
    .resize({ width: analysisMaxSide, height: analysisMaxSide, fit: "inside", withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * sharp's wording (src/common.cc, "Input image exceeds pixel limit"). The bomb tests assert the code this
 * leads to, so a change of wording in a sharp upgrade shows there instead of silently turning the refusal
 * into `image.decodable`.
 */
function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && error.message.includes("exceeds pixel limit");
}
