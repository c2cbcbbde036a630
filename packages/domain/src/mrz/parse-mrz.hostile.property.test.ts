import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseMrz } from "./parse-mrz.ts";
import { td1, td2, td3 } from "./test-helpers.ts";

/**
 * Hostile input for the MRZ parser (issue 9, item 3), at larger scale than parse-mrz.property.test.ts:
 * any Unicode, very long and very many lines, control characters, and real MRZs damaged character by
 * character. parseMrz documents that it never throws for any lines; a watchdog fails a call slower than
 * HANG_MS (a hang, not a speed goal). The number of cases is printed.
 */
const RUNS = Number(process.env.JITSUMEI_FUZZ_RUNS ?? 10_000);
const HANG_MS = 5_000;
let cases = 0;
let slowest = 0;

function answers(lines: readonly string[]) {
  cases++;
  const started = performance.now();
  const result = parseMrz(lines, "2026-11-24");
  const ms = performance.now() - started;
  slowest = Math.max(slowest, ms);
  expect(ms).toBeLessThan(HANG_MS);
  if (result.ok) {
    expect(result.valid).toBe(result.findings.every((f) => f.severity !== "error"));
  } else {
    expect(result.error.code).toBe("mrz.unreadable");
    // The reason describes the shape, never echoes a whole line back (it may be personal data).
    expect(result.error.reason.length).toBeLessThan(2000);
  }
}

const genuine = [td3(), td2(), td1()] as const;
const damagedMrz = fc
  .tuple(
    fc.constantFrom(...genuine),
    fc.array(
      fc.tuple(
        fc.nat(2),
        fc.nat(43),
        fc.oneof(
          fc.constantFrom("<", "0", "9", "A", "a", " ", "\u0000", "\t", "\u3000", "Ａ", "٣", "\ud800"),
          fc.string({ unit: "grapheme", maxLength: 1 }),
        ),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([lines, edits]) => {
    const copy = [...lines];
    for (const [line, at, value] of edits) {
      const text = copy[line % copy.length] ?? "";
      copy[line % copy.length] = text.slice(0, at) + value + text.slice(at + 1);
    }
    return copy;
  });

afterAll(() => {
  process.stdout.write(`hostile input (MRZ): ${cases} cases, slowest ${slowest.toFixed(1)} ms\n`);
});

describe("parseMrz on hostile input at scale", () => {
  it("answers any Unicode, any number of lines, with a result", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 60 })),
          {
            maxLength: 8,
          },
        ),
        answers,
      ),
      { numRuns: RUNS },
    );
  });

  it("answers very long and very many lines without a hang", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 1_000_000 }).map((n) => ["<".repeat(n), "A".repeat(n)]),
          fc.integer({ min: 1, max: 100_000 }).map((n) => Array.from({ length: n }, () => "P<UTO")),
        ),
        answers,
      ),
      { numRuns: Math.ceil(RUNS / 100) },
    );
  });

  it("answers real MRZs damaged character by character", () => {
    fc.assert(fc.property(damagedMrz, answers), { numRuns: RUNS });
  });
});
