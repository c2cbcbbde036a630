import { ReaderError } from "./errors.ts";

/** BER-TLV as ISO/IEC 7816-4 uses it (tags of up to 3 bytes, definite lengths of up to 4 bytes). */
export type Tlv = { tag: number; value: Uint8Array; end: number; headerLength: number };

export function readTlv(bytes: Uint8Array, offset = 0, limit = bytes.length): Tlv {
  let i = offset;
  const byte = () => {
    if (i >= limit) throw new ReaderError("malformed_response", "a TLV ends before its header");
    return bytes[i++] as number;
  };
  let tag = byte();
  if ((tag & 0x1f) === 0x1f) {
    let next: number;
    let count = 0;
    do {
      next = byte();
      tag = (tag << 8) | next;
      if (++count > 2) throw new ReaderError("malformed_response", "a TLV tag longer than 3 bytes");
    } while (next & 0x80);
  }
  const first = byte();
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4)
      throw new ReaderError("malformed_response", "a TLV length that is indefinite or over 4 bytes");
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + byte();
  }
  const headerLength = i - offset;
  if (i + length > limit) throw new ReaderError("malformed_response", "a TLV longer than the bytes that hold it");
  return { tag, value: bytes.subarray(i, i + length), end: i + length, headerLength };
}

export function readTlvs(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  for (let i = 0; i < bytes.length; ) {
    const tlv = readTlv(bytes, i);
    out.push(tlv);
    i = tlv.end;
  }
  return out;
}

/** The header's length and the whole element's length from its first bytes (at least 2, up to 6). */
export function tlvTotalLength(head: Uint8Array): number {
  let i = 1;
  if (((head[0] ?? 0) & 0x1f) === 0x1f) while ((head[i++] ?? 0) & 0x80);
  if (i >= head.length) throw new ReaderError("malformed_response", "a file too short for its TLV header");
  const first = head[i++] as number;
  if (!(first & 0x80)) return i + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || i + n > head.length)
    throw new ReaderError("malformed_response", "a file whose TLV length cannot be read");
  let length = 0;
  for (let k = 0; k < n; k++) length = length * 256 + (head[i + k] as number);
  return i + n + length;
}

export function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  if (length < 0x10000) return [0x82, length >> 8, length & 0xff];
  return [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
}

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes =
    tag > 0xffff ? [tag >> 16, (tag >> 8) & 0xff, tag & 0xff] : tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  return Uint8Array.from([...tagBytes, ...encodeLength(value.length), ...value]);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const part of parts) {
    out.set(part, i);
    i += part.length;
  }
  return out;
}
