import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

/** Formats accepted as uploads. Everything else (PDF, GIF, SVG, AVIF, TIFF, RAW, text…) is refused. */
export type AcceptedImageFormat = "jpeg" | "png" | "webp" | "heic" | "heif";

/** `detected` is the MIME type the magic bytes name, `unknown` when none, `empty` for no bytes. */
export type ImageTypeDetection =
  | { kind: "accepted"; format: AcceptedImageFormat }
  | { kind: "heic_unsupported"; detected: string }
  | { kind: "refused"; detected: string };

const acceptedMimeTypes: Readonly<Record<string, AcceptedImageFormat>> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "image/heif": "heif",
};

/**
 * Whether sharp's libvips can decode HEVC-coded HEIF (iPhone photos). libvips lists `.heic` among the
 * heifload suffixes only when libheif has an HEVC decoder; the prebuilt sharp binaries carry AV1 (AVIF)
 * only, for patent reasons, and list `.avif` alone.
 */
export function heicDecodingAvailable(): boolean {
  const heif = sharp.format.heif;
  return heif?.input.buffer === true && (heif.input.fileSuffix ?? []).includes(".heic");
}

/**
 * Decides the type by magic bytes (file-type), never by a file name or a declared content type. A
 * polyglot is whatever its first bytes say: a PDF header followed by a JPEG is a PDF and refused.
 */
export async function detectImageType(bytes: Uint8Array): Promise<ImageTypeDetection> {
  if (bytes.length === 0) return { kind: "refused", detected: "empty" };
  let mime: string | undefined;
  try {
    mime = (await fileTypeFromBuffer(bytes))?.mime;
  } catch {
    // A detector that trips over hostile bytes has not recognised an image.
    mime = undefined;
  }
  const detected = mime ?? "unknown";
  const format = Object.hasOwn(acceptedMimeTypes, detected) ? acceptedMimeTypes[detected] : undefined;
  if (format === undefined) return { kind: "refused", detected };
  if ((format === "heic" || format === "heif") && !heicDecodingAvailable())
    return { kind: "heic_unsupported", detected };
  return { kind: "accepted", format };
}
