import type { CheckResult } from "../checks/check.ts";
import type { VerificationMethod } from "../policy/policy.ts";
import { type ResolvedRules, requiredChecksFor } from "../policy/resolve-policy.ts";
import type { AutomatedOutcome } from "./decide-automated-outcome.ts";
import type { DocumentType } from "./particulars.ts";

/**
 * Whether a person may approve an application, under the policy pinned to it (its required checks
 * per method, and per document where the policy says: a My Number card read at the counter proves
 * itself by other checks than a passport's chip) and the results of its latest automated checks. The law accepts a line when one allowed
 * method is complete; a reviewer's approval is not a method.
 *
 * - `method_complete`: every check the policy requires for one allowed method passed (or the policy
 *   requires no verification). One reviewer may approve; `checks` names the checks that made it so
 *   (the verification record and the case view say which).
 * - `person_decides`: the evidence of an allowed method was given, but not all of its required checks
 *   passed (a signer we do not hold, a face a matcher could not compare, a residence card whose front
 *   a person reads). Only the four-eyes override approves: a reviewer proposes with a reason, a
 *   different senior reviewer confirms.
 * - `evidence_missing`: no allowed method's evidence was given at all (a chip without the selfie
 *   NF_IC_SELFIE needs). Nobody may approve; the answer is a correction request naming what to bring.
 */
export type ApprovalBasis =
  | { kind: "method_complete"; method: VerificationMethod | "NONE_REQUIRED"; checks: string[] }
  | { kind: "person_decides"; method: VerificationMethod; unmet: string[] }
  | { kind: "evidence_missing"; bring: { method: VerificationMethod; evidence: EvidenceNeed[] }[] };

/** The kinds of evidence an applicant gives, as the server stores them. */
export type GivenEvidence =
  | "chip"
  | "residence_card_chip"
  | "my_number_card_face"
  | "jpki"
  | "mrz"
  | "selfie"
  | "image";

/** What an applicant brings for a method: an IC chip read, a selfie, a JPKI signature, a typed MRZ. */
export type EvidenceNeed = "ic_chip" | "selfie" | "jpki_signature" | "mrz" | "document_image";

/**
 * What each method needs the applicant to have given electronically. Face-to-face and postal methods
 * need nothing here: the clerk sees the original, the post office hands over the SIM.
 */
const evidenceNeeds: Record<VerificationMethod, readonly EvidenceNeed[]> = {
  F2F_PRESENT: [],
  F2F_IC: ["ic_chip"],
  NF_IC_SELFIE: ["ic_chip", "selfie"],
  NF_JPKI: ["jpki_signature"],
  NF_SMARTPHONE_JPKI: ["jpki_signature"],
  NF_RESTRICTED_DELIVERY: [],
  NF_NONPHOTO_MAIL: [],
  NF_IMAGE_SELFIE: ["document_image", "selfie"],
  NF_COPY_MAIL: [],
  DOC_REGISTRATION: ["mrz"],
};

function given(need: EvidenceNeed, evidence: ReadonlySet<GivenEvidence>, method: VerificationMethod): boolean {
  switch (need) {
    case "ic_chip":
      // The My Number card's card-face read is a chip read only face to face: its signature covers the
      // My Number's hash, so only the counter program in the shop can check it, and the server keeps
      // that program's report. Where no clerk holds the card (NF_IC_SELFIE) a report is the client's word.
      return (
        evidence.has("chip") ||
        evidence.has("residence_card_chip") ||
        (method === "F2F_IC" && evidence.has("my_number_card_face"))
      );
    case "selfie":
      return evidence.has("selfie");
    case "jpki_signature":
      return evidence.has("jpki");
    case "document_image":
      return evidence.has("image");
    case "mrz":
      // A chip's MRZ is the issuer's own: it stands for a typed one.
      return evidence.has("mrz") || evidence.has("chip");
  }
}

export function approvalBasis(
  rules: Pick<ResolvedRules, "verificationRequired" | "methods" | "requiredChecks" | "requiredChecksByDocument">,
  checks: readonly CheckResult[],
  evidence: readonly GivenEvidence[],
  /** The document the applicant presented (the form's): its own required checks where the policy has them. */
  document: DocumentType | null,
): ApprovalBasis {
  if (!rules.verificationRequired) return { kind: "method_complete", method: "NONE_REQUIRED", checks: [] };
  const passed = new Set(checks.filter((c) => c.status === "pass").map((c) => c.code));
  const kinds = new Set(evidence);
  let decidable: { method: VerificationMethod; unmet: string[] } | null = null;
  const bring: { method: VerificationMethod; evidence: EvidenceNeed[] }[] = [];
  for (const method of rules.methods) {
    const needs = evidenceNeeds[method];
    const missing = needs.filter((need) => !given(need, kinds, method));
    if (missing.length > 0) {
      bring.push({ method, evidence: missing });
      continue;
    }
    const required = requiredChecksFor(rules, method, document);
    const unmet = required.filter((code) => !passed.has(code));
    if (unmet.length === 0) return { kind: "method_complete", method, checks: required };
    // The method with the fewest unmet checks is the one a person is asked to complete.
    if (!decidable || unmet.length < decidable.unmet.length) decidable = { method, unmet };
  }
  if (decidable) return { kind: "person_decides", ...decidable };
  return { kind: "evidence_missing", bring };
}

/**
 * What the system does after the automated checks: it approves only what a person could approve
 * alone. Nothing failed is not enough; every check the pinned policy requires for one allowed method
 * must have passed (`basis` is method_complete). Short of that, and for every answer to a reviewer's
 * correction, a person looks. A failure decides as it did.
 */
export function lawfulAutomatedOutcome(
  outcome: AutomatedOutcome,
  basis: ApprovalBasis,
  options: { answersCorrection: boolean },
): AutomatedOutcome {
  if (outcome !== "checks_passed") return outcome;
  return options.answersCorrection || basis.kind !== "method_complete" ? "checks_need_review" : "checks_passed";
}
