import { describe, expect, it } from "vitest";
import { particularsSchema } from "./particulars.ts";

const valid = {
  name: { family: "Nguyen", given: "Van An", kanji: "阮文安" },
  birthDate: "1995-04-12",
  nationality: "VNM",
  address: { postalCode: "160-0022", prefecture: "東京都", city: "新宿区", line1: "新宿3-1-1", line2: "Phòng 203" },
  document: { type: "passport", number: "C1234567", expiryDate: "2031-01-01", issuingCountry: "VNM" },
};

function problems(change: (p: typeof valid) => unknown): { path: string; message: string }[] {
  const result = particularsSchema.safeParse(change(structuredClone(valid)));
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("particulars", () => {
  it("keeps Japanese, Chinese, Korean and Vietnamese text, normalised to NFC", () => {
    const decomposed = "Pho\u0300ng 203"; // "Phòng" typed with a combining grave accent
    const parsed = particularsSchema.parse({ ...valid, address: { ...valid.address, line2: decomposed } });
    expect(parsed.address?.line2).toBe("Phòng 203".normalize("NFC"));
    expect(parsed.address?.line2).not.toBe(decomposed);
    expect(particularsSchema.parse({ ...valid, name: { ...valid.name, kanji: "김민준" } }).name.kanji).toBe("김민준");
  });

  it.each([
    ["a right-to-left override", "\u202E"],
    ["a first-strong isolate", "\u2068"],
    ["NUL", "\u0000"],
    ["a line break", "\n"],
    ["a C1 control", "\u0085"],
  ])("refuses %s in a name or an address, naming the field", (_, character) => {
    expect(problems((p) => ({ ...p, name: { ...p.name, kanji: `山田${character}太郎` } }))).toEqual([
      { path: "name.kanji", message: "must not contain control characters or text-direction overrides" },
    ]);
    expect(problems((p) => ({ ...p, address: { ...p.address, line1: `新宿${character}3-1-1` } }))).toEqual([
      { path: "address.line1", message: "must not contain control characters or text-direction overrides" },
    ]);
  });

  it.each(["9999-12-31", "0000-01-01", "1899-12-31"])("refuses the birth date %s", (birthDate) => {
    expect(problems((p) => ({ ...p, birthDate }))).toEqual([
      { path: "birthDate", message: "must be a birth date between 1900-01-01 and today" },
    ]);
  });

  it("still refuses an empty city after trimming", () => {
    expect(problems((p) => ({ ...p, address: { ...p.address, city: "   " } }))).toEqual([
      { path: "address.city", message: "must not be empty" },
    ]);
  });
});
