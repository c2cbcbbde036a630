import { hash as digestOf, type X509Certificate } from "node:crypto";
import type { CheckResult } from "@jitsumei/domain";
import * as asn1js from "asn1js";
import { CmsError, certificateMatchesSigner, parseSignedData, verifySignerSignature } from "../asn1/cms.ts";
import { algorithmOf, children, DER, DerError, expectTag, readOne } from "../asn1/der.ts";
import { readTlv, type Tlv } from "../asn1/tlv.ts";
import { issuerCertificate, issuerCertificateFields } from "../x509/cache.ts";
import { assessCertificate, type CertificateTrust, certificateSummary, keyUsageOf } from "../x509/chain.ts";
import { hashNameOf } from "./algorithms.ts";
import { DataGroupError, type FaceImage, faceFromDg2, mrzFromDg1 } from "./data-groups.ts";
import type { TrustStore } from "./trust-store.ts";

/**
 * Passive authentication of an ePassport or ID-card chip (ICAO 9303-11 §5.1): the data groups read
 * hash to the values in the SOD, the SOD is signed by its document signer (DS), and the DS
 * certificate chains to a trusted country signing CA (CSCA), is valid and not revoked.
 *
 * It proves the data was written by the issuer, not that the chip is genuine (a clone passes):
 * Active or Chip Authentication would, and the selfie-to-chip-photo match binds it to a person.
 */
export type ChipEvidence = { sod: Uint8Array; dataGroups: Readonly<Record<number, Uint8Array>> };

export type PassiveAuthentication = {
  valid: boolean;
  checks: CheckResult[];
  fields: {
    ldsContentType?: string;
    hashAlgorithm?: string;
    signatureScheme?: string;
    dataGroupsSigned?: number[];
    documentSigner?: ReturnType<typeof certificateSummary>;
    countrySigningCa?: ReturnType<typeof certificateSummary>;
    mrzLines?: string[];
    face?: FaceImage;
  };
};

export const LDS_SECURITY_OBJECT = "2.23.136.1.1.1";
// Seen in the wild for the SOD's content (EVIDENCE.md): tolerated, and named in the result.
const TOLERATED_CONTENT_TYPES = ["1.3.27.1.1.1", "1.2.528.1.1006.1.20.1", "1.2.840.113549.1.7.1"];

export const CHIP_LIMITS = { sodBytes: 64 * 1024, dataGroupBytes: 512 * 1024, dataGroups: 16 };

