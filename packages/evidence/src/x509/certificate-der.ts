import { DER, DerError, expectTag, derChildren as kids, minimalTlv as minimal, oidOf, readOne } from "../asn1/der.ts";
import type { Tlv } from "../asn1/tlv.ts";
import { type NameAttribute, readName } from "./name.ts";

/**
 * A whole X.509 certificate read strictly from DER in one pass, for the JPKI applicant's certificate,
 * which arrives with every signature and so cannot be parsed once and kept: `new X509Certificate`
 * was 44 % of a JPKI verification (BENCHMARKS.md).
 *
 * Strict means: minimal DER lengths, a v3 certificate without unique identifiers, an algorithm
 * without parameters other than NULL and the same inside and outside the signed part, and only the
 * extensions listed below, each checked for the shape OpenSSL checks when it decides whether a
 * certificate was issued by another (its `x509v3_cache_extensions` marks a certificate with a
 * malformed key usage, key identifier, alternative name, basic constraints, extended key usage or CRL
 * distribution point invalid). Anything else throws `DerError`, and the caller reads the certificate
 * with `X509Certificate` instead: this reader may only take the common case faster, never decide
 * differently (tests compare both on every fixture and on damaged and hand-made certificates).
 */
export type DerCertificate = {
  der: Buffer;
  /** The signed part exactly as received. */
  tbs: Buffer;
  signatureAlgorithm: string;
  signature: Buffer;
  /** The serial's content octets: positive, non-zero, minimal. */
  serial: Buffer;
  issuer: Buffer;
  subject: Buffer;
  issuerName: NameAttribute[][];
  subjectName: NameAttribute[][];
  /** Milliseconds since the epoch. */
  notBefore: number;
  notAfter: number;
  publicKey: { algorithm: string; parameters: Buffer | null; bits: Buffer };
  /** Decoded key usage bits (first byte, second byte), or null without the extension. */
  keyUsage: { first: number; second: number } | null;
  authorityKeyId: Buffer | null;
  subjectKeyId: Buffer | null;
  /** The subjectAltName extension's value (GeneralNames), checked for shape. */
  subjectAltName: Buffer | null;
};

export const EXTENSION = {
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  issuerAltName: "2.5.29.18",
  basicConstraints: "2.5.29.19",
  crlDistributionPoints: "2.5.29.31",
  certificatePolicies: "2.5.29.32",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
} as const;

const TAG = { boolean: 0x01, null: 0x05, utcTime: 0x17, generalizedTime: 0x18, utf8: 0x0c } as const;

export function readCertificateDer(input: Uint8Array): DerCertificate {
  const der = Buffer.from(input); // a copy: the answer must not change if the caller's bytes do
  const certificate = minimal(readOne(der, DER.sequence));
  const [tbs, outerAlgorithm, signature, extra] = kids(certificate.value, 4);
  if (extra || !tbs || !outerAlgorithm || !signature) throw new DerError("Certificate is not three fields");
  const fields = kids(expectTag(tbs, DER.sequence).value, 8);
  const [version, serial, algorithm, issuer, validity, subject, spki] = fields;
  if (!version || !bytesEqual(whole(tbs.value, version), V3)) throw new DerError("not a v3 certificate");
  const algorithmBytes = whole(tbs.value, expectTag(algorithm, DER.sequence));
  if (!whole(certificate.value, outerAlgorithm).equals(algorithmBytes)) throw new DerError("algorithms differ");
  const signatureAlgorithm = signatureAlgorithmOf(expectTag(algorithm, DER.sequence));

  const extensionsField = fields[7];
  if (fields.length === 8 && extensionsField?.tag !== DER.context3) throw new DerError("unique identifiers");
  const [notBefore, notAfter, more] = kids(expectTag(validity, DER.sequence).value, 3);
  if (more || !notBefore || !notAfter) throw new DerError("Validity is not two times");

  const issuerDer = whole(tbs.value, expectTag(issuer, DER.sequence));
  const subjectDer = whole(tbs.value, expectTag(subject, DER.sequence));
  const read: DerCertificate = {
    der,
    tbs: whole(certificate.value, tbs),
    signatureAlgorithm,
    signature: bitString(expectTag(signature, DER.bitString)),
    serial: positiveInteger(expectTag(serial, DER.integer)),
    issuer: issuerDer,
    subject: subjectDer,
    issuerName: readName(issuerDer),
    subjectName: readName(subjectDer),
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    publicKey: readPublicKey(expectTag(spki, DER.sequence)),
    keyUsage: null,
    authorityKeyId: null,
    subjectKeyId: null,
    subjectAltName: null,
  };
  if (extensionsField) readExtensions(extensionsField, read);
  return read;
}

const V3 = Buffer.from([0xa0, 0x03, 0x02, 0x01, 0x02]);

