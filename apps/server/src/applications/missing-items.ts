import type { Particulars, VerificationRequirements } from "@jitsumei/domain";
import type { StoredEvidence } from "./load-application-data.ts";

export type MissingItem = { field: string; reason: string };

/** What the applicant must still provide before the application can be submitted. */
export function missingItems(
  requirements: VerificationRequirements,
  particulars: Particulars | null,
  evidence: readonly StoredEvidence[],
): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!particulars) missing.push({ field: "applicant", reason: "particulars are required (PUT .../applicant)" });
  else if (requirements.addressRequired && !particulars.address) {
    missing.push({ field: "applicant.address", reason: "an address in Japan is required for this plan" });
  }
  if (!evidence.some((e) => e.kind === "mrz")) {
    missing.push({
      field: "evidence.mrz",
      reason: "the document's machine-readable zone is required (POST .../evidence)",
    });
  }
  return missing;
}
