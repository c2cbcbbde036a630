import { constants, verify as verifySignature, type X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { CertificateList } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";
import { readPssParameters } from "../asn1/cms.ts";
import { signatureSchemeOf } from "../chip/algorithms.ts";
import { publicKeyOf } from "./cache.ts";

/**
 * A certificate revocation list (RFC 5280 §5), parsed once. Frozen, and its buffers are the parse's
 * own copies: the answer of `crlSignedBy` is remembered per object, so it must never change.
 */
export type Crl = {
  readonly der: Buffer;
  readonly issuer: Buffer; // DER Name
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  readonly revokedSerials: ReadonlySet<string>; // hex, lower case, no leading zero bytes
  readonly tbs: Buffer;
  readonly signatureAlgorithm: { readonly oid: string; readonly parameters: Buffer | null };
  readonly signature: Buffer;
};

const bytes = (b: ArrayBuffer) => Buffer.from(b);

export function serialHex(serial: Buffer | string): string {
  const hex = typeof serial === "string" ? serial.toLowerCase() : serial.toString("hex");
  return hex.replace(/^(00)+(?=.)/, "");
}

export function parseCrl(der: Uint8Array): Crl {
  const list = AsnConvert.parse(der, CertificateList);
  const tbs = list.tbsCertList;
  const time = (t: { utcTime?: Date; generalTime?: Date } | undefined) => t?.utcTime ?? t?.generalTime ?? null;
  return Object.freeze({
    der: Buffer.from(der),
    issuer: bytes(AsnConvert.serialize(tbs.issuer)),
    thisUpdate: time(tbs.thisUpdate) ?? new Date(0),
    nextUpdate: time(tbs.nextUpdate),
    revokedSerials: new Set((tbs.revokedCertificates ?? []).map((r) => serialHex(bytes(r.userCertificate)))),
    tbs: rawTbs(der),
    signatureAlgorithm: {
      oid: list.signatureAlgorithm.algorithm,
      parameters: list.signatureAlgorithm.parameters ? bytes(list.signatureAlgorithm.parameters) : null,
    },
    signature: bytes(list.signature),
  });
}

/** The signed part of a CRL as received (re-encoding it could change the bytes the signature covers). */
function rawTbs(der: Uint8Array): Buffer {
  const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
  const first = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[0] : undefined;
  if (!first) throw new Error("not a CRL");
  return Buffer.from(first.valueBeforeDecodeView);
}

// Per CRL object, then per issuer certificate object: both live as long as the trust store.
const crlSignatures = new WeakMap<Crl, WeakMap<X509Certificate, boolean>>();

/**
 * Whether the CRL was signed by `issuer` (a CRL from anyone else says nothing). Remembered per
 * parsed CRL and issuer object: a CRL is checked on every verification against the issuer found
 * (for a chip whose CSCA publishes one, that was one of the three RSA verifications of every passive
 * authentication). Keyed by the objects, not by a hash of the signed part, which cost a SHA-256 of
 * the whole CRL on every call (3.5 % of a JPKI verification with a small CRL; a real CA's is large).
 * A CRL read again from changed bytes is a new object and verified afresh.
 */
export function crlSignedBy(crl: Crl, issuer: X509Certificate): boolean {
  let byIssuer = crlSignatures.get(crl);
  if (!byIssuer) {
    byIssuer = new WeakMap();
    crlSignatures.set(crl, byIssuer);
  }
  let signed = byIssuer.get(issuer);
  if (signed === undefined) {
    signed = verifyCrlSignature(crl, issuer);
    byIssuer.set(issuer, signed);
  }
  return signed;
}

function verifyCrlSignature(crl: Crl, issuer: X509Certificate): boolean {
  const scheme = signatureSchemeOf(crl.signatureAlgorithm.oid);
  if (!scheme) return false;
  try {
    if (scheme.kind === "rsa-pss") {
      const pss = readPssParameters(crl.signatureAlgorithm.parameters);
      return verifySignature(
        pss.hash,
        crl.tbs,
        { key: publicKeyOf(issuer), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength },
        crl.signature,
      );
    }
    const hash = scheme.hash ?? "sha256";
    if (scheme.kind === "rsa-pkcs1") return verifySignature(hash, crl.tbs, publicKeyOf(issuer), crl.signature);
    return verifySignature(hash, crl.tbs, { key: publicKeyOf(issuer), dsaEncoding: scheme.encoding }, crl.signature);
  } catch {
    return false;
  }
}
