import { constants, hash as digestOf, type KeyObject, verify, X509Certificate } from "node:crypto";
import { ContentInfo, id_signedData, SignedData } from "@peculiar/asn1-cms";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { Certificate, id_ce_subjectKeyIdentifier, SubjectKeyIdentifier } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";
import { type HashName, hashNameOf, signatureSchemeOf } from "../chip/algorithms.ts";
import { publicKeyOf } from "../x509/cache.ts";
import {
  algorithmOf,
  type CertificateFields,
  certificateFields,
  children,
  contentOf,
  DER,
  DerError,
  expectTag,
  oidOf,
  readOne,
  whole,
} from "./der.ts";
import type { Tlv } from "./tlv.ts";

/**
 * CMS SignedData (RFC 5652) as the SOD, a CSCA master list and a JPKI signature carry it: parsed
 * with @peculiar/asn1-cms, verified with node:crypto. Only what these three need: one signer.
 */
export class CmsError extends Error {}

const id_contentType = "1.2.840.113549.1.9.3";
const id_messageDigest = "1.2.840.113549.1.9.4";

export type SignerIdentity = { issuer: Buffer; serial: Buffer } | { subjectKeyIdentifier: Buffer };

export type ParsedSignedData = {
  /** SignedData's CMSVersion (ICAO 9303-10 requires 3 for the SOD). */
  version: number;
  eContentType: string;
  eContent: Buffer | null;
  certificates: Buffer[];
  signer: {
    sid: SignerIdentity;
    digestAlgorithm: string;
    /** The signed attributes as signed: DER with the SET tag (31), not the [0] of the SignerInfo. */
    signedAttrs: Buffer | null;
    contentType: string | null;
    messageDigest: Buffer | null;
    signatureAlgorithm: { oid: string; parameters: Buffer | null };
    signature: Buffer;
  };
};

const bytes = (b: ArrayBuffer | ArrayBufferView) =>
  ArrayBuffer.isView(b) ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : Buffer.from(b);

export function parseSignedData(der: Uint8Array): ParsedSignedData {
  try {
    return parseSignedDataDer(der);
  } catch {
    // Not plain DER as expected (BER, an unusual field): the generic parsers decide, and word the error.
    return parseSignedDataGeneric(der);
  }
}

/**
 * One pass over DER, no object tree: ContentInfo { signedData, [0] SignedData { version,
 * digestAlgorithms, encapContentInfo, [0] certificates, [1] crls, signerInfos } }. Strict: anything
 * else throws and `parseSignedData` falls back to the generic parse.
 */
