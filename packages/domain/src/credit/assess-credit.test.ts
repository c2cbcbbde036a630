import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessCredit, assessmentWithoutConsent, creditPolicyInForce, daysBetween } from "./assess-credit.ts";
import { type CreditInputs, type CreditPolicy, creditInputsSchema, creditPolicySchema } from "./credit-policy.ts";
import { explainCreditReasonToStaff, explainCreditToApplicant, missingCreditTexts } from "./credit-texts.ts";

const policyDir = new URL("../../../../policies/credit/", import.meta.url);
const shipped: CreditPolicy[] = readdirSync(policyDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => creditPolicySchema.parse(JSON.parse(readFileSync(new URL(f, policyDir), "utf8"))));
const current = creditPolicyInForce(shipped, "2026-11-25") as CreditPolicy;
const earlier = creditPolicyInForce(shipped, "2025-10-01") as CreditPolicy;

/** A 30-year-old resident paying by card, no limit on the stay, no lines with us, a 2-year term. */
const clean: CreditInputs = {
  paymentMethod: "card",
  unpaidRecords: 0,
  remainingStayDays: null,
  minimumTermDays: 730,
  age: 30,
  linesHeld: 0,
};

type Row = [name: string, change: Partial<CreditInputs>, outcome: string, deposit: number, codes: string[]];

// Written out by hand against policies/credit/credit-standard-2026-04-01.json.
const table: Row[] = [
  ["a clean resident paying by card", {}, "approve", 0, []],
  [
    "60 days of stay left on a 2-year term",
    { remainingStayDays: 60 },
    "approve_with_deposit",
    20000,
    ["stay_shorter_than_term"],
  ],
  ["stay ends the day the term does", { remainingStayDays: 730 }, "approve", 0, []],
  ["stay ends a day earlier", { remainingStayDays: 729 }, "approve_with_deposit", 20000, ["stay_shorter_than_term"]],
  ["a short stay on a plan without a term", { remainingStayDays: 60, minimumTermDays: 0 }, "approve", 0, []],
  [
    "29 days left: a person looks",
    { remainingStayDays: 29 },
    "review",
    20000,
    ["stay_ending_soon", "stay_shorter_than_term"],
  ],
  ["registered unpaid by another carrier", { unpaidRecords: 1 }, "reject", 0, ["unpaid_elsewhere"]],
  ["unpaid with us", { ownUnpaidRecords: 2 }, "reject", 0, ["unpaid_with_us"]],
  ["no payment method confirmed", { paymentMethod: "none" }, "review", 0, ["payment_method_none"]],
  ["bank direct debit is no credit reason", { paymentMethod: "bank" }, "approve", 0, []],
  ["17 years old", { age: 17 }, "review", 0, ["minor"]],
  ["18 years old", { age: 18 }, "approve", 0, []],
  ["4 lines held", { linesHeld: 4 }, "approve", 0, []],
  ["5 lines held", { linesHeld: 5 }, "review", 0, ["many_lines"]],
  [
    "the harshest outcome wins; every reason is listed",
    { unpaidRecords: 2, paymentMethod: "none", remainingStayDays: 100 },
    "reject",
    20000,
    ["unpaid_elsewhere", "payment_method_none", "stay_shorter_than_term"],
  ],
];

describe("assessCredit with the policy in force from April 2026", () => {
  it("is the shipped policy the table was written against", () => {
    expect({ id: current.id, version: current.version }).toEqual({ id: "credit-standard", version: "2026-04-01" });
  });

  it.each(table)("%s", (_name, change, outcome, deposit, codes) => {
    const result = assessCredit({ ...clean, ...change }, current);
    expect({ outcome: result.outcome, deposit: result.depositJpy, codes: result.reasons.map((r) => r.code) }).toEqual({
      outcome,
      deposit,
      codes,
    });
    expect(result.policy).toEqual({ id: "credit-standard", version: "2026-04-01" });
  });

  it("keeps the figures each reason read, for the reviewer", () => {
    const result = assessCredit({ ...clean, remainingStayDays: 60 }, current);
    expect(result.reasons[0]).toEqual({
      code: "stay_shorter_than_term",
      outcome: "approve_with_deposit",
      depositJpy: 20000,
      params: { remainingStayDays: 60, minimumTermDays: 730 },
    });
    expect(explainCreditReasonToStaff(result.reasons[0] as (typeof result.reasons)[0])).toBe(
      "60 days of stay are left, less than the minimum term of 730 days.",
    );
  });
});