export function verifyPassiveAuthentication(
  evidence: ChipEvidence,
  trust: Pick<TrustStore, "anchors" | "crls">,
  options: { at: Date },
): PassiveAuthentication {
  const checks: CheckResult[] = [];
  const fields: PassiveAuthentication["fields"] = {};
  const done = () => ({ valid: checks.every((c) => c.status !== "fail"), checks, fields });
  const fail = (code: string, reason: string) => {
    checks.push({ code, status: "fail", params: { reason } });
    return done();
  };

  if (evidence.sod.length > CHIP_LIMITS.sodBytes) return fail("chip.sod_readable", "the SOD is larger than 64 KiB");
  const groups = Object.entries(evidence.dataGroups).map(([n, bytes]) => ({ number: Number(n), bytes }));
  if (groups.length > CHIP_LIMITS.dataGroups || groups.some((g) => g.bytes.length > CHIP_LIMITS.dataGroupBytes)) {
    return fail("chip.sod_readable", "too many or too large data groups");
  }

  // 1. The SOD: tag 77 around a CMS SignedData whose content is the LDS security object.
  let parsed: ReturnType<typeof parseSignedData>;
  let lds: { hash: string; hashes: Map<number, Buffer> };
  try {
    const sod = readTlv(evidence.sod);
    if (sod.tag !== 0x77) throw new CmsError("EF.SOD does not start with tag 77");
    // 9303-10 §4.6.2: EF.SOD is the one element; other verifiers refuse bytes after it, so do we.
    if (sod.end !== evidence.sod.length) throw new CmsError("EF.SOD has bytes after its element");
    parsed = parseSignedData(sod.value);
    // 9303-10 Table 37: SignedData version 3 (a SOD of another version was accepted before issue #22).
    if (parsed.version !== 3) throw new CmsError(`the SOD's SignedData version is ${parsed.version}, not 3`);
    if (!parsed.eContent) throw new CmsError("the SOD carries no content");
    lds = parseLdsSecurityObject(parsed.eContent);
  } catch (error) {
    return fail("chip.sod_readable", error instanceof Error ? error.message : String(error));
  }
  if (parsed.eContentType !== LDS_SECURITY_OBJECT && !TOLERATED_CONTENT_TYPES.includes(parsed.eContentType)) {
    return fail("chip.sod_readable", `the SOD's content type ${parsed.eContentType} is not an LDS security object`);
  }
  checks.push({ code: "chip.sod_readable", status: "pass" });
  fields.ldsContentType = parsed.eContentType;
  fields.hashAlgorithm = lds.hash;
  fields.dataGroupsSigned = [...lds.hashes.keys()].sort((a, b) => a - b);

  // 2. Each data group as read hashes to the value the issuer signed.
  const mismatched: number[] = [];
  for (const group of groups) {
    const expected = lds.hashes.get(group.number);
    const actual = digestOf(lds.hash, group.bytes, "buffer");
    if (!expected?.equals(actual)) mismatched.push(group.number);
  }
  if (!evidence.dataGroups[1]) mismatched.push(1);
  checks.push(
    mismatched.length === 0
      ? {
          code: "chip.data_group_hashes",
          status: "pass",
          params: { dataGroups: groups.map((g) => g.number).join(",") },
        }
      : {
          code: "chip.data_group_hashes",
          status: "fail",
          params: { dataGroups: [...new Set(mismatched)].sort().join(",") },
        },
  );

  // 3. The document signer's certificate travels in the SOD; its signature covers the SOD.
  const dsDer = parsed.certificates.find((c) => {
    try {
      return certificateMatchesSigner(c, parsed.signer.sid, issuerCertificateFields);
    } catch {
      return false;
    }
  });
  if (!dsDer) return fail("chip.document_signer_trusted", "the SOD does not carry its document signer's certificate");
  let ds: X509Certificate;
  try {
    ds = issuerCertificate(dsDer);
  } catch (error) {
    return fail("chip.document_signer_trusted", `the document signer's certificate is unreadable: ${String(error)}`);
  }
  fields.documentSigner = certificateSummary(ds);
  const signature = verifySignerSignature(parsed, ds, parsed.eContent ?? Buffer.alloc(0));
  checks.push(
    signature.ok
      ? { code: "chip.sod_signature", status: "pass" }
      : { code: "chip.sod_signature", status: "fail", params: { reason: signature.reason } },
  );
  if (signature.ok) fields.signatureScheme = `${signature.scheme}-${signature.hash}`;

  // 4. The document signer chains to a trusted CSCA, is valid today, may sign, and is not revoked.
  const trustAssessment = assessCertificate(ds, trust.anchors, trust.crls, options.at);
  if (!trustAssessment.issuer) {
    checks.push({
      code: "chip.document_signer_trusted",
      status: "fail",
      params: { issuer: ds.issuer.replaceAll("\n", ", ") },
    });
    return done();
  }
  fields.countrySigningCa = certificateSummary(trustAssessment.issuer);
  checks.push({ code: "chip.document_signer_trusted", status: "pass" });
  checks.push(
    trustAssessment.validAt === "valid" && trustAssessment.issuerValidAt === "valid"
      ? { code: "chip.document_signer_valid", status: "pass" }
      : {
          code: "chip.document_signer_valid",
          status: "fail",
          params: {
            reason:
              trustAssessment.validAt !== "valid"
                ? `document signer certificate ${trustAssessment.validAt}`
                : `country signing CA certificate ${trustAssessment.issuerValidAt}`,
          },
        },
  );
  const usage = keyUsageOf(ds);
  if (usage && !usage.digitalSignature) {
    checks.push({
      code: "chip.document_signer_valid",
      status: "fail",
      params: { reason: "not allowed to sign (key usage)" },
    });
  }
  checks.push(revocationCheck(trustAssessment.revocation));

  // 5. What the chip says: the MRZ (compared with the form by the caller) and the face.
  try {
    if (evidence.dataGroups[1]) fields.mrzLines = mrzFromDg1(evidence.dataGroups[1]);
    if (evidence.dataGroups[2]) fields.face = faceFromDg2(evidence.dataGroups[2]);
  } catch (error) {
    if (!(error instanceof DataGroupError)) throw error;
    checks.push({ code: "chip.data_groups_readable", status: "fail", params: { reason: error.message } });
  }
  return done();
}

