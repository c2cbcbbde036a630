import type { FieldName, ParseResult } from "mrz";
import { parse as parseWithLibrary, states } from "mrz";
import { assertCalendarDate, isRealDate, todayInJapan } from "../checks/calendar-date.ts";
import { holdsCheckDigit } from "./check-digit.ts";
import type { Layout, MrzFormat, Span } from "./layouts.ts";

export type { MrzFormat };

import { layouts } from "./layouts.ts";

/**
 * Reads the machine-readable zone (MRZ) of an ICAO 9303 document: TD1 (ID cards, 3 × 30), TD2
 * (2 × 36) and TD3 (passports, 2 × 44). EVIDENCE.md (MRZ) has the layouts.
 *
 * The `mrz` library (cheminfo) decides the check digits and the document code. Where it falls short,
 * this file fills the gap and says so:
 * - it marks an unknown state code (the specimen state `UTO`) as an invalid field; here that is a
 *   warning, because a code missing from a table says nothing about a misread;
 * - it rejects sex `X`, which EVIDENCE.md says to accept and flag;
 * - it returns dates as `YYMMDD` and checks only that month ≤ 12 and day ≤ 31; here dates get a
 *   century (birth dates never in the future, expiry dates in 20xx) and must exist in the calendar;
 * - for a long document number it accepts the check digit computed with or without the `<` of the
 *   check position, takes a missing digit for 0, and misreads a number that fills the optional field;
 *   here the check digit is computed over the whole number, as ICAO 9303 part 5 shows
 *   (`D23145890<7349` is number `D23145890734`, check 9);
 * - it reads the whole name as both primary and secondary identifier when the name has no `<<`;
 * - it throws on input it cannot read, and lets through lines with characters outside the MRZ alphabet.
 */

export type MrzSex = "male" | "female" | "unspecified";

export type MrzFields = {
  /** `P`, `PA`, `I`, `ID`, `AC`…, without the trailing filler. */
  documentCode: string;
  /** ICAO 9303 code: alpha-3 (`JPN`, the specimen `UTO`) or Germany's `D`. */
  issuingState: string;
  /** Without fillers; a long number is joined with its continuation in the optional field. */
  documentNumber: string;
  nationality: string;
  /** `YYYY-MM-DD`; null when the MRZ leaves part of it unknown (`<`) or it is not a calendar date. */
  birthDate: string | null;
  sex: MrzSex;
  /** `YYYY-MM-DD` in 20xx; null as for `birthDate`. */
  expiryDate: string | null;
  /** Primary identifier, words separated by single spaces. */
  familyName: string;
  /** Secondary identifier, words separated by single spaces; empty when there is none. */
  givenNames: string;
  /**
   * Whether the name field is used up to its last character. ICAO 9303 truncates long names without
   * a trailing filler, so a full field means the name may have been cut short.
   */
  nameFieldFull: boolean;
  /** TD3 only: "personal number or other optional data" (line 2, 28–42). */
  personalNumber: string | null;
  /** TD1 line 1 (15–30) and TD2 line 2 (28–35), after any long-document-number continuation. */
  optionalData: string | null;
  /** TD1 only: the optional field of line 2 (18–29). */
  optionalData2: string | null;
};

export type MrzFindingCode =
  | "mrz.check_digit.document_number"
  | "mrz.check_digit.birth_date"
  | "mrz.check_digit.expiry_date"
  | "mrz.check_digit.personal_number"
  | "mrz.check_digit.composite"
  | "mrz.unknown_state"
  | "mrz.sex_x"
  | "mrz.date_unknown"
  | "mrz.primary_identifier_empty"
  | "mrz.invalid_field";

/** The field a finding is about; `composite` is the digit over several fields. */
export type MrzFindingField =
  | "documentCode"
  | "issuingState"
  | "documentNumber"
  | "nationality"
  | "birthDate"
  | "sex"
  | "expiryDate"
  | "familyName"
  | "givenNames"
  | "personalNumber"
  | "composite";

