import { describe, expect, it } from "vitest";
import { wrongCheckDigits } from "./wrong-check-digits.ts";

// The ICAO 9303 specimen passport (Anna Maria Eriksson), its digits all holding.
const td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const at = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

describe("wrongCheckDigits", () => {
  it("finds none in a correct passport MRZ, nor in lines not yet complete", () => {
    expect(wrongCheckDigits(td3)).toEqual([]);
    expect(wrongCheckDigits([td3[0] ?? "", (td3[1] ?? "").slice(0, 40)])).toEqual([]);
  });

  it("marks the document number's digit, and the composite that covers it, where that digit is wrong", () => {
    const wrong = wrongCheckDigits([td3[0] ?? "", at(td3[1] ?? "", 9, "7")]);
    expect(wrong).toEqual([
      { line: 1, position: 9, field: "document_number" },
      { line: 1, position: 43, field: "composite" },
    ]);
  });

  it("marks the birth date's digit when a digit of the date was mistyped", () => {
    const wrong = wrongCheckDigits([td3[0] ?? "", at(td3[1] ?? "", 19, "3")]);
    expect(wrong.map((w) => w.position)).toContain(19);
  });
});
