import { createPublicKey, hash as digestOf, type KeyObject, verify, X509Certificate } from "node:crypto";
import { certificateMatchesSigner, type SignerIdentity } from "../asn1/cms.ts";
import { certificateFields } from "../asn1/der.ts";
import { signatureSchemeOf } from "../chip/algorithms.ts";
import { publicKeyOf } from "../x509/cache.ts";
import { type DerCertificate, readCertificateDer } from "../x509/certificate-der.ts";
import {
  type CertificateSummary,
  certificateSummary,
  findIssuer,
  keyUsageOf,
  readCertificates,
} from "../x509/chain.ts";
import { serialHex } from "../x509/crl.ts";
import { formatName } from "../x509/name.ts";
import { type JpkiParticulars, jpkiParticularsFromSubjectAltName, jpkiParticularsOf } from "./jpki-certificate.ts";

/**
 * The JPKI signing certificate that came with a signature: the applicant's own, one per person,
 * never kept. What the verification needs of it, read one of two ways:
 *
 * - `der`: the strict DER reader (`readCertificateDer`), the RSA key built from its PKCS#1 bytes
 *   (OpenSSL 3 takes about 200 µs to decode a SubjectPublicKeyInfo, 4 µs for the same key as
 *   PKCS#1), and the certificate's signature verified over its signed part with node:crypto;
 * - `generic`: node's `X509Certificate` (OpenSSL), as before.
 *
 * `readApplicantCertificate` takes the first and falls back to the second for anything the strict
 * reader does not expect, so correctness never depends on it; where even a read certificate leaves
 * the issuer check in doubt (names equal only after OpenSSL's canonical comparison, an anchor the
 * strict reader cannot read), that one question goes to OpenSSL. Tests check that both read the same
 * from every fixture and from damaged and hand-made certificates.
 */
export type ApplicantCertificate = {
  read: "der" | "generic";
  der: Buffer;
  /** May throw for a key OpenSSL cannot use (generic reading only). */
  readonly publicKey: KeyObject;
  /** Hex, lower case, no leading zero bytes (`serialHex`). */
  serialNumber: string;
  /** The issuer's DER Name. */
  issuerName: Buffer;
  /** Milliseconds; NaN for a date that could not be read. */
  validity: { from: number; to: number };
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean } | null;
  particulars: JpkiParticulars | null;
  summary: CertificateSummary;
  /** The first anchor that issued and signed it, or null (as `findIssuer`). */
  issuedBy(anchors: readonly X509Certificate[]): X509Certificate | null;
};

/** Reads a DER certificate; throws (as `X509Certificate` does) for bytes that are not one. */
export function readApplicantCertificate(der: Uint8Array): ApplicantCertificate {
  try {
    return readApplicantCertificateDer(der);
  } catch {
    // Not what the strict reader expects (or not a certificate at all): OpenSSL decides.
    return readApplicantCertificateGeneric(new X509Certificate(der));
  }
}

/** A certificate given beside the signature: DER, or PEM (read by OpenSSL). */
export function readGivenCertificate(bytes: Buffer): ApplicantCertificate | undefined {
  if (bytes.toString("latin1").includes("-----BEGIN CERTIFICATE-----")) {
    const first = readCertificates(bytes)[0];
    return first && readApplicantCertificateGeneric(first);
  }
  return readApplicantCertificate(bytes);
}

export function readApplicantCertificateGeneric(certificate: X509Certificate): ApplicantCertificate {
  return {
    read: "generic",
    der: certificate.raw,
    get publicKey() {
      return publicKeyOf(certificate);
    },
    serialNumber: serialHex(certificate.serialNumber),
    issuerName: issuerNameGeneric(certificate),
    validity: { from: new Date(certificate.validFrom).getTime(), to: new Date(certificate.validTo).getTime() },
    keyUsage: keyUsageOf(certificate),
    particulars: jpkiParticularsOf(certificate),
    summary: certificateSummary(certificate),
    issuedBy: (anchors) => findIssuer(certificate, anchors),
  };
}

function issuerNameGeneric(certificate: X509Certificate): Buffer {
  try {
    return certificateFields(certificate.raw).issuer;
  } catch {
    // Only the revocation port reads it; a name the DER reader cannot find matches no CRL or issuer.
    return Buffer.alloc(0);
  }
}

const RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
const NULL = Buffer.from([0x05, 0x00]);

/** The strict reading; throws for anything it does not expect (see `readCertificateDer`). */
export function readApplicantCertificateDer(input: Uint8Array): ApplicantCertificate {
  return applicantCertificateFromDer(readCertificateDer(input));
}

/**
 * The CMS signer's certificate among those a SignedData carries, read: matched on the strict reading
 * where it reads (so that the certificate is read once), else as `certificateMatchesSigner` matches
 * and `readApplicantCertificate` reads.
 */
export function signerApplicantCertificate(
  certificates: readonly Buffer[],
  sid: SignerIdentity,
): ApplicantCertificate | undefined {
  for (const der of certificates) {
    let read: DerCertificate | null = null;
    try {
      read = readCertificateDer(der);
    } catch {
      // not what the strict reader expects: matched and read the generic way below
    }
    if (!read) {
      if (certificateMatchesSigner(der, sid)) return readApplicantCertificate(der);
      continue;
    }
    const matches =
      "issuer" in sid
        ? read.issuer.equals(sid.issuer) && read.serial.equals(sid.serial)
        : (read.subjectKeyId?.equals(sid.subjectKeyIdentifier) ?? false);
    if (!matches) continue;
    try {
      return applicantCertificateFromDer(read);
    } catch {
      return readApplicantCertificateGeneric(new X509Certificate(der));
    }
  }
  return undefined;
}

