import type { CheckResult } from "../checks/check.ts";

/**
 * How the results of the automated checks move an application on. The codes a person can fix by
 * correcting the form or the evidence send it back to the applicant; a failure no correction can
 * cure (an expired document, an applicant under age) rejects it; anything a check could not decide
 * goes to a person.
 */
export type AutomatedOutcome = "checks_passed" | "checks_need_review" | "checks_need_correction" | "checks_failed";

const fixableByApplicant: ReadonlySet<string> = new Set(["mrz.valid", "mrz.matches_form", "evidence.mrz_present"]);

export function decideAutomatedOutcome(results: readonly CheckResult[]): AutomatedOutcome {
  const failed = results.filter((r) => r.status === "fail");
  if (failed.some((r) => !fixableByApplicant.has(r.code))) return "checks_failed";
  if (failed.length > 0) return "checks_need_correction";
  if (results.some((r) => r.status === "review")) return "checks_need_review";
  return "checks_passed";
}
