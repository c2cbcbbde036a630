import { describe, expect, it } from "vitest";
import { holderChangeRequirements, transferRequirements } from "./after-activation.ts";
import { type Policy, policySchema } from "./policy.ts";

const law = policySchema.parse({
  id: "law",
  version: "1",
  kind: "statutory",
  title: "law",
  effectiveFrom: "2020-01-01",
  effectiveUntil: null,
  holderChanges: {
    name: { evidenceRequired: true, documents: ["passport", "residence_card"] },
    address: {
      evidenceRequired: true,
      documents: ["residence_card", "residence_certificate", "utility_bill"],
      supportingDocumentMaxAgeMonths: 6,
    },
    contact: { evidenceRequired: false },
  },
  transfer: {
    carrierConsentRequired: true,
    newHolderVerificationRequired: true,
    exemptRelationships: ["spouse", "child"],
    exemptFrom: ["carrier_consent", "new_holder_verification"],
  },
  rules: [{ services: ["voice"], channels: ["online"], applicants: ["resident"], verificationRequired: false }],
});

const house = (extra: Record<string, unknown>): Policy =>
  policySchema.parse({
    id: "house",
    version: "1",
    kind: "house",
    title: "house",
    effectiveFrom: "2020-01-01",
    effectiveUntil: null,
    ...extra,
  });

describe("what changes after activation need", () => {
  it("takes the law's evidence rules, made stricter (never looser) by a house policy", () => {
    expect(holderChangeRequirements([law], "address", "2026-11-25")).toMatchObject({
      policy: { id: "law", version: "1" },
      evidenceRequired: true,
      documents: ["residence_card", "residence_certificate", "utility_bill"],
      supportingDocumentMaxAgeMonths: 6,
    });
    expect(holderChangeRequirements([law], "contact", "2026-11-25").evidenceRequired).toBe(false);
    const stricter = house({
      holderChanges: {
        name: { evidenceRequired: false },
        address: { evidenceRequired: true, documents: ["residence_certificate"], supportingDocumentMaxAgeMonths: 3 },
        contact: { evidenceRequired: true, documents: ["utility_bill"] },
      },
    });
    expect(holderChangeRequirements([law, stricter], "address", "2026-11-25")).toMatchObject({
      documents: ["residence_certificate"],
      supportingDocumentMaxAgeMonths: 3,
    });
    // A house rule asking nothing does not lift the law's requirement.
    expect(holderChangeRequirements([law, stricter], "name", "2026-11-25").evidenceRequired).toBe(true);
    expect(holderChangeRequirements([law, stricter], "contact", "2026-11-25")).toMatchObject({
      evidenceRequired: true,
      documents: ["utility_bill"],
    });
  });

  it("says which transfer steps the law, the house or nobody asks for, by relationship", () => {
    expect(transferRequirements([law], "none", "2026-11-25")).toMatchObject({
      exemptRelative: false,
      steps: { carrier_consent: "law", new_holder_verification: "law" },
    });
    expect(transferRequirements([law], "child", "2026-11-25")).toMatchObject({
      exemptRelative: true,
      steps: { carrier_consent: "none", new_holder_verification: "none" },
    });
    // A relative the law's list does not name is not exempt.
    expect(transferRequirements([law], "sibling", "2026-11-25").steps.carrier_consent).toBe("law");
    const keepsBoth = house({ transfer: { carrierConsentRequired: true, newHolderVerificationRequired: true } });
    expect(transferRequirements([law, keepsBoth], "child", "2026-11-25").steps).toEqual({
      carrier_consent: "house",
      new_holder_verification: "house",
    });
  });

  it("refuses to answer when no statutory policy says anything", () => {
    const silent = policySchema.parse({ ...law, holderChanges: null, transfer: null });
    expect(() => holderChangeRequirements([silent], "name", "2026-11-25")).toThrow(/says nothing/);
    expect(() => transferRequirements([silent], "none", "2026-11-25")).toThrow(/says nothing/);
    expect(() => transferRequirements([law], "none", "2019-01-01")).toThrow(/0 statutory policies/);
  });
});
