import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { canDecodeJpeg2000, readFaceImage, sniffImageFormat } from "./read-face-image.ts";

const limits = { maxPixels: 40_000_000, maxSide: 1280 };
const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 120, b: 40, alpha: 0.5 } } });
/** A JP2 file's signature box and file-type box, then bytes no decoder here reads. */
const jp2 = Buffer.concat([
  Buffer.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]),
  Buffer.from("\x00\x00\x00\x14ftypjp2 \x00\x00\x00\x00jp2 ", "latin1"),
  Buffer.alloc(64, 7),
]);

describe("sniffImageFormat", () => {
  it("names formats by their signature", async () => {
    expect(sniffImageFormat(await solid(4, 4).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffImageFormat(await solid(4, 4).png().toBuffer())).toBe("png");
    expect(sniffImageFormat(await solid(4, 4).webp().toBuffer())).toBe("webp");
    expect(sniffImageFormat(jp2)).toBe("jpeg2000");
    expect(sniffImageFormat(Buffer.from([0xff, 0x4f, 0xff, 0x51, 0, 0]))).toBe("jpeg2000");
    expect(sniffImageFormat(Buffer.from("GIF89a"))).toBe("unknown");
    expect(sniffImageFormat(new Uint8Array(0))).toBe("unknown");
  });
});

describe("readFaceImage", () => {
  it("decodes a JPEG into RGB pixels", async () => {
    const read = await readFaceImage(await solid(40, 30).jpeg().toBuffer(), limits);
    expect(read.kind).toBe("decoded");
    if (read.kind !== "decoded") return;
    expect(read.image).toMatchObject({ width: 40, height: 30, originalWidth: 40, originalHeight: 30 });
    expect(read.image.pixels.length).toBe(40 * 30 * 3);
  });

  it("gives a one-channel greyscale chip photo three channels", async () => {
    const grey = await solid(20, 24).toColourspace("b-w").jpeg().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const read = await readFaceImage(grey, limits);
    expect(read.kind === "decoded" && read.image.pixels.length).toBe(20 * 24 * 3);
  });

  it("flattens transparency", async () => {
    const read = await readFaceImage(await solid(10, 10, 4).png().toBuffer(), limits);
    expect(read.kind === "decoded" && read.image.pixels.length).toBe(10 * 10 * 3);
  });

  it("scales the longer side down to maxSide, keeping the original size", async () => {
    const read = await readFaceImage(await solid(400, 200).jpeg().toBuffer(), { ...limits, maxSide: 100 });
    expect(read.kind === "decoded" && read.image).toMatchObject({
      width: 100,
      height: 50,
      originalWidth: 400,
      originalHeight: 200,
    });
  });

  it("turns the pixels upright by the EXIF orientation", async () => {
    const sideways = await solid(40, 30).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const read = await readFaceImage(sideways, limits);
    expect(read.kind === "decoded" && read.image).toMatchObject({ width: 30, height: 40 });
  });

  it("refuses an image declaring more pixels than allowed, before decoding it", async () => {
    const read = await readFaceImage(await solid(100, 100).png().toBuffer(), { ...limits, maxPixels: 5_000 });
    expect(read).toEqual({ kind: "unreadable", format: "png" });
  });

  it("reports truncated and unknown bytes without throwing", async () => {
    const jpeg = await solid(64, 64).jpeg().toBuffer();
    expect(await readFaceImage(jpeg.subarray(0, 200), limits)).toEqual({ kind: "unreadable", format: "jpeg" });
    expect(await readFaceImage(Buffer.from("not an image at all"), limits)).toEqual({
      kind: "unsupported_format",
      format: "unknown",
    });
  });

  it("reports JPEG 2000 as unsupported while this sharp has no JPEG 2000 decoder", async () => {
    expect(canDecodeJpeg2000()).toBe(false);
    expect(await readFaceImage(jp2, limits)).toEqual({ kind: "unsupported_format", format: "jpeg2000" });
  });
});
