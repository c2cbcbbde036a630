import { type Channel, expectOk } from "./apdu.ts";
import { ReaderError } from "./errors.ts";
import { READ_LIMITS, selectFile } from "./read-file.ts";
import { concat, tlvTotalLength } from "./tlv.ts";

/**
 * Selects an EF by its identifier and reads it whole, plain (no secure messaging), where the file is
 * one BER-TLV element whose header may be up to 6 bytes (the My Number card's `FF20 82 LLLL`, which
 * `readFile`'s 4-byte first read does not hold). The length is checked against `maxBytes` before the
 * body is read, and every answer against what was asked.
 */
export async function readTlvFile(
  channel: Channel,
  fileId: number,
  options: { maxBytes: number; chunk?: number },
): Promise<Uint8Array> {
  await selectFile(channel, fileId);
  const chunk = options.chunk ?? READ_LIMITS.shortChunk;
  const head = await readPlain(channel, 0, 6);
  if (head.length < 2 || head.length > 6)
    throw new ReaderError("malformed_response", `the file's first read returned ${head.length} bytes`);
  const total = tlvTotalLength(head);
  if (total > options.maxBytes) {
    throw new ReaderError(
      "file_too_large",
      `file ${fileId.toString(16).padStart(4, "0")} says it is ${total} bytes, over ${options.maxBytes}`,
    );
  }
  const parts = [head.subarray(0, Math.min(head.length, total))];
  let offset = parts[0]?.length ?? 0;
  while (offset < total) {
    const wanted = Math.min(chunk, total - offset);
    const part = await readPlain(channel, offset, wanted);
    if (part.length === 0 || part.length > wanted)
      throw new ReaderError("malformed_response", `READ BINARY at ${offset} returned ${part.length} bytes`);
    parts.push(part);
    offset += part.length;
  }
  return concat(...parts);
}

async function readPlain(channel: Channel, offset: number, length: number): Promise<Uint8Array> {
  if (offset > 0x7fff) throw new ReaderError("file_too_large", "a file longer than 32 KiB");
  const command = { cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, ne: length };
  const answer = await channel.send(command);
  // 6Cxx: "wrong Le, xx available" (ISO/IEC 7816-3 §12.2.3): ask again for exactly that, once.
  if ((answer.sw & 0xff00) === 0x6c00 && (answer.sw & 0xff) > 0 && (answer.sw & 0xff) < length) {
    return expectOk(await channel.send({ ...command, ne: answer.sw & 0xff }), "READ BINARY");
  }
  return expectOk(answer, "READ BINARY");
}
