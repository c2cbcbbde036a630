import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIndividualNumber, isResidenceCardNumber, looksLikeIndividualNumber } from "./document-numbers.ts";

describe("Individual Number (My Number) check digit", () => {
  it("accepts the well-formed examples of EVIDENCE.md and LAW.md", () => {
    expect(isIndividualNumber("123456789018")).toBe(true);
    expect(isIndividualNumber("621498320257")).toBe(true);
  });

  it("refuses every other last digit", () => {
    for (let d = 0; d <= 9; d++) {
      if (d !== 8) expect(isIndividualNumber(`12345678901${d}`)).toBe(false);
    }
  });

  it("uses 0 when the remainder is 0 or 1", () => {
    // 00000000000 → Σ 0, r 0 → 0; 00000000001 → Σ 2, r 2 → 9; 00000000060 → Σ 18, r 7 → 4
    expect(isIndividualNumber("000000000000")).toBe(true);
    expect(isIndividualNumber("000000000019")).toBe(true);
    expect(isIndividualNumber("000000000604")).toBe(true);
    // Σ = 6·1 + 5·1 = 11 → r 0 → 0
    expect(isIndividualNumber("110000000000")).toBe(true);
    // Σ = 12 (6·2) → r 1 → 0
    expect(isIndividualNumber("200000000000")).toBe(true);
  });

  it("detects every single-digit change (property)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{11}$/),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (body, pos, delta) => {
          const digits = [...body];
          const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
          const r = digits.reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0) % 11;
          const valid = `${body}${r <= 1 ? 0 : 11 - r}`;
          expect(isIndividualNumber(valid)).toBe(true);
          const changed = [...valid];
          changed[pos] = String((Number(changed[pos]) + delta) % 10);
          const mutated = changed.join("");
          // A weight-2..7 change mod 11 is never 0, so the check digit catches it unless both map to 0.
          const r2 = changed.slice(0, 11).reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0) % 11;
          const expectedValid = (r2 <= 1 ? 0 : 11 - r2) === Number(changed[11]);
          expect(isIndividualNumber(mutated)).toBe(expectedValid);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses anything that is not 12 digits", () => {
    for (const v of ["", "12345678901", "1234567890180", "12345678901a", "１２３４５６７８９０１８"]) {
      expect(isIndividualNumber(v)).toBe(false);
    }
  });

  it("spots 12 digits typed with spaces or hyphens", () => {
    expect(looksLikeIndividualNumber("1234 5678 9018")).toBe(true);
    expect(looksLikeIndividualNumber("1234-5678-9019")).toBe(true);
    expect(looksLikeIndividualNumber("AB12345678CD")).toBe(false);
  });
});

describe("residence card number", () => {
  it("is two letters, eight digits, two letters", () => {
    expect(isResidenceCardNumber("AB12345678CD")).toBe(true);
    for (const v of ["ab12345678cd", "AB1234567CD", "A123456789CD", "AB12345678C", "AB12345678CDE"]) {
      expect(isResidenceCardNumber(v)).toBe(false);
    }
  });
});
