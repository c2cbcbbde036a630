import { describe, expect, it } from "vitest";
import type { Particulars } from "../application/particulars.ts";
import { particularsSchema } from "../application/particulars.ts";
import type { MrzFields } from "../mrz/parse-mrz.ts";
import { parseMrz } from "../mrz/parse-mrz.ts";
import { otherDigit, replaceAt, td3, withComposite } from "../mrz/test-helpers.ts";
import {
  checkApplicantOfAge,
  checkDocumentNotExpired,
  checkDocumentTypeAccepted,
  checkMrzMatchesForm,
  checkMrzValid,
  formFieldsComparedWithMrz,
} from "./prepaid-checks.ts";

const today = "2026-11-24";

function mrzFields(lines: readonly string[]): MrzFields {
  const result = parseMrz(lines, today);
  if (!result.ok) throw new Error(result.error.reason);
  return result.fields;
}

// Anna Eriksson of the ICAO specimen, with a passport that expires in 2034 (test-helpers `anna`).
const anna: Particulars = particularsSchema.parse({
  name: { family: "Eriksson", given: "Anna Maria" },
  birthDate: "1974-08-12",
  nationality: "UTO",
  document: { type: "passport", number: "L898902C3", expiryDate: "2034-04-15", issuingCountry: "UTO" },
});

describe("checkMrzValid", () => {
  it("passes when every check digit holds, whatever the state code", () => {
    expect(checkMrzValid(parseMrz(td3(), today))).toEqual({ code: "mrz.valid", status: "pass" });
  });

  it("fails naming the fields whose digits fail", () => {
    const broken = withComposite(replaceAt(td3(), 1, 19, otherDigit(td3()[1].charAt(19))));
    expect(checkMrzValid(parseMrz(broken, today))).toEqual({
      code: "mrz.valid",
      status: "fail",
      params: { fields: "birthDate" },
    });
    const twice = replaceAt(td3(), 1, 27, otherDigit(td3()[1].charAt(27)));
    expect(checkMrzValid(parseMrz(twice, today)).params).toEqual({ fields: "expiryDate,composite" });
  });

  it("names each field once", () => {
    // An impossible date whose check digit also fails: two findings, one field.
    const lines = replaceAt(td3({ birthDate: "741312" }), 1, 19, "0");
    expect(checkMrzValid(parseMrz(lines, today)).params?.fields).toBe("birthDate,composite");
  });

  it("fails an unreadable MRZ as a whole", () => {
    expect(checkMrzValid(parseMrz(["not", "an mrz"], today))).toEqual({
      code: "mrz.valid",
      status: "fail",
      params: { fields: "mrz" },
    });
  });
});

describe("checkMrzMatchesForm", () => {
  it("passes when the form says what the MRZ says", () => {
    expect(checkMrzMatchesForm(anna, mrzFields(td3()))).toEqual({ code: "mrz.matches_form", status: "pass" });
  });

  it("compares document numbers without case or fillers", () => {
    const form = { ...anna, document: { ...anna.document, number: "l898902c3" } };
    expect(checkMrzMatchesForm(form, mrzFields(td3())).status).toBe("pass");
    expect(checkMrzMatchesForm(anna, { ...mrzFields(td3()), documentNumber: "L898902C3<<" }).status).toBe("pass");
  });

  it("takes Germany's D for DEU", () => {
    const form = { ...anna, nationality: "DEU", document: { ...anna.document, issuingCountry: "DEU" } };
    expect(checkMrzMatchesForm(form, mrzFields(td3({ issuingState: "D", nationality: "D" }))).status).toBe("pass");
  });

  it("sends a birth date that differs from the MRZ only in the century to a person", () => {
    // Born 1925: the MRZ says 250301, which the parser reads as 2025-03-01 (not in the future).
    const mrz = mrzFields(td3({ birthDate: "250301" }));
    expect(mrz.birthDate).toBe("2025-03-01");
    // 1925 typed, 2025 read: the MRZ cannot tell, and a minor could type another century to pass the
    // age check, so a person looks.
    expect(checkMrzMatchesForm({ ...anna, birthDate: "1925-03-01" }, mrz).status).toBe("review");
    expect(checkMrzMatchesForm({ ...anna, birthDate: "1925-03-02" }, mrz).status).toBe("fail");
  });

  const mismatches: [string, Particulars][] = [
    ["familyName", { ...anna, name: { ...anna.name, family: "Eriksen" } }],
    ["givenNames", { ...anna, name: { ...anna.name, given: "Anna Sofia" } }],
    ["birthDate", { ...anna, birthDate: "1974-08-13" }],
    ["documentNumber", { ...anna, document: { ...anna.document, number: "L898902C4" } }],
    ["nationality", { ...anna, nationality: "SWE" }],
    ["expiryDate", { ...anna, document: { ...anna.document, expiryDate: "2034-04-16" } }],
    ["issuingCountry", { ...anna, document: { ...anna.document, issuingCountry: "SWE" } }],
  ];
  for (const [field, form] of mismatches) {
    it(`fails naming only ${field} when only that differs`, () => {
      expect(checkMrzMatchesForm(form, mrzFields(td3()))).toEqual({
        code: "mrz.matches_form",
        status: "fail",
        params: { fields: field },
      });
    });
  }

  it("lists every differing field by name, never by value", () => {
    const form: Particulars = {
      ...anna,
      name: { family: "Smith", given: "John" },
      birthDate: "1990-01-01",
      document: { ...anna.document, number: "X1234567" },
    };
    const result = checkMrzMatchesForm(form, mrzFields(td3()));
    expect(result.params).toEqual({ fields: "familyName,givenNames,birthDate,documentNumber" });
    for (const name of String(result.params?.fields).split(",")) {
      expect(formFieldsComparedWithMrz).toContain(name);
    }
    expect(JSON.stringify(result)).not.toMatch(/SMITH|Smith|ERIKSSON|1990|X1234567|L898902C3/);
  });

  it("asks for review when the MRZ leaves a date unknown and nothing else differs", () => {
    const mrz = mrzFields(td3({ birthDate: "74<<<<" }));
    expect(checkMrzMatchesForm(anna, mrz)).toEqual({
      code: "mrz.matches_form",
      status: "review",
      params: { fields: "birthDate" },
    });
    const alsoDifferent = { ...anna, document: { ...anna.document, number: "Z0000000" } };
    expect(checkMrzMatchesForm(alsoDifferent, mrz)).toEqual({
      code: "mrz.matches_form",
      status: "fail",
      params: { fields: "documentNumber" },
    });
  });

  it("tolerates a truncated name in a full MRZ name field", () => {
    const form = { ...anna, name: { family: "Vanderwoodsen Smith", given: "Alexandra Christina Maria" } };
    const mrz = mrzFields(td3({ familyName: "VANDERWOODSEN SMITH", givenNames: "ALEXANDRA CHRISTINA MARIA" }));
    expect(mrz.nameFieldFull).toBe(true);
    expect(checkMrzMatchesForm(form, mrz).status).toBe("pass");
  });
});

