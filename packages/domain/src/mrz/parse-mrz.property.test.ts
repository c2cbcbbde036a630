import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMrz } from "./parse-mrz.ts";

const mrzChar = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<".split(""));
const line = (n: number) => fc.array(mrzChar, { minLength: n, maxLength: n }).map((a) => a.join(""));

describe("parseMrz on hostile input (property)", () => {
  it("never throws, and answers ok or unreadable, for any strings", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 5 }), (lines) => {
        const result = parseMrz(lines, "2026-11-24");
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on MRZ-shaped input of every format, and reports findings rather than crashing", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.tuple(line(44), line(44)), fc.tuple(line(36), line(36)), fc.tuple(line(30), line(30), line(30))),
        (lines) => {
          const result = parseMrz(lines, "2026-11-24");
          if (result.ok) expect(result.valid).toBe(result.findings.every((f) => f.severity !== "error"));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
