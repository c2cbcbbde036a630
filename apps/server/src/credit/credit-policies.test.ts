import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { creditPolicyAt, loadCreditPolicies } from "./credit-policies.ts";

const shipped = join(import.meta.dirname, "..", "..", "..", "..", "policies");
const current = JSON.parse(readFileSync(join(shipped, "credit", "credit-standard-2026-04-01.json"), "utf8"));

/** An operator's policy folder holding these credit policies. */
function folder(...policies: Record<string, unknown>[]): string {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-credit-"));
  mkdirSync(join(dir, "credit"));
  for (const [i, p] of policies.entries()) writeFileSync(join(dir, "credit", `p${i}.json`), JSON.stringify(p));
  return dir;
}

describe("loading credit policies", () => {
  it("loads the shipped ones, one in force on each day", () => {
    const loaded = loadCreditPolicies([shipped]);
    expect(loaded.map((p) => p.version)).toEqual(["2025-04-01", "2026-04-01"]);
    expect(creditPolicyAt(loaded, new Date("2026-03-31T14:59:59Z")).version).toBe("2025-04-01");
    expect(creditPolicyAt(loaded, new Date("2026-03-31T15:00:00Z")).version).toBe("2026-04-01"); // midnight in Japan
  });

  it("lets an operator's folder replace the shipped policies", () => {
    const own = folder({ ...current, id: "house", version: "h1", effectiveFrom: "2026-01-01" });
    expect(loadCreditPolicies([shipped, own]).map((p) => p.id)).toEqual(["house"]);
  });

  it("refuses overlaps, gaps, a closed end and an unknown consent text, naming the file and path", () => {
    const early = { ...current, version: "a", effectiveFrom: "2026-01-01", effectiveUntil: "2026-03-31" };
    expect(() => loadCreditPolicies([folder(early, { ...current, effectiveFrom: "2026-03-31" })])).toThrow(
      /p1.json at effectiveFrom: overlaps/,
    );
    expect(() => loadCreditPolicies([folder(early, { ...current, effectiveFrom: "2026-04-02" })])).toThrow(
      /leaves a gap/,
    );
    expect(() => loadCreditPolicies([folder(early)])).toThrow(
      /effectiveUntil: the newest credit policy must stay in force/,
    );
    expect(() => loadCreditPolicies([folder({ ...current, consentTextVersion: "other" })])).toThrow(
      /consentTextVersion/,
    );
    expect(() =>
      loadCreditPolicies([folder({ ...current, rules: [{ when: "lines_held", atLeast: 0, outcome: "review" }] })]),
    ).toThrow(/rules\.0\.atLeast/);
  });

  it("answers a day before every policy with a problem, not a crash", () => {
    const loaded = loadCreditPolicies([shipped]);
    let error: unknown;
    try {
      creditPolicyAt(loaded, new Date("2020-01-01T00:00:00Z"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("credit_policy_missing");
  });
});
