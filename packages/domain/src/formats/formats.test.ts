import { describe, expect, it } from "vitest";
import { formatPhone, formatPostalCode, postalCodeDigits } from "./formats.ts";

describe("Japanese formats", () => {
  it("groups a Japanese number as Japan does, typed with or without hyphens or +81", () => {
    expect(formatPhone("09012345678")).toBe("090-1234-5678");
    expect(formatPhone("090-1234-5678")).toBe("090-1234-5678");
    expect(formatPhone("090 1234 5678")).toBe("090-1234-5678");
    expect(formatPhone("+819012345678")).toBe("090-1234-5678");
    expect(formatPhone("+81 80 1234 5678")).toBe("080-1234-5678");
    expect(formatPhone("0312345678")).toBe("03-1234-5678");
    expect(formatPhone("0120123456")).toBe("0120-123-456");
  });

  it("shows a foreign number internationally and leaves what is no number as typed", () => {
    expect(formatPhone("+84912345678")).toBe("+84 912 345 678");
    expect(formatPhone(" 12 ")).toBe("12");
  });

  it("reads a postal code with or without the hyphen, in full-width digits or after 〒", () => {
    expect(postalCodeDigits("104-0061")).toBe("1040061");
    expect(postalCodeDigits("〒１０４－００６１")).toBe("1040061");
    expect(postalCodeDigits("104006")).toBeNull();
    expect(formatPostalCode("1040061")).toBe("104-0061");
    expect(formatPostalCode("10400")).toBe("10400");
  });
});
