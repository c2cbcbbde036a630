/**
 * Japanese consumption tax (消費税) as a qualified invoice (適格請求書) states it: prices are quoted
 * tax included, and the tax in a total is worked out once per rate, rounding down (the invoice rules
 * allow one rounding per rate per invoice; down is what shops do).
 */

/** The standard rate, which telecommunications services bear (the reduced 8% is for food and papers). */
export const STANDARD_CONSUMPTION_TAX_PERCENT = 10;

/** The consumption tax included in a tax-inclusive amount in whole yen, at the standard rate. */
export function consumptionTaxIncluded(amountJpy: number, percent = STANDARD_CONSUMPTION_TAX_PERCENT): number {
  if (!Number.isSafeInteger(amountJpy) || amountJpy < 0) {
    throw new RangeError(`amountJpy must be whole yen ≥ 0: ${amountJpy}`);
  }
  return Math.floor((amountJpy * percent) / (100 + percent));
}

/**
 * A qualified invoice issuer's registration number (適格請求書発行事業者登録番号): "T" and 13 digits (a
 * corporation's corporate number, or a number the tax office assigns a sole proprietor).
 */
export function isInvoiceRegistrationNumber(value: string): boolean {
  return /^T\d{13}$/.test(value);
}
