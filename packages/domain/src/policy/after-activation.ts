import type { HolderChangeKind, HolderChangeRule, Policy, TransferRelationship, TransferStep } from "./policy.ts";
import { inForce, PolicyResolutionError } from "./resolve-policy.ts";

/**
 * What the policies in force on a day ask of changes after activation. As with applications, the
 * statutory policy decides and house policies can only add: a house rule may ask for evidence where
 * the law does not, or keep a step the law exempts relatives from.
 */
export type PolicyPin = { id: string; version: string };

export type HolderChangeRequirements = {
  policy: PolicyPin;
  kind: HolderChangeKind;
  evidenceRequired: boolean;
  documents: HolderChangeRule["documents"];
  supportingDocumentMaxAgeMonths: number | null;
};

export function holderChangeRequirements(
  policies: readonly Policy[],
  kind: HolderChangeKind,
  at: string,
): HolderChangeRequirements {
  const law = statutoryInForce(policies, at);
  const rule = law.holderChanges?.[kind];
  if (!rule) throw new PolicyResolutionError(`${law.id}@${law.version} says nothing about changes of the ${kind}`);
  let evidenceRequired = rule.evidenceRequired;
  let documents = rule.documents;
  let maxAge = rule.supportingDocumentMaxAgeMonths;
  for (const house of policies.filter((p) => p.kind === "house" && inForce(p, at) && p.holderChanges)) {
    const stricter = house.holderChanges?.[kind];
    if (!stricter?.evidenceRequired) continue;
    if (!evidenceRequired) documents = stricter.documents;
    else documents = documents.filter((d) => stricter.documents.includes(d));
    evidenceRequired = true;
    const houseAge = stricter.supportingDocumentMaxAgeMonths;
    if (houseAge !== null && (maxAge === null || houseAge < maxAge)) maxAge = houseAge;
  }
  return {
    policy: { id: law.id, version: law.version },
    kind,
    evidenceRequired,
    documents,
    supportingDocumentMaxAgeMonths: maxAge,
  };
}

/** Who asks for a step of a transfer: the law, only the operator's house rule, or nobody. */
export type RequiredBy = "law" | "house" | "none";

export type TransferRequirements = {
  policy: PolicyPin;
  relationship: TransferRelationship;
  /** Whether the relationship is one the law's exemption covers. */
  exemptRelative: boolean;
  steps: Record<TransferStep, RequiredBy>;
};

export function transferRequirements(
  policies: readonly Policy[],
  relationship: TransferRelationship,
  at: string,
): TransferRequirements {
  const law = statutoryInForce(policies, at);
  const rule = law.transfer;
  if (!rule) throw new PolicyResolutionError(`${law.id}@${law.version} says nothing about transfers`);
  const exempt = (r: NonNullable<Policy["transfer"]>, step: TransferStep) =>
    relationship !== "none" && r.exemptRelationships.includes(relationship) && r.exemptFrom.includes(step);
  const house = policies.filter((p) => p.kind === "house" && inForce(p, at) && p.transfer);
  const step = (name: TransferStep, required: (r: NonNullable<Policy["transfer"]>) => boolean): RequiredBy => {
    if (required(rule) && !exempt(rule, name)) return "law";
    return house.some((p) => p.transfer && required(p.transfer) && !exempt(p.transfer, name)) ? "house" : "none";
  };
  return {
    policy: { id: law.id, version: law.version },
    relationship,
    exemptRelative: relationship !== "none" && rule.exemptRelationships.includes(relationship),
    steps: {
      carrier_consent: step("carrier_consent", (r) => r.carrierConsentRequired),
      new_holder_verification: step("new_holder_verification", (r) => r.newHolderVerificationRequired),
    },
  };
}

function statutoryInForce(policies: readonly Policy[], at: string): Policy {
  const statutory = policies.filter((p) => p.kind === "statutory" && inForce(p, at));
  if (statutory.length !== 1) {
    throw new PolicyResolutionError(`${statutory.length} statutory policies are in force on ${at}: need exactly one`);
  }
  return statutory[0] as Policy;
}