describe("checkDocumentNotExpired", () => {
  it("counts the expiry date itself as valid", () => {
    expect(checkDocumentNotExpired("2026-11-25", today).status).toBe("pass");
    expect(checkDocumentNotExpired("2026-11-24", today).status).toBe("pass");
    expect(checkDocumentNotExpired("2026-11-23", today)).toEqual({ code: "document.not_expired", status: "fail" });
  });

  it("asks for review when the expiry date is unknown or malformed", () => {
    expect(checkDocumentNotExpired(null, today)).toEqual({ code: "document.not_expired", status: "review" });
    expect(checkDocumentNotExpired("2026-02-30", today).status).toBe("review");
  });

  it("works on a parsed MRZ", () => {
    expect(checkDocumentNotExpired(mrzFields(td3()).expiryDate, today).status).toBe("pass");
    expect(checkDocumentNotExpired(mrzFields(td3({ expiryDate: "120415" })).expiryDate, today).status).toBe("fail");
  });

  it("refuses a malformed `today`", () => {
    expect(() => checkDocumentNotExpired("2030-01-01", "24/11/2026")).toThrow(RangeError);
  });
});

describe("checkApplicantOfAge", () => {
  it("passes from the 18th birthday", () => {
    expect(checkApplicantOfAge("2008-11-24", today, 18)).toEqual({
      code: "applicant.of_age",
      status: "pass",
      params: { minimumAge: 18 },
    });
    expect(checkApplicantOfAge("2008-11-25", today, 18).status).toBe("fail");
  });

  it("follows the law for someone born on 29 February", () => {
    // 年齢計算ニ関スル法律 + 民法143条: 18 at the end of 28 Feb 2026, so from 1 March, not on 28 February.
    expect(checkApplicantOfAge("2008-02-29", "2026-02-28", 18).status).toBe("fail");
    expect(checkApplicantOfAge("2008-02-29", "2026-03-01", 18).status).toBe("pass");
    // In a leap year the birthday exists.
    expect(checkApplicantOfAge("2012-02-29", "2030-02-28", 18).status).toBe("fail");
    expect(checkApplicantOfAge("2012-02-29", "2030-03-01", 18).status).toBe("pass");
    expect(checkApplicantOfAge("2014-02-28", "2032-02-28", 18).status).toBe("pass");
    expect(checkApplicantOfAge("2014-03-01", "2032-02-29", 18).status).toBe("fail");
  });

  it("asks for review when the birth date is unknown", () => {
    expect(checkApplicantOfAge(null, today, 18)).toEqual({
      code: "applicant.of_age",
      status: "review",
      params: { minimumAge: 18 },
    });
    expect(checkApplicantOfAge("2008-02-30", today, 18).status).toBe("review");
  });

  it("fails a birth date in the future", () => {
    expect(checkApplicantOfAge("2027-01-01", today, 0).status).toBe("fail");
  });

  it("refuses a malformed minimum age or today", () => {
    expect(() => checkApplicantOfAge("2000-01-01", today, 17.5)).toThrow(RangeError);
    expect(() => checkApplicantOfAge("2000-01-01", today, -1)).toThrow(RangeError);
    expect(() => checkApplicantOfAge("2000-01-01", "today", 18)).toThrow(RangeError);
  });
});

describe("checkDocumentTypeAccepted", () => {
  it("passes an accepted type and fails another, naming both", () => {
    expect(checkDocumentTypeAccepted("passport", ["passport", "residence_card"])).toEqual({
      code: "document.type_accepted",
      status: "pass",
      params: { documentType: "passport", acceptedTypes: "passport,residence_card" },
    });
    expect(checkDocumentTypeAccepted("drivers_licence", ["passport", "residence_card"]).status).toBe("fail");
    expect(checkDocumentTypeAccepted("passport", []).status).toBe("fail");
  });
});