/**
 * `chip.document_signer_not_revoked`: revoked fails; a CRL from the issuer whose signature does not
 * verify goes to a person; with no CRL at all (none published here) it passes, and says so.
 */
export function revocationCheck(revocation: CertificateTrust["revocation"]): CheckResult {
  const code = "chip.document_signer_not_revoked";
  if (revocation === "revoked") return { code, status: "fail" };
  if (revocation === "invalid_crl") return { code, status: "review", params: { crl: "invalid" } };
  return { code, status: "pass", params: { crl: revocation === "good" ? "checked" : "unavailable" } };
}

/** LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, SEQUENCE OF { dataGroupNumber, hash } … } */
export function parseLdsSecurityObject(der: Buffer): { hash: string; hashes: Map<number, Buffer> } {
  try {
    return parseLdsSecurityObjectDer(der);
  } catch {
    return parseLdsSecurityObjectGeneric(der); // decides, and words the error
  }
}

export function parseLdsSecurityObjectDer(der: Buffer): { hash: string; hashes: Map<number, Buffer> } {
  const [version, algorithm, groups, ...rest] = children(readOne(der, DER.sequence).value, 4);
  if (rest.length > 1 || (rest[0] && rest[0].tag !== DER.sequence)) throw new DerError("unexpected fields"); // ldsVersionInfo
  expectTag(version, DER.integer);
  const hash = hashNameOf(algorithmOf(algorithm as Tlv).oid);
  if (!hash) throw new DerError("unsupported hash");
  const hashes = new Map<number, Buffer>();
  for (const entry of children(expectTag(groups, DER.sequence).value, 16)) {
    const [number, value, extra] = children(expectTag(entry, DER.sequence).value, 3);
    const digits = expectTag(number, DER.integer).value;
    if (extra || digits.length !== 1) throw new DerError("a data group hash entry is unexpected");
    const n = digits[0] as number;
    if (n < 1 || n > 16 || hashes.has(n)) throw new DerError("data group number out of range or repeated");
    hashes.set(n, Buffer.from(expectTag(value, DER.octetString).value));
  }
  return { hash, hashes };
}

export function parseLdsSecurityObjectGeneric(der: Buffer): { hash: string; hashes: Map<number, Buffer> } {
  const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence))
    throw new CmsError("the LDS security object is not a SEQUENCE");
  const [version, algorithm, groups] = parsed.result.valueBlock.value;
  if (
    !(version instanceof asn1js.Integer) ||
    !(algorithm instanceof asn1js.Sequence) ||
    !(groups instanceof asn1js.Sequence)
  ) {
    throw new CmsError("the LDS security object is malformed");
  }
  const oid = algorithm.valueBlock.value[0];
  const hash = oid instanceof asn1js.ObjectIdentifier ? hashNameOf(oid.valueBlock.toString()) : null;
  if (!hash) throw new CmsError("the LDS security object names an unsupported hash algorithm");
  const hashes = new Map<number, Buffer>();
  for (const entry of groups.valueBlock.value) {
    const [number, value] = entry instanceof asn1js.Sequence ? entry.valueBlock.value : [];
    if (!(number instanceof asn1js.Integer) || !(value instanceof asn1js.OctetString)) {
      throw new CmsError("a data group hash entry is malformed");
    }
    const n = number.valueBlock.valueDec;
    if (n < 1 || n > 16 || hashes.has(n)) throw new CmsError(`data group number ${n} is out of range or repeated`);
    hashes.set(n, Buffer.from(value.valueBlock.valueHexView));
  }
  return { hash, hashes };
}
