import { describe, expect, it } from "vitest";
import type { CheckResult } from "../checks/check.ts";
import { decideAutomatedOutcome } from "./decide-automated-outcome.ts";

const pass = (code: string): CheckResult => ({ code, status: "pass" });
const fail = (code: string): CheckResult => ({ code, status: "fail" });
const review = (code: string): CheckResult => ({ code, status: "review" });

describe("decideAutomatedOutcome", () => {
  it("approves only when every check passes", () => {
    expect(decideAutomatedOutcome([pass("mrz.valid"), pass("document.not_expired")])).toBe("checks_passed");
  });
  it("sends a review result to a person", () => {
    expect(decideAutomatedOutcome([pass("mrz.valid"), review("policy.method_available")])).toBe("checks_need_review");
  });
  it("asks the applicant to correct a mismatch they can fix", () => {
    expect(decideAutomatedOutcome([fail("mrz.matches_form"), review("policy.method_available")])).toBe(
      "checks_need_correction",
    );
  });
  it("rejects when a failure cannot be corrected, even beside fixable ones", () => {
    expect(decideAutomatedOutcome([fail("mrz.matches_form"), fail("document.not_expired")])).toBe("checks_failed");
    expect(decideAutomatedOutcome([fail("applicant.of_age")])).toBe("checks_failed");
  });
});

describe("what a failure leads to", () => {
  it("lets the applicant read a chip or sign again, but rejects a tampered chip", () => {
    expect(decideAutomatedOutcome([fail("chip.sod_readable")])).toBe("checks_need_correction");
    expect(decideAutomatedOutcome([fail("jpki.certificate_not_revoked")])).toBe("checks_need_correction");
    expect(decideAutomatedOutcome([fail("chip.data_group_hashes"), fail("jpki.signature_valid")])).toBe(
      "checks_failed",
    );
  });
  it("sends an unknown country signing CA to a person", () => {
    expect(decideAutomatedOutcome([fail("chip.document_signer_trusted")])).toBe("checks_need_review");
    expect(decideAutomatedOutcome([fail("chip.document_signer_trusted"), fail("mrz.matches_form")])).toBe(
      "checks_need_correction",
    );
  });
  it("rejects a failure of a check it does not know", () => {
    expect(decideAutomatedOutcome([fail("something.new")])).toBe("checks_failed");
  });
});

describe("the explanation of an outcome", () => {
  it("names exactly the checks that decided it", async () => {
    const { explainAutomatedOutcome } = await import("./decide-automated-outcome.ts");
    const results = [
      pass("mrz.valid"),
      fail("mrz.matches_form"),
      review("policy.method_available"),
      fail("document.not_expired"),
    ];
    expect(explainAutomatedOutcome(results)).toEqual({
      outcome: "checks_failed",
      decidedBy: [fail("document.not_expired")],
    });
    expect(explainAutomatedOutcome(results.slice(0, 3)).decidedBy).toEqual([fail("mrz.matches_form")]);
    expect(explainAutomatedOutcome([pass("a.b"), review("c.d")])).toEqual({
      outcome: "checks_need_review",
      decidedBy: [review("c.d")],
    });
    expect(explainAutomatedOutcome([pass("a.b")])).toEqual({ outcome: "checks_passed", decidedBy: [] });
  });
});
