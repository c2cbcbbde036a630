import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  checkCharacter,
  parseRegistrationCode,
  registrationCodeFromBytes,
  registrationCodeHint,
} from "./registration-code.ts";

const fixed = Uint8Array.from({ length: 15 }, (_, i) => i * 7 + 3);

describe("registration codes", () => {
  it("are four groups of four Crockford characters, the last one a check character", () => {
    const code = registrationCodeFromBytes(fixed);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const plain = code.replaceAll("-", "");
    expect(checkCharacter(plain.slice(0, 15))).toBe(plain.slice(15));
  });

  it("carry 75 random bits: a thousand drawn from randomBytes are all different", () => {
    const codes = new Set(Array.from({ length: 1000 }, () => registrationCodeFromBytes(randomBytes(15))));
    expect(codes.size).toBe(1000);
  });

  it("refuse fewer than 15 random bytes", () => {
    expect(() => registrationCodeFromBytes(new Uint8Array(14))).toThrow(/15 random bytes/);
  });

  it("read back whatever way they are typed: case, spaces, hyphens, O for 0, I and L for 1", () => {
    const code = registrationCodeFromBytes(Uint8Array.from({ length: 15 }, (_, i) => (i % 2 === 0 ? 0 : 1)));
    const plain = code.replaceAll("-", "");
    expect(plain.startsWith("0101")).toBe(true);
    const sloppy = ` ${plain.slice(0, 4).replaceAll("0", "o").replaceAll("1", "l")} ${plain.slice(4, 8).replaceAll("1", "I")}-${plain.slice(8).toLowerCase()} `;
    expect(parseRegistrationCode(sloppy)).toEqual({ ok: true, code: plain });
    expect(parseRegistrationCode(code)).toEqual({ ok: true, code: plain });
  });

  it("catch every single wrong character and every adjacent swap in the random part but 0↔Z", () => {
    for (let n = 0; n < 50; n++) {
      const plain = registrationCodeFromBytes(randomBytes(15)).replaceAll("-", "");
      for (let i = 0; i < plain.length; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === plain[i]) continue;
          const typo = plain.slice(0, i) + c + plain.slice(i + 1);
          expect(parseRegistrationCode(typo)).toEqual({ ok: false, reason: "check_character_mismatch" });
        }
        const pair = `${plain[i]}${plain[i + 1]}`;
        if (i + 1 < 15 && plain[i] !== plain[i + 1] && pair !== "0Z" && pair !== "Z0") {
          const swapped = plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2);
          expect(parseRegistrationCode(swapped).ok).toBe(false);
        }
      }
    }
  });

  it("name what is wrong with input that is not a code", () => {
    expect(parseRegistrationCode(" - ")).toEqual({ ok: false, reason: "empty" });
    expect(parseRegistrationCode("K7M2-9QXD-4H0T-WB3!")).toEqual({ ok: false, reason: "invalid_character" });
    expect(parseRegistrationCode("K7M2-9QXD-4H0T")).toEqual({ ok: false, reason: "wrong_length" });
    expect(parseRegistrationCode("K7M2-9QXD-4H0T-WB3UU")).toEqual({ ok: false, reason: "invalid_character" });
  });

  it("give a hint of the first group only", () => {
    expect(registrationCodeHint("K7M29QXD4H0TWB3C")).toBe("K7M2-…");
  });
});
