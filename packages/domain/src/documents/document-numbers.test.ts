import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containsIndividualNumber,
  isIndividualNumber,
  isResidenceCardNumber,
  looksLikeIndividualNumber,
} from "./document-numbers.ts";

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

/** The check digit of 11 digits (総務省令第85号 第5条), to make well-formed numbers at random. */
function withCheckDigit(eleven: string): string {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const r = [...eleven].reduce((sum, d, i) => sum + Number(d) * (weights[i] ?? 0), 0) % 11;
  return `${eleven}${r <= 1 ? 0 : 11 - r}`;
}

const elevenDigits = fc.stringMatching(/^\d{11}$/);
const wellFormed = elevenDigits.map(withCheckDigit);
/** How a person might type it: plain, in groups of four with spaces or hyphens, in full-width digits. */
const typedForms = (n: string) => [
  n,
  `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`,
  `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`,
  [...n].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join(""),
];
/** Text around it that ends and starts with no digit (a name, an address, a note). */
const words = fc.string({ maxLength: 20 }).map((s) => `${s.replace(/[\d０-９]/g, "")}`);

describe("an Individual Number inside free text", () => {
  it("is found however it is typed and wherever it sits", () => {
    fc.assert(
      fc.property(wellFormed, words, words, fc.integer({ min: 0, max: 3 }), (n, before, after, form) => {
        const text = `${before} ${typedForms(n)[form]} ${after}`;
        expect(containsIndividualNumber(text)).toBe(true);
      }),
    );
  });

  it("is not seen in 12 digits whose check digit is wrong", () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 1, max: 9 }), words, (n, shift, around) => {
        const wrong = `${n.slice(0, 11)}${(Number(n[11]) + shift) % 10}`;
        expect(containsIndividualNumber(`${around} ${wrong} ${around}`)).toBe(false);
      }),
    );
  });

  it("is not seen inside a longer number (an ICCID, a tracking number), with or without spaces", () => {
    fc.assert(
      fc.property(wellFormed, fc.stringMatching(/^\d{1,8}$/), (n, more) => {
        expect(containsIndividualNumber(`${more}${n}`)).toBe(false);
        expect(containsIndividualNumber(`${n}${more}`)).toBe(false);
        expect(containsIndividualNumber(`${more} ${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`)).toBe(false);
      }),
    );
    expect(containsIndividualNumber("8981100000123456789")).toBe(false); // a 19-digit ICCID
    expect(containsIndividualNumber("090-1234-5678")).toBe(false); // a phone number, 11 digits
  });

  it("is not seen in an international phone number, which has 12 digits too", () => {
    fc.assert(
      fc.property(wellFormed, (n) => {
        expect(containsIndividualNumber(`+${n}`)).toBe(false);
        expect(containsIndividualNumber(`+${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 8)} ${n.slice(8)}`)).toBe(
          false,
        );
      }),
    );
  });
});
