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
  compareJpkiParticulars,
  defaultFaceThresholds,
  type FaceComparison,
  type FaceImage,
  type FaceMatcher,
  verifyJpkiSignature,
  verifyPassiveAuthentication,
  verifyResidenceCardChip,
} from "@jitsumei/evidence";
import { answeredRevocation } from "../digital-auth/answered-revocation.ts";
import { chipAuthenticityChecks } from "../evidence/chip-authenticity.ts";
import type { EvidenceTrust } from "../evidence/evidence-trust.ts";
import { jpkiSigningPayload } from "../evidence/jpki-payload.ts";
import type { ApplicationRequirements } from "../policy/requirements-for-application.ts";
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
  requirements: ApplicationRequirements;
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
  let chipKind: "icao" | "residence_card" | "my_number_card" | null = null;
  let chipMrz: string[] | undefined;
  let chipFace: FaceImage | undefined;
  if (chip) {
    const dataGroups = Object.fromEntries(
      Object.entries(chip.dataGroups).map(([n, b]) => [Number(n), Buffer.from(b, "base64")]),
    );
    const pa = verifyPassiveAuthentication({ sod: Buffer.from(chip.sod, "base64"), dataGroups }, input.trust.csca, {
      at: now,
    });
    results.push(...pa.checks);
    // Active Authentication again on the stored answer, under the pinned policy; the challenge's
    // freshness is what the upload found (it was used up then).
    const aa = chip.activeAuthentication;
    const authenticity = chipAuthenticityChecks(
      {
        dataGroups,
        ...(aa
          ? {
              activeAuthentication: {
                challenge: Buffer.from(aa.challenge, "base64"),
                signature: Buffer.from(aa.signature, "base64"),
                challengeUse: aa.challengeUse,
              },
            }
          : {}),
        ...(chip.chipAuthentication ? { chipAuthentication: chip.chipAuthentication } : {}),
      },
      requirements.rules.chipAuthentication,
    );
    results.push(...authenticity);
    chipValid = pa.valid && authenticity.every((c) => c.status !== "fail");
    chipKind = "icao";
    // Only a verified chip's MRZ stands for the issuer; an unverified one proves nothing.
    if (pa.valid) chipMrz = pa.fields.mrzLines;
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
    chipKind = "residence_card";
    // The special permanent resident certificate's chip follows the residence card's specification (the
    // Immigration Services Agency's, one signer): its evidence is the same, for either document.
    if (!residenceCardChipDocuments.includes(particulars.document.type)) {
      results.push({
        code: "chip.document_type_matches",
        status: "fail",
        params: { documentType: particulars.document.type },
      });
    }
    chipFace = verification.fields.face;
  }

  // The My Number card read at a counter: only where no other chip was read (the ICAO or the residence
  // card's signature is the server's own proof; this one is a report).
  const cardFace = latest(input.evidence, "my_number_card_face");
  let cardFaceMatches = false;
  if (cardFace && !chip && !residenceCard) {
    const checks = cardFaceChecks(cardFace, particulars, requirements.policyChannel);
    results.push(...checks);
    chipValid = checks.every((c) => c.code !== "card_face.signature_valid" || c.status === "pass");
    chipKind = "my_number_card";
    cardFaceMatches = checks.some((c) => c.code === "card_face.particulars_match_form" && c.status === "pass");
  }

  // NF_IC_SELFIE: the selfie against the face the issuer signed; only a verified chip's face counts.
  const selfie = latest(input.evidence, "selfie");
  let faceOk = false;
  let comparison: FaceComparison | null = null;
  if (selfie && chipFace && chipValid) {
    comparison = await input.faces
      .compare(Buffer.from(selfie.image, "base64"), chipFace.bytes)
      .catch((error: unknown) => {
        // A matcher that cannot run (models failed to load) must not fail the submission: a person compares.
        results.push({
          code: "face.matches_chip_photo",
          status: "review",
          params: { reason: "matcher_unavailable" },
          details: { error: error instanceof Error ? error.message : String(error) },
        });
        return null;
      });
  }
  if (selfie && chipFace && chipValid && comparison) {
    const scores = {
      thresholds: requirements.rules.faceThresholds ?? defaultFaceThresholds,
      similarity: comparison.similarity,
      liveness: comparison.liveness,
      antiSpoof: comparison.antiSpoof,
      model: comparison.model,
    };
    // The pinned policy's thresholds (a house policy sets them); the library's defaults otherwise.
    const thresholds = requirements.rules.faceThresholds ?? defaultFaceThresholds;
    const faceChecks = checkFaceMatch(comparison, thresholds).map((c) =>
      c.code === "face.live" ? liveCheck(selfie) : c.code === "face.matches_chip_photo" ? { ...c, details: scores } : c,
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
      {
        anchors: input.trust.jpki.anchors,
        revocation: jpki.certificateStatus ? answeredRevocation(jpki.certificateStatus) : input.trust.jpkiRevocation,
        at: now,
        form: particulars,
      },
    );
    results.push(...verification.checks);
    jpkiOk = verification.checks.every((c) => c.status === "pass");
  }

  results.push(methodCheck(input.plan, requirements, { mrzOk, chipValid, chipKind, jpkiOk, faceOk, cardFaceMatches }));
  return results;
}

