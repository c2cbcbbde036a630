import sharp from "sharp";
import type { ImageFormat } from "./face-matcher.ts";

/**
 * Turns image bytes into upright RGB pixels for the face models, with sharp. The bytes come from the
 * applicant (selfie) or from a chip not yet authenticated, so every decoder runs with limits.
 */

export type RgbImage = {
  /** Interleaved R, G, B bytes, row by row: width × height × 3. */
  pixels: Uint8Array;
  width: number;
  height: number;
  /** Upright dimensions as decoded, before `maxSide` scaled them down. */
  originalWidth: number;
  originalHeight: number;
};

export type ReadFaceImage =
  | { kind: "decoded"; format: ImageFormat; image: RgbImage }
  | { kind: "unsupported_format"; format: ImageFormat }
  | { kind: "unreadable"; format: ImageFormat };

export type ReadFaceImageOptions = {
  /** Refuse images declaring more pixels than this (checked on the header, before decoding). */
  maxPixels: number;
  /** Scale the longer side down to this many pixels: the models see faces at 256 px or less. */
  maxSide: number;
};

const signatures: readonly { format: ImageFormat; offset: number; bytes: readonly number[] }[] = [
  { format: "jpeg", offset: 0, bytes: [0xff, 0xd8, 0xff] },
  // JPEG 2000: the JP2 file's signature box, or a bare codestream (SOC then SIZ), both found in chips' DG2.
  { format: "jpeg2000", offset: 0, bytes: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a] },
  { format: "jpeg2000", offset: 0, bytes: [0xff, 0x4f, 0xff, 0x51] },
  { format: "png", offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: "webp", offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  { format: "heif", offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
];

/** The format by its signature; "unknown" for anything else. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat {
  for (const { format, offset, bytes: signature } of signatures) {
    if (bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b)) return format;
  }
  return "unknown";
}

/** Whether this sharp build decodes JPEG 2000 (the prebuilt one has no OpenJPEG; a custom libvips may). */
export function canDecodeJpeg2000(): boolean {
  return sharp.format.jp2?.input?.buffer === true;
}

export async function readFaceImage(bytes: Uint8Array, options: ReadFaceImageOptions): Promise<ReadFaceImage> {
  const format = sniffImageFormat(bytes);
  if (format === "unknown") return { kind: "unsupported_format", format };
  if (format === "jpeg2000" && !canDecodeJpeg2000()) return { kind: "unsupported_format", format };
  try {
    // failOn "error": truncated or corrupt data is refused, a lone libjpeg warning (some phone
    // cameras write one into good photos) is not. autoOrient: selfies carry their EXIF rotation.
    const input = sharp(bytes, { limitInputPixels: options.maxPixels, failOn: "error", autoOrient: true });
    const metadata = await input.metadata();
    const { data, info } = await input
      .resize({ width: options.maxSide, height: options.maxSide, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      // A greyscale chip photo becomes three equal channels, as the models expect.
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return { kind: "unreadable", format };
    return {
      kind: "decoded",
      format,
      image: {
        pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        width: info.width,
        height: info.height,
        originalWidth: metadata.autoOrient.width,
        originalHeight: metadata.autoOrient.height,
      },
    };
  } catch {
    // sharp's errors are untyped strings; every one here means these bytes cannot be used as they are.
    return { kind: "unreadable", format };
  }
}
