import { holdsCheckDigit } from "./check-digit.ts";

/**
 * Which check digits of a typed two-line MRZ (a TD3 passport, 44 characters a line, or a TD2
 * document, 36) do not hold, each at its place, so the form can mark the very character that is
 * wrong while the applicant types (the server's checks stay the judge). Zod-free and library-free for
 * the browser: `@jitsumei/domain/mrz-check-digits`. Incomplete lines are not judged.
 */
export type WrongCheckDigit = {
  /** 0-based line and character of the check digit. */
  line: number;
  position: number;
  field: "document_number" | "birth_date" | "expiry_date" | "personal_number" | "composite";
};

type Digit = { field: WrongCheckDigit["field"]; data: [start: number, end: number][]; at: number };

/** On the second line: the data each digit covers and where it sits (ICAO 9303 parts 5 and 4). */
const secondLine: Record<number, Digit[]> = {
  44: [
    { field: "document_number", data: [[0, 9]], at: 9 },
    { field: "birth_date", data: [[13, 19]], at: 19 },
    { field: "expiry_date", data: [[21, 27]], at: 27 },
    { field: "personal_number", data: [[28, 42]], at: 42 },
    {
      field: "composite",
      data: [
        [0, 10],
        [13, 20],
        [21, 43],
      ],
      at: 43,
    },
  ],
  36: [
    { field: "document_number", data: [[0, 9]], at: 9 },
    { field: "birth_date", data: [[13, 19]], at: 19 },
    { field: "expiry_date", data: [[21, 27]], at: 27 },
    {
      field: "composite",
      data: [
        [0, 10],
        [13, 20],
        [21, 35],
      ],
      at: 35,
    },
  ],
};

export function wrongCheckDigits(lines: readonly string[]): WrongCheckDigit[] {
  const line = (lines[1] ?? "").toUpperCase();
  const digits = secondLine[line.length];
  if (!digits || (lines[0] ?? "").length !== line.length) return [];
  return digits
    .filter((d) => {
      const data = d.data.map(([start, end]) => line.slice(start, end)).join("");
      const digit = line[d.at] ?? "";
      // An empty personal number may carry < instead of 0 (ICAO 9303 part 4, 4.2.2).
      if (d.field === "personal_number" && /^<*$/.test(data) && (digit === "<" || digit === "0")) return false;
      return !holdsCheckDigit(data, digit);
    })
    .map((d) => ({ line: 1, position: d.at, field: d.field }));
}
