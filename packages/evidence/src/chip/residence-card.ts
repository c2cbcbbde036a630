import { constants, createHash, publicDecrypt, verify, X509Certificate } from "node:crypto";
import type { CheckResult } from "@jitsumei/domain";
import { assessCertificate, certificateSummary } from "../x509/chain.ts";
import type { FaceImage } from "./data-groups.ts";
import { revocationCheck } from "./passive-authentication.ts";
import type { TrustStore } from "./trust-store.ts";

/**
 * The residence card's (在留カード) own chip signature, which is not ICAO's (EVIDENCE.md):
 * - first generation: the check code (tag DA, 256 bytes) is RSA-2048 PKCS#1 v1.5 with SHA-256 over the
 *   card-front image (D0) zero-padded to 7,000 bytes followed by the face image (D1) zero-padded to
 *   3,000 bytes, with the signing certificate in DB;
 * - second generation (from 2024, one public source, unconfirmed on real cards): ECDSA P-384 over the
 *   same bytes, r ‖ s in DC, certificate in DD.
 * Public descriptions differ on whether the RSA block holds a DigestInfo or the bare hash; both are
 * accepted and the result says which was found.
 */
export type ResidenceCardChip = {
  front: Uint8Array; // D0
  face: Uint8Array; // D1
  checkCode: Uint8Array; // DA (RSA) or DC (ECDSA r ‖ s)
  certificate: Uint8Array; // DB or DD
};

export type ResidenceCardVerification = {
  valid: boolean;
  checks: CheckResult[];
  fields: { scheme?: string; signer?: ReturnType<typeof certificateSummary>; face?: FaceImage };
};

const FRONT_SIZE = 7000;
const FACE_SIZE = 3000;

export function signedBytesOfResidenceCard(front: Uint8Array, face: Uint8Array): Buffer {
  const data = Buffer.alloc(FRONT_SIZE + FACE_SIZE);
  data.set(front, 0);
  data.set(face, FRONT_SIZE);
  return data;
}

export function verifyResidenceCardChip(
  chip: ResidenceCardChip,
  trust: Pick<TrustStore, "anchors" | "crls">,
  options: { at: Date },
): ResidenceCardVerification {
  const checks: CheckResult[] = [];
  const fields: ResidenceCardVerification["fields"] = {};
  const done = () => ({ valid: checks.every((c) => c.status !== "fail"), checks, fields });
  const oversized =
    chip.front.length > FRONT_SIZE
      ? "front"
      : chip.face.length > FACE_SIZE
        ? "face"
        : chip.checkCode.length > 512
          ? "checkCode"
          : null;
  if (oversized) {
    checks.push({
      code: "chip.sod_readable",
      status: "fail",
      params: { reason: "larger than a residence card holds", field: oversized },
    });
    return done();
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(chip.certificate));
  } catch {
    checks.push({
      code: "chip.sod_readable",
      status: "fail",
      params: { reason: "the signing certificate is unreadable", field: "certificate" },
    });
    return done();
  }
  checks.push({ code: "chip.sod_readable", status: "pass" });
  fields.signer = certificateSummary(certificate);

  const data = signedBytesOfResidenceCard(chip.front, chip.face);
  const scheme = checkCodeScheme(certificate, data, Buffer.from(chip.checkCode));
  if (scheme) fields.scheme = scheme;
  checks.push({ code: "chip.sod_signature", status: scheme ? "pass" : "fail" });

  const assessment = assessCertificate(certificate, trust.anchors, trust.crls, options.at);
  checks.push({ code: "chip.document_signer_trusted", status: assessment.issuer ? "pass" : "fail" });
  if (assessment.issuer) {
    checks.push(
      assessment.validAt === "valid"
        ? { code: "chip.document_signer_valid", status: "pass" }
        : {
            code: "chip.document_signer_valid",
            status: "fail",
            params: { reason: `document signer certificate ${assessment.validAt}` },
          },
    );
    checks.push(revocationCheck(assessment.revocation));
  }
  const faceBytes = Buffer.from(chip.face);
  if (faceBytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])))
    fields.face = { format: "jpeg", bytes: faceBytes };
  else if (faceBytes.length > 0) fields.face = { format: "jpeg2000", bytes: faceBytes };
  return done();
}

function checkCodeScheme(certificate: X509Certificate, data: Buffer, checkCode: Buffer): string | null {
  try {
    // Inside the try: a certificate whose key does not decode throws here, not when it is parsed.
    const key = certificate.publicKey;
    if (key.asymmetricKeyType === "rsa") {
      if (verify("sha256", data, key, checkCode)) return "rsa-pkcs1-sha256";
      // The bare-hash variant: the block decrypts to the SHA-256 itself, without a DigestInfo.
      const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, checkCode);
      return recovered.equals(createHash("sha256").update(data).digest()) ? "rsa-pkcs1-bare-sha256" : null;
    }
    if (key.asymmetricKeyType === "ec") {
      return verify("sha384", data, { key, dsaEncoding: "ieee-p1363" }, checkCode) ? "ecdsa-p1363-sha384" : null;
    }
  } catch {
    return null;
  }
  return null;
}
