import { describe, expect, it } from "vitest";
import { compareNames, latinNameVariants, namesMatch, normaliseLatinName } from "./names.ts";

describe("normaliseLatinName", () => {
  it.each([
    ["Anna Maria", "ANNA MARIA"],
    ["  anna   maria ", "ANNA MARIA"],
    ["ANNA<MARIA<<", "ANNA MARIA"],
    ["Jean-Luc", "JEAN LUC"],
    ["O'Brien", "O BRIEN"],
    ["O’Brien", "O BRIEN"],
    ["St. John", "ST JOHN"],
    ["María José Núñez", "MARIA JOSE NUNEZ"],
    ["Nguyễn Thị Minh Khai", "NGUYEN THI MINH KHAI"],
    ["Straße", "STRASSE"],
    ["Łukasz Żółć", "LUKASZ ZOLC"],
    ["Søren Ærø", "SOEREN AEROE"],
    ["Þórður", "THORDUR"],
    ["Müller", "MULLER"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseLatinName(input)).toBe(expected);
  });

  it("offers ICAO's expanded umlauts only where the name has them", () => {
    expect(latinNameVariants("Müller")).toEqual(["MULLER", "MUELLER"]);
    expect(latinNameVariants("Åsa Öberg")).toEqual(["ASA OBERG", "AASA OEBERG"]);
    expect(latinNameVariants("Muller")).toEqual(["MULLER"]);
  });
});

describe("namesMatch", () => {
  const mrz = (familyName: string, givenNames: string, nameFieldFull = false) => ({
    familyName,
    givenNames,
    nameFieldFull,
  });

  it("matches the same name regardless of case, accents and separators", () => {
    expect(namesMatch({ family: "Eriksson", given: "Anna Maria" }, mrz("ERIKSSON", "ANNA MARIA"))).toBe(true);
    expect(namesMatch({ family: "Núñez", given: "María-José" }, mrz("NUNEZ", "MARIA JOSE"))).toBe(true);
    expect(namesMatch({ family: "Eriksson", given: "" }, mrz("ERIKSSON", ""))).toBe(true);
  });

  it("matches both MRZ spellings of an umlaut, but not the expanded one when the form has none", () => {
    expect(namesMatch({ family: "Müller", given: "Jörg" }, mrz("MUELLER", "JOERG"))).toBe(true);
    expect(namesMatch({ family: "Müller", given: "Jörg" }, mrz("MULLER", "JORG"))).toBe(true);
    expect(namesMatch({ family: "Muller", given: "Jorg" }, mrz("MUELLER", "JOERG"))).toBe(false);
  });

  it("ignores spacing and apostrophes, which issuers write differently", () => {
    expect(namesMatch({ family: "O'Brien", given: "Mary Ann" }, mrz("OBRIEN", "MARYANN"))).toBe(true);
    expect(namesMatch({ family: "O'Brien", given: "Maryann" }, mrz("O BRIEN", "MARY ANN"))).toBe(true);
    expect(namesMatch({ family: "van der Berg", given: "Jan" }, mrz("VANDERBERG", "JAN"))).toBe(true);
  });

  it("accepts given names in another order", () => {
    expect(namesMatch({ family: "Eriksson", given: "Maria Anna" }, mrz("ERIKSSON", "ANNA MARIA"))).toBe(true);
  });

  it("accepts a truncated MRZ name only when the name field is full", () => {
    const form = { family: "Vanderwoodsen Smith", given: "Alexandra Christina Maria" };
    expect(namesMatch(form, mrz("VANDERWOODSEN SMITH", "ALEXANDRA CHRISTIN", true))).toBe(true);
    expect(namesMatch(form, mrz("VANDERWOODSEN SMITH", "ALEXANDRA CHRISTIN", false))).toBe(false);
    expect(namesMatch(form, mrz("VANDERWOODSEN SMITH", "ALEXANDRA CHRISTIN"))).toBe(false);
  });

  it("accepts a family name cut by a full field, with no given names left to compare", () => {
    const family = "Wolfeschlegelsteinhausenbergerdorff Senior";
    const cut = "WOLFESCHLEGELSTEINHAUSENBERGERDORFF SEN"; // 39 characters
    expect(compareNames({ family, given: "Hubert" }, mrz(cut, "", true))).toEqual({ family: true, given: true });
    expect(compareNames({ family, given: "Hubert" }, mrz(cut, "", false))).toEqual({ family: false, given: false });
  });

  it("does not accept a truncated family name when the MRZ also shows given names", () => {
    expect(compareNames({ family: "Erikssonova", given: "Anna" }, mrz("ERIKSSON", "ANNA", true)).family).toBe(false);
  });

  it("rejects different names, swapped names, initials and missing or extra words", () => {
    expect(namesMatch({ family: "Eriksson", given: "Anna Maria" }, mrz("ERIKSON", "ANNA MARIA"))).toBe(false);
    expect(namesMatch({ family: "Anna Maria", given: "Eriksson" }, mrz("ERIKSSON", "ANNA MARIA"))).toBe(false);
    expect(namesMatch({ family: "Eriksson", given: "A M" }, mrz("ERIKSSON", "ANNA MARIA"))).toBe(false);
    expect(namesMatch({ family: "Eriksson", given: "Anna" }, mrz("ERIKSSON", "ANNA MARIA"))).toBe(false);
    expect(namesMatch({ family: "Eriksson", given: "Anna Maria Sofia" }, mrz("ERIKSSON", "ANNA MARIA"))).toBe(false);
    expect(namesMatch({ family: "Eriksson", given: "Anna" }, mrz("ERIKSSON", ""))).toBe(false);
  });

  it("reports family and given names separately", () => {
    expect(compareNames({ family: "Eriksson", given: "Sofia" }, mrz("ERIKSSON", "ANNA"))).toEqual({
      family: true,
      given: false,
    });
  });
});