describe("the rules are dated data", () => {
  it("the policy until March 2026 refuses the short stay that the current one takes with a deposit", () => {
    expect(earlier.version).toBe("2025-04-01");
    const result = assessCredit({ ...clean, remainingStayDays: 60 }, earlier);
    expect({ outcome: result.outcome, codes: result.reasons.map((r) => r.code) }).toEqual({
      outcome: "reject",
      codes: ["stay_shorter_than_term"],
    });
  });

  it("picks the policy in force on a day, and none before the first", () => {
    expect(creditPolicyInForce(shipped, "2026-03-31")?.version).toBe("2025-04-01");
    expect(creditPolicyInForce(shipped, "2026-04-01")?.version).toBe("2026-04-01");
    expect(creditPolicyInForce(shipped, "2025-03-31")).toBeNull();
  });

  it("an operator's policy can turn unpaid records into a review and cap deposits", () => {
    const lenient = creditPolicySchema.parse({
      ...current,
      version: "house-1",
      rules: [
        { when: "unpaid_elsewhere", atLeast: 1, outcome: "review" },
        { when: "stay_shorter_than_term", marginDays: 60, outcome: "approve_with_deposit", depositJpy: 50000 },
      ],
      maximumDepositJpy: 30000,
    });
    expect(assessCredit({ ...clean, unpaidRecords: 1 }, lenient).outcome).toBe("review");
    expect(assessCredit({ ...clean, remainingStayDays: 780 }, lenient)).toMatchObject({
      outcome: "approve_with_deposit",
      depositJpy: 30000,
    });
  });

  it("a rule asking for a deposit of nothing approves", () => {
    const zero = creditPolicySchema.parse({
      ...current,
      rules: [{ when: "payment_method", is: "bank", outcome: "approve_with_deposit", depositJpy: 0 }],
    });
    expect(assessCredit({ ...clean, paymentMethod: "bank" }, zero)).toMatchObject({
      outcome: "approve",
      depositJpy: 0,
    });
  });

  it("the schema refuses what a policy file might get wrong, naming the path", () => {
    const bad = creditPolicySchema.safeParse({
      ...current,
      rules: [{ when: "lines_held", atLeast: 0, outcome: "review" }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["rules", 0, "atLeast"]);
    expect(
      creditPolicySchema.safeParse({ ...current, rules: [{ when: "moon_phase", outcome: "reject" }] }).success,
    ).toBe(false);
    expect(creditPolicySchema.safeParse({ ...current, effectiveUntil: "2020-01-01" }).success).toBe(false);
  });
});

describe("inputs", () => {
  it("refuses bad input, naming the field", () => {
    const bad = creditInputsSchema.safeParse({ ...clean, paymentMethod: "cash", age: -1 });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["paymentMethod", "age"]);
    expect(() => assessCredit({ ...clean, unpaidRecords: 1.5 }, current)).toThrow();
  });

  it("counts days between dates", () => {
    expect(daysBetween("2026-11-25", "2027-01-24")).toBe(60);
    expect(daysBetween("2026-11-25", "2026-11-24")).toBe(-1);
  });
});

describe("without consent", () => {
  it("asks nothing and sends the case to a person", () => {
    expect(assessmentWithoutConsent(current)).toMatchObject({
      outcome: "review",
      depositJpy: 0,
      reasons: [{ code: "consent_missing" }],
    });
  });
});

describe("texts", () => {
  it("every reason and outcome has its texts; the applicant never sees another carrier's figures", () => {
    expect(missingCreditTexts()).toEqual([]);
    const result = assessCredit({ ...clean, unpaidRecords: 3 }, current);
    const explained = explainCreditToApplicant(result, "vi");
    expect(explained.reasons[0]?.code).toBe("unpaid_elsewhere");
    expect(JSON.stringify(explained)).not.toMatch(/3/);
    expect(explainCreditReasonToStaff(result.reasons[0] as (typeof result.reasons)[0], "ja")).toContain("3 件");
    // A reviewer reading the console in Simplified Chinese reads the reason in Chinese, with its figures.
    expect(explainCreditReasonToStaff(result.reasons[0] as (typeof result.reasons)[0], "zh-Hans")).toBe(
      "欠费信息交换中有其他运营商登记的欠费记录 3 条。",
    );
  });

  it("states the deposit in the applicant's summary", () => {
    const result = assessCredit({ ...clean, remainingStayDays: 60 }, current);
    expect(explainCreditToApplicant(result, "en").summary).toContain("¥20,000");
  });
});
