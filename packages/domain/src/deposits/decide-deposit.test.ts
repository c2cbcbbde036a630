import { describe, expect, it } from "vitest";
import {
  addMonths,
  type DepositInputs,
  type DepositReasonCode,
  decideDeposit,
  defaultDepositRules,
  depositReasonCodes,
  depositRulesSchema,
} from "./decide-deposit.ts";
import { explainDepositReason, missingDepositReasonTexts } from "./deposit-reasons.ts";

/** A 30-year-old paying a ¥2,970 plan (12-month term) by card, with no limit on their stay. */
const base: DepositInputs = {
  planKind: "postpaid",
  monthlyPriceJpy: 2970,
  minimumTermMonths: 12,
  billingMethod: "credit_card",
  birthDate: "1995-05-01",
  stayUntil: null,
  today: "2025-06-10",
};

type Row = [name: string, change: Partial<DepositInputs>, required: boolean, amountJpy: number, DepositReasonCode[]];

// Written out by hand against the default table: ¥5,000 bank transfer, ¥10,000 slip or none,
// 3 months of price for a short stay (term end + 60 days), ¥5,000 under 20, 1 month of price from
// ¥8,000; the largest applies, rounded up to ¥1,000, at most ¥30,000.
const table: Row[] = [
  ["card, unlimited stay, adult: nothing", {}, false, 0, []],
  ["prepaid never", { planKind: "prepaid", billingMethod: null, birthDate: "2007-01-01" }, false, 0, []],
  ["bank transfer", { billingMethod: "bank_transfer" }, true, 5000, ["billing_bank_transfer"]],
  ["convenience store", { billingMethod: "convenience_store" }, true, 10000, ["billing_convenience_store"]],
  ["no billing method yet", { billingMethod: null }, true, 10000, ["billing_method_missing"]],
  // 2025-06-10 + 12 months = 2026-06-10, + 60 days = 2026-08-09: a stay to 2026-08-08 is short.
  ["stay ends a day too early", { stayUntil: "2026-08-08" }, true, 9000, ["stay_shorter_than_minimum_term"]],
  ["stay ends exactly in time", { stayUntil: "2026-08-09" }, false, 0, []],
  ["short stay on a plan without a term", { stayUntil: "2025-07-01", minimumTermMonths: 0 }, false, 0, []],
  ["short stay on a plan with no term set", { stayUntil: "2025-07-01", minimumTermMonths: null }, false, 0, []],
  // Born 2005-06-11: 19 on 2025-06-10, 20 on 2025-06-11.
  ["19 the day before turning 20", { birthDate: "2005-06-11" }, true, 5000, ["young_applicant"]],
  ["20 on the birthday", { birthDate: "2005-06-10" }, false, 0, []],
  ["¥7,999 plan", { monthlyPriceJpy: 7999 }, false, 0, []],
  ["¥8,000 plan", { monthlyPriceJpy: 8000 }, true, 8000, ["high_price_plan"]],
  ["¥8,001 plan rounds up", { monthlyPriceJpy: 8001 }, true, 9000, ["high_price_plan"]],
  [
    "several reasons: the largest, not the sum",
    { billingMethod: "convenience_store", birthDate: "2006-01-01", stayUntil: "2025-12-31" },
    true,
    10000,
    ["billing_convenience_store", "stay_shorter_than_minimum_term", "young_applicant"],
  ],
  ["the credit assessment's deposit", { creditDepositJpy: 20000 }, true, 20000, ["credit_assessment"]],
  [
    "the credit deposit beside a billing reason: the larger",
    { billingMethod: "bank_transfer", creditDepositJpy: 20000 },
    true,
    20000,
    ["billing_bank_transfer", "credit_assessment"],
  ],
  [
    "the deposit rules asking more than the credit assessment: the larger",
    { billingMethod: "convenience_store", creditDepositJpy: 5000 },
    true,
    10000,
    ["billing_convenience_store", "credit_assessment"],
  ],
  [
    "capped at ¥30,000",
    { monthlyPriceJpy: 12000, stayUntil: "2025-12-31" },
    true,
    30000,
    ["stay_shorter_than_minimum_term", "high_price_plan"],
  ],
];

describe("decideDeposit with the default rules", () => {
  it.each(table)("%s", (_name, change, required, amountJpy, reasons) => {
    const decision = decideDeposit({ ...base, ...change });
    expect({ required: decision.required, amountJpy: decision.amountJpy, reasons: decision.reasons }).toEqual({
      required,
      amountJpy,
      reasons,
    });
    expect(decision.rulesVersion).toBe(defaultDepositRules.version);
  });

  it("reports what each reason alone asks for", () => {
    const decision = decideDeposit({ ...base, billingMethod: "bank_transfer", birthDate: "2006-01-01" });
    expect(decision.details).toEqual([
      { code: "billing_bank_transfer", amountJpy: 5000 },
      { code: "young_applicant", amountJpy: 5000 },
    ]);
  });
});

describe("the rules are data", () => {
  it("a rule switched off (null) is no reason; an amount of 0 is none either", () => {
    const rules = {
      ...defaultDepositRules,
      youngApplicant: null,
      billingMethods: { ...defaultDepositRules.billingMethods, convenience_store: { fixedJpy: 0 } },
    };
    const decision = decideDeposit({ ...base, billingMethod: "convenience_store", birthDate: "2006-01-01" }, rules);
    expect(decision).toMatchObject({ required: false, amountJpy: 0, reasons: [] });
  });

  it("thresholds and amounts come from the table", () => {
    const rules = depositRulesSchema.parse({
      ...defaultDepositRules,
      version: "house-2",
      youngApplicant: { underAge: 25, amount: { monthsOfPrice: 2 } },
      roundUpToJpy: 100,
    });
    const decision = decideDeposit({ ...base, birthDate: "2001-01-01" }, rules);
    expect(decision).toMatchObject({ amountJpy: 6000, reasons: ["young_applicant"], rulesVersion: "house-2" });
  });

  it("the schema refuses a table a policy file might get wrong", () => {
    expect(depositRulesSchema.safeParse({ ...defaultDepositRules, maximumJpy: -1 }).success).toBe(false);
    expect(
      depositRulesSchema.safeParse({ ...defaultDepositRules, shortStay: { amount: { yen: 1 }, marginDays: 0 } })
        .success,
    ).toBe(false);
    expect(depositRulesSchema.safeParse(defaultDepositRules).success).toBe(true);
  });

  it("refuses a date that is not a calendar date", () => {
    expect(() => decideDeposit({ ...base, stayUntil: "2026-02-30" })).toThrow();
  });
});

describe("addMonths counts months as 民法 第143条 does", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-06-10", 12, "2026-06-10"],
    ["2025-11-30", 3, "2026-02-28"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe("reasons in plain words", () => {
  it("every reason code has a text in every language", () => {
    expect(missingDepositReasonTexts()).toEqual([]);
    for (const code of depositReasonCodes) expect(explainDepositReason(code, "en").length).toBeGreaterThan(20);
  });
});
