import { readTlv, type Tlv } from "./tlv.ts";

/**
 * A strict, one-pass DER reader for the few structures read on every verification (a CMS
 * SignedData, the LDS security object, a certificate's names and extensions), on the bounded
 * BER-TLV reader. It builds no object tree: a profile of passive authentication showed about half of
 * the time in generic ASN.1 parsing, done four times per SOD.
 *
 * Anything it does not expect (indefinite lengths, constructed strings, unusual tags) throws
 * `DerError`; callers then fall back to the generic parsers (@peculiar, asn1js), so it can only make
 * the common case faster, never accept what those refuse.
 */
export class DerError extends Error {}

export const DER = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1,
  context3: 0xa3,
  implicit0: 0x80,
} as const;

/** The one element that spans all of `data` (trailing bytes are refused). */
export function readOne(data: Uint8Array, tag?: number): Tlv {
  const tlv = readTlv(data);
  if (tlv.end !== data.length) throw new DerError("trailing bytes");
  if (tag !== undefined && tlv.tag !== tag) throw new DerError(`expected tag ${tag}, found ${tlv.tag}`);
  return tlv;
}

/** The elements of a constructed value, in order (no padding skipped, at most `max`). */
export function children(value: Uint8Array, max = 256): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < value.length) {
    if (out.length >= max) throw new DerError("too many elements");
    const tlv = readTlv(value, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

/**
 * `children` for readers that must take only DER: each element with a one-byte tag and its length in
 * the fewest bytes (BER allows longer forms, which OpenSSL reads and keeps as they came).
 */
export function derChildren(value: Uint8Array, max = 256): Tlv[] {
  const out = children(value, max);
  for (const tlv of out) minimalTlv(tlv);
  return out;
}

export function minimalTlv(tlv: Tlv): Tlv {
  if (tlv.tag > 0xff) throw new DerError("multi-byte tag");
  const n = tlv.value.length;
  const lengthBytes = n < 0x80 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 0x1000000 ? 4 : 5;
  if (tlv.end - tlv.start - n !== 1 + lengthBytes) throw new DerError("length not minimal");
  return tlv;
}

export function expectTag(tlv: Tlv | undefined, tag: number): Tlv {
  if (!tlv || tlv.tag !== tag) throw new DerError(`expected tag ${tag}, found ${tlv?.tag}`);
  return tlv;
}

/** The whole element (tag, length and value) as bytes of `parent`, which `tlv` was read from. */
export function whole(parent: Uint8Array, tlv: Tlv): Buffer {
  return Buffer.from(parent.buffer, parent.byteOffset + tlv.start, tlv.end - tlv.start);
}

export function contentOf(tlv: Tlv): Buffer {
  return Buffer.from(tlv.value.buffer, tlv.value.byteOffset, tlv.value.byteLength);
}

// The few OIDs seen again and again (algorithms, attributes, extensions), by their encoded bytes.
const oids = new Map<string, string>();

/** An OBJECT IDENTIFIER's dotted form. */
export function oidOf(tlv: Tlv): string {
  if (tlv.tag !== DER.oid || tlv.value.length === 0 || tlv.value.length > 64) throw new DerError("not an OID");
  const key = latin1(tlv.value);
  let oid = oids.get(key);
  if (oid === undefined) {
    oid = decodeOid(tlv.value);
    if (oids.size < 4096) oids.set(key, oid);
  }
  return oid;
}

/** Bytes as a string of char codes 0–255 (a loop: spreading a Uint8Array into fromCharCode is slower). */
export function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

function decodeOid(value: Uint8Array): string {
  const arcs: number[] = [];
  let arc = 0;
  let bytes = 0;
  for (const b of value) {
    if (bytes === 0 && b === 0x80) throw new DerError("non-minimal OID arc");
    arc = arc * 128 + (b & 0x7f);
    bytes++;
    if (bytes > 6) throw new DerError("OID arc too large");
    if ((b & 0x80) === 0) {
      arcs.push(arc);
      arc = 0;
      bytes = 0;
    }
  }
  if (bytes !== 0) throw new DerError("truncated OID");
  const first = arcs[0] as number;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join(".");
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } (parameters as DER). */
export function algorithmOf(tlv: Tlv): { oid: string; parameters: Buffer | null } {
  expectTag(tlv, DER.sequence);
  const [oid, parameters, extra] = children(tlv.value, 3);
  if (extra) throw new DerError("AlgorithmIdentifier has more than two fields");
  // NULL parameters (RSA PKCS#1) read as none, as @peculiar reads them.
  const none = !parameters || (parameters.tag === 0x05 && parameters.value.length === 0);
  return { oid: oidOf(expectTag(oid, DER.oid)), parameters: none ? null : whole(tlv.value, parameters) };
}

/**
 * The fields of a certificate that identify it and the extensions it carries, from its DER:
 * Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, serial, signature, issuer,
 * validity, subject, subjectPublicKeyInfo, [1], [2], [3] extensions }, … }.
 */
export type CertificateFields = {
  serial: Buffer;
  issuer: Buffer;
  subject: Buffer;
  /** extnValue (the OCTET STRING's content) by extension OID. */
  extensions: Map<string, Buffer>;
};

export function certificateFields(der: Uint8Array): CertificateFields {
  const certificate = readOne(der, DER.sequence);
  const [tbs] = children(certificate.value, 3);
  const fields = children(expectTag(tbs, DER.sequence).value, 10);
  let i = fields[0]?.tag === DER.context0 ? 1 : 0;
  const serial = expectTag(fields[i++], DER.integer);
  expectTag(fields[i++], DER.sequence); // signature algorithm
  const issuer = expectTag(fields[i++], DER.sequence);
  expectTag(fields[i++], DER.sequence); // validity
  const subject = expectTag(fields[i++], DER.sequence);
  expectTag(fields[i++], DER.sequence); // subjectPublicKeyInfo
  const extensions = new Map<string, Buffer>();
  for (const field of fields.slice(i)) {
    if (field.tag !== DER.context3) continue; // issuer and subject unique identifiers
    const [list, extra] = children(field.value, 2);
    if (extra) throw new DerError("extensions: more than one element");
    for (const extension of children(expectTag(list, DER.sequence).value)) {
      const parts = children(expectTag(extension, DER.sequence).value, 3);
      const oid = oidOf(expectTag(parts[0], DER.oid));
      const value = expectTag(parts.at(-1), DER.octetString);
      if (parts.length === 3 && parts[1]?.tag !== 0x01) throw new DerError("extension: critical is not a BOOLEAN");
      if (parts.length < 2 || extensions.has(oid)) throw new DerError("extension malformed or repeated");
      extensions.set(oid, contentOf(value));
    }
  }
  return {
    serial: contentOf(serial),
    issuer: whole(tbs?.value as Uint8Array, issuer),
    subject: whole(tbs?.value as Uint8Array, subject),
    extensions,
  };
}
