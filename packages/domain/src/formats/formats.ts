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

export { formatPostalCode, postalCodeDigits } from "./postal-code.ts";
