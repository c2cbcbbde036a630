import type { ResolvedRules } from "../policy/resolve-policy.ts";
import type { DocumentType } from "./particulars.ts";

/**
 * What an application must show, derived from the policy that applies to it (resolvePolicy): the
 * documents the allowed methods accept, the minimum age, whether an address is needed (the law's
 * identifying particulars are name, address and date of birth), and whether a checked MRZ alone
 * completes a method (DOC_REGISTRATION, a house rule for data SIMs; never a method of the Act).
 */
export type VerificationRequirements = {
  minimumAge: number;
  acceptedDocuments: readonly DocumentType[];
  addressRequired: boolean;
  evidenceRequired: boolean;
  mrzSufficient: boolean;
  methods: ResolvedRules["methods"];
};

export function requirementsFromRules(rules: ResolvedRules): VerificationRequirements {
  const documents = new Set(Object.values(rules.documents).flat());
  return {
    minimumAge: rules.minimumAge,
    acceptedDocuments: [...documents].sort(),
    addressRequired: rules.legallyRequired,
    evidenceRequired: rules.verificationRequired,
    mrzSufficient: rules.methods.includes("DOC_REGISTRATION"),
    methods: rules.methods,
  };
}
