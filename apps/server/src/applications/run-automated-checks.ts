import {
  type CheckResult,
  checkApplicantOfAge,
  checkDocumentNotExpired,
  checkDocumentTypeAccepted,
  checkMrzMatchesForm,
  checkMrzValid,
  type Particulars,
  type Plan,
  parseMrz,
  todayInJapan,
  type VerificationRequirements,
} from "@jitsumei/domain";
import {
  checkFaceMatch,
  type FaceImage,
  type FaceMatcher,
  verifyJpkiSignature,
  verifyPassiveAuthentication,
  verifyResidenceCardChip,
} from "@jitsumei/evidence";
import type { EvidenceTrust } from "../evidence/evidence-trust.ts";
import { jpkiSigningPayload } from "../evidence/jpki-payload.ts";
import type { StoredEvidence } from "./load-application-data.ts";

/**
 * Every automated check of an application, run again at submission on the evidence as stored:
 * the form (document type, expiry, age), the MRZ (typed, or read from a verified chip), the chip's
 * passive authentication, the JPKI signature, and whether a verification method the plan allows is
 * complete.
 */
export async function runAutomatedChecks(input: {
  reference: string;
  plan: Plan;
  requirements: VerificationRequirements;
  particulars: Particulars;
  evidence: readonly StoredEvidence[];
  trust: EvidenceTrust;
  faces: FaceMatcher;
  now: Date;
}): Promise<CheckResult[]> {
  const { particulars, requirements, now } = input;
  const today = todayInJapan(now);
  const results: CheckResult[] = [
    checkDocumentTypeAccepted(particulars.document.type, requirements.acceptedDocuments),
    checkDocumentNotExpired(particulars.document.expiryDate, today),
    checkApplicantOfAge(particulars.birthDate, today, requirements.minimumAge),
  ];

  const chip = latest(input.evidence, "chip");
  let chipValid = false;
  let chipMrz: string[] | undefined;
  let chipFace: FaceImage | undefined;
  if (chip) {
    const pa = verifyPassiveAuthentication(
      {
        sod: Buffer.from(chip.sod, "base64"),
        dataGroups: Object.fromEntries(
          Object.entries(chip.dataGroups).map(([n, b]) => [Number(n), Buffer.from(b, "base64")]),
        ),
      },
      input.trust.csca,
      { at: now },
    );
    results.push(...pa.checks);
    chipValid = pa.valid;
    chipMrz = pa.fields.mrzLines;
    chipFace = pa.fields.face;
  }
  const residenceCard = latest(input.evidence, "residence_card_chip");
  if (residenceCard && !chip) {
    const bytes = (b: string) => Buffer.from(b, "base64");
    const verification = verifyResidenceCardChip(
      {
        front: bytes(residenceCard.front),
        face: bytes(residenceCard.face),
        checkCode: bytes(residenceCard.checkCode),
        certificate: bytes(residenceCard.certificate),
      },
      input.trust.csca,
      { at: now },
    );
    results.push(...verification.checks);
    chipValid = verification.valid;
    chipFace = verification.fields.face;
  }

  // NF_IC_SELFIE: the selfie against the face the issuer signed; only a verified chip's face counts.
  const selfie = latest(input.evidence, "selfie");
  let faceOk = false;
  if (selfie && chipFace && chipValid) {
    const comparison = await input.faces.compare(Buffer.from(selfie.image, "base64"), chipFace.bytes);
    const scores = {
      similarity: comparison.similarity,
      liveness: comparison.liveness,
      antiSpoof: comparison.antiSpoof,
      model: comparison.model,
    };
    const faceChecks = checkFaceMatch(comparison).map((c) =>
      c.code === "face.matches_chip_photo" || c.code === "face.live" ? { ...c, details: scores } : c,
    );
    results.push(...faceChecks);
    faceOk = ["face.matches_chip_photo", "face.live"].every((code) =>
      faceChecks.some((c) => c.code === code && c.status === "pass"),
    );
  }

  // The chip's MRZ is the issuer's; a typed one only stands in where there is no chip.
  const mrzLines = chipMrz ?? latest(input.evidence, "mrz")?.lines;
  let mrzOk = false;
  if (mrzLines) {
    const parsed = parseMrz(mrzLines, today);
    const valid = checkMrzValid(parsed);
    results.push(valid);
    if (parsed.ok) {
      const matches = checkMrzMatchesForm(particulars, parsed.fields);
      results.push(matches);
      mrzOk = valid.status === "pass" && matches.status === "pass";
    }
  }

  const jpki = latest(input.evidence, "jpki");
  let jpkiOk = false;
  if (jpki) {
    const verification = await verifyJpkiSignature(
      {
        data: jpkiSigningPayload(input.reference, particulars),
        signature: Buffer.from(jpki.signature, "base64"),
        certificate: jpki.certificate ? Buffer.from(jpki.certificate, "base64") : undefined,
      },
      { anchors: input.trust.jpki.anchors, revocation: input.trust.jpkiRevocation, at: now, form: particulars },
    );
    results.push(...verification.checks);
    jpkiOk = verification.checks.every((c) => c.status === "pass");
  }

  results.push(methodCheck(input.plan, requirements, { mrzOk, chipValid, jpkiOk, faceOk }));
  return results;
}

/**
 * `policy.method_available`: whether the evidence completes a verification method the plan allows.
 * Since 2026-04-01 a voice line online needs JPKI (NF_JPKI) or a chip read with a selfie matched to
 * the chip's photo (NF_IC_SELFIE); a face match never approves without the chip it was matched to.
 */
function methodCheck(
  plan: Plan,
  requirements: VerificationRequirements,
  done: { mrzOk: boolean; chipValid: boolean; jpkiOk: boolean; faceOk: boolean },
): CheckResult {
  const code = "policy.method_available";
  if (!requirements.evidenceRequired)
    return { code, status: "pass", params: { planId: plan.id, method: "NONE_REQUIRED" } };
  if (done.jpkiOk) return { code, status: "pass", params: { planId: plan.id, method: "NF_JPKI" } };
  if (done.chipValid && done.faceOk)
    return { code, status: "pass", params: { planId: plan.id, method: "NF_IC_SELFIE" } };
  if (requirements.mrzSufficient && done.chipValid)
    return { code, status: "pass", params: { planId: plan.id, method: "CHIP" } };
  if (requirements.mrzSufficient && done.mrzOk)
    return { code, status: "pass", params: { planId: plan.id, method: "MRZ" } };
  return { code, status: "review", params: { planId: plan.id } };
}

function latest<K extends StoredEvidence["kind"]>(
  evidence: readonly StoredEvidence[],
  kind: K,
): Extract<StoredEvidence, { kind: K }> | undefined {
  return evidence.find((e): e is Extract<StoredEvidence, { kind: K }> => e.kind === kind);
}