export function parseSignedDataDer(input: Uint8Array): ParsedSignedData {
  const der = Buffer.from(input); // a copy: the answer must not change if the caller's bytes do
  const [type, explicit, extra] = children(readOne(der, DER.sequence).value, 3);
  if (extra || oidOf(expectTag(type, DER.oid)) !== id_signedData) throw new DerError("not SignedData");
  const [signedData, more] = children(expectTag(explicit, DER.context0).value, 2);
  if (more) throw new DerError("[0] holds more than SignedData");
  const fields = children(expectTag(signedData, DER.sequence).value, 6);
  const versionField = expectTag(fields[0], DER.integer);
  if (versionField.value.length !== 1) throw new DerError("an unusual SignedData version");
  const version = versionField.value[0] as number;
  expectTag(fields[1], DER.set);
  const encap = children(expectTag(fields[2], DER.sequence).value, 2);
  const eContentType = oidOf(expectTag(encap[0], DER.oid));
  let eContent: Buffer | null = null;
  if (encap[1]) {
    const [octets, after] = children(expectTag(encap[1], DER.context0).value, 2);
    if (after) throw new DerError("eContent holds more than one value");
    eContent = contentOf(expectTag(octets, DER.octetString));
  }
  let i = 3;
  const certificates: Buffer[] = [];
  if (fields[i]?.tag === DER.context0) {
    const field = fields[i++] as Tlv;
    for (const c of children(field.value, 1024)) certificates.push(whole(field.value, expectTag(c, DER.sequence)));
  }
  if (fields[i]?.tag === DER.context1) i++; // CRLs: not read
  const signerInfos = expectTag(fields[i++], DER.set);
  if (fields[i]) throw new DerError("SignedData has trailing fields");
  const [signerInfo, second] = children(signerInfos.value, 2);
  if (!signerInfo || second) throw new DerError("not exactly one signer");

  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] }
  const parts = children(expectTag(signerInfo, DER.sequence).value, 7);
  const info = signerInfo.value;
  expectTag(parts[0], DER.integer);
  const sidField = parts[1];
  let sid: SignerIdentity;
  if (sidField?.tag === DER.sequence) {
    const [issuer, serial, rest] = children(sidField.value, 3);
    if (rest) throw new DerError("issuerAndSerialNumber has more than two fields");
    sid = {
      issuer: whole(sidField.value, expectTag(issuer, DER.sequence)),
      serial: contentOf(expectTag(serial, DER.integer)),
    };
  } else if (sidField?.tag === DER.implicit0) {
    sid = { subjectKeyIdentifier: contentOf(sidField) };
  } else throw new DerError("unexpected signer identifier");
  const digestAlgorithm = algorithmOf(parts[2] as Tlv).oid;
  let j = 3;
  let signedAttrs: Buffer | null = null;
  let contentType: string | null = null;
  let messageDigest: Buffer | null = null;
  if (parts[j]?.tag === DER.context0) {
    const attributes = parts[j++] as Tlv;
    signedAttrs = Buffer.from(whole(info, attributes)); // a copy: re-tagged below
    signedAttrs[0] = 0x31;
    for (const attribute of children(attributes.value)) {
      const [attrType, values, rest] = children(expectTag(attribute, DER.sequence).value, 3);
      if (rest) throw new DerError("an attribute has more than two fields");
      const oid = oidOf(expectTag(attrType, DER.oid));
      const [value] = children(expectTag(values, DER.set).value);
      if (!value) continue;
      if (oid === id_contentType) contentType = value.tag === DER.oid ? oidOf(value) : null;
      if (oid === id_messageDigest) messageDigest = contentOf(expectTag(value, DER.octetString));
    }
  }
  const signatureAlgorithm = algorithmOf(parts[j++] as Tlv);
  const signature = contentOf(expectTag(parts[j++], DER.octetString));
  if (parts[j] && parts[j]?.tag !== DER.context1) throw new DerError("SignerInfo has trailing fields");
  return {
    version,
    eContentType,
    eContent,
    certificates,
    signer: { sid, digestAlgorithm, signedAttrs, contentType, messageDigest, signatureAlgorithm, signature },
  };
}

