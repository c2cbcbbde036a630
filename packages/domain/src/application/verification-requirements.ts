import { isCoveredByLaw, type Plan } from "../plans/plans.ts";
import type { DocumentType } from "./particulars.ts";

/**
 * What an application on a plan must show before automated approval.
 *
 * This is the foundation's minimum, pending the versioned policy files of the policy issue, which
 * will replace this function with a lookup in the policy version pinned at submission. It already
 * encodes the one rule that matters most: since 2026-04-01 a voice line is never approved on an MRZ
 * alone (LAW.md, Methods: NF_IMAGE_SELFIE abolished; chip or JPKI needed).
 */
export type VerificationRequirements = {
  minimumAge: number;
  acceptedDocuments: readonly DocumentType[];
  addressRequired: boolean;
  /** Whether checking the MRZ against the form is enough to approve without a person. */
  mrzSufficient: boolean;
};

export function verificationRequirementsFor(plan: Pick<Plan, "services">): VerificationRequirements {
  if (isCoveredByLaw(plan)) {
    return {
      minimumAge: 18,
      acceptedDocuments: [
        "passport",
        "residence_card",
        "special_permanent_resident_certificate",
        "my_number_card",
        "drivers_licence",
      ],
      addressRequired: true,
      mrzSufficient: false,
    };
  }
  // Data-only: the law asks nothing, but the operator registers the passport as visitor SIMs do.
  return {
    minimumAge: 18,
    acceptedDocuments: ["passport", "residence_card"],
    addressRequired: false,
    mrzSufficient: true,
  };
}