export type MrzFinding = {
  code: MrzFindingCode;
  field: MrzFindingField;
  /** `error` makes the MRZ invalid (a misread or a malformed field); `warning` does not. */
  severity: "error" | "warning";
  /** In English, for developers and reviewers. Never contains the field's value. */
  reason: string;
};

export type MrzParsed = {
  ok: true;
  format: MrzFormat;
  /** True when every check digit holds and every field is well formed (no `error` finding). */
  valid: boolean;
  fields: MrzFields;
  findings: readonly MrzFinding[];
};

export type MrzUnreadable = { ok: false; error: { code: "mrz.unreadable"; reason: string } };

export type MrzParseResult = MrzParsed | MrzUnreadable;

/**
 * Parses MRZ lines. Never throws for any `lines`: input that is not an MRZ at all (wrong number or
 * length of lines, characters outside `A-Z 0-9 <`) gives `{ ok: false }`. Surrounding whitespace is
 * trimmed and lower-case letters are upper-cased; nothing else is corrected.
 *
 * `today` (`YYYY-MM-DD`, default: today in Japan) resolves the century of the birth date; it must be
 * a calendar date (a RangeError otherwise, as that is a programming error, not input).
 */
export function parseMrz(lines: readonly string[], today: string = todayInJapan()): MrzParseResult {
  assertCalendarDate(today, "today");
  const normalised = normaliseLines(lines);
  if (typeof normalised === "string") return unreadable(normalised);
  const layout = layouts.find(
    (l) => l.lineCount === normalised.length && normalised.every((s) => s.length === l.lineLength),
  );
  if (!layout) {
    const shape = normalised.map((s) => s.length).join(", ");
    return unreadable(`expected 3 lines of 30 (TD1), 2 of 36 (TD2) or 2 of 44 (TD3) characters; got lengths ${shape}`);
  }
  const library = readWithLibrary(normalised, layout);
  if (!library) return unreadable(`the lines have the shape of ${layout.format} but do not read as one`);

  const findings: MrzFinding[] = [];
  const note = (code: MrzFindingCode, field: MrzFindingField, severity: MrzFinding["severity"], reason: string) =>
    findings.push({ code, field, severity, reason });
  const at = (span: Span) => slice(normalised, span);

  const documentCode = stripFillers(at(layout.documentCode));
  if (library.details.find((d) => d.field === "documentCode")?.valid !== true) {
    note("mrz.invalid_field", "documentCode", "error", `not a ${layout.format} document code`);
  }
  const issuingState = readState(at(layout.issuingState), "issuingState", note);
  const name = readName(at(layout.name), note);
  const documentNumber = readDocumentNumber(normalised, layout, library, note);
  const nationality = readState(at(layout.nationality), "nationality", note);
  const birthDate = readDate(at(layout.birthDate), "birth", today, note);
  checkDigitFromLibrary(library, "birthDateCheckDigit", "mrz.check_digit.birth_date", "birthDate", note);
  const sex = readSex(at(layout.sex), note);
  const expiryDate = readDate(at(layout.expiryDate), "expiry", today, note);
  checkDigitFromLibrary(library, "expirationDateCheckDigit", "mrz.check_digit.expiry_date", "expiryDate", note);
  if (layout.personalNumber) {
    checkDigitFromLibrary(
      library,
      "personalNumberCheckDigit",
      "mrz.check_digit.personal_number",
      "personalNumber",
      note,
    );
  }
  checkDigitFromLibrary(library, "compositeCheckDigit", "mrz.check_digit.composite", "composite", note);

  return {
    ok: true,
    format: layout.format,
    valid: !findings.some((f) => f.severity === "error"),
    fields: {
      documentCode,
      issuingState,
      documentNumber: documentNumber.number,
      nationality,
      birthDate,
      sex,
      expiryDate,
      familyName: name.familyName,
      givenNames: name.givenNames,
      nameFieldFull: name.nameFieldFull,
      personalNumber: layout.personalNumber ? cleanOptional(at(layout.personalNumber)) : null,
      optionalData: documentNumber.optionalData,
      optionalData2: layout.optionalData2 ? cleanOptional(at(layout.optionalData2)) : null,
    },
    findings,
  };
}

type Note = (code: MrzFindingCode, field: MrzFindingField, severity: MrzFinding["severity"], reason: string) => void;