/**
 * The My Number card's card-face read (券面事項入力補助AP) at a counter, EVIDENCE.md and
 * evidence/my-number-card-face.ts:
 * - `card_face.signature_valid` is the counter program's report, never the server's proof: the card's
 *   signature covers the SHA-256 of the My Number (DF31), which must go nowhere, so only that program
 *   can check it. Recorded as `reportedBy: reader`, like Chip Authentication. A report counts only at a
 *   counter (the policy's shop channel), where the clerk holds the card and runs the program on the
 *   operator's PC; anywhere else it is the client's word and a person looks (`review`).
 * - `card_face.particulars_match_form` is the server's own: the particulars it parsed from the file
 *   (name, birth date, sex, address) against the form, as a JPKI certificate's are (same rules: name
 *   and birth date must match, notation of the address goes to a person). A form naming another
 *   document than the My Number card fails on `document.type`.
 */
function cardFaceChecks(
  cardFace: Extract<StoredEvidence, { kind: "my_number_card_face" }>,
  particulars: Particulars,
  channel: ApplicationRequirements["policyChannel"],
): CheckResult[] {
  const reported = { reportedBy: "reader", result: cardFace.cardSignature.result };
  const signature: CheckResult =
    cardFace.cardSignature.result !== "valid"
      ? { code: "card_face.signature_valid", status: "fail", params: reported }
      : channel === "shop"
        ? { code: "card_face.signature_valid", status: "pass", params: reported }
        : { code: "card_face.signature_valid", status: "review", params: { ...reported, reason: "not_at_counter" } };
  const card = cardFace.particulars;
  const compared = compareJpkiParticulars(
    {
      name: card.name,
      birthDate: card.birthDate,
      sex: card.sex === "male" || card.sex === "female" ? card.sex : "unspecified",
      address: card.address,
    },
    particulars,
  );
  const code = "card_face.particulars_match_form";
  const match: CheckResult =
    particulars.document.type === "my_number_card"
      ? { ...compared, code }
      : {
          code,
          status: "fail",
          params: {
            fields: ["document.type", ...String(compared.params?.fields ?? "").split(",")].filter(Boolean).join(","),
          },
        };
  return [signature, match];
}

/**
 * `policy.method_available`: whether the evidence completes a verification method the pinned policy
 * allows. NF_JPKI proves name, birth date and address (the certificate carries them). NF_IC_SELFIE
 * proves the face and the chip's data, but no passport chip holds an address (LAW.md, Documents) and
 * a residence card's signed data is two images a person must read: where the law needs the address,
 * or the chip has no MRZ to compare, a person completes it. A face match never approves on its own.
 */
