import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../checks/check.ts";
import { type Policy, policySchema } from "../policy/policy.ts";
import { resolvePolicy, type Situation } from "../policy/resolve-policy.ts";
import { type ApprovalBasis, approvalBasis, type GivenEvidence, lawfulAutomatedOutcome } from "./lawful-approval.ts";
import type { DocumentType } from "./particulars.ts";

// The statutory policies shipped in policies/statutory, as the server loads them.
const statutoryDir = new URL("../../../../policies/statutory/", import.meta.url);
const policies: Policy[] = readdirSync(statutoryDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => policySchema.parse(JSON.parse(readFileSync(new URL(f, statutoryDir), "utf8"))));

const voiceOnline = (at: string): Situation => ({ at, service: "voice", channel: "online", applicant: "resident" });
const pass = (...codes: string[]): CheckResult[] => codes.map((code) => ({ code, status: "pass" }));
const chipChecks = [
  "chip.sod_signature",
  "chip.data_group_hashes",
  "chip.document_signer_trusted",
  "chip.document_signer_valid",
  "chip.document_signer_not_revoked",
];
const jpkiChecks = [
  "jpki.signature_valid",
  "jpki.signed_data_matches",
  "jpki.certificate_trusted",
  "jpki.certificate_valid",
  "jpki.certificate_not_revoked",
  "jpki.particulars_match_form",
];
const cardFaceChecks = ["card_face.signature_valid", "card_face.particulars_match_form"];
const basis = (
  at: string,
  checks: CheckResult[],
  evidence: GivenEvidence[],
  situation = voiceOnline(at),
  document: DocumentType | null = "passport",
) => approvalBasis(resolvePolicy(policies, situation), checks, evidence, document);