function unreadable(reason: string): MrzUnreadable {
  return { ok: false, error: { code: "mrz.unreadable", reason } };
}

/** Trims and upper-cases each line, or returns why the input cannot be an MRZ. */
function normaliseLines(input: unknown): string[] | string {
  if (!Array.isArray(input)) return "input is not a list of lines";
  if (input.length < 2 || input.length > 3) return `an MRZ has 2 or 3 lines; got ${input.length}`;
  const lines: string[] = [];
  for (const [index, line] of input.entries()) {
    if (typeof line !== "string") return `line ${index + 1} is not text`;
    const trimmed = line.trim();
    // Only ASCII letters are upper-cased: `toUpperCase` would turn `ß` into `SS` or `ı` into `I`
    // and make a non-MRZ character look like a valid one.
    if (!/^[A-Za-z0-9<]+$/.test(trimmed))
      return `line ${index + 1} is empty or has characters other than A-Z, 0-9 and <`;
    lines.push(trimmed.toUpperCase());
  }
  return lines;
}

function slice(lines: readonly string[], [line, start, end]: Span): string {
  return (lines[line] ?? "").slice(start, end);
}

/**
 * Runs the library, or returns null where it throws or reads the lines as another format.
 *
 * The library sends a 36-character MRZ with a digit in line 1, 30–35, to its French-ID reader.
 * Those positions are in the TD2 name field, which no check digit covers, so the copy given to the
 * library has fillers there; the name is read from the original lines (and a digit in it reported).
 */
function readWithLibrary(lines: readonly string[], layout: Layout): ParseResult | null {
  const forLibrary =
    layout.format === "TD2"
      ? lines.map((s, i) => (i === 0 ? s.slice(0, 30) + s.slice(30, 35).replace(/\d/g, "<") + s.slice(35) : s))
      : lines;
  try {
    const result = parseWithLibrary(forLibrary);
    return result.format === layout.format ? result : null;
  } catch {
    return null;
  }
}

function checkDigitFromLibrary(
  library: ParseResult,
  detailField: FieldName,
  code: MrzFindingCode,
  field: MrzFindingField,
  note: Note,
): void {
  const detail = library.details.find((d) => d.field === detailField);
  if (detail && !detail.valid) note(code, field, "error", `the check digit over the ${field} does not hold`);
}

function stripFillers(s: string): string {
  return s.replace(/<+$/, "");
}

function cleanOptional(s: string): string {
  return stripFillers(s).replace(/</g, " ");
}

function readState(raw: string, field: "issuingState" | "nationality", note: Note): string {
  const code = stripFillers(raw);
  if (!/^[A-Z]{1,3}$/.test(code)) {
    note("mrz.invalid_field", field, "error", "a state code is one to three letters followed by fillers");
  } else if (!Object.hasOwn(states, code)) {
    note("mrz.unknown_state", field, "warning", "the state code is not in the ICAO 9303 list (specimens use UTO)");
  }
  return code;
}

function readDate(raw: string, kind: "birth" | "expiry", today: string, note: Note): string | null {
  const field = kind === "birth" ? "birthDate" : "expiryDate";
  if (/^\d{6}$/.test(raw)) {
    const [yy, mm, dd] = [raw.slice(0, 2), raw.slice(2, 4), raw.slice(4, 6)];
    // Expiry dates are in 20xx. A birth date is the latest date with these digits that is not after
    // today: an MRZ cannot tell a 1925 birth from a 2025 one, and the form comparison uses only the
    // two digits the MRZ holds (see checkMrzMatchesForm).
    let year = 2000 + Number(yy);
    if (kind === "birth" && `${year}-${mm}-${dd}` > today) year -= 100;
    if (!isRealDate(year, Number(mm), Number(dd))) {
      note("mrz.invalid_field", field, "error", "the date is not a calendar date");
      return null;
    }
    return `${year}-${mm}-${dd}`;
  }
  if (/^[\d<]{6}$/.test(raw)) {
    note("mrz.date_unknown", field, "warning", "part of the date is unknown (<)");
  } else {
    note("mrz.invalid_field", field, "error", "a date is six digits YYMMDD, with < for unknown parts");
  }
  return null;
}

