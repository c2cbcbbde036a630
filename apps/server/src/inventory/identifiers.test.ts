import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  esimActivationCode,
  hostnameProblem,
  iccidProblem,
  imsiProblem,
  lineTypeOfMsisdn,
  luhnDigit,
  matchingIdProblem,
  msisdnProblem,
} from "./identifiers.ts";

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(""));
/** A valid ICCID: 89, 16 or 17 more digits, the Luhn digit. */
const validIccid = digits(16, 17).map((rest) => {
  const body = `89${rest}`;
  return `${body}${luhnDigit(body)}`;
});

describe("ICCID (ITU-T E.118)", () => {
  it("accepts published examples and refuses them with the last digit changed", () => {
    // A 20-digit ICCID often quoted as an example, and the first demo card (19 digits).
    for (const iccid of ["89014103211118510720", "8981100000000000010"]) {
      expect(iccidProblem(iccid)).toBeNull();
      const wrong = `${iccid.slice(0, -1)}${(Number(iccid.slice(-1)) + 1) % 10}`;
      expect(iccidProblem(wrong)).toMatch(/check digit/);
    }
  });

  it("accepts every 19- and 20-digit 89… number with its Luhn digit", () => {
    fc.assert(fc.property(validIccid, (iccid) => iccidProblem(iccid) === null));
  });

  it("refuses any single changed digit (Luhn catches every one)", () => {
    fc.assert(
      fc.property(validIccid, fc.nat(), fc.integer({ min: 1, max: 9 }), (iccid, at, delta) => {
        const i = 2 + (at % (iccid.length - 2)); // past the 89 prefix, which has its own check
        const changed = `${iccid.slice(0, i)}${(Number(iccid[i]) + delta) % 10}${iccid.slice(i + 1)}`;
        expect(iccidProblem(changed)).toMatch(/check digit/);
      }),
    );
  });

  it("refuses two swapped neighbours unless they are 0 and 9 (Luhn's one blind spot) or equal", () => {
    fc.assert(
      fc.property(validIccid, fc.nat(), (iccid, at) => {
        const i = 2 + (at % (iccid.length - 3));
        const [a, b] = [iccid[i], iccid[i + 1]];
        fc.pre(a !== b && !((a === "0" && b === "9") || (a === "9" && b === "0")));
        const swapped = `${iccid.slice(0, i)}${b}${a}${iccid.slice(i + 2)}`;
        expect(iccidProblem(swapped)).toMatch(/check digit/);
      }),
    );
  });

  it("refuses other lengths, other prefixes and non-digits", () => {
    fc.assert(
      fc.property(digits(0, 30), (s) => {
        fc.pre(s.length < 19 || s.length > 20);
        expect(iccidProblem(s)).not.toBeNull();
      }),
    );
    const body = "881410000000000001";
    expect(iccidProblem(`${body}${luhnDigit(body)}`)).toMatch(/start with 89/);
    expect(iccidProblem("8981100000000000O18")).toMatch(/digits only/);
  });
});

describe("IMSI", () => {
  it("accepts 15 digits under MCC 440 or 441, and nothing else", () => {
    fc.assert(
      fc.property(fc.constantFrom("440", "441"), digits(12, 12), (mcc, rest) => imsiProblem(`${mcc}${rest}`) === null),
    );
    fc.assert(
      fc.property(digits(15, 15), (imsi) => {
        fc.pre(!imsi.startsWith("440") && !imsi.startsWith("441"));
        expect(imsiProblem(imsi)).toMatch(/MCC/);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom("440", "441"), digits(0, 20), (mcc, rest) => {
        fc.pre(rest.length !== 12);
        expect(imsiProblem(`${mcc}${rest}`)).toMatch(/15 digits/);
      }),
    );
  });
});

describe("MSISDN", () => {
  it("gives 070/080/090 numbers to voice lines and 020 numbers to data lines", () => {
    fc.assert(
      fc.property(fc.constantFrom("070", "080", "090"), digits(8, 8), (p, rest) => {
        expect(lineTypeOfMsisdn(`${p}${rest}`)).toBe("voice");
        expect(msisdnProblem(`${p}${rest}`)).toBeNull();
      }),
    );
    fc.assert(fc.property(digits(8, 8), (rest) => lineTypeOfMsisdn(`020${rest}`) === "data"));
  });

  it("refuses every other prefix and length", () => {
    fc.assert(
      fc.property(digits(11, 11), (n) => {
        fc.pre(!/^0[2789]0/.test(n));
        expect(lineTypeOfMsisdn(n)).toBeNull();
        expect(msisdnProblem(n)).toMatch(/start with/);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom("070", "020"), digits(0, 12), (p, rest) => {
        fc.pre(rest.length !== 8);
        expect(msisdnProblem(`${p}${rest}`)).toMatch(/11 digits/);
      }),
    );
    expect(msisdnProblem("090-1234-5678")).toMatch(/11 digits/);
  });
});

describe("eSIM profile fields", () => {
  it("takes a fully qualified host name as the SM-DP+ address", () => {
    for (const ok of ["smdp.example.com", "rsp-01.smdp.jitsumei.localhost", "a.b"])
      expect(hostnameProblem(ok)).toBeNull();
    for (const bad of [
      "localhost",
      "https://smdp.example.com",
      "smdp.example.com:443",
      "-a.example.com",
      "10.0.0.1",
      "",
    ])
      expect(hostnameProblem(bad)).not.toBeNull();
    expect(hostnameProblem(`${"a".repeat(64)}.example.com`)).not.toBeNull();
  });

  it("takes matching IDs of 0-9, A-Z and - only", () => {
    expect(matchingIdProblem("QR-G-5C-KR-1PH7MXT")).toBeNull();
    for (const bad of ["", "abc", "A$B", "A B"]) expect(matchingIdProblem(bad)).not.toBeNull();
  });

  it("builds the SGP.22 activation code, with the confirmation-code flag when asked", () => {
    const profile = { smdpAddress: "smdp.example.com", matchingId: "ABC-123", confirmationCodeRequired: false };
    expect(esimActivationCode(profile)).toBe("LPA:1$smdp.example.com$ABC-123");
    expect(esimActivationCode({ ...profile, confirmationCodeRequired: true })).toBe(
      "LPA:1$smdp.example.com$ABC-123$$1",
    );
  });
});
