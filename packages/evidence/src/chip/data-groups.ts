import { findTag, readTlv } from "../asn1/tlv.ts";

/**
 * Reading the data groups of an eMRTD chip (ICAO 9303-10): DG1's MRZ and DG2's face image.
 * Every reader here is bounded by the bytes given and never throws past its own error type.
 */
export class DataGroupError extends Error {}

/** DG1 (tag 61) → the MRZ lines, split by the document's format (TD1 90, TD2 72, TD3 88 characters). */
export function mrzFromDg1(dg1: Uint8Array): string[] {
  try {
    const outer = readTlv(dg1);
    if (outer.tag !== 0x61) throw new DataGroupError("DG1 does not start with tag 61");
    const mrz = findTag(outer.value, 0x5f1f, 1);
    if (!mrz) throw new DataGroupError("DG1 holds no MRZ (tag 5F1F)");
    const text = Buffer.from(mrz.value).toString("latin1");
    const width = { 90: 30, 72: 36, 88: 44 }[text.length];
    if (!width) throw new DataGroupError(`DG1's MRZ has ${text.length} characters, not 90, 72 or 88`);
    return text.match(new RegExp(`.{${width}}`, "g")) ?? [];
  } catch (error) {
    if (error instanceof DataGroupError) throw error;
    throw new DataGroupError(`DG1 is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export type FaceImage = { format: "jpeg" | "jpeg2000"; bytes: Buffer };

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const JP2 = Buffer.from([0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]);
const J2K = Buffer.from([0xff, 0x4f, 0xff, 0x51]);
const SIGNATURES = [
  ["jpeg", JPEG],
  ["jpeg2000", JP2],
  ["jpeg2000", J2K],
] as const;

/**
 * DG2 (tag 75) → the first face image. The biometric data block (5F2E or 7F2E) holds an ISO/IEC
 * 19794-5 record whose headers vary by issuer; the image is found by its signature (JPEG's SOI, the
 * JPEG 2000 box or codestream marker) rather than by trusting each header's lengths.
 */
export function faceFromDg2(dg2: Uint8Array): FaceImage {
  try {
    const outer = readTlv(dg2);
    if (outer.tag !== 0x75) throw new DataGroupError("DG2 does not start with tag 75");
    const block = findTag(outer.value, 0x5f2e) ?? findTag(outer.value, 0x7f2e);
    if (!block) throw new DataGroupError("DG2 holds no biometric data block (5F2E or 7F2E)");
    const data = Buffer.from(block.value.buffer, block.value.byteOffset, block.value.byteLength);
    // The first of the three signatures; each search after the first stops where the best so far is
    // (a whole-image scan for a signature that is not there cost more than the rest of this reading).
    let first: { format: FaceImage["format"]; at: number } | null = null;
    for (const [format, signature] of SIGNATURES) {
      const within: Buffer = first ? data.subarray(0, first.at + signature.length - 1) : data;
      const at: number = within.indexOf(signature);
      if (at >= 0 && (!first || at < first.at)) first = { format, at };
    }
    if (!first) throw new DataGroupError("DG2's data block holds no JPEG or JPEG 2000 image");
    // A copy: the image outlives the chip's bytes it was read from (it is stored and compared).
    return { format: first.format, bytes: Buffer.from(data.subarray(first.at)) };
  } catch (error) {
    if (error instanceof DataGroupError) throw error;
    throw new DataGroupError(`DG2 is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
