import type { DocumentType, Particulars } from "../application/particulars.ts";
import type { MrzFields, MrzParseResult } from "../mrz/parse-mrz.ts";
import { ageOn } from "./age.ts";
import { assertCalendarDate, isCalendarDate } from "./calendar-date.ts";
import type { CheckResult } from "./check.ts";
import { compareNames } from "./names.ts";

/**
 * The automated checks of a prepaid application. Each returns a CheckResult whose `params` hold field
 * names, document types and ages, never the applicant's values. Dates are `YYYY-MM-DD`; `today` is
 * always a parameter (a RangeError when it is not a calendar date: that is a programming error).
 */

/**
 * `mrz.valid`: every check digit holds and every field is well formed. Fail lists the fields
 * (`fields`: comma-separated, e.g. `birthDate,composite`); an MRZ that could not be read at all
 * lists `mrz`. Unknown state codes, an `X` sex and unknown date parts do not fail it.
 */
export function checkMrzValid(parse: MrzParseResult): CheckResult {
  const code = "mrz.valid";
  if (!parse.ok) return { code, status: "fail", params: { fields: "mrz" } };
  const failed = [...new Set(parse.findings.filter((f) => f.severity === "error").map((f) => f.field))];
  return failed.length === 0
    ? { code, status: "pass" }
    : { code, status: "fail", params: { fields: failed.join(",") } };
}

/** What checkMrzMatchesForm reads of the form. `Particulars` fits. */
export type FormParticularsForMrz = Pick<Particulars, "birthDate" | "nationality"> & {
  name: Pick<Particulars["name"], "family" | "given">;
  document: Pick<Particulars["document"], "number" | "expiryDate" | "issuingCountry">;
};

export type MrzFieldsForForm = Pick<
  MrzFields,
  | "familyName"
  | "givenNames"
  | "nameFieldFull"
  | "birthDate"
  | "documentNumber"
  | "nationality"
  | "expiryDate"
  | "issuingState"
>;

/** The fields checkMrzMatchesForm compares, named as the form names them, in the order reported. */
export const formFieldsComparedWithMrz = [
  "familyName",
  "givenNames",
  "birthDate",
  "documentNumber",
  "nationality",
  "expiryDate",
  "issuingCountry",
] as const;
type ComparedField = (typeof formFieldsComparedWithMrz)[number];

/**
 * `mrz.matches_form`: the form says what the MRZ says. Fail lists the fields that differ (`fields`);
 * review lists fields the MRZ leaves unknown (a birth or expiry date with `<`) when nothing differs.
 * Check the MRZ's own validity with checkMrzValid: a misread MRZ may match by accident or not at all.
 */
export function checkMrzMatchesForm(form: FormParticularsForMrz, mrz: MrzFieldsForForm): CheckResult {
  const code = "mrz.matches_form";
  const names = compareNames(form.name, mrz);
  const outcome: Record<ComparedField, boolean | "unknown"> = {
    familyName: names.family,
    givenNames: names.given,
    // The MRZ holds YYMMDD and the parser guesses the century (never in the future). Same digits in
    // another century (1910 typed, 2010 meant) is the one way to pass an age check with a true MRZ,
    // so it goes to a person instead of passing.
    birthDate:
      mrz.birthDate === null
        ? "unknown"
        : form.birthDate === mrz.birthDate
          ? true
          : form.birthDate.slice(2) === mrz.birthDate.slice(2)
            ? "unknown"
            : false,
    documentNumber: normaliseDocumentNumber(form.document.number ?? "") === normaliseDocumentNumber(mrz.documentNumber),
    nationality: sameState(form.nationality, mrz.nationality),
    expiryDate: mrz.expiryDate === null ? "unknown" : form.document.expiryDate === mrz.expiryDate,
    issuingCountry: sameState(form.document.issuingCountry, mrz.issuingState),
  };
  const differing = formFieldsComparedWithMrz.filter((f) => outcome[f] === false);
  if (differing.length > 0) return { code, status: "fail", params: { fields: differing.join(",") } };
  const unknown = formFieldsComparedWithMrz.filter((f) => outcome[f] === "unknown");
  if (unknown.length > 0) return { code, status: "review", params: { fields: unknown.join(",") } };
  return { code, status: "pass" };
}

/**
 * `document.not_expired`: the document is valid on the day it is presented (LAW.md, Documents); the
 * expiry date itself still counts. Review when the expiry date is unknown.
 */
export function checkDocumentNotExpired(expiryDate: string | null, today: string): CheckResult {
  assertCalendarDate(today, "today");
  const code = "document.not_expired";
  if (expiryDate === null || !isCalendarDate(expiryDate)) return { code, status: "review" };
  return { code, status: expiryDate >= today ? "pass" : "fail" };
}

/**
 * `applicant.of_age`: the applicant is at least `minimumAge` on `today`, counted as Japanese law
 * counts age (see ageOn: someone born on 29 February is older from 1 March in a common year).
 * Review when the birth date is unknown.
 */
export function checkApplicantOfAge(birthDate: string | null, today: string, minimumAge: number): CheckResult {
  assertCalendarDate(today, "today");
  if (!Number.isInteger(minimumAge) || minimumAge < 0) throw new RangeError("minimumAge must be a whole number ≥ 0");
  const code = "applicant.of_age";
  const params = { minimumAge };
  if (birthDate === null || !isCalendarDate(birthDate)) return { code, status: "review", params };
  return { code, status: ageOn(birthDate, today) >= minimumAge ? "pass" : "fail", params };
}

/** `document.type_accepted`: the document is one the plan accepts. Params name the type and the accepted ones. */
export function checkDocumentTypeAccepted(
  documentType: DocumentType,
  acceptedTypes: readonly DocumentType[],
): CheckResult {
  return {
    code: "document.type_accepted",
    status: acceptedTypes.includes(documentType) ? "pass" : "fail",
    params: { documentType, acceptedTypes: acceptedTypes.join(",") },
  };
}

/** Case-insensitive, without fillers or spaces: `l898902c3` matches `L898902C3<`. */
function normaliseDocumentNumber(s: string): string {
  return s.toUpperCase().replace(/[<\s]/g, "");
}

/**
 * ICAO 9303 part 3 writes Germany as `D` in the MRZ where ISO 3166-1 (and the form) has `DEU`; every
 * other code is the same alpha-3 in both.
 */
function sameState(form: string, mrz: string): boolean {
  const canonical = (s: string) => {
    const code = s.toUpperCase().replace(/</g, "");
    return code === "D" ? "DEU" : code;
  };
  return canonical(form) === canonical(mrz);
}
