import { type Channel, expectOk } from "./apdu.ts";
import { ReaderError } from "./errors.ts";
import { concat, encodeTlv, readTlv, tlvTotalLength } from "./tlv.ts";

/** File identifiers of the LDS (ICAO 9303-10 §3.11, §4.6, §4.7). */
export const FILE_ID = { cardAccess: 0x011c, com: 0x011e, sod: 0x011d, dataGroup: (n: number) => 0x0100 + n } as const;
/** The LDS1 eMRTD application (9303-10 §3.10). */
export const LDS1_AID = Uint8Array.from([0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]);

export type ReadFileOptions = {
  /** Bytes asked per READ BINARY: 223 fits a short protected APDU; readers with extended length take more. */
  chunk?: number;
  /** Files longer than this are refused before they are read (a lying length must not exhaust memory). */
  maxBytes?: number;
};

export const READ_LIMITS = { shortChunk: 0xdf, extendedChunk: 0x0800, maxFileBytes: 512 * 1024 };

export async function selectApplication(channel: Channel, aid: Uint8Array = LDS1_AID): Promise<void> {
  expectOk(await channel.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid }), "SELECT the eMRTD application");
}

/** SELECT an elementary file by its identifier, no answer data (9303-10 §3.11, P1=02 P2=0C). */
export async function selectFile(channel: Channel, fileId: number): Promise<void> {
  expectOk(
    await channel.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fileId >> 8, fileId & 0xff) }),
    `SELECT file ${fileId.toString(16).padStart(4, "0")}`,
  );
}

/**
 * READ BINARY of the selected file: INS B0 with a 15-bit offset in P1-P2, or, beyond 32 767, INS B1
 * with the offset in DO'54' and the data in DO'53' (ISO/IEC 7816-4 §11.3.3; 9303-10 §3.12).
 */
export async function readBinary(channel: Channel, offset: number, length: number): Promise<Uint8Array> {
  if (offset <= 0x7fff) {
    return expectOk(
      await channel.send({ cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, ne: length }),
      "READ BINARY",
    );
  }
  const offsetBytes =
    offset > 0xffff ? [offset >> 16, (offset >> 8) & 0xff, offset & 0xff] : [offset >> 8, offset & 0xff];
  // The answer is DO'53' around the data: ask for its header too.
  const answer = expectOk(
    await channel.send({
      cla: 0,
      ins: 0xb1,
      p1: 0,
      p2: 0,
      data: encodeTlv(0x54, Uint8Array.from(offsetBytes)),
      ne: length + 4,
    }),
    "READ BINARY (odd INS)",
  );
  const tlv = readTlv(answer);
  if (tlv.tag !== 0x53) throw new ReaderError("malformed_response", "READ BINARY beyond 32 KiB did not answer DO'53'");
  return tlv.value;
}

/** Selects and reads a whole file whose content is one BER-TLV element (every LDS file is). */
export async function readFile(channel: Channel, fileId: number, options: ReadFileOptions = {}): Promise<Uint8Array> {
  const chunk = options.chunk ?? READ_LIMITS.shortChunk;
  const maxBytes = options.maxBytes ?? READ_LIMITS.maxFileBytes;
  await selectFile(channel, fileId);
  // Four bytes hold the header of any file under 64 KiB (9303-11 Appendix D reads EF.COM so); a longer
  // length field (83 xx xx xx) needs two more.
  let head = await readBinary(channel, 0, 4);
  if (head.length < 2 || head.length > 4)
    throw new ReaderError("malformed_response", `the file's first read returned ${head.length} bytes`);
  if (head.length === 4 && head[1] === 0x83) head = concat(head, await readBinary(channel, 4, 2));
  const total = tlvTotalLength(head);
  if (total > maxBytes)
    throw new ReaderError("file_too_large", `file ${fileId.toString(16)} says it is ${total} bytes, over ${maxBytes}`);
  const parts: Uint8Array[] = [head.subarray(0, Math.min(head.length, total))];
  let offset = parts[0]?.length ?? 0;
  while (offset < total) {
    const part = await readBinary(channel, offset, Math.min(chunk, total - offset));
    // A card that answers nothing (or more than asked) would loop or overrun: stop it here.
    if (part.length === 0 || part.length > Math.min(chunk, total - offset)) {
      throw new ReaderError("malformed_response", `READ BINARY at ${offset} returned ${part.length} bytes`);
    }
    parts.push(part);
    offset += part.length;
  }
  return concat(...parts);
}
