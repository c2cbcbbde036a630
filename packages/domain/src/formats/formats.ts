import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * How Japan writes a phone number and a postal code, for the site and the console alike (zod-free:
 * the browser bundles import this subpath, `@jitsumei/domain/formats`). libphonenumber-js's "min"
 * metadata knows every country's numbering plan, so a Japanese number is grouped as its area code
 * asks (090-1234-5678, 03-1234-5678, 0120-123-456) and a foreign one is shown internationally.
 */
export function formatPhone(input: string): string {
  const trimmed = input.trim();
  const number = parsePhoneNumberFromString(trimmed, "JP");
  if (!number?.isValid()) return trimmed;
  return number.country === "JP" ? number.formatNational() : number.formatInternational();
}

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
