/**
 * Images generated for the tests (no binary fixtures, no real people) and small byte-level tools to
 * craft hostile files and read metadata back. Used by the *.test.ts files beside it only.
 */
import { deflateSync } from "node:zlib";
import type { Sharp } from "sharp";
import sharp from "sharp";

/** A seeded generator (mulberry32), so every run draws the same pattern. */
function seeded(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

export type Rgb = readonly [number, number, number];

/**
 * Raw RGB pixels of a made-up identity card: an off-white background (not glare), lines of text-like
 * dark glyphs whose size scales with the image, and a smooth "photo" area. Sharp-edged on purpose.
 */
export function cardPixels(width: number, height: number, seed = 1): Buffer {
  const random = seeded(seed);
  const pixels = Buffer.alloc(width * height * 3);
  const paint = (x0: number, y0: number, w: number, h: number, colour: Rgb) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) pixels.set(colour, (y * width + x) * 3);
    }
  };
  paint(0, 0, width, height, [228, 224, 214]);
  const photo = { x: Math.round(width * 0.66), y: Math.round(height * 0.25), w: Math.round(width * 0.28) };
  const photoHeight = Math.round(height * 0.5);
  for (let y = 0; y < photoHeight; y++) {
    for (let x = 0; x < photo.w; x++) {
      const v = 140 + 70 * Math.sin(x / 17) * Math.cos(y / 23);
      pixels.set([clamp(v), clamp(v - 10), clamp(v - 25)], ((photo.y + y) * width + photo.x + x) * 3);
    }
  }
  const glyph = Math.max(8, Math.round(height / 40));
  const stroke = Math.max(1, Math.round(glyph / 7));
  for (let line = 0, y = Math.round(height * 0.08); line < 12 && y + glyph < height; line++) {
    for (let x = Math.round(width * 0.05); x < width * 0.6; ) {
      const w = Math.round(glyph * (0.45 + random() * 0.3));
      if (random() < 0.15) {
        x += w * 2;
        continue;
      }
      const ink: Rgb = [30, 32, 45];
      paint(x, y, stroke, glyph, ink);
      if (random() < 0.6) paint(x + w - stroke, y, stroke, glyph, ink);
      for (const at of [0, 0.5, 1]) if (random() < 0.5) paint(x, y + Math.round((glyph - stroke) * at), w, stroke, ink);
      x += w + Math.max(2, Math.round(glyph * 0.25));
    }
    y += Math.round(glyph * 2.2);
  }
  return pixels;
}

/** The card as a sharp pipeline, optionally blurred (Gaussian, sigma in pixels). */
export function card(width: number, height: number, options: { blur?: number; seed?: number } = {}): Sharp {
  const image = sharp(cardPixels(width, height, options.seed), { raw: { width, height, channels: 3 } });
  return options.blur ? image.blur(options.blur) : image;
}

/** The card with a blown-out white ellipse (a flash reflection) covering about `share` of the image. */
export async function cardWithGlare(width: number, height: number, share: number): Promise<Buffer> {
  const pixels = cardPixels(width, height);
  // An ellipse with the image's aspect ratio: area π·a·b = share·w·h with a/b = w/h.
  const a = Math.sqrt((share * width * width) / Math.PI);
  const b = (a * height) / width;
  const cx = width * 0.4;
  const cy = height * 0.45;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 <= 1) pixels.set([255, 255, 255], (y * width + x) * 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** Adds Gaussian sensor-like noise (standard deviation in grey levels) to an image, returned as PNG. */
export async function withNoise(image: Buffer, sigma: number, seed = 7): Promise<Buffer> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const random = seeded(seed);
  const noisy = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) {
    // Box–Muller
    const n = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    noisy[i] = clamp((data[i] ?? 0) + sigma * n);
  }
  return sharp(noisy, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .png()
    .toBuffer();
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid-looking greyscale PNG whose IHDR (with a correct CRC) declares `width` × `height`, followed by a
 * few rows of compressed data: a decoder that trusted the header would allocate width × height bytes.
 */
export function craftedPngBomb(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", rows),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

/** The JPEG markers (0xE0 APP0 … 0xFE COM) of the segments before the image data. */
export function jpegSegmentMarkers(jpeg: Uint8Array): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1] ?? 0;
    markers.push(marker);
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    at += 2 + (((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0));
  }
  return markers;
}

/** Inserts a COM (comment) segment right after the SOI marker of a JPEG. */
export function withJpegComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, "latin1");
  const header = Buffer.from([0xff, 0xfe, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

/** Rewrites the dimensions in a baseline JPEG's SOF0 segment (the header then lies about the size). */
export function withJpegDimensions(jpeg: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg);
  const sof = copy.indexOf(Buffer.from([0xff, 0xc0]));
  if (sof < 0) throw new Error("no SOF0 segment");
  copy.writeUInt16BE(height, sof + 5);
  copy.writeUInt16BE(width, sof + 7);
  return copy;
}

/**
 * Whether a raw EXIF block (as sharp's metadata() returns it, starting "Exif\0\0") has a GPS IFD: IFD0
 * carries tag 0x8825 (GPSInfo) pointing at it, and that IFD has at least one entry.
 */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (exif === undefined) return false;
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let i = 0, n = u16(ifd0); i < n; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (u16(entry) === 0x8825) return u16(u32(entry + 8)) > 0;
  }
  return false;
}