/** The documents whose chip is a residence card chip (在留カード・特別永住者証明書, one IC specification). */
const residenceCardChipDocuments: readonly string[] = ["residence_card", "special_permanent_resident_certificate"];

function methodCheck(
  plan: Plan,
  requirements: VerificationRequirements,
  done: {
    mrzOk: boolean;
    chipValid: boolean;
    chipKind: "icao" | "residence_card" | "my_number_card" | null;
    jpkiOk: boolean;
    faceOk: boolean;
    cardFaceMatches: boolean;
  },
): CheckResult {
  const code = "policy.method_available";
  const allowed = (method: string) => (requirements.methods as readonly string[]).includes(method);
  const pass = (method: string) => ({ code, status: "pass" as const, params: { planId: plan.id, method } });
  // `pendingMethod`: the method this evidence completes once a person resolves `reason` (the
  // verification record names it when a reviewer approves; `method` stays for a method found alone).
  const review = (reason: string, pendingMethod?: string) => ({
    code,
    status: "review" as const,
    params: { planId: plan.id, reason, ...(pendingMethod ? { pendingMethod } : {}) },
  });
  if (!requirements.evidenceRequired) return pass("NONE_REQUIRED");
  if (done.jpkiOk && allowed("NF_JPKI")) return pass("NF_JPKI");
  if (done.chipValid && done.faceOk && allowed("NF_IC_SELFIE")) {
    if (done.chipKind === "residence_card") return review("residence_card_front_to_be_read", "NF_IC_SELFIE");
    if (!done.mrzOk) return review("chip_mrz_does_not_match", "NF_IC_SELFIE");
    if (requirements.addressRequired) return review("address_not_on_chip", "NF_IC_SELFIE");
    return pass("NF_IC_SELFIE");
  }
  // At a counter (the policy allows F2F methods only there) the clerk sees the person and the
  // original document while its chip is read: the same limits as above, without a selfie.
  if (done.chipValid && allowed("F2F_IC")) {
    if (done.chipKind === "residence_card") return review("residence_card_front_to_be_read", "F2F_IC");
    // The card-face particulars hold the address (住居): nothing is left for a person when they match.
    if (done.chipKind === "my_number_card") {
      return done.cardFaceMatches ? pass("F2F_IC") : review("card_face_particulars_differ", "F2F_IC");
    }
    if (!done.mrzOk) return review("chip_mrz_does_not_match", "F2F_IC");
    if (requirements.addressRequired) return review("address_not_on_chip", "F2F_IC");
    return pass("F2F_IC");
  }
  // "CHIP" is a verified chip whose MRZ matched; a card-face read has no MRZ, so a typed one stands alone.
  if (requirements.mrzSufficient && done.chipValid && done.chipKind !== "my_number_card" && done.mrzOk) {
    return pass("CHIP");
  }
  if (requirements.mrzSufficient && done.mrzOk) return pass("MRZ");
  return review("no_method_complete");
}

/**
 * `face.live`: only a selfie taken in a liveness challenge the server issued and judged passes, and
 * only when human's passive models agreed over its frames; an uploaded picture (a drawing, a photo of
 * a photo) goes to a person.
 */
function liveCheck(selfie: Extract<StoredEvidence, { kind: "selfie" }>): CheckResult {
  const live = selfie.liveness;
  if (!live) return { code: "face.live", status: "review", params: { reason: "not_captured_live" } };
  const details = { challengeId: live.challengeId, steps: live.steps, passive: live.passive, checks: live.checks };
  if (live.outcome === "pass" && live.passive.pass) return { code: "face.live", status: "pass", details };
  return { code: "face.live", status: "review", params: { reason: "passive_scores_low" }, details };
}

function latest<K extends StoredEvidence["kind"]>(
  evidence: readonly StoredEvidence[],
  kind: K,
): Extract<StoredEvidence, { kind: K }> | undefined {
  return evidence.find((e): e is Extract<StoredEvidence, { kind: K }> => e.kind === kind);
}
