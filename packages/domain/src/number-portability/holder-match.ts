import type { Particulars } from "../application/particulars.ts";
import { compareNames } from "../checks/names.ts";

/**
 * The contract holder as the porting-out operator holds them. Operators keep a name in kanji or in
 * Latin letters (a foreign resident's), often a reading in kana, and the birth date.
 */
export type PortingHolder = { name: string; kana?: string; birthDate: string };

export type HolderComparison = { name: boolean; birthDate: boolean };

/**
 * Whether the holder at the porting-out operator is the person whose identity we verified. The birth
 * date must be the same day. The name matches in any of the ways the same person is written:
 * - Latin letters: the MRZ comparison (`compareNames`: case, diacritics, spacing, given-name order),
 *   family name first as Japanese operators write it, or given name first;
 * - kanji: the verified kanji name, with width, case and spaces ignored (as the JPKI comparison does);
 * - kana: the verified reading, hiragana and katakana alike, half-width or full-width.
 * A different person's name written in the same script never matches: every tolerance only removes
 * ways of writing, never letters.
 */
export function compareHolder(
  holder: PortingHolder,
  verified: Pick<Particulars, "name" | "birthDate">,
): HolderComparison {
  return { name: holderNameMatches(holder, verified.name), birthDate: holder.birthDate === verified.birthDate };
}

function holderNameMatches(holder: PortingHolder, name: Particulars["name"]): boolean {
  const written = compact(holder.name);
  if (name.kanji && compact(name.kanji) === written) return true;
  if (name.kana && (kana(holder.name) === kana(name.kana) || (holder.kana && kana(holder.kana) === kana(name.kana)))) {
    return true;
  }
  const words = holder.name
    .normalize("NFKC")
    .trim()
    .split(/[\s\u3000,]+/u)
    .filter(Boolean);
  if (words.length === 0 || !/^[\p{Script=Latin}' .,\-\u3000]+$/u.test(holder.name.normalize("NFKC"))) return false;
  const form = { family: name.family, given: name.given };
  const familyFirst = { familyName: words[0] ?? "", givenNames: words.slice(1).join(" ") };
  const givenFirst = { familyName: words.at(-1) ?? "", givenNames: words.slice(0, -1).join(" ") };
  return [familyFirst, givenFirst].some((mrz) => {
    const match = compareNames(form, mrz);
    return match.family && match.given;
  });
}

/** Width, case and spacing do not make a different name. */
function compact(s: string): string {
  return s
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\u3000・･.'-]/g, "");
}

/** A kana reading with hiragana written as katakana (ぁ-ゖ sit 0x60 below ァ-ヶ). */
function kana(s: string): string {
  return compact(s).replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}
