import { describe, expect, it } from "vitest";
import { documentTypes } from "../application/particulars.ts";
import type { CheckResult, CheckStatus } from "../checks/check.ts";
import { formFieldsComparedWithMrz } from "../checks/prepaid-checks.ts";
import type { MrzFindingField } from "../mrz/parse-mrz.ts";
import {
  checkMessages,
  documentTypeLabels,
  explainCheck,
  fieldLabels,
  unknownCheckMessages,
} from "./check-messages.ts";
import type { Translations } from "./languages.ts";
import { languages } from "./languages.ts";

const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

function expectComplete(name: string, translations: Translations) {
  for (const language of languages) {
    const text = translations[language];
    expect(typeof text, `${name} ${language}`).toBe("string");
    expect(text.trim(), `${name} ${language}`).not.toBe("");
  }
}

describe("the catalogue", () => {
  const entries = Object.entries(checkMessages).flatMap(([code, byStatus]) =>
    Object.entries(byStatus).map(([status, translations]) => ({
      code,
      status,
      translations: translations as Translations,
    })),
  );

  it("has every code × status in all six languages, none empty", () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const { code, status, translations } of entries) expectComplete(`${code} ${status}`, translations);
    for (const [status, translations] of Object.entries(unknownCheckMessages))
      expectComplete(`fallback ${status}`, translations);
  });

  it("uses the same {params} in every language", () => {
    for (const { code, status, translations } of [
      ...entries,
      ...Object.entries(unknownCheckMessages).map(([status, translations]) => ({
        code: "fallback",
        status,
        translations,
      })),
    ]) {
      const expected = placeholders(translations.en);
      for (const language of languages) {
        expect(placeholders(translations[language]), `${code} ${status} ${language}`).toEqual(expected);
      }
    }
  });

  it("tells the applicant what to do next on every fail, in the check's own words", () => {
    // Each fail message is longer than a bare verdict; a crude guard against placeholder text.
    for (const { code, status, translations } of entries) {
      if (status === "fail") expect(translations.en.length, code).toBeGreaterThan(60);
    }
  });

  it("covers the codes and statuses the checks and the server produce", () => {
    const produced: Record<string, readonly CheckStatus[]> = {
      "mrz.valid": ["pass", "fail"],
      "mrz.matches_form": ["pass", "fail", "review"],
      "document.not_expired": ["pass", "fail", "review"],
      "applicant.of_age": ["pass", "fail", "review"],
      "document.type_accepted": ["pass", "fail"],
      "policy.method_available": ["pass", "fail", "review"],
      "evidence.mrz_present": ["pass", "fail"],
    };
    for (const [code, statuses] of Object.entries(produced)) {
      for (const status of statuses) {
        expect(Object.keys(checkMessages[code] ?? {}), code).toContain(status);
      }
    }
  });

  it("names every field and document type in all six languages", () => {
    const fields: readonly string[] = [
      ...formFieldsComparedWithMrz,
      ...([
        "documentCode",
        "issuingState",
        "documentNumber",
        "nationality",
        "birthDate",
        "sex",
        "expiryDate",
        "familyName",
        "givenNames",
        "personalNumber",
        "composite",
      ] satisfies MrzFindingField[]),
      "mrz",
    ];
    for (const field of fields) {
      expect(fieldLabels[field], field).toBeDefined();
      expectComplete(field, fieldLabels[field] as Translations);
    }
    for (const type of documentTypes) expectComplete(type, documentTypeLabels[type]);
  });
});

describe("explainCheck", () => {
  it("fills the form's field names in the reader's language", () => {
    const result: CheckResult = {
      code: "mrz.matches_form",
      status: "fail",
      params: { fields: "birthDate,documentNumber" },
    };
    const en = explainCheck(result, "en");
    expect(en).toMatchObject({ ...result, language: "en" });
    expect(en.message).toBe(
      "The details in your document's machine-readable zone (MRZ) do not match the form: please check date of birth and document number, enter them exactly as printed on your document, and submit again.",
    );
    expect(explainCheck(result, "ja").message).toContain("生年月日、書類の番号");
    expect(explainCheck(result, "zh-Hant").message).toContain("出生日期");
    expect(explainCheck(result, "vi").message).toContain("ngày sinh");
  });

  it("names document types and lists the accepted ones as alternatives", () => {
    const result: CheckResult = {
      code: "document.type_accepted",
      status: "fail",
      params: { documentType: "drivers_licence", acceptedTypes: "passport,residence_card" },
    };
    expect(explainCheck(result, "en").message).toBe(
      "Your driver's licence cannot be used for this application. Please apply with one of these documents instead: passport or residence card.",
    );
    expect(explainCheck(result, "ja").message).toContain("運転免許証");
    expect(explainCheck(result, "ja").message).toContain("パスポート");
  });

  it("shows numbers as they are", () => {
    const message = explainCheck(
      { code: "applicant.of_age", status: "fail", params: { minimumAge: 18 } },
      "ko",
    ).message;
    expect(message).toContain("만 18세");
  });

  it("says what an unreadable MRZ means", () => {
    const message = explainCheck({ code: "mrz.valid", status: "fail", params: { fields: "mrz" } }, "en").message;
    expect(message).toContain("MRZ) of your document: all of its lines.");
  });

  it("renders every catalogue message without leftover placeholders", () => {
    const params = {
      fields: "familyName",
      documentType: "passport",
      acceptedTypes: "passport",
      minimumAge: 18,
      limit: 5,
    };
    for (const [code, byStatus] of Object.entries(checkMessages)) {
      for (const status of Object.keys(byStatus) as CheckStatus[]) {
        for (const language of languages) {
          expect(explainCheck({ code, status, params }, language).message).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });

  it("falls back to a message that still shows the code", () => {
    for (const language of languages) {
      for (const status of ["pass", "fail", "review"] as const) {
        const explained = explainCheck({ code: "address.deliverable", status }, language);
        expect(explained.message).toContain("address.deliverable");
        expect(explained.language).toBe(language);
      }
    }
    // A known code with a status the catalogue lacks, and names Object.prototype has.
    expect(explainCheck({ code: "mrz.valid", status: "review" }, "en").message).toContain("mrz.valid");
    expect(explainCheck({ code: "constructor", status: "fail" }, "en").message).toContain("constructor");
    expect(
      explainCheck({ code: "mrz.matches_form", status: "fail", params: { fields: "toString,hobby" } }, "en").message,
    ).toContain("toString and hobby");
  });
});
