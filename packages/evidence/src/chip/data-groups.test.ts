import { describe, expect, it } from "vitest";
import { encodeTlv } from "../asn1/tlv.ts";
import { DataGroupError, faceFromDg2 } from "./data-groups.ts";

// DG2 as 9303-10 nests it: 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E biometric data } } }.
function dg2(block: Uint8Array): Buffer {
  const header = encodeTlv(0xa1, Buffer.from([0x80, 0x02, 0x01, 0x01]));
  const template = encodeTlv(0x7f60, Buffer.concat([header, encodeTlv(0x5f2e, block)]));
  return encodeTlv(0x75, encodeTlv(0x7f61, Buffer.concat([Buffer.from([0x02, 0x01, 0x01]), template])));
}

const recordHeader = Buffer.from("FAC\x00010\x00 some ISO 19794-5 header bytes", "latin1");
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const jp2 = Buffer.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]);
const j2k = Buffer.from([0xff, 0x4f, 0xff, 0x51, 0x00, 0x2f]);

describe("faceFromDg2", () => {
  it("finds each format's image after the record's header, and returns it from its first byte", () => {
    for (const [image, format] of [
      [jpeg, "jpeg"],
      [jp2, "jpeg2000"],
      [j2k, "jpeg2000"],
    ] as const) {
      const face = faceFromDg2(dg2(Buffer.concat([recordHeader, image])));
      expect(face.format).toBe(format);
      expect(face.bytes.equals(image)).toBe(true);
    }
  });

  it("takes the signature that comes first when another format's bytes appear later in the image", () => {
    const jp2ThenJpegBytes = Buffer.concat([recordHeader, jp2, jpeg]);
    expect(faceFromDg2(dg2(jp2ThenJpegBytes)).format).toBe("jpeg2000");
    expect(faceFromDg2(dg2(jp2ThenJpegBytes)).bytes.length).toBe(jp2.length + jpeg.length);
    const jpegThenJ2kBytes = Buffer.concat([recordHeader, jpeg, j2k, jp2]);
    expect(faceFromDg2(dg2(jpegThenJ2kBytes)).format).toBe("jpeg");
    // Directly followed by a JPEG's start of image: still the codestream's image.
    const adjacent = Buffer.concat([recordHeader, Buffer.from([0xff, 0x4f, 0xff, 0x51, 0xff, 0xd8, 0xff])]);
    expect(faceFromDg2(dg2(adjacent)).format).toBe("jpeg2000");
  });

  it("returns a copy: changing the chip's bytes afterwards does not change the face", () => {
    const group = dg2(Buffer.concat([recordHeader, jpeg]));
    const face = faceFromDg2(group);
    group.fill(0);
    expect(face.bytes.equals(jpeg)).toBe(true);
  });

  it("refuses a data block without an image", () => {
    expect(() => faceFromDg2(dg2(recordHeader))).toThrow(DataGroupError);
    expect(() => faceFromDg2(dg2(recordHeader))).toThrow(/no JPEG or JPEG 2000 image/);
  });
});
