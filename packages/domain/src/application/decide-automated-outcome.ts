import type { CheckResult } from "../checks/check.ts";

/**
 * How the results of the automated checks move an application on. What a failed check leads to is
 * a property of the check: the applicant can fix it (correct the form, read the chip again, sign
 * again), a person must look (e.g. a country whose signing CA we do not hold), or no correction can
 * cure it (an expired document, a tampered chip). The harshest consequence among the failures wins;
 * otherwise anything a check could not decide goes to a person.
 *
 * The policy issue moves this table into the versioned policy files.
 */
export type AutomatedOutcome = "checks_passed" | "checks_need_review" | "checks_need_correction" | "checks_failed";

export type FailureConsequence = "correction" | "review" | "reject";

export const failureConsequences: Readonly<Record<string, FailureConsequence>> = {
  "mrz.valid": "correction",
  "mrz.matches_form": "correction",
  "evidence.mrz_present": "correction",
  "chip.sod_readable": "correction",
  "chip.data_groups_readable": "correction",
  "chip.document_signer_trusted": "review",
  // A used, expired or missing AA challenge: read the chip again (a fresh challenge); a signature that does
  // not verify under DG15 (chip.active_authentication) is a clone's, and rejects.
  "chip.active_authentication_challenge": "correction",
  "jpki.signature_readable": "correction",
  "jpki.signed_data_matches": "correction",
  "jpki.signature_valid": "correction",
  "jpki.signing_certificate": "correction",
  "jpki.certificate_trusted": "correction",
  "jpki.certificate_valid": "correction",
  "jpki.certificate_not_revoked": "correction", // revoked usually means moved: renew and sign again
  "jpki.particulars_match_form": "correction",
  "chip.document_type_matches": "correction",
  "face.selfie_readable": "correction",
  "face.detected_in_selfie": "correction",
  // A person compares the faces: retrying selfies until one passes must not be the way in.
  "face.matches_chip_photo": "review",
  // Everything else that fails (expired document, under age, tampered chip, revoked signer) rejects.
};

export function consequenceOfFailure(code: string): FailureConsequence {
  return failureConsequences[code] ?? "reject";
}

export function decideAutomatedOutcome(results: readonly CheckResult[]): AutomatedOutcome {
  return explainAutomatedOutcome(results).outcome;
}

/** The outcome and the checks that decided it (the harshest ones), for the record and the reader. */
export function explainAutomatedOutcome(results: readonly CheckResult[]): {
  outcome: AutomatedOutcome;
  decidedBy: CheckResult[];
} {
  const failed = results.filter((r) => r.status === "fail");
  const by = (consequence: FailureConsequence) => failed.filter((r) => consequenceOfFailure(r.code) === consequence);
  if (by("reject").length > 0) return { outcome: "checks_failed", decidedBy: by("reject") };
  if (by("correction").length > 0) return { outcome: "checks_need_correction", decidedBy: by("correction") };
  const review = [...by("review"), ...results.filter((r) => r.status === "review")];
  if (review.length > 0) return { outcome: "checks_need_review", decidedBy: review };
  return { outcome: "checks_passed", decidedBy: [] };
}
