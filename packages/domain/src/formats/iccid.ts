/** The SIM card's number (ICCID): checked by the inventory import and by the counter as it is typed. */

/** The Luhn check digit (ISO/IEC 7812, as ITU-T E.118 prescribes for ICCIDs) of a digit string. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** ICCID (ITU-T E.118): 89 (telecommunications), 19 or 20 digits, the last a Luhn check digit. */
export function iccidProblem(iccid: string): string | null {
  if (!/^\d+$/.test(iccid)) return "must be digits only";
  if (iccid.length < 19 || iccid.length > 20) return `must be 19 or 20 digits, not ${iccid.length}`;
  if (!iccid.startsWith("89")) return "must start with 89 (ITU-T E.118 telecommunications)";
  const body = iccid.slice(0, -1);
  if (luhnDigit(body) !== Number(iccid.slice(-1))) return "check digit is wrong (Luhn, ITU-T E.118)";
  return null;
}
