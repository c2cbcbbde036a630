import { verify, type X509Certificate } from "node:crypto";
import type { CheckResult, Particulars } from "@jitsumei/domain";
import { CmsError, parseSignedData, verifySignerSignature } from "../asn1/cms.ts";
import { type CertificateSummary, periodAt, revocationStatus } from "../x509/chain.ts";
import type { Crl } from "../x509/crl.ts";
import {
  type ApplicantCertificate,
  readGivenCertificate,
  signerApplicantCertificate,
} from "./applicant-certificate.ts";
import { compareJpkiParticulars } from "./compare-particulars.ts";
import type { JpkiParticulars } from "./jpki-certificate.ts";

/**
 * Verifies a signature made with a My Number card's JPKI signing certificate (公的個人認証,
 * NF_JPKI) over the data we asked the applicant to sign: the signature, the certificate's chain to
 * the configured JPKI trust anchor, its validity and revocation, that it is the signing certificate
 * (not the login one), and that its particulars match the form.
 *
 * The signature comes as CMS SignedData (as JPKI apps usually wrap it; content attached or
 * detached) or as a raw RSA PKCS#1 v1.5 SHA-256 signature with the certificate beside it.
 */
export type JpkiEvidence = { data: Uint8Array; signature: Uint8Array; certificate?: Uint8Array };

/**
 * What a revocation check is given of the applicant's certificate (read without `X509Certificate`:
 * see `applicant-certificate.ts`): its serial number, its issuer's name and, for a service that
 * takes the whole certificate, its DER.
 */
export type RevokableCertificate = {
  /** Hex, lower case, no leading zero bytes. */
  serialNumber: string;
  /** The issuer's DER Name. */
  issuerName: Buffer;
  der: Buffer;
};

/** Revocation status comes only through J-LIS (in practice a platform operator): a port. */
export type JpkiRevocation = {
  /** `issuer` is the trust anchor that issued and signed the certificate. */
  status(certificate: RevokableCertificate, issuer: X509Certificate, at: Date): Promise<"good" | "revoked" | "unknown">;
};

/** The local implementation: CRL files (a platform-operator adapter replaces it in production). */
export function crlRevocation(crls: readonly Crl[]): JpkiRevocation {
  return {
    status: async (certificate, issuer, at) => {
      const status = revocationStatus(certificate.serialNumber, issuer, crls, at);
      return status === "invalid_crl" ? "unknown" : status; // unknown goes to a person
    },
  };
}

export type JpkiVerification = {
  valid: boolean;
  checks: CheckResult[];
  fields: {
    certificate?: CertificateSummary;
    particulars?: JpkiParticulars;
    format?: "cms" | "pkcs1";
  };
};

export const JPKI_LIMITS = { signatureBytes: 64 * 1024, dataBytes: 64 * 1024 };

export async function verifyJpkiSignature(
  evidence: JpkiEvidence,
  context: {
    anchors: readonly X509Certificate[];
    revocation: JpkiRevocation;
    at: Date;
    form?: Pick<Particulars, "name" | "birthDate" | "sex" | "address">;
  },
): Promise<JpkiVerification> {
  const checks: CheckResult[] = [];
  const fields: JpkiVerification["fields"] = {};
  const done = (): JpkiVerification => ({ valid: checks.every((c) => c.status !== "fail"), checks, fields });
  const fail = (code: string, params: Record<string, string>) => {
    checks.push({ code, status: "fail", params });
    return done();
  };
  if (evidence.signature.length > JPKI_LIMITS.signatureBytes || evidence.data.length > JPKI_LIMITS.dataBytes) {
    return fail("jpki.signature_readable", { reason: "larger than 64 KiB" });
  }
  const data = Buffer.from(evidence.data);

  // 1. Read the signature and find the certificate.
  let certificate: ApplicantCertificate;
  let signatureValid: boolean;
  let signedDataMatches: boolean | null = null;
  try {
    const given = evidence.certificate ? readGivenCertificate(Buffer.from(evidence.certificate)) : undefined;
    if (looksLikeCms(evidence.signature)) {
      fields.format = "cms";
      const parsed = parseSignedData(evidence.signature);
      const found = signerApplicantCertificate(parsed.certificates, parsed.signer.sid) ?? given;
      if (!found)
        return fail("jpki.signature_readable", { reason: "no signing certificate in the signature or beside it" });
      certificate = found;
      // Content attached but not ours: signed over something else (other particulars, another application).
      signedDataMatches = !parsed.eContent || parsed.eContent.equals(data);
      signatureValid = verifySignerSignature(parsed, certificate, parsed.eContent ?? data).ok;
    } else {
      fields.format = "pkcs1";
      if (!given) return fail("jpki.signature_readable", { reason: "a raw signature needs the certificate beside it" });
      certificate = given;
      signatureValid = verify("sha256", data, certificate.publicKey, Buffer.from(evidence.signature));
      // A raw signature carries no content: verified over our data (the application's reference and
      // particulars), it was made over exactly that. Unverified, what it was made over is unknown, and
      // jpki.signature_valid says so. (Missing, the policy's NF_JPKI could never be complete: the
      // Digital Authentication App returns raw signatures.)
      signedDataMatches = signatureValid ? true : null;
    }
  } catch (error) {
    const reason = error instanceof CmsError || error instanceof Error ? error.message : String(error);
    return fail("jpki.signature_readable", { reason });
  }
  checks.push({ code: "jpki.signature_readable", status: "pass" });
  if (signedDataMatches !== null)
    checks.push({ code: "jpki.signed_data_matches", status: signedDataMatches ? "pass" : "fail" });
  checks.push({ code: "jpki.signature_valid", status: signatureValid ? "pass" : "fail" });
  fields.certificate = { ...certificate.summary };

  // 2. It is a signing certificate (with the particulars), issued by the JPKI CA, valid, not revoked.
  const { particulars, keyUsage: usage } = certificate;
  checks.push(
    particulars && usage?.nonRepudiation
      ? { code: "jpki.signing_certificate", status: "pass" }
      : { code: "jpki.signing_certificate", status: "fail" },
  );
  const issuer = certificate.issuedBy(context.anchors);
  checks.push({ code: "jpki.certificate_trusted", status: issuer ? "pass" : "fail" });
  const validity = periodAt(certificate.validity, context.at);
  checks.push(
    validity === "valid"
      ? { code: "jpki.certificate_valid", status: "pass" }
      : { code: "jpki.certificate_valid", status: "fail", params: { reason: validity } },
  );
  if (issuer) {
    const { serialNumber, issuerName, der } = certificate;
    const status = await context.revocation.status({ serialNumber, issuerName, der }, issuer, context.at);
    checks.push({
      code: "jpki.certificate_not_revoked",
      status: status === "good" ? "pass" : status === "revoked" ? "fail" : "review",
    });
  }

  // 3. What it says of the person, against the form.
  if (particulars) {
    fields.particulars = particulars;
    if (context.form) checks.push(compareJpkiParticulars(particulars, context.form));
  }
  return done();
}

function looksLikeCms(signature: Uint8Array): boolean {
  // A ContentInfo starts with SEQUENCE and the OID of signedData (1.2.840.113549.1.7.2).
  const oid = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
  return signature[0] === 0x30 && Buffer.from(signature.subarray(0, 16)).includes(oid);
}
