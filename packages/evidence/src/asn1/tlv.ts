/**
 * BER-TLV as the ICAO LDS uses it (ISO/IEC 7816-4): one- or two-byte tags, definite lengths of up
 * to four bytes. Reading is bounded: a length running past the data, a tag or length that does not
 * fit, or nesting deeper than `maxDepth` is an error, never an over-read or a long loop.
 */
export type Tlv = { tag: number; value: Uint8Array; constructed: boolean; start: number; end: number };

export class TlvError extends Error {}

export function readTlv(data: Uint8Array, offset = 0): Tlv {
  // No closure here: this runs for every element of every SOD, and a closure per call showed in profiles.
  let p = offset;
  need(data, p, 1);
  const first = data[p++] as number;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    need(data, p, 1);
    const second = data[p++] as number;
    if (second & 0x80) throw new TlvError("tags longer than two bytes are not used in the LDS");
    tag = (first << 8) | second;
  }
  need(data, p, 1);
  let length = data[p++] as number;
  if (length === 0x80) throw new TlvError("indefinite lengths are not allowed");
  if (length > 0x80) {
    const count = length & 0x7f;
    if (count > 4) throw new TlvError("length field too long");
    need(data, p, count);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (data[p++] as number);
  }
  need(data, p, length);
  return {
    tag,
    // A plain view, not `subarray`: on a Buffer that makes a Buffer through Node's subclass, several
    // times slower, and this runs for every element read (callers wrap a value as a Buffer when needed).
    value: new Uint8Array(data.buffer, data.byteOffset + p, length),
    constructed: (first & 0x20) !== 0,
    start: offset,
    end: p + length,
  };
}

function need(data: Uint8Array, p: number, n: number): void {
  if (p + n > data.length) throw new TlvError(`truncated at byte ${p}`);
}

/** The children of a constructed value, in order. */
export function readChildren(value: Uint8Array, maxChildren = 64): Tlv[] {
  const children: Tlv[] = [];
  let offset = 0;
  while (offset < value.length) {
    if (children.length >= maxChildren) throw new TlvError("too many elements");
    // Padding bytes (00 or FF) may follow the last element in some chips.
    if (value[offset] === 0x00 || value[offset] === 0xff) break;
    const tlv = readTlv(value, offset);
    children.push(tlv);
    offset = tlv.end;
  }
  return children;
}

/** Finds the first element with `tag` at any depth up to `maxDepth`. */
export function findTag(value: Uint8Array, tag: number, maxDepth = 6): Tlv | null {
  if (maxDepth < 0) throw new TlvError("nested too deep");
  for (const child of readChildren(value)) {
    if (child.tag === tag) return child;
    if (child.constructed) {
      const found = findTag(child.value, tag, maxDepth - 1);
      if (found) return found;
    }
  }
  return null;
}

export function encodeTlv(tag: number, value: Uint8Array): Buffer {
  const tagBytes = tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  const n = value.length;
  const lengthBytes =
    n < 0x80
      ? [n]
      : n < 0x100
        ? [0x81, n]
        : n < 0x10000
          ? [0x82, n >> 8, n & 0xff]
          : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from(tagBytes), Buffer.from(lengthBytes), value]);
}
