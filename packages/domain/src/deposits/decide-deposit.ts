import { z } from "zod";
import { ageOn } from "../checks/age.ts";
import { assertCalendarDate } from "../checks/calendar-date.ts";
import type { PlanKind } from "../plans/plans.ts";

/**
 * Whether a postpaid applicant pays a deposit (預託金) before the SIM is issued, and how much.
 *
 * A postpaid line is credit: the operator lends a month of service before the first bill is paid.
 * A deposit covers what may go unpaid where the operator cannot collect it the usual way. Each rule
 * below names one such situation; the amounts and thresholds are data (`DepositRules`), validated by
 * `depositRulesSchema`, so a policy file can supply them instead of `defaultDepositRules`.
 *
 * Reasons do not add up: one deposit covers one unpaid balance, so the amount is the largest any
 * applying rule asks for, rounded up and capped. Prepaid plans are paid in advance and never need one.
 */

/** How the monthly bills are paid. */
export const billingMethods = [
  "credit_card", // クレジットカード払い: the card issuer pays us and carries the risk
  "bank_transfer", // 口座振替: direct debit; takes a month or two to set up, bills go out as slips until then
  "convenience_store", // コンビニ払い (払込票): the applicant pays a slip each month, nothing is automatic
] as const;
export type BillingMethod = (typeof billingMethods)[number];

/** The stable reason codes (API, events, translations); never renamed, only added. */
export const depositReasonCodes = [
  "billing_bank_transfer",
  "billing_convenience_store",
  "billing_method_missing",
  "stay_shorter_than_minimum_term",
  "young_applicant",
  "high_price_plan",
  "credit_assessment",
] as const;
export type DepositReasonCode = (typeof depositReasonCodes)[number];

/** An amount as data: a fixed sum, or a number of months of the plan's monthly price. */
const amountSchema = z.union([
  z.object({ fixedJpy: z.number().int().min(0) }).strict(),
  z.object({ monthsOfPrice: z.number().min(0).max(24) }).strict(),
]);
export type DepositAmount = z.infer<typeof amountSchema>;

/** `null` switches a rule off. */
export const depositRulesSchema = z
  .object({
    /** Names the table in the decision record, so a decision can be traced to the rules that made it. */
    version: z.string().min(1),
    /** What each way of paying the bills asks for by itself; absent or null: nothing. */
    billingMethods: z
      .object({
        credit_card: amountSchema.nullable(),
        bank_transfer: amountSchema.nullable(),
        convenience_store: amountSchema.nullable(),
        /** No billing method chosen yet: treated as the riskiest case until the applicant chooses. */
        none: amountSchema.nullable(),
      })
      .strict(),
    /**
     * The period of stay (在留期間) ends before the plan's minimum term: the applicant may leave Japan
     * with bills still to come. `marginDays` adds time for the last bill to be issued and paid.
     */
    shortStay: z
      .object({ amount: amountSchema, marginDays: z.number().int().min(0).max(365) })
      .strict()
      .nullable(),
    /** Applicants younger than `underAge` have little or no payment history in Japan. */
    youngApplicant: z
      .object({ amount: amountSchema, underAge: z.number().int().min(18).max(30) })
      .strict()
      .nullable(),
    /** A plan whose monthly price is at least `fromMonthlyPriceJpy` runs up a larger unpaid balance. */
    highPricePlan: z
      .object({ amount: amountSchema, fromMonthlyPriceJpy: z.number().int().min(0) })
      .strict()
      .nullable(),
    roundUpToJpy: z.number().int().min(1),
    maximumJpy: z.number().int().min(0),
  })
  .strict();
export type DepositRules = z.infer<typeof depositRulesSchema>;

export const defaultDepositRules: DepositRules = {
  version: "deposit-rules-2025-1",
  billingMethods: {
    credit_card: null,
    // The debit starts only after the bank has processed the form; until then bills are slips.
    bank_transfer: { fixedJpy: 5000 },
    convenience_store: { fixedJpy: 10000 },
    none: { fixedJpy: 10000 },
  },
  shortStay: { amount: { monthsOfPrice: 3 }, marginDays: 60 },
  youngApplicant: { amount: { fixedJpy: 5000 }, underAge: 20 },
  highPricePlan: { amount: { monthsOfPrice: 1 }, fromMonthlyPriceJpy: 8000 },
  roundUpToJpy: 1000,
  maximumJpy: 30000,
};