export function parseSignedDataGeneric(der: Uint8Array): ParsedSignedData {
  try {
    return readSignedDataGeneric(der);
  } catch (error) {
    // A damaged structure can fail deep inside the ASN.1 libraries (a TypeError for a field of the
    // wrong type, found by the hostile-input test): to callers it is one more unreadable CMS.
    if (error instanceof CmsError) throw error;
    throw new CmsError(`not a readable CMS structure: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readSignedDataGeneric(der: Uint8Array): ParsedSignedData {
  let signed: SignedData;
  let signedData: asn1js.Sequence;
  try {
    const info = AsnConvert.parse(der, ContentInfo);
    if (info.contentType !== id_signedData) throw new CmsError(`not SignedData but ${info.contentType}`);
    signed = AsnConvert.parse(info.content, SignedData);
    // Parsed once more, generically, for the bytes exactly as received (signed attributes, certificates).
    signedData = signedDataOf(der);
  } catch (error) {
    if (error instanceof CmsError) throw error;
    throw new CmsError(`not a CMS structure: ${error instanceof Error ? error.message : String(error)}`);
  }
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo) throw new CmsError("no signer");
  if (signed.signerInfos.length > 1) throw new CmsError("more than one signer");
  const content = signed.encapContentInfo.eContent;
  const eContent = content?.single ? bytes(content.single.buffer) : content?.any ? bytes(content.any) : null;
  const sid: SignerIdentity = signerInfo.sid.issuerAndSerialNumber
    ? {
        issuer: bytes(AsnConvert.serialize(signerInfo.sid.issuerAndSerialNumber.issuer)),
        serial: bytes(signerInfo.sid.issuerAndSerialNumber.serialNumber),
      }
    : { subjectKeyIdentifier: bytes(signerInfo.sid.subjectKeyIdentifier?.buffer ?? new ArrayBuffer(0)) };

  let signedAttrs: Buffer | null = null;
  let contentType: string | null = null;
  let messageDigest: Buffer | null = null;
  if (signerInfo.signedAttrs) {
    signedAttrs = rawSignedAttributes(signedData);
    for (const attribute of signerInfo.signedAttrs) {
      const value = attribute.attrValues[0];
      if (!value) continue;
      if (attribute.attrType === id_contentType) contentType = readOid(value);
      if (attribute.attrType === id_messageDigest) messageDigest = bytes(AsnConvert.parse(value, OctetString).buffer);
    }
  }
  const algorithm = signerInfo.signatureAlgorithm;
  return {
    version: signed.version,
    eContentType: signed.encapContentInfo.eContentType,
    eContent,
    // As received: a re-encoded certificate may differ from the signed bytes and fail its check.
    certificates: rawCertificates(signedData),
    signer: {
      sid,
      digestAlgorithm: signerInfo.digestAlgorithm.algorithm,
      signedAttrs,
      contentType,
      messageDigest,
      signatureAlgorithm: {
        oid: algorithm.algorithm,
        parameters: algorithm.parameters ? bytes(algorithm.parameters) : null,
      },
      signature: bytes(signerInfo.signature.buffer),
    },
  };
}

function signedDataOf(der: Uint8Array): asn1js.Sequence {
  const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
  const contentInfo = parsed.result as asn1js.Sequence;
  const explicit = contentInfo.valueBlock.value[1] as asn1js.Constructed;
  return explicit.valueBlock.value[0] as asn1js.Sequence;
}

/** The certificates field ([0] IMPLICIT SET OF) of a SignedData, each certificate's bytes as received. */
function rawCertificates(signedData: asn1js.Sequence): Buffer[] {
  const field = signedData.valueBlock.value.slice(3).find((b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0);
  const items = (field as asn1js.Constructed | undefined)?.valueBlock.value ?? [];
  return items.filter((c) => c instanceof asn1js.Sequence).map((c) => Buffer.from(c.valueBeforeDecodeView));
}

/**
 * The signed attributes exactly as the signer encoded them (re-encoding could change bytes that the
 * signature covers), re-tagged from [0] IMPLICIT to SET (31) as RFC 5652 §5.4 requires.
 */
function rawSignedAttributes(signedData: asn1js.Sequence): Buffer {
  const signerInfos = signedData.valueBlock.value.at(-1) as asn1js.Set;
  const signerInfo = signerInfos.valueBlock.value[0] as asn1js.Sequence;
  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, … }: the signed
  // attributes are the fourth element. (The sid may itself be a [0]: a subject key identifier.)
  const attributes = signerInfo.valueBlock.value[3];
  const isSignedAttributes =
    attributes?.idBlock.tagClass === 3 && attributes.idBlock.tagNumber === 0 && attributes.idBlock.isConstructed;
  if (!attributes || !isSignedAttributes) throw new CmsError("signed attributes not found");
  const raw = Buffer.from(attributes.valueBeforeDecodeView);
  raw[0] = 0x31;
  return raw;
}

function readOid(der: ArrayBuffer): string | null {
  const parsed = asn1js.fromBER(der);
  return parsed.result instanceof asn1js.ObjectIdentifier ? parsed.result.valueBlock.toString() : null;
}

/** Whether a DER certificate is the one the signer names. */
export function certificateMatchesSigner(
  certificateDer: Buffer,
  sid: SignerIdentity,
  // How to read the certificate: passive authentication passes a reader that remembers document
  // signer certificates by their exact bytes.
  readFields: (der: Buffer) => CertificateFields = certificateFields,
): boolean {
  let fields: CertificateFields;
  try {
    fields = readFields(certificateDer);
  } catch {
    return certificateMatchesSignerGeneric(certificateDer, sid);
  }
  if ("issuer" in sid) return fields.issuer.equals(sid.issuer) && fields.serial.equals(sid.serial);
  const extension = fields.extensions.get(id_ce_subjectKeyIdentifier);
  if (!extension) return false;
  try {
    return contentOf(readOne(extension, DER.octetString)).equals(sid.subjectKeyIdentifier);
  } catch {
    return certificateMatchesSignerGeneric(certificateDer, sid);
  }
}

export function certificateMatchesSignerGeneric(certificateDer: Buffer, sid: SignerIdentity): boolean {
  const certificate = AsnConvert.parse(certificateDer, Certificate);
  const tbs = certificate.tbsCertificate;
  if ("issuer" in sid) {
    return bytes(AsnConvert.serialize(tbs.issuer)).equals(sid.issuer) && bytes(tbs.serialNumber).equals(sid.serial);
  }
  const extension = tbs.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
  if (!extension) return false;
  const ski = AsnConvert.parse(extension.extnValue, SubjectKeyIdentifier);
  return bytes(ski.buffer).equals(sid.subjectKeyIdentifier);
}

export type SignatureCheck =
  | { ok: true; hash: HashName; scheme: string }
  | {
      ok: false;
      reason: "content_type_mismatch" | "digest_mismatch" | "unsupported_algorithm" | "signature_invalid";
      detail: string;
    };

/**
 * Verifies the signer's signature with the certificate's key: over the signed attributes (after
 * checking their content type and message digest against the content), or over the content itself.
 * The certificate may be given already read (a JPKI applicant's, read without `X509Certificate`):
 * then its `publicKey`, which may throw for a key OpenSSL cannot use, is taken as the key.
 */
export function verifySignerSignature(
  parsed: ParsedSignedData,
  certificate: X509Certificate | { readonly publicKey: KeyObject },
  content: Buffer,
): SignatureCheck {
  const { signer } = parsed;
  const digestHash = hashNameOf(signer.digestAlgorithm);
  if (!digestHash) return { ok: false, reason: "unsupported_algorithm", detail: `digest ${signer.digestAlgorithm}` };
  let data = content;
  if (signer.signedAttrs) {
    if (signer.contentType !== parsed.eContentType) {
      return {
        ok: false,
        reason: "content_type_mismatch",
        detail: "the signed content type differs from the content's",
      };
    }
    const digest = digestOf(digestHash, content, "buffer");
    if (!signer.messageDigest || !digest.equals(signer.messageDigest)) {
      return { ok: false, reason: "digest_mismatch", detail: "the signed message digest differs from the content's" };
    }
    data = signer.signedAttrs;
  }
  const scheme = signatureSchemeOf(signer.signatureAlgorithm.oid);
  if (!scheme) return { ok: false, reason: "unsupported_algorithm", detail: signer.signatureAlgorithm.oid };
  let valid = false;
  let hash: HashName = digestHash;
  try {
    const key = certificate instanceof X509Certificate ? publicKeyOf(certificate) : certificate.publicKey;
    // The key itself where the defaults are what the scheme needs (PKCS#1 v1.5 padding for RSA, DER
    // for ECDSA): Node 24 checks an options object in `verify` the slow way, about a fifth of a JPKI
    // verification (BENCHMARKS.md).
    if (scheme.kind === "rsa-pkcs1") {
      hash = scheme.hash ?? digestHash;
      const options = key.asymmetricKeyType === "rsa" ? key : { key, padding: constants.RSA_PKCS1_PADDING };
      valid = verify(hash, data, options, signer.signature);
    } else if (scheme.kind === "rsa-pss") {
      const pss = readPssParameters(signer.signatureAlgorithm.parameters);
      hash = pss.hash;
      valid = verify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength },
        signer.signature,
      );
    } else {
      hash = scheme.hash ?? digestHash;
      valid = verify(
        hash,
        data,
        scheme.encoding === "der" ? key : { key, dsaEncoding: scheme.encoding },
        signer.signature,
      );
    }
  } catch (error) {
    return { ok: false, reason: "signature_invalid", detail: error instanceof Error ? error.message : String(error) };
  }
  return valid
    ? { ok: true, hash, scheme: scheme.kind }
    : { ok: false, reason: "signature_invalid", detail: "the signature does not verify with the signer's key" };
}

/** RSASSA-PSS-params (RFC 4055): hash [0], MGF [1], salt length [2]; defaults SHA-1 and 20. */
export function readPssParameters(der: Buffer | null): { hash: HashName; saltLength: number } {
  let hash: HashName = "sha1";
  let saltLength = 20;
  if (!der) return { hash, saltLength };
  const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
  if (!(parsed.result instanceof asn1js.Sequence)) throw new CmsError("RSASSA-PSS parameters are not a SEQUENCE");
  for (const field of parsed.result.valueBlock.value) {
    const tag = field.idBlock.tagNumber;
    const inner = (field as asn1js.Constructed).valueBlock?.value?.[0];
    if (tag === 0 && inner instanceof asn1js.Sequence) {
      const oid = inner.valueBlock.value[0];
      const name = oid instanceof asn1js.ObjectIdentifier ? hashNameOf(oid.valueBlock.toString()) : null;
      if (!name) throw new CmsError("unsupported RSASSA-PSS hash");
      hash = name;
    }
    if (tag === 2 && inner instanceof asn1js.Integer) saltLength = inner.valueBlock.valueDec;
  }
  return { hash, saltLength };
}
