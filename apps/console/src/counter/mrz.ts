import { iccidProblem } from "../../../server/src/inventory/identifiers.ts";

/**
 * What the counter reads off a passport's machine-readable zone (ICAO 9303 TD3) to fill in the
 * application; the server verifies every check digit again when the MRZ is recorded as evidence.
 */
export type MrzParticulars = {
  name: { family: string; given: string };
  birthDate: string;
  nationality: string;
  sex: "F" | "M" | null;
  document: { type: "passport"; number: string; expiryDate: string; issuingCountry: string };
};

export function normaliseMrz(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().toUpperCase().replace(/\s/g, ""))
    .filter(Boolean);
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());

function date(yymmdd: string, kind: "birth" | "expiry", now: Date): string {
  const yy = Number(yymmdd.slice(0, 2));
  const thisYear = now.getUTCFullYear() % 100;
  const century = kind === "expiry" || yy <= thisYear ? 2000 : 1900;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

export function parseTd3(lines: string[], now = new Date()): MrzParticulars | null {
  const [first, second] = lines;
  if (lines.length !== 2 || first?.length !== 44 || second?.length !== 44 || !first.startsWith("P")) return null;
  const [family = "", given = ""] = first.slice(5).split("<<");
  const sex = second[20];
  return {
    name: {
      family: titleCase(family.replaceAll("<", " ").trim()),
      given: titleCase(given.replaceAll("<", " ").trim()),
    },
    birthDate: date(second.slice(13, 19), "birth", now),
    nationality: second.slice(10, 13).replaceAll("<", ""),
    sex: sex === "F" || sex === "M" ? sex : null,
    document: {
      type: "passport",
      number: second.slice(0, 9).replaceAll("<", ""),
      expiryDate: date(second.slice(21, 27), "expiry", now),
      issuingCountry: first.slice(2, 5).replaceAll("<", ""),
    },
  };
}

/** An ICCID as printed on the card, checked as the inventory import checks it (89…, Luhn). */
export function validIccid(iccid: string): boolean {
  return iccidProblem(iccid) === null;
}