function readExtensions(field: Tlv, into: DerCertificate): void {
  const [list, extra] = kids(field.value, 2);
  if (extra) throw new DerError("extensions: more than one element");
  const extensions = kids(expectTag(list, DER.sequence).value, 32);
  if (extensions.length === 0) throw new DerError("no extensions in [3]");
  const seen = new Set<string>();
  for (const extension of extensions) {
    const parts = kids(expectTag(extension, DER.sequence).value, 3);
    const oid = oidOf(expectTag(parts[0], DER.oid));
    if (seen.has(oid)) throw new DerError(`extension ${oid} repeated`);
    seen.add(oid);
    if (parts.length === 3 && (parts[1]?.tag !== TAG.boolean || parts[1].value.length !== 1)) {
      throw new DerError("extension: critical is not a BOOLEAN");
    }
    if (parts.length < 2) throw new DerError("extension without a value");
    const value = view(expectTag(parts.at(-1), DER.octetString).value);
    readExtension(oid, value, into);
  }
}

function readExtension(oid: string, value: Buffer, into: DerCertificate): void {
  switch (oid) {
    case EXTENSION.keyUsage: {
      const bits = minimal(readOne(value, DER.bitString)).value;
      const unused = bits[0] as number;
      if (bits.length < 2 || bits.length > 3 || unused > 7) throw new DerError("key usage: bad BIT STRING");
      if (((bits.at(-1) as number) & ((1 << unused) - 1)) !== 0) throw new DerError("key usage: unused bits set");
      const first = bits[1] as number;
      const second = bits[2] ?? 0;
      if (first === 0 && second === 0) throw new DerError("key usage: empty");
      into.keyUsage = { first, second };
      return;
    }
    case EXTENSION.subjectKeyIdentifier:
      into.subjectKeyId = view(minimal(readOne(value, DER.octetString)).value);
      return;
    case EXTENSION.authorityKeyIdentifier: {
      // Only the key identifier: an issuer name and serial here would be compared by OpenSSL.
      const [keyId, extra] = kids(minimal(readOne(value, DER.sequence)).value, 2);
      if (extra || keyId?.tag !== DER.implicit0) throw new DerError("authority key identifier: not only a key id");
      into.authorityKeyId = view(keyId.value);
      return;
    }
    case EXTENSION.subjectAltName:
      checkGeneralNames(minimal(readOne(value, DER.sequence)).value);
      into.subjectAltName = value;
      return;
    case EXTENSION.basicConstraints: {
      const [ca, pathLength, extra] = kids(minimal(readOne(value, DER.sequence)).value, 3);
      if (extra) throw new DerError("basic constraints: too many fields");
      if (ca && (ca.tag !== TAG.boolean || ca.value.length !== 1 || ca.value[0] !== 0xff)) {
        throw new DerError("basic constraints: cA is not DER TRUE");
      }
      if (pathLength && (!ca || pathLength.tag !== DER.integer)) throw new DerError("basic constraints: path length");
      if (pathLength) nonNegativeInteger(pathLength);
      return;
    }
    case EXTENSION.extKeyUsage: {
      const purposes = kids(minimal(readOne(value, DER.sequence)).value, 32);
      if (purposes.length === 0) throw new DerError("extended key usage: empty");
      for (const purpose of purposes) oidOf(expectTag(purpose, DER.oid));
      return;
    }
    case EXTENSION.crlDistributionPoints:
      checkDistributionPoints(value);
      return;
    // Not decoded by OpenSSL when it checks an issuer, nor read here.
    case EXTENSION.issuerAltName:
    case EXTENSION.certificatePolicies:
    case EXTENSION.authorityInfoAccess:
      return;
    default:
      throw new DerError(`extension ${oid} not read by the strict reader`);
  }
}

/** GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, given the SEQUENCE's content. */
function checkGeneralNames(value: Uint8Array): void {
  const names = kids(value, 64);
  if (names.length === 0) throw new DerError("GeneralNames: empty");
  for (const name of names) {
    switch (name.tag) {
      case DER.context0: {
        // otherName ::= [0] { type-id OID, [0] EXPLICIT value }: as JPKI uses it, a UTF8String.
        const [typeId, explicit, extra] = kids(name.value, 3);
        if (extra) throw new DerError("otherName has more than two fields");
        oidOf(expectTag(typeId, DER.oid));
        const [inner, more] = kids(expectTag(explicit, DER.context0).value, 2);
        if (more || inner?.tag !== TAG.utf8) throw new DerError("otherName value is not one UTF8String");
        break;
      }
      case 0x81: // rfc822Name
      case 0x82: // dNSName
      case 0x86: // uniformResourceIdentifier
      case 0x87: // iPAddress
        break;
      case 0x88: // registeredID
        oidOf({ ...name, tag: DER.oid });
        break;
      case 0xa4: {
        // directoryName: [4] EXPLICIT Name
        const [directory, extra] = kids(name.value, 2);
        if (extra || !directory) throw new DerError("directoryName is not one Name");
        readName(whole(name.value, directory));
        break;
      }
      default:
        throw new DerError(`GeneralName tag ${name.tag}`);
    }
  }
}

