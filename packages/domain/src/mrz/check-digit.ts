/**
 * The ICAO 9303 check digit (part 3, section 4.9): characters valued `0-9` → 0–9, `A-Z` → 10–35,
 * `<` → 0, weighted 7, 3, 1 repeating from the left, summed, modulo 10.
 *
 * The `mrz` library computes the same digit but does not export it; this copy serves the case the
 * library gets wrong (long document numbers, see parse-mrz.ts). Returns null for a character
 * outside the MRZ alphabet, so a caller can never mistake garbage for a valid digit.
 */
export function mrzCheckDigit(text: string): number | null {
  const weights = [7, 3, 1] as const;
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const value = characterValue(text.charCodeAt(i));
    if (value === null) return null;
    sum += value * (weights[i % 3] ?? 0);
  }
  return sum % 10;
}

/** Whether `digit` is the check digit of `text`. A filler or letter in the digit's place never holds. */
export function holdsCheckDigit(text: string, digit: string): boolean {
  const computed = mrzCheckDigit(text);
  return computed !== null && /^\d$/.test(digit) && Number(digit) === computed;
}

function characterValue(code: number): number | null {
  if (code === 60) return 0; // "<"
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  return null;
}
