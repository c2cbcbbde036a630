/**
 * Japanese postal codes as typed and as written (zod-free and library-free: the site bundles it,
 * `@jitsumei/domain/postal-code`, without the phone-number metadata of formats.ts).
 */

/** A Japanese postal code's 7 digits, from what was typed (hyphen, full-width digits, 〒): null if not 7 digits. */
export function postalCodeDigits(input: string): string | null {
  const digits = input
    .normalize("NFKC")
    .replace(/[〒\s-]/g, "")
    .replace(/[‐－ー−]/g, "");
  return /^\d{7}$/.test(digits) ? digits : null;
}

/** 1040061 → 104-0061; anything that is not 7 digits is left as it was typed. */
export function formatPostalCode(input: string): string {
  const digits = postalCodeDigits(input);
  return digits ? `${digits.slice(0, 3)}-${digits.slice(3)}` : input.trim();
}