/** CRLDistributionPoints: each a full name ([0] [0] GeneralNames), optionally with a CRL issuer ([2]). */
function checkDistributionPoints(value: Buffer): void {
  const points = kids(minimal(readOne(value, DER.sequence)).value, 16);
  if (points.length === 0) throw new DerError("CRL distribution points: empty");
  for (const point of points) {
    const [name, crlIssuer, extra] = kids(expectTag(point, DER.sequence).value, 3);
    if (extra || (crlIssuer && crlIssuer.tag !== 0xa2)) throw new DerError("distribution point: unusual fields");
    const [fullName, more] = kids(expectTag(name, DER.context0).value, 2);
    if (more) throw new DerError("distribution point name: more than one");
    checkGeneralNames(expectTag(fullName, DER.context0).value);
    if (crlIssuer) checkGeneralNames(crlIssuer.value);
  }
}

/** AlgorithmIdentifier of a signature: an OID, and no parameters or NULL (RSA PKCS#1 and ECDSA). */
function signatureAlgorithmOf(tlv: Tlv): string {
  const [oid, parameters, extra] = kids(tlv.value, 3);
  if (extra) throw new DerError("AlgorithmIdentifier has more than two fields");
  if (parameters && (parameters.tag !== TAG.null || parameters.value.length !== 0)) {
    throw new DerError("signature algorithm with parameters");
  }
  return oidOf(expectTag(oid, DER.oid));
}

function readPublicKey(spki: Tlv): DerCertificate["publicKey"] {
  const [algorithm, key, extra] = kids(spki.value, 3);
  if (extra) throw new DerError("SubjectPublicKeyInfo has more than two fields");
  const [oid, parameters, more] = kids(expectTag(algorithm, DER.sequence).value, 3);
  if (more) throw new DerError("AlgorithmIdentifier has more than two fields");
  return {
    algorithm: oidOf(expectTag(oid, DER.oid)),
    parameters: parameters ? whole(expectTag(algorithm, DER.sequence).value, parameters) : null,
    bits: bitString(expectTag(key, DER.bitString)),
  };
}

/** A BIT STRING's bytes; only whole bytes (no unused bits) are expected here. */
function bitString(tlv: Tlv): Buffer {
  if (tlv.value.length === 0 || tlv.value[0] !== 0) throw new DerError("BIT STRING with unused bits");
  const { value } = tlv;
  return Buffer.from(value.buffer, value.byteOffset + 1, value.byteLength - 1);
}

function positiveInteger(tlv: Tlv): Buffer {
  nonNegativeInteger(tlv);
  if (tlv.value.every((b) => b === 0)) throw new DerError("serial number zero");
  return view(tlv.value);
}

function nonNegativeInteger(tlv: Tlv): void {
  const v = tlv.value;
  if (v.length === 0 || (v[0] as number) & 0x80) throw new DerError("INTEGER empty or negative");
  if (v.length > 1 && v[0] === 0 && ((v[1] as number) & 0x80) === 0) throw new DerError("INTEGER not minimal");
}

/** UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ, as milliseconds; nothing else. */
function readTime(tlv: Tlv): number {
  const bytes = tlv.value;
  // Read digit by digit (a regular expression and slices of a string were a tenth of reading a certificate).
  const digits = tlv.tag === TAG.utcTime ? 12 : tlv.tag === TAG.generalizedTime ? 14 : 0;
  if (digits === 0 || bytes.length !== digits + 1 || bytes[digits] !== 0x5a /* Z */) {
    throw new DerError("not a plain UTCTime or GeneralizedTime");
  }
  let year: number;
  let at: number;
  if (digits === 12) {
    const yy = two(bytes, 0);
    year = yy < 50 ? 2000 + yy : 1900 + yy;
    at = 2;
  } else {
    year = two(bytes, 0) * 100 + two(bytes, 2);
    // Years OpenSSL prints and `Date` reads back alike (the generic path reads `validFrom` text).
    if (year < 1950 || year > 2999) throw new DerError("year out of range");
    at = 4;
  }
  const month = two(bytes, at);
  const day = two(bytes, at + 2);
  const hour = two(bytes, at + 4);
  const minute = two(bytes, at + 6);
  const second = two(bytes, at + 8);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  if (hour > 23 || minute > 59 || second > 59 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new DerError("not a calendar date");
  }
  return ms;
}

/** Two ASCII digits at `i` as a number. */
function two(bytes: Uint8Array, i: number): number {
  const high = (bytes[i] as number) - 0x30;
  const low = (bytes[i + 1] as number) - 0x30;
  if (high < 0 || high > 9 || low < 0 || low > 9) throw new DerError("not a plain UTCTime or GeneralizedTime");
  return high * 10 + low;
}

/** The whole element as a view of `parent` (a view of the reader's own copy of the DER). */
function whole(parent: Uint8Array, tlv: Tlv | undefined): Buffer {
  if (!tlv) throw new DerError("missing field");
  return Buffer.from(parent.buffer, parent.byteOffset + tlv.start, tlv.end - tlv.start);
}

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