describe("who may approve a line, by the policy in force", () => {
  // The case that was approved by one reviewer: a voice line online, the chip read, no selfie given.
  it.each(["2026-04-01", "2026-12-04", "2027-04-01", "2030-01-01"])(
    "on %s a chip without a selfie cannot be approved at all: bring a selfie, or sign with JPKI",
    (at) => {
      expect(basis(at, pass(...chipChecks, "mrz.valid"), ["chip"])).toEqual({
        kind: "evidence_missing",
        bring: expect.arrayContaining([
          { method: "NF_IC_SELFIE", evidence: ["selfie"] },
          { method: "NF_JPKI", evidence: ["jpki_signature"] },
        ]),
      });
    },
  );

  it("before 2026-04-01 a photo of the ID with a selfie was a method (old ホ), and it is not after", () => {
    expect(basis("2026-03-31", [], ["image", "selfie"])).toEqual({
      kind: "method_complete",
      method: "NF_IMAGE_SELFIE",
      checks: [],
    });
    expect(basis("2026-04-01", [], ["image", "selfie"])).toMatchObject({ kind: "evidence_missing" });
  });

  it.each(["2025-06-01", "2026-04-01", "2027-04-01"])(
    "on %s a chip and a live selfie matching it complete NF_IC_SELFIE: one reviewer may approve",
    (at) => {
      const checks = pass(...chipChecks, "face.matches_chip_photo", "face.live");
      expect(basis(at, checks, ["chip", "selfie"])).toEqual({
        kind: "method_complete",
        method: "NF_IC_SELFIE",
        checks: [...chipChecks, "face.matches_chip_photo", "face.live"],
      });
    },
  );

  it.each(["2025-06-01", "2026-04-01", "2027-04-01"])(
    "on %s a JPKI signature whose checks all pass completes NF_JPKI",
    (at) => {
      expect(basis(at, pass(...jpkiChecks), ["jpki"])).toEqual({
        kind: "method_complete",
        method: "NF_JPKI",
        checks: jpkiChecks,
      });
    },
  );

  it("a selfie the matcher could not judge, or a signer we do not hold, is for two people to decide", () => {
    const faceInReview: CheckResult[] = [
      ...pass(...chipChecks, "face.live"),
      { code: "face.matches_chip_photo", status: "review" },
    ];
    expect(basis("2026-12-04", faceInReview, ["chip", "selfie"])).toEqual({
      kind: "person_decides",
      method: "NF_IC_SELFIE",
      unmet: ["face.matches_chip_photo"],
    });
    const unknownSigner: CheckResult[] = [
      ...pass(
        ...chipChecks.filter((c) => c !== "chip.document_signer_trusted"),
        "face.matches_chip_photo",
        "face.live",
      ),
      { code: "chip.document_signer_trusted", status: "fail" },
    ];
    expect(basis("2027-04-01", unknownSigner, ["chip", "selfie"])).toMatchObject({
      kind: "person_decides",
      unmet: ["chip.document_signer_trusted"],
    });
  });

  it("a JPKI signature whose particulars differ is for two people; with a complete chip method beside it, one", () => {
    const jpkiMismatch: CheckResult[] = [
      ...pass(...jpkiChecks.filter((c) => c !== "jpki.particulars_match_form")),
      { code: "jpki.particulars_match_form", status: "fail" },
    ];
    expect(basis("2026-12-04", jpkiMismatch, ["jpki"])).toMatchObject({ kind: "person_decides", method: "NF_JPKI" });
    const both = [...jpkiMismatch, ...pass(...chipChecks, "face.matches_chip_photo", "face.live")];
    expect(basis("2026-12-04", both, ["jpki", "chip", "selfie"])).toMatchObject({
      kind: "method_complete",
      method: "NF_IC_SELFIE",
    });
  });

  it("a data line online needs no verification by law: any approval is lawful", () => {
    const data: Situation = { at: "2026-12-04", service: "data", channel: "online", applicant: "resident" };
    expect(basis("2026-12-04", [], [], data)).toEqual({ kind: "method_complete", method: "NONE_REQUIRED", checks: [] });
  });

  it("at a shop the clerk seeing the original (F2F_PRESENT) is a method of its own", () => {
    const shop: Situation = { at: "2026-12-04", service: "voice", channel: "shop", applicant: "resident" };
    expect(basis("2026-12-04", [], [], shop)).toEqual({ kind: "method_complete", method: "F2F_PRESENT", checks: [] });
  });

  it("from 2027-04-01 a shop must read the chip (F2F_IC): the clerk's look no longer approves", () => {
    const shop: Situation = { at: "2027-04-01", service: "voice", channel: "shop", applicant: "resident" };
    expect(basis("2027-04-01", [], [], shop)).toEqual({
      kind: "evidence_missing",
      bring: [{ method: "F2F_IC", evidence: ["ic_chip"] }],
    });
    expect(basis("2027-04-01", pass(...chipChecks), ["chip"], shop)).toEqual({
      kind: "method_complete",
      method: "F2F_IC",
      checks: chipChecks,
    });
  });

  describe("from 2027-04-01, F2F_IC's checks by document", () => {
    const shop: Situation = { at: "2027-04-02", service: "voice", channel: "shop", applicant: "resident" };
    const atShop = (checks: CheckResult[], evidence: GivenEvidence[], document: DocumentType) =>
      basis("2027-04-02", checks, evidence, shop, document);

    it("a My Number card read at the counter is complete by its card-face checks, not the ICAO ones", () => {
      expect(atShop(pass(...cardFaceChecks), ["my_number_card_face"], "my_number_card")).toEqual({
        kind: "method_complete",
        method: "F2F_IC",
        checks: cardFaceChecks,
      });
    });

    it("a card-face signature not reported valid leaves it to a person, naming the check", () => {
      const checks = [
        ...pass("card_face.particulars_match_form"),
        { code: "card_face.signature_valid", status: "fail" },
      ];
      expect(atShop(checks as CheckResult[], ["my_number_card_face"], "my_number_card")).toEqual({
        kind: "person_decides",
        method: "F2F_IC",
        unmet: ["card_face.signature_valid"],
      });
    });

    it("a passport still needs the ICAO checks: card-face checks do not stand for them", () => {
      expect(atShop(pass(...cardFaceChecks), ["chip"], "passport")).toMatchObject({
        kind: "person_decides",
        unmet: chipChecks,
      });
      expect(atShop(pass(...chipChecks), ["chip"], "passport")).toMatchObject({ kind: "method_complete" });
    });

    it("a card-face read is no chip read for a non-face-to-face method", () => {
      expect(
        basis(
          "2027-04-02",
          pass(...cardFaceChecks),
          ["my_number_card_face", "selfie"],
          voiceOnline("2027-04-02"),
          "my_number_card",
        ),
      ).toMatchObject({
        kind: "evidence_missing",
        bring: expect.arrayContaining([{ method: "NF_IC_SELFIE", evidence: ["ic_chip"] }]),
      });
    });
  });
});

describe("what the system does after the automated checks", () => {
  const complete: ApprovalBasis = { kind: "method_complete", method: "NF_JPKI", checks: jpkiChecks };
  const personDecides: ApprovalBasis = {
    kind: "person_decides",
    method: "NF_JPKI",
    unmet: ["jpki.signed_data_matches"],
  };
  const missing: ApprovalBasis = { kind: "evidence_missing", bring: [] };
  const fresh = { answersCorrection: false };

  it("approves only when one allowed method's required checks all passed", () => {
    expect(lawfulAutomatedOutcome("checks_passed", complete, fresh)).toBe("checks_passed");
  });

  it("sends to a person what nothing failed but no method completes: a check that never ran, evidence missing", () => {
    expect(lawfulAutomatedOutcome("checks_passed", personDecides, fresh)).toBe("checks_need_review");
    expect(lawfulAutomatedOutcome("checks_passed", missing, fresh)).toBe("checks_need_review");
  });

  it("sends an answer to a reviewer's correction back to a person, complete or not", () => {
    expect(lawfulAutomatedOutcome("checks_passed", complete, { answersCorrection: true })).toBe("checks_need_review");
  });

  it("leaves a failure as it decided", () => {
    for (const outcome of ["checks_failed", "checks_need_correction", "checks_need_review"] as const) {
      expect(lawfulAutomatedOutcome(outcome, complete, fresh)).toBe(outcome);
      expect(lawfulAutomatedOutcome(outcome, personDecides, fresh)).toBe(outcome);
    }
  });
});
