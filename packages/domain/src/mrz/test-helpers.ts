/**
 * Builds MRZ lines for tests, computing every check digit here (independently of check-digit.ts and
 * of the `mrz` library), so tests can make documents that expire in the future, long document
 * numbers, and MRZs with exactly one digit wrong. Test code only: not exported from the package.
 */

export function checkDigitOf(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (const [i, c] of [...text].entries()) {
    const value = c === "<" ? 0 : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - "A".charCodeAt(0) + 10;
    sum += value * (weights[i % 3] ?? 0);
  }
  return String(sum % 10);
}

function field(text: string, length: number): string {
  if (text.length > length) throw new Error(`test data: "${text}" is longer than ${length}`);
  return text.padEnd(length, "<");
}

/** `FAMILY<<GIVEN<NAMES`, cut to the field length as ICAO truncates (no trailing filler). */
function nameField(familyName: string, givenNames: string, length: number): string {
  const words = (s: string) => s.trim().split(/\s+/).join("<");
  const name = givenNames === "" ? words(familyName) : `${words(familyName)}<<${words(givenNames)}`;
  return name.slice(0, length).padEnd(length, "<");
}

export type MrzData = {
  documentCode: string;
  issuingState: string;
  familyName: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD, `<` for unknown parts. */
  birthDate: string;
  sex: string;
  /** YYMMDD */
  expiryDate: string;
  /** TD3 personal number; TD1 and TD2 optional data (after a long document number). */
  optionalData: string;
  /** TD1 only: line 2 optional data. */
  optionalData2: string;
};

export const anna: MrzData = {
  documentCode: "P<",
  issuingState: "UTO",
  familyName: "ERIKSSON",
  givenNames: "ANNA MARIA",
  documentNumber: "L898902C3",
  nationality: "UTO",
  birthDate: "740812",
  sex: "F",
  expiryDate: "340415",
  optionalData: "ZE184226B",
  optionalData2: "",
};

/** Number field (9), its check position, and what goes into the optional field for it. */
function documentNumberParts(documentNumber: string): { principal: string; check: string; continuation: string } {
  if (documentNumber.length <= 9) {
    const principal = field(documentNumber, 9);
    return { principal, check: checkDigitOf(principal), continuation: "" };
  }
  // ICAO 9303 part 5, note j: `<` in the check position, the rest of the number at the start of the
  // optional field, then the check digit over the whole number and a filler (see optionalField).
  return {
    principal: documentNumber.slice(0, 9),
    check: "<",
    continuation: `${documentNumber.slice(9)}${checkDigitOf(documentNumber)}`,
  };
}

/** A filler separates a long number's check digit from optional data; none when the number fills the field. */
function optionalField(continuation: string, optionalData: string, length: number): string {
  const separator = continuation !== "" && optionalData !== "" ? "<" : "";
  return field(continuation + separator + optionalData, length);
}

export function td3(overrides: Partial<MrzData> = {}): [string, string] {
  const d = { ...anna, ...overrides };
  const line1 = `${field(d.documentCode, 2)}${field(d.issuingState, 3)}${nameField(d.familyName, d.givenNames, 39)}`;
  const number = field(d.documentNumber, 9);
  const personal = field(d.optionalData, 14);
  const personalCheck = d.optionalData === "" ? "<" : checkDigitOf(personal);
  const body =
    number +
    checkDigitOf(number) +
    field(d.nationality, 3) +
    d.birthDate +
    checkDigitOf(d.birthDate) +
    d.sex +
    d.expiryDate +
    checkDigitOf(d.expiryDate) +
    personal +
    personalCheck;
  const composite = checkDigitOf(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, body + composite];
}

export function td2(overrides: Partial<MrzData> = {}): [string, string] {
  const d = { ...anna, documentCode: "I<", optionalData: "", ...overrides };
  const line1 = `${field(d.documentCode, 2)}${field(d.issuingState, 3)}${nameField(d.familyName, d.givenNames, 31)}`;
  const { principal, check, continuation } = documentNumberParts(d.documentNumber);
  const body =
    principal +
    check +
    field(d.nationality, 3) +
    d.birthDate +
    checkDigitOf(d.birthDate) +
    d.sex +
    d.expiryDate +
    checkDigitOf(d.expiryDate) +
    optionalField(continuation, d.optionalData, 7);
  const composite = checkDigitOf(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 35));
  return [line1, body + composite];
}

export function td1(overrides: Partial<MrzData> = {}): [string, string, string] {
  const d = { ...anna, documentCode: "I<", documentNumber: "D23145890", optionalData: "", ...overrides };
  const { principal, check, continuation } = documentNumberParts(d.documentNumber);
  const line1 =
    field(d.documentCode, 2) +
    field(d.issuingState, 3) +
    principal +
    check +
    optionalField(continuation, d.optionalData, 15);
  const body =
    d.birthDate +
    checkDigitOf(d.birthDate) +
    d.sex +
    d.expiryDate +
    checkDigitOf(d.expiryDate) +
    field(d.nationality, 3) +
    field(d.optionalData2, 11);
  const composite = checkDigitOf(line1.slice(5, 30) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29));
  return [line1, body + composite, nameField(d.familyName, d.givenNames, 30)];
}

/** Replaces one character. */
export function replaceAt(lines: readonly string[], line: number, index: number, character: string): string[] {
  return lines.map((s, i) => (i === line ? s.slice(0, index) + character + s.slice(index + 1) : s));
}

/** The same digit plus one: a check digit that no longer holds. */
export function otherDigit(digit: string): string {
  return String((Number(digit) + 1) % 10);
}

/** Recomputes the composite check digit, so that a test can break one other digit alone. */
export function withComposite(lines: readonly string[]): string[] {
  const [l1 = "", l2 = ""] = lines;
  if (lines.length === 3) {
    const digit = checkDigitOf(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29));
    return replaceAt(lines, 1, 29, digit);
  }
  const end = l2.length - 1; // 35 for TD2, 43 for TD3
  const digit = checkDigitOf(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, end));
  return replaceAt(lines, 1, end, digit);
}