function readSex(raw: string, note: Note): MrzSex {
  switch (raw) {
    case "M":
      return "male";
    case "F":
      return "female";
    case "<":
      return "unspecified";
    case "X":
      // ICAO 9303 writes `X` only in the printed zone and `<` in the MRZ, but some issuers put `X` in
      // the MRZ too (EVIDENCE.md): accept it as unspecified and flag it.
      note("mrz.sex_x", "sex", "warning", "X is a printed-zone value; the MRZ uses <");
      return "unspecified";
    default:
      note("mrz.invalid_field", "sex", "error", "sex is M, F or <");
      return "unspecified";
  }
}

function readName(raw: string, note: Note): { familyName: string; givenNames: string; nameFieldFull: boolean } {
  const text = stripFillers(raw);
  const separator = text.indexOf("<<");
  const primary = separator === -1 ? text : text.slice(0, separator);
  const secondary = separator === -1 ? "" : text.slice(separator + 2);
  const words = (s: string) =>
    s
      .split("<")
      .filter((w) => w !== "")
      .join(" ");
  const familyName = words(primary);
  const givenNames = words(secondary);
  if (familyName === "" && separator === 0 && givenNames !== "" && !/[^A-Z<]/.test(secondary)) {
    // `<<NAME`: some issuers write a single name as the secondary identifier, where ICAO 9303-3 puts a
    // one-part name in the primary one (issue #22). The name is there to record (LAW.md: the name is an
    // identifying particular) and the check digits never covered it, so nothing about the document is
    // in doubt: valid, with a warning so whoever compares names reads it as the whole name.
    note(
      "mrz.primary_identifier_empty",
      "familyName",
      "warning",
      "the name is written only as the secondary identifier",
    );
  } else if (familyName === "" || /[^A-Z<]/.test(primary)) {
    note(
      "mrz.invalid_field",
      "familyName",
      "error",
      "the primary identifier is empty or has characters other than A-Z",
    );
  }
  if (/[^A-Z<]/.test(secondary)) {
    note("mrz.invalid_field", "givenNames", "error", "the secondary identifier has characters other than A-Z");
  }
  return { familyName, givenNames, nameFieldFull: !raw.endsWith("<") };
}

/**
 * The document number, and the optional data left after a long number's continuation.
 *
 * A `<` in the check-digit position means the number is longer than nine characters: it continues
 * at the start of the optional field, followed by the check digit over the whole number and a
 * filler (ICAO 9303 part 5, 4.2.2, note j; part 6 for TD2). TD3 has no such continuation.
 */
function readDocumentNumber(
  lines: readonly string[],
  layout: Layout,
  library: ParseResult,
  note: Note,
): { number: string; optionalData: string | null } {
  const principal = slice(lines, layout.documentNumber);
  const checkCharacter = slice(lines, layout.documentNumberCheck);
  const optional = layout.optionalData ? slice(lines, layout.optionalData) : null;

  let number: string;
  let optionalData = optional === null ? null : cleanOptional(optional);
  if (checkCharacter === "<" && optional !== null) {
    const firstFiller = optional.indexOf("<");
    const end = firstFiller === -1 ? optional.length : firstFiller;
    if (end === 0) {
      number = principal;
      note("mrz.check_digit.document_number", "documentNumber", "error", "no check digit after the document number");
    } else {
      number = principal + optional.slice(0, end - 1);
      optionalData = cleanOptional(optional.slice(end + 1));
      if (!holdsCheckDigit(number, optional.charAt(end - 1))) {
        note(
          "mrz.check_digit.document_number",
          "documentNumber",
          "error",
          "the check digit over the long document number does not hold",
        );
      }
    }
  } else {
    number = principal;
    checkDigitFromLibrary(
      library,
      "documentNumberCheckDigit",
      "mrz.check_digit.document_number",
      "documentNumber",
      note,
    );
  }
  number = number.replace(/</g, "");
  if (number === "") note("mrz.invalid_field", "documentNumber", "error", "the document number is empty");
  return { number, optionalData };
}