export type DepositInputs = {
  planKind: PlanKind;
  /** The plan's monthly price in yen, tax included. */
  monthlyPriceJpy: number;
  /** The plan's minimum contract term; null or 0: none. */
  minimumTermMonths: number | null;
  /** null: not chosen yet. */
  billingMethod: BillingMethod | null;
  birthDate: string;
  /** The last day the applicant may stay (在留期間の満了日); null when the stay is not limited. */
  stayUntil: string | null;
  today: string;
  /** What the credit assessment (credit/assess-credit.ts) asks for; 0 or absent: nothing. */
  creditDepositJpy?: number;
};

export type DepositReason = { code: DepositReasonCode; amountJpy: number };

export type DepositDecision = {
  required: boolean;
  amountJpy: number;
  /** Stable codes, in the order of the table. */
  reasons: DepositReasonCode[];
  /** What each reason alone would ask for (before rounding and the cap). */
  details: DepositReason[];
  rulesVersion: string;
};

export function decideDeposit(inputs: DepositInputs, rules: DepositRules = defaultDepositRules): DepositDecision {
  const none: DepositDecision = {
    required: false,
    amountJpy: 0,
    reasons: [],
    details: [],
    rulesVersion: rules.version,
  };
  if (inputs.planKind === "prepaid") return none;
  assertCalendarDate(inputs.today, "today");

  const price = inputs.monthlyPriceJpy;
  const details: DepositReason[] = [];
  const add = (code: DepositReasonCode, amount: DepositAmount | null | undefined) => {
    if (!amount) return;
    const amountJpy = "fixedJpy" in amount ? amount.fixedJpy : Math.ceil(amount.monthsOfPrice * price);
    // A rule that asks for nothing is not a reason to show the applicant.
    if (amountJpy > 0) details.push({ code, amountJpy });
  };

  if (inputs.billingMethod === null) add("billing_method_missing", rules.billingMethods.none);
  else if (inputs.billingMethod === "bank_transfer") add("billing_bank_transfer", rules.billingMethods.bank_transfer);
  else if (inputs.billingMethod === "convenience_store") {
    add("billing_convenience_store", rules.billingMethods.convenience_store);
  }
  // credit_card has no reason code of its own: a policy that wants a deposit from card holders has
  // no risk to name, so `credit_card` only ever removes the billing reason.

  const term = inputs.minimumTermMonths ?? 0;
  if (rules.shortStay && term > 0 && inputs.stayUntil !== null) {
    assertCalendarDate(inputs.stayUntil, "stayUntil");
    const lastBillPaid = addDays(addMonths(inputs.today, term), rules.shortStay.marginDays);
    if (inputs.stayUntil < lastBillPaid) add("stay_shorter_than_minimum_term", rules.shortStay.amount);
  }

  if (rules.youngApplicant && ageOn(inputs.birthDate, inputs.today) < rules.youngApplicant.underAge) {
    add("young_applicant", rules.youngApplicant.amount);
  }

  if (rules.highPricePlan && price >= rules.highPricePlan.fromMonthlyPriceJpy) {
    add("high_price_plan", rules.highPricePlan.amount);
  }

  add("credit_assessment", inputs.creditDepositJpy ? { fixedJpy: inputs.creditDepositJpy } : null);

  if (details.length === 0) return none;
  const largest = Math.max(...details.map((d) => d.amountJpy));
  const rounded = Math.ceil(largest / rules.roundUpToJpy) * rules.roundUpToJpy;
  const amountJpy = Math.min(rounded, rules.maximumJpy);
  return {
    required: amountJpy > 0,
    amountJpy,
    reasons: details.map((d) => d.code),
    details,
    rulesVersion: rules.version,
  };
}

/**
 * `date` plus whole months; a day the target month lacks becomes its last day (31 January + 1 month
 * = 28 or 29 February), as 民法 第143条 counts periods of months.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return isoDate(new Date(Date.UTC(y, m - 1, Math.min(day, lastDay))));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
