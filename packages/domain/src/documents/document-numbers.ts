/**
 * Document numbers with Japanese rules (LAW.md, "Numbers and limits"; EVIDENCE.md).
 *
 * The 12-digit Individual Number (個人番号, "My Number") must never be stored, logged or sent
 * (PPC FAQ Q6-13). These functions take it only to say whether a string is one, and return a
 * boolean: nothing here keeps, echoes or formats the number.
 */

/** 在留カード番号: two letters, eight digits, two letters; no published check character. */
export function isResidenceCardNumber(value: string): boolean {
  return /^[A-Z]{2}\d{8}[A-Z]{2}$/.test(value);
}

/**
 * Whether `value` is a well-formed Individual Number: 12 digits whose last is the check digit of
 * 総務省令第85号 第5条 (weights 6 5 4 3 2 7 6 5 4 3 2 from the left; r = Σ mod 11; 0 when r ≤ 1,
 * else 11 − r).
 */
export function isIndividualNumber(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(value[i]) * (weights[i] ?? 0);
  const r = sum % 11;
  return Number(value[11]) === (r <= 1 ? 0 : 11 - r);
}

/**
 * Whether a string could be an Individual Number typed with spaces or hyphens, well-formed or
 * mistyped: any 12 digits. Such input is refused wherever a document number is asked for, so a
 * number that must not be kept is never kept by mistake.
 */
export function looksLikeIndividualNumber(value: string): boolean {
  return /^\d{12}$/.test(value.replace(/[\s\-‐－ー]/g, ""));
}

const separator = "[\\s\\-‐－ー]";
/**
 * 12 digits, each pair at most one separator apart, not part of a longer run of digits, nor an
 * international phone number (+81 90 1234 5678 is 12 digits too).
 */
const twelveDigits = new RegExp(`(?<!\\d${separator}?)(?<!\\+)\\d(?:${separator}?\\d){11}(?!${separator}?\\d)`, "gu");

/**
 * Whether free text holds a well-formed Individual Number anywhere: 12 digits (full-width too, with
 * spaces or hyphens between them) whose check digit holds, standing alone rather than inside a
 * longer number such as an ICCID. For every string the API accepts, so a My Number typed into a
 * name, an address or a note is refused before it is stored or logged. Returns a boolean only.
 */
export function containsIndividualNumber(text: string): boolean {
  const halfWidth = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const match of halfWidth.matchAll(twelveDigits)) {
    if (isIndividualNumber(match[0].replace(/\D/g, ""))) return true;
  }
  return false;
}
