import { z } from "zod";

/**
 * The credit assessment of a postpaid application (与信審査), as dated policy data.
 *
 * A postpaid contract is credit: the operator serves a month before the first bill is paid. Before
 * signing, carriers ask the shared register of unpaid bills (the TCA 不払い者情報の交換) with the
 * applicant's consent, check the way the bills will be paid, and weigh facts such as a foreign
 * resident's remaining period of stay against the contract's minimum term. Each rule below names one
 * such fact and what it leads to; a policy file lists the rules it applies. Like the verification
 * policies, credit policies are dated: exactly one is in force on any day, and the assessment records
 * which one decided.
 */

/** What an assessment leads to, mildest first. */
export const creditOutcomes = ["approve", "approve_with_deposit", "review", "reject"] as const;
export type CreditOutcome = (typeof creditOutcomes)[number];

/** How the bills would be paid, as far as the payment-method check confirmed it. */
export const creditPaymentMethods = ["card", "bank", "none"] as const;
export type CreditPaymentMethod = (typeof creditPaymentMethods)[number];

/**
 * Stable reason codes (API, records, translations); never renamed, only added. `consent_missing` is
 * not a rule: without the applicant's consent nothing is asked and nothing is assessed.
 */
export const creditReasonCodes = [
  "consent_missing",
  "unpaid_elsewhere",
  "unpaid_with_us",
  "payment_method_none",
  "payment_method_bank",
  "stay_shorter_than_term",
  "stay_ending_soon",
  "minor",
  "young_applicant",
  "many_lines",
] as const;
export type CreditReasonCode = (typeof creditReasonCodes)[number];

const outcome = z.enum(["approve_with_deposit", "review", "reject"]);
const consequence = {
  outcome,
  /** Asked for with approve_with_deposit (and proposed to the reviewer with review). */
  depositJpy: z.number().int().min(0).max(1_000_000).default(0),
};

/** Each kind of rule reads one input; the `when` names it. */
export const creditRuleSchema = z.discriminatedUnion("when", [
  /** Unpaid balances other carriers registered in the exchange: at least `atLeast` records. */
  z.object({ when: z.literal("unpaid_elsewhere"), atLeast: z.number().int().min(1), ...consequence }).strict(),
  /** Our own unpaid balances (a line of ours terminated for non-payment and not yet paid). */
  z.object({ when: z.literal("unpaid_with_us"), atLeast: z.number().int().min(1), ...consequence }).strict(),
  /** The payment-method check confirmed this way of paying (none: nothing confirmed). */
  z.object({ when: z.literal("payment_method"), is: z.enum(["bank", "none"]), ...consequence }).strict(),
  /** The period of stay ends before the minimum term (plus `marginDays`) does. */
  z
    .object({ when: z.literal("stay_shorter_than_term"), marginDays: z.number().int().min(0).max(365), ...consequence })
    .strict(),
  /** Fewer than `days` days of stay are left, whatever the term. */
  z.object({ when: z.literal("stay_ending_soon"), days: z.number().int().min(1).max(3650), ...consequence }).strict(),
  /** Younger than `age`: `minor` for the age of majority (a guardian signs), `young_applicant` for a thin history. */
  z
    .object({
      when: z.literal("age_under"),
      age: z.number().int().min(1).max(99),
      code: z.enum(["minor", "young_applicant"]),
      ...consequence,
    })
    .strict(),
  /** Already holds at least `atLeast` lines with us. */
  z.object({ when: z.literal("lines_held"), atLeast: z.number().int().min(1), ...consequence }).strict(),
]);
export type CreditRule = z.infer<typeof creditRuleSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD");

export const creditPolicySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
    version: z.string().min(1),
    title: z.string().min(1),
    effectiveFrom: isoDate,
    /** The last day in force; null: until a later policy takes over. */
    effectiveUntil: isoDate.nullable(),
    /** The consent text the applicant must have accepted before anything is asked (see consent-texts.ts). */
    consentTextVersion: z.string().min(1),
    rules: z.array(creditRuleSchema).min(1),
    /** A deposit never exceeds this, however many rules ask for one. */
    maximumDepositJpy: z.number().int().min(0),
  })
  .strict()
  .refine((p) => p.effectiveUntil === null || p.effectiveUntil >= p.effectiveFrom, {
    message: "effectiveUntil is before effectiveFrom",
    path: ["effectiveUntil"],
  });
export type CreditPolicy = z.infer<typeof creditPolicySchema>;

/**
 * What the assessment reads. The CLI takes exactly this as JSON (`jitsumei credit assess`); the
 * server fills it from the application, the exchange's answer and the payment-method check.
 */
export const creditInputsSchema = z
  .object({
    paymentMethod: z.enum(creditPaymentMethods),
    /** Unpaid records other carriers registered in the exchange for this person. */
    unpaidRecords: z.number().int().min(0),
    /** Our own unpaid balances for this person. */
    ownUnpaidRecords: z.number().int().min(0).default(0),
    /** Days from today to the last day of the period of stay; null: the stay is not limited. */
    remainingStayDays: z.number().int().nullable(),
    /** The contract's minimum term in days; 0: none. */
    minimumTermDays: z.number().int().min(0),
    age: z.number().int().min(0).max(150),
    /** Lines the person already holds with us. */
    linesHeld: z.number().int().min(0),
  })
  .strict();
export type CreditInputs = z.input<typeof creditInputsSchema>;