function applicantCertificateFromDer(certificate: DerCertificate): ApplicantCertificate {
  const { publicKey: spki } = certificate;
  // JPKI keys are RSA; others are left to OpenSSL.
  if (spki.algorithm !== RSA_ENCRYPTION || !spki.parameters?.equals(NULL)) throw new Error("not an RSA key");
  const hash = certificateSignatureHash(certificate.signatureAlgorithm);
  if (!hash) throw new Error(`signature algorithm ${certificate.signatureAlgorithm} left to OpenSSL`);
  // The subjectPublicKey of rsaEncryption is the RSAPublicKey (PKCS#1): the same key, without
  // OpenSSL's slow SubjectPublicKeyInfo decoder. A key it cannot read is left to OpenSSL.
  const publicKey = createPublicKey({ key: spki.bits, format: "der", type: "pkcs1" });
  const summary: CertificateSummary = {
    subject: formatName(certificate.subjectName),
    issuer: formatName(certificate.issuerName),
    serialNumber: serialHex(certificate.serial),
    validFrom: new Date(certificate.notBefore).toISOString(),
    validTo: new Date(certificate.notAfter).toISOString(),
    // X509Certificate's fingerprint256 is over the DER as OpenSSL re-encodes it, which for strict
    // DER (minimal lengths, checked by the reader) is the DER as received.
    sha256: digestOf("sha256", certificate.der, "hex"),
  };
  const usage = certificate.keyUsage;
  let generic: X509Certificate | null | undefined;
  return {
    read: "der",
    der: certificate.der,
    publicKey,
    serialNumber: summary.serialNumber,
    issuerName: certificate.issuer,
    validity: { from: certificate.notBefore, to: certificate.notAfter },
    keyUsage: usage && { digitalSignature: (usage.first & 0x80) !== 0, nonRepudiation: (usage.first & 0x40) !== 0 },
    particulars: jpkiParticularsFromSubjectAltName(certificate.der, certificate.subjectAltName),
    summary,
    issuedBy(anchors) {
      for (const anchor of anchors) {
        const answer = issuedByDer(certificate, hash, anchor);
        if (answer === true) return anchor;
        if (answer === null) {
          // In doubt: OpenSSL answers for this anchor (a certificate it cannot read is issued by no one).
          if (generic === undefined) generic = parseOrNull(certificate.der);
          if (generic && findIssuer(generic, [anchor])) return anchor;
        }
      }
      return null;
    },
  };
}

function parseOrNull(der: Buffer): X509Certificate | null {
  try {
    return new X509Certificate(der);
  } catch {
    return null;
  }
}

/** The hash of an RSA PKCS#1 v1.5 certificate signature algorithm; null for any other (left to OpenSSL). */
function certificateSignatureHash(oid: string): string | null {
  const scheme = signatureSchemeOf(oid);
  return scheme?.kind === "rsa-pkcs1" && scheme.hash ? scheme.hash : null;
}

type AnchorFacts = { subject: Buffer; subjectKeyId: Buffer | null; keyCertSign: boolean };
// Read once per anchor object: trust stores live for the server's lifetime.
const anchorFacts = new WeakMap<X509Certificate, AnchorFacts | null>();

function factsOf(anchor: X509Certificate): AnchorFacts | null {
  let facts = anchorFacts.get(anchor);
  if (facts === undefined) {
    try {
      // Strictly, as the applicant's: an anchor whose extensions OpenSSL might find malformed (and
      // then never call it anyone's issuer) is left to OpenSSL.
      const read = readCertificateDer(anchor.raw);
      facts = {
        subject: read.subject,
        subjectKeyId: read.subjectKeyId,
        keyCertSign: !read.keyUsage || (read.keyUsage.first & 0x04) !== 0,
      };
    } catch {
      facts = null;
    }
    anchorFacts.set(anchor, facts);
  }
  return facts;
}

/**
 * Whether `anchor` issued and signed the certificate, as OpenSSL's `checkIssued` and `verify`
 * answer it (`findIssuer`): true, false, or null when only OpenSSL can say. A signature that does
 * not verify under the anchor's key is a definite no (OpenSSL verifies the same bytes with the same
 * algorithm); a verified one is a yes when the issuer name is the anchor's subject byte for byte,
 * the anchor may sign certificates (key usage) and the authority key identifier, if any, is the
 * anchor's subject key identifier. Names that differ in bytes may still match under OpenSSL's
 * canonical comparison: null.
 */
function issuedByDer(certificate: DerCertificate, hash: string, anchor: X509Certificate): boolean | null {
  const facts = factsOf(anchor);
  if (!facts) return null;
  let signed: boolean;
  try {
    signed = verify(hash, certificate.tbs, publicKeyOf(anchor), certificate.signature);
  } catch {
    signed = false; // a key of another type (EC, RSA-PSS only): OpenSSL refuses the algorithm too
  }
  if (!signed) return false;
  if (!certificate.issuer.equals(facts.subject)) return null;
  if (!facts.keyCertSign) return false;
  const { authorityKeyId } = certificate;
  if (authorityKeyId && facts.subjectKeyId && !authorityKeyId.equals(facts.subjectKeyId)) return false;
  return true;
}
