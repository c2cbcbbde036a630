import { iccidProblem } from "@jitsumei/domain/iccid";
import { parseMrz } from "@jitsumei/domain/mrz";

/**
 * What the counter reads off a passport's machine-readable zone (ICAO 9303 TD3) to fill in the
 * application, read by the domain's parser (the one the server checks evidence with, so the console
 * and the server agree on every date's century); the server verifies the MRZ again when it is recorded.
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

/** A passport's MRZ, or null for anything else (a card's TD1, unreadable lines, a date left unknown). */
export function parseTd3(lines: string[], today?: string): MrzParticulars | null {
  const parsed = parseMrz(lines, today);
  if (!parsed.ok || parsed.format !== "TD3" || !parsed.fields.documentCode.startsWith("P")) return null;
  const { fields } = parsed;
  if (!fields.birthDate || !fields.expiryDate) return null;
  return {
    name: { family: titleCase(fields.familyName), given: titleCase(fields.givenNames) },
    birthDate: fields.birthDate,
    nationality: fields.nationality,
    sex: fields.sex === "female" ? "F" : fields.sex === "male" ? "M" : null,
    document: {
      type: "passport",
      number: fields.documentNumber,
      expiryDate: fields.expiryDate,
      issuingCountry: fields.issuingState,
    },
  };
}

/** An ICCID as printed on the card, checked as the inventory import checks it (89…, Luhn). */
export function validIccid(iccid: string): boolean {
  return iccidProblem(iccid) === null;
}
