import { createHash } from "node:crypto";
import type { CheckResult, CheckStatus } from "@jitsumei/domain";
import { checkMessages } from "@jitsumei/domain";
import type { Sharp } from "sharp";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { heicDecodingAvailable } from "./detect-image-type.ts";
import { imageCheckStatuses } from "./image-check-codes.ts";
import { defaultImageLimits, resolveImageLimits } from "./image-limits.ts";
import type { ImageInspection, InspectedImage } from "./inspect-image.ts";
import { inspectImage } from "./inspect-image.ts";
import {
  card,
  cardWithGlare,
  craftedPngBomb,
  exifHasGps,
  jpegSegmentMarkers,
  withJpegComment,
  withJpegDimensions,
  withNoise,
} from "./test-images.ts";

/** Inspects, and checks that every result is a documented code × status with a message to show. */
async function inspect(bytes: Uint8Array, options?: Parameters<typeof inspectImage>[1]): Promise<ImageInspection> {
  const result = await inspectImage(bytes, options);
  for (const check of result.checks) expectDocumented(check);
  return result;
}

function expectDocumented(check: CheckResult) {
  const statuses: readonly CheckStatus[] | undefined = Object.hasOwn(imageCheckStatuses, check.code)
    ? imageCheckStatuses[check.code as keyof typeof imageCheckStatuses]
    : undefined;
  expect(statuses, check.code).toBeDefined();
  expect(statuses, check.code).toContain(check.status);
}

