import { describe, expect, it } from "vitest";
import { consumptionTaxIncluded, isInvoiceRegistrationNumber } from "./consumption-tax.ts";

describe("consumption tax included in a price", () => {
  it("is a tenth of the price before tax, rounded down once", () => {
    expect(consumptionTaxIncluded(2200)).toBe(200);
    expect(consumptionTaxIncluded(1100)).toBe(100);
    // 990 × 10/110 = 90; 1000 × 10/110 = 90.9…, rounded down to 90.
    expect(consumptionTaxIncluded(990)).toBe(90);
    expect(consumptionTaxIncluded(1000)).toBe(90);
    expect(consumptionTaxIncluded(0)).toBe(0);
  });

  it("refuses amounts that are not whole yen", () => {
    expect(() => consumptionTaxIncluded(10.5)).toThrow(RangeError);
    expect(() => consumptionTaxIncluded(-1)).toThrow(RangeError);
  });
});

describe("the qualified invoice registration number", () => {
  it("is T and 13 digits", () => {
    expect(isInvoiceRegistrationNumber("T1234567890123")).toBe(true);
    expect(isInvoiceRegistrationNumber("1234567890123")).toBe(false);
    expect(isInvoiceRegistrationNumber("T123456789012")).toBe(false);
    expect(isInvoiceRegistrationNumber("t1234567890123")).toBe(false);
    expect(isInvoiceRegistrationNumber("T12345678901234")).toBe(false);
  });
});
