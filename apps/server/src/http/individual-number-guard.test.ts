import { describe, expect, it } from "vitest";
import { fieldHoldingIndividualNumber } from "./individual-number-guard.ts";

// A well-formed Individual Number (EVIDENCE.md's example).
const myNumber = "621498320257";

describe("the Individual Number guard", () => {
  it("names the field that holds one, however deep, and a key's object rather than the key", () => {
    expect(fieldHoldingIndividualNumber({ name: { kanji: `山田 ${myNumber}` } })).toBe("name.kanji");
    expect(fieldHoldingIndividualNumber({ lines: ["x", `note ${myNumber}`] })).toBe("lines.1");
    expect(fieldHoldingIndividualNumber({ notes: { [myNumber]: "x" } })).toBe("notes");
    expect(fieldHoldingIndividualNumber({ name: "山田" })).toBeNull();
  });

  it("leaves alone a number another party issued, where the route names the field (a konbini payment number)", () => {
    // One payment number in ten passes the check digit: the till must still take it.
    expect(fieldHoldingIndividualNumber({ paymentNumber: myNumber })).toBe("paymentNumber");
    expect(fieldHoldingIndividualNumber({ paymentNumber: myNumber }, "", 0, ["paymentNumber"])).toBeNull();
    // Only that field: anything else in the body is still checked.
    expect(fieldHoldingIndividualNumber({ paymentNumber: "1", note: myNumber }, "", 0, ["paymentNumber"])).toBe("note");
  });

  it("leaves alone a hex digest or a UUID whose digits happen to hold one, and still finds one typed beside letters", () => {
    // The SHA-256 of a contract the applicant read (documents.importantMatters): twelve digits between
    // two hex letters passed the check digit and refused a signature.
    const digest = `ab${myNumber}cd${"0f".repeat(24)}`;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(fieldHoldingIndividualNumber({ documents: { importantMatters: digest } })).toBeNull();
    expect(fieldHoldingIndividualNumber({ id: `0f8e2c1a-77b3-4d2e-9a10-${myNumber}` })).toBeNull();
    // Not a digest (a space, or letters outside hex): text someone typed, checked.
    expect(fieldHoldingIndividualNumber({ note: `ab ${myNumber}cd` })).toBe("note");
    expect(fieldHoldingIndividualNumber({ note: `MyNumber${myNumber}` })).toBe("note");
  });

  it("stops at a depth no body of this API reaches, instead of overflowing the stack", () => {
    let deep: unknown = myNumber;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(fieldHoldingIndividualNumber(deep)).toBeNull();
  });
});