function accepted(result: ImageInspection): InspectedImage {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.checks.at(-1))}`);
  return result;
}

/** The check that refused the image: always the last, and the only failure. */
function refusal(result: ImageInspection): CheckResult {
  expect(result.ok).toBe(false);
  expect(result.checks.filter((c) => c.status === "fail")).toHaveLength(1);
  const last = result.checks.at(-1);
  expect(last?.status).toBe("fail");
  return last as CheckResult;
}

const statusOf = (result: ImageInspection, code: string) => result.checks.find((c) => c.code === code)?.status;

let cardJpeg: Buffer;
beforeAll(async () => {
  cardJpeg = await card(1200, 760).jpeg({ quality: 92 }).toBuffer();
});

describe("accepted images", () => {
  it.each([
    ["jpeg", (image: Sharp) => image.jpeg({ quality: 92 })],
    ["png", (image: Sharp) => image.png()],
    ["webp", (image: Sharp) => image.webp({ quality: 92 })],
  ] as const)("passes a sharp, well-lit %s and re-encodes it as a new JPEG", async (format, encode) => {
    const input = await encode(card(1200, 760)).toBuffer();
    const result = accepted(await inspect(input));
    expect(result.format).toBe(format);
    expect(result.checks.map((c) => [c.code, c.status])).toEqual([
      ["image.size_within_limit", "pass"],
      ["image.type_accepted", "pass"],
      ["image.pixels_within_limit", "pass"],
      ["image.resolution_sufficient", "pass"],
      ["image.decodable", "pass"],
      ["image.sharp_enough", "pass"],
      ["image.no_glare", "pass"],
    ]);
    expect(result.checks[1]?.params).toEqual({ format });
    expect([result.width, result.height]).toEqual([1200, 760]);
    expect(result.measures).toMatchObject({ width: 1200, height: 760 });
    expect(result.measures.brightness).toBeGreaterThan(150);
    expect(result.output.format).toBe("jpeg");
    expect(result.output.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(result.output.bytes.equals(input)).toBe(false);
    expect(result.output.sha256).toBe(createHash("sha256").update(result.output.bytes).digest("hex"));
    const output = await sharp(result.output.bytes).metadata();
    expect([output.format, output.width, output.height, output.space, output.channels]).toEqual([
      "jpeg",
      1200,
      760,
      "srgb",
      3,
    ]);
  });

  it("flattens transparency onto white", async () => {
    const transparent = await sharp({ create: { width: 700, height: 700, channels: 4, background: "#0000" } })
      .png()
      .toBuffer();
    const result = accepted(await inspect(transparent));
    const { data } = await sharp(result.output.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 3000))).toBeGreaterThanOrEqual(250);
    expect((await sharp(result.output.bytes).metadata()).hasAlpha).toBe(false);
  });
});

describe("metadata", () => {
  it.each([
    ["jpeg", (image: Sharp) => image.jpeg()],
    ["png", (image: Sharp) => image.png()],
    ["webp", (image: Sharp) => image.webp()],
  ] as const)("drops EXIF with GPS, XMP and ICC from a %s", async (_format, encode) => {
    const input = await encode(
      card(1200, 760)
        .withExif({
          IFD0: { Make: "TestCam", Model: "SECRET-MODEL" },
          IFD3: {
            GPSLatitudeRef: "N",
            GPSLatitude: "35/1 41/1 22/1",
            GPSLongitudeRef: "E",
            GPSLongitude: "139/1 41/1 30/1",
          },
        })
        .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>SECRET-XMP</rdf:RDF></x:xmpmeta>')
        .withIccProfile("p3"),
    ).toBuffer();
    const before = await sharp(input).metadata();
    expect(exifHasGps(before.exif), "the input carries GPS").toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();

    const result = accepted(await inspect(input));
    const after = await sharp(result.output.bytes).metadata();
    expect(exifHasGps(after.exif)).toBe(false);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    // Only the JFIF header, tables, frame and scan: no APP1 (EXIF/XMP), APP2 (ICC), APP13 (IPTC), COM.
    expect(jpegSegmentMarkers(result.output.bytes).filter((m) => m >= 0xe1)).toEqual([]);
    for (const secret of ["SECRET-MODEL", "SECRET-XMP", "TestCam"])
      expect(result.output.bytes.includes(secret), secret).toBe(false);
  });

  it("drops JPEG comments", async () => {
    const input = withJpegComment(cardJpeg, "SECRET-COMMENT written by some editor");
    expect(jpegSegmentMarkers(input)).toContain(0xfe);
    const result = accepted(await inspect(input));
    expect(jpegSegmentMarkers(result.output.bytes)).not.toContain(0xfe);
    expect(result.output.bytes.includes("SECRET-COMMENT")).toBe(false);
  });

  it("turns the picture upright per EXIF orientation, then drops the tag", async () => {
    // Stored landscape 900 × 700 with a red block at the stored top-left; orientation 6 means "rotate
    // 90° clockwise to display", which moves that corner to the top-right of a 700 × 900 portrait.
    const pixels = Buffer.alloc(900 * 700 * 3, 200);
    for (let y = 0; y < 100; y++) for (let x = 0; x < 100; x++) pixels.set([255, 0, 0], (y * 900 + x) * 3);
    const input = await sharp(pixels, { raw: { width: 900, height: 700, channels: 3 } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);

    const result = accepted(await inspect(input));
    expect([result.width, result.height]).toEqual([700, 900]);
    expect(result.checks.find((c) => c.code === "image.resolution_sufficient")?.params).toEqual({
      width: 700,
      height: 900,
      minShortSide: 600,
    });
    const output = sharp(result.output.bytes);
    expect((await output.metadata()).orientation).toBeUndefined();
    const { data, info } = await output.raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    const isRed = ([r, g, b]: number[]) => (r ?? 0) > 200 && (g ?? 255) < 60 && (b ?? 255) < 60;
    expect(isRed(at(info.width - 50, 50)), "top-right").toBe(true);
    expect(isRed(at(50, 50)), "top-left").toBe(false);
  });
});

describe("decompression bombs", () => {
  const time = async (label: string, bytes: Uint8Array) => {
    const rss = process.memoryUsage().rss;
    const start = performance.now();
    const result = await inspect(bytes);
    const ms = performance.now() - start;
    const rssGrowth = (process.memoryUsage().rss - rss) / 1024 / 1024;
    console.info(`${label}: ${bytes.length} bytes refused in ${ms.toFixed(1)} ms (RSS +${rssGrowth.toFixed(1)} MiB)`);
    return result;
  };

  it("refuses a 196-byte PNG whose IHDR declares 30,000 × 30,000 pixels, from the header", async () => {
    const bomb = craftedPngBomb(30_000, 30_000);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width, "the header is valid").toBe(30_000);
    const result = await time("crafted PNG 30000×30000 (900 MP)", bomb);
    expect(refusal(result)).toEqual({
      code: "image.pixels_within_limit",
      status: "fail",
      params: { maxMegapixels: 40 },
    });
  });

  it("refuses a real one-colour PNG of 8,000 × 6,000 pixels (48 MP in ~150 KB)", async () => {
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#ffffff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = await time("sharp-made PNG 8000×6000 (48 MP)", bomb);
    expect(refusal(result).code).toBe("image.pixels_within_limit");
  });

  it("refuses a JPEG whose frame header declares 60,000 × 60,000 pixels", async () => {
    const result = await time("JPEG with SOF 60000×60000", withJpegDimensions(cardJpeg, 60_000, 60_000));
    expect(refusal(result).code).toBe("image.pixels_within_limit");
  });

  it("applies an overridden pixel limit", async () => {
    const result = await inspect(cardJpeg, { maxPixels: 900_000 }); // the card has 912,000
    expect(refusal(result)).toEqual({
      code: "image.pixels_within_limit",
      status: "fail",
      params: { maxMegapixels: 0.9 },
    });
    expect(statusOf(await inspect(cardJpeg, { maxPixels: 912_000 }), "image.pixels_within_limit")).toBe("pass");
  });
});

describe("refused files", () => {
  it("refuses a truncated JPEG whose header is intact", async () => {
    const result = await inspect(cardJpeg.subarray(0, Math.floor(cardJpeg.length / 2)));
    expect(statusOf(result, "image.resolution_sufficient")).toBe("pass");
    expect(refusal(result)).toEqual({ code: "image.decodable", status: "fail", params: { stage: "pixels" } });
  });

  it("refuses a truncated PNG and a JPEG cut inside its header", async () => {
    const png = await card(1200, 760).png().toBuffer();
    expect(refusal(await inspect(png.subarray(0, Math.floor(png.length * 0.6)))).code).toBe("image.decodable");
    expect(refusal(await inspect(cardJpeg.subarray(0, 60)))).toEqual({
      code: "image.decodable",
      status: "fail",
      params: { stage: "header" },
    });
  });

  it("refuses a PDF header followed by a JPEG: the magic bytes say PDF", async () => {
    const polyglot = Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"), cardJpeg]);
    expect(refusal(await inspect(polyglot))).toEqual({
      code: "image.type_accepted",
      status: "fail",
      params: { detected: "application/pdf" },
    });
  });

  it("accepts a JPEG with a ZIP appended, and the re-encoded output no longer carries it", async () => {
    // A JPEG/ZIP polyglot is a valid JPEG (viewers stop at the end-of-image marker) and a valid ZIP
    // (readers look for the central directory from the end). Refusing it would gain nothing: the upload
    // is never kept, and the output is a new JPEG written from decoded pixels, so the payload is gone.
    const zip = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from("payload.sh:rm -rf /;".repeat(20))]);
    const polyglot = Buffer.concat([cardJpeg, zip]);
    const result = accepted(await inspect(polyglot));
    expect(result.output.bytes.includes("PK\x03\x04")).toBe(false);
    expect(result.output.bytes.includes("payload.sh")).toBe(false);
  });

  it.each([
    [
      "a GIF",
      () =>
        sharp({ create: { width: 700, height: 700, channels: 3, background: "red" } })
          .gif()
          .toBuffer(),
      "image/gif",
    ],
    ["an AVIF", () => card(1200, 760).avif().toBuffer(), "image/avif"],
    ["a TIFF", () => card(1200, 760).tiff().toBuffer(), "image/tiff"],
    [
      "an SVG",
      async () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800"/></svg>',
        ),
      "unknown",
    ],
    [
      "an SVG with an XML declaration",
      async () =>
        Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"/>'),
      "application/xml",
    ],
    [
      "a PDF",
      async () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
      "application/pdf",
    ],
    ["plain text", async () => Buffer.from("Family name: YAMADA\nGiven name: TARO\n"), "unknown"],
    ["empty input", async () => Buffer.alloc(0), "empty"],
  ] as const)("refuses %s", async (_name, make, detected) => {
    const result = await inspect(await make());
    expect(refusal(result)).toEqual({ code: "image.type_accepted", status: "fail", params: { detected } });
    expect(result.checks.map((c) => c.code)).toEqual(["image.size_within_limit", "image.type_accepted"]);
  });

  it("refuses HEIC with its own code while this libvips has no HEVC decoder", async () => {
    // An ISO-BMFF `ftyp` box with the major brand `heic`, as an iPhone writes it, and nothing else.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1")]);
    const result = await inspect(heic);
    if (heicDecodingAvailable()) {
      expect(refusal(result).code).toBe("image.decodable");
    } else {
      expect(refusal(result)).toEqual({
        code: "image.heic_supported",
        status: "fail",
        params: { detected: "image/heic" },
      });
    }
  });

  it("refuses a photo shorter than 600 px on a side, and accepts one of exactly 600", async () => {
    const small = await card(599, 900).jpeg().toBuffer();
    expect(refusal(await inspect(small))).toEqual({
      code: "image.resolution_sufficient",
      status: "fail",
      params: { width: 599, height: 900, minShortSide: 600 },
    });
    const enough = await card(600, 900).jpeg().toBuffer();
    expect(statusOf(await inspect(enough), "image.resolution_sufficient")).toBe("pass");
  });

  it("refuses a file over the size limit before looking at it, and accepts one of exactly the limit", async () => {
    const result = await inspect(cardJpeg, { maxBytes: cardJpeg.length - 1 });
    expect(result.checks).toHaveLength(1);
    expect(refusal(result).code).toBe("image.size_within_limit");
    expect(statusOf(await inspect(cardJpeg, { maxBytes: cardJpeg.length }), "image.size_within_limit")).toBe("pass");
    const big = Buffer.concat([cardJpeg, Buffer.alloc(defaultImageLimits.maxBytes)]);
    expect(refusal(await inspect(big))).toEqual({
      code: "image.size_within_limit",
      status: "fail",
      params: { megabytes: 15.2, maxMegabytes: 15 },
    });
  });
});

describe("sharpness", () => {
  it("passes the sharp card and sends its Gaussian-blurred copy (sigma 6) to review", async () => {
    const sharpCard = accepted(await inspect(cardJpeg));
    const blurred = accepted(await inspect(await card(1200, 760, { blur: 6 }).jpeg({ quality: 92 }).toBuffer()));
    expect(sharpCard.checks.find((c) => c.code === "image.sharp_enough")).toEqual({
      code: "image.sharp_enough",
      status: "pass",
      params: { sharpness: sharpCard.measures.sharpness, minSharpness: 100 },
    });
    expect(statusOf(blurred, "image.sharp_enough")).toBe("review");
    // A blurred photo is not refused: a person can still judge it.
    expect(blurred.ok).toBe(true);
  });

  it("calibration: the default threshold (100) passes blurs up to sigma 1.5 and reviews sigma 3 and more", async () => {
    // Sigma 2 is the border (85 clean, about 100 with noise). Camera noise raises the Laplacian of a
    // blurred photo, so each blur is also measured with Gaussian noise (sigma 3 grey levels) added after
    // it, as a sensor would.
    const rows: string[] = [];
    const measured: Record<number, { clean: number; noisy: number }> = {};
    for (const blur of [0, 0.8, 1.5, 2, 3, 4, 6]) {
      const jpeg = await card(1200, 760, { blur }).jpeg({ quality: 92 }).toBuffer();
      const clean = accepted(await inspect(jpeg)).measures.sharpness;
      const noisy = accepted(await inspect(await withNoise(jpeg, 3))).measures.sharpness;
      measured[blur] = { clean, noisy };
      rows.push(`sigma ${blur}: ${clean} (with noise ${noisy})`);
    }
    console.info(`Laplacian variance of the 1200×760 card by Gaussian blur:\n  ${rows.join("\n  ")}`);
    const { minSharpness } = defaultImageLimits;
    for (const blur of [0, 0.8, 1.5]) {
      expect(measured[blur]?.clean, `sigma ${blur}`).toBeGreaterThanOrEqual(minSharpness);
      expect(measured[blur]?.noisy, `sigma ${blur} noisy`).toBeGreaterThanOrEqual(minSharpness);
    }
    for (const blur of [3, 4, 6]) {
      expect(measured[blur]?.clean, `sigma ${blur}`).toBeLessThan(minSharpness);
      expect(measured[blur]?.noisy, `sigma ${blur} noisy`).toBeLessThan(minSharpness);
    }
  });

  it("measures on a copy normalised to 1,000 px, so a large photo is judged at the same scale", async () => {
    // The same card at 2.5× the size: blur of sigma 6 there is sigma 2.4 at analysis size.
    const large = await card(3000, 1900).jpeg({ quality: 92 }).toBuffer();
    const largeBlurred = await card(3000, 1900, { blur: 15 }).jpeg({ quality: 92 }).toBuffer();
    expect(statusOf(accepted(await inspect(large)), "image.sharp_enough")).toBe("pass");
    expect(statusOf(accepted(await inspect(largeBlurred)), "image.sharp_enough")).toBe("review");
  });
});

describe("glare", () => {
  it("sends a photo with a large blown-out white area to review", async () => {
    const result = accepted(await inspect(await cardWithGlare(1200, 760, 0.1)));
    const check = result.checks.find((c) => c.code === "image.no_glare");
    expect(check?.status).toBe("review");
    expect(check?.params?.maxGlarePercent).toBe(2);
    expect(check?.params?.glarePercent).toBeGreaterThan(9);
    expect(check?.params?.glarePercent).toBeLessThan(11);
    expect(result.measures.glareShare).toBeCloseTo(0.1, 2);
  });

  it("calibration: passes a 1 % white spot, reviews 3 %, with the default threshold of 2 %", async () => {
    const shares: string[] = [];
    for (const [share, expected] of [
      [0, "pass"],
      [0.01, "pass"],
      [0.03, "review"],
    ] as const) {
      const result = accepted(await inspect(await cardWithGlare(1200, 760, share)));
      shares.push(`${share * 100} % drawn → ${(result.measures.glareShare * 100).toFixed(2)} % measured`);
      expect(statusOf(result, "image.no_glare"), `${share}`).toBe(expected);
    }
    console.info(`Glare share of the card with a white ellipse:\n  ${shares.join("\n  ")}`);
  });

  it("does not take a light, evenly lit background for glare", async () => {
    const pale = await sharp({
      create: { width: 800, height: 800, channels: 3, background: { r: 245, g: 245, b: 245 } },
    })
      .jpeg()
      .toBuffer();
    const result = accepted(await inspect(pale));
    expect(result.measures.glareShare).toBe(0);
    expect(result.measures.brightness).toBeCloseTo(245, 0);
  });
});

describe("limits and messages", () => {
  it("refuses invalid limits, which are a configuration error", async () => {
    expect(() => resolveImageLimits({ maxPixels: 0 })).toThrow(RangeError);
    expect(() => resolveImageLimits({ maxBytes: 1.5 })).toThrow(/maxBytes/);
    expect(() => resolveImageLimits({ maxGlareShare: 2 })).toThrow(/maxGlareShare/);
    expect(() => resolveImageLimits({ minSharpness: Number.NaN })).toThrow(/minSharpness/);
    await expect(inspectImage(cardJpeg, { minShortSide: -1 })).rejects.toThrow(RangeError);
    expect(resolveImageLimits({ maxBytes: undefined, minShortSide: 800 })).toEqual({
      ...defaultImageLimits,
      minShortSide: 800,
    });
  });

  it("has a message for every code and status the checks produce, and none for others", () => {
    for (const [code, statuses] of Object.entries(imageCheckStatuses)) {
      expect(Object.keys(checkMessages[code] ?? {}).sort(), code).toEqual([...statuses].sort());
    }
  });
});
