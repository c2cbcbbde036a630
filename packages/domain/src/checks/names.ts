/**
 * Comparing the name an applicant typed with the name in an MRZ.
 *
 * The MRZ writes names in `A-Z` only, with `<` between words, and truncates long names (ICAO 9303
 * part 3, 4.6). The form takes Latin letters as printed on the document. Each tolerance below says
 * why it cannot make two different people's names match; the birth date and document number are
 * compared separately, so a name tolerance never decides alone.
 */

export type FormName = { family: string; given: string };
export type MrzName = {
  familyName: string;
  givenNames: string;
  /** The MRZ name field is used to its last character, so the name may be truncated (see MrzFields). */
  nameFieldFull?: boolean;
};

/**
 * Upper-case `A-Z` words separated by single spaces: diacritics removed (NFD), letters that do not
 * decompose written as ICAO 9303 part 3 transliterates them (`ß` → `SS`, `Æ` → `AE`, `Ø` → `OE`…),
 * and `<`, spaces, hyphens, apostrophes and full stops all treated as separators.
 */
export function normaliseLatinName(s: string): string {
  return normalise(s, {});
}

/** Whether the two names match: see `compareNames`. */
export function namesMatch(form: FormName, mrz: MrzName): boolean {
  const { family, given } = compareNames(form, mrz);
  return family && given;
}

/**
 * Compares family and given names separately.
 *
 * Tolerances, and why each is safe:
 * - Diacritics: the form may say `Müller`, the MRZ `MULLER` or, as ICAO 9303 also allows (and Germany
 *   does), `MUELLER`. Both readings are tried, but only where the form has the accented letter, so a
 *   form saying `Muller` still does not match `MUELLER`.
 * - Spacing and punctuation: words are compared with separators removed, so `ANNA MARIA` matches
 *   `ANNAMARIA` and `O'Brien` matches both `O<BRIEN` and `OBRIEN` (ICAO omits apostrophes; some issuers
 *   write a filler). The letters and their order must still be identical.
 * - Order of given names: `Maria Anna` matches `ANNA MARIA` when the words are the same words.
 *   Applicants reorder given names (a Japanese form habit, or a preferred name first); the set of
 *   names is unchanged, which is what identifies the person.
 * - Truncation: only when the MRZ name field is full (`nameFieldFull`), the MRZ given names may be a
 *   prefix of the form's; when the family name alone fills the field, the MRZ family name may be a
 *   prefix of the form's and the given names, which the MRZ cannot show, are not compared. A full
 *   field holds 30 to 39 characters, so the prefix that must match is long.
 * Not tolerated: swapped family and given names, initials, missing or extra words — those go to a
 * person, who can see the document.
 */
export function compareNames(form: FormName, mrz: MrzName): { family: boolean; given: boolean } {
  const mrzFamily = squash(normaliseLatinName(mrz.familyName));
  const mrzGiven = normaliseLatinName(mrz.givenNames);
  const full = mrz.nameFieldFull === true;
  const familyCut = full && mrzGiven === "";

  const family = latinNameVariants(form.family).some((variant) => {
    const formFamily = squash(variant);
    return familyCut ? mrzFamily !== "" && formFamily.startsWith(mrzFamily) : formFamily === mrzFamily;
  });
  const given = familyCut || latinNameVariants(form.given).some((variant) => givenNamesMatch(variant, mrzGiven, full));
  return { family, given };
}

/** The readings of a typed name an MRZ may hold: the plain one and ICAO's expanded umlauts. */
export function latinNameVariants(s: string): string[] {
  const plain = normaliseLatinName(s);
  const expanded = normalise(s, expandedLetters);
  return plain === expanded ? [plain] : [plain, expanded];
}

function givenNamesMatch(form: string, mrz: string, fieldFull: boolean): boolean {
  if (squash(form) === squash(mrz)) return true;
  if (sortedWords(form) === sortedWords(mrz)) return true;
  return fieldFull && mrz !== "" && squash(form).startsWith(squash(mrz));
}

/**
 * ICAO 9303 part 3 transliterations of letters that NFD does not decompose, applied after upper-casing
 * (which already turns `ß` into `SS`).
 */
const undecomposedLetters: Readonly<Record<string, string>> = {
  Æ: "AE",
  Ð: "D",
  Đ: "D",
  Ħ: "H",
  Ĳ: "IJ",
  Ŀ: "L",
  Ł: "L",
  Ŋ: "N",
  Ø: "OE",
  Œ: "OE",
  Þ: "TH",
  Ŧ: "T",
  ẞ: "SS",
};

/** The alternative ICAO 9303 gives for these letters (German, Scandinavian practice). */
const expandedLetters: Readonly<Record<string, string>> = { Ä: "AE", Å: "AA", Ö: "OE", Ü: "UE" };

function normalise(s: string, extra: Readonly<Record<string, string>>): string {
  const upper = s.normalize("NFC").toUpperCase();
  let mapped = "";
  for (const ch of upper) mapped += extra[ch] ?? undecomposedLetters[ch] ?? ch;
  return mapped
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[<\s\-\u2010\u2011\u2013'\u2018\u2019\u02BC.]+/gu, " ")
    .trim();
}

function squash(s: string): string {
  return s.replaceAll(" ", "");
}

function sortedWords(s: string): string {
  return s.split(" ").sort().join(" ");
}
