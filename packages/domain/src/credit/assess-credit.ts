import {
  type CreditInputs,
  type CreditOutcome,
  type CreditPolicy,
  type CreditReasonCode,
  type CreditRule,
  creditInputsSchema,
  creditOutcomes,
} from "./credit-policy.ts";

/** One reason the assessment gives: its code, what it leads to, the figures it read (for staff). */
export type CreditReason = {
  code: CreditReasonCode;
  outcome: Exclude<CreditOutcome, "approve">;
  depositJpy: number;
  params: Record<string, number>;
};

export type CreditAssessment = {
  outcome: CreditOutcome;
  /**
   * The deposit asked for: the largest any applying rule asks, capped (and capped again by the deposit
   * rules' maximum when the contract's deposit is decided). Kept with review and reject, for a person
   * who approves anyway.
   */
  depositJpy: number;
  /** Every rule that applied, in the order of the policy. */
  reasons: CreditReason[];
  policy: { id: string; version: string };
};

/**
 * Applies the policy's rules to the inputs. The harshest outcome of any applying rule wins (reject
 * over review over a deposit); deposits do not add up, since one deposit covers one unpaid balance.
 * No applying rule: approve, no deposit.
 */
export function assessCredit(input: CreditInputs, policy: CreditPolicy): CreditAssessment {
  const inputs = creditInputsSchema.parse(input);
  const reasons: CreditReason[] = [];
  for (const rule of policy.rules) {
    const applied = applyRule(rule, inputs);
    if (applied) reasons.push({ outcome: rule.outcome, depositJpy: rule.depositJpy, ...applied });
  }
  const harshest = reasons.reduce<CreditOutcome>(
    (worst, r) => (creditOutcomes.indexOf(r.outcome) > creditOutcomes.indexOf(worst) ? r.outcome : worst),
    "approve",
  );
  const largest = Math.max(0, ...reasons.map((r) => r.depositJpy));
  // Kept with review and reject too: a person who approves anyway asks what the rules ask.
  const depositJpy = harshest === "approve" ? 0 : Math.min(largest, policy.maximumDepositJpy);
  // A rule that asks for a deposit of nothing approves.
  const outcome = harshest === "approve_with_deposit" && depositJpy === 0 ? "approve" : harshest;
  return { outcome, depositJpy, reasons, policy: { id: policy.id, version: policy.version } };
}

/** The assessment when the applicant has not consented: nothing was asked, a person decides. */
export function assessmentWithoutConsent(policy: CreditPolicy): CreditAssessment {
  return {
    outcome: "review",
    depositJpy: 0,
    reasons: [{ code: "consent_missing", outcome: "review", depositJpy: 0, params: {} }],
    policy: { id: policy.id, version: policy.version },
  };
}

function applyRule(
  rule: CreditRule,
  i: ReturnType<typeof creditInputsSchema.parse>,
): { code: CreditReasonCode; params: Record<string, number> } | null {
  switch (rule.when) {
    case "unpaid_elsewhere":
      return i.unpaidRecords >= rule.atLeast
        ? { code: "unpaid_elsewhere", params: { records: i.unpaidRecords } }
        : null;
    case "unpaid_with_us":
      return i.ownUnpaidRecords >= rule.atLeast
        ? { code: "unpaid_with_us", params: { records: i.ownUnpaidRecords } }
        : null;
    case "payment_method":
      return i.paymentMethod === rule.is
        ? { code: rule.is === "bank" ? "payment_method_bank" : "payment_method_none", params: {} }
        : null;
    case "stay_shorter_than_term":
      return i.remainingStayDays !== null &&
        i.minimumTermDays > 0 &&
        i.remainingStayDays < i.minimumTermDays + rule.marginDays
        ? {
            code: "stay_shorter_than_term",
            params: { remainingStayDays: i.remainingStayDays, minimumTermDays: i.minimumTermDays },
          }
        : null;
    case "stay_ending_soon":
      return i.remainingStayDays !== null && i.remainingStayDays < rule.days
        ? { code: "stay_ending_soon", params: { remainingStayDays: i.remainingStayDays, days: rule.days } }
        : null;
    case "age_under":
      return i.age < rule.age ? { code: rule.code, params: { age: i.age, under: rule.age } } : null;
    case "lines_held":
      return i.linesHeld >= rule.atLeast ? { code: "many_lines", params: { lines: i.linesHeld } } : null;
  }
}

/** The policy in force on `date` (YYYY-MM-DD), or null. */
export function creditPolicyInForce<P extends CreditPolicy>(policies: readonly P[], date: string): P | null {
  return (
    policies.find((p) => p.effectiveFrom <= date && (p.effectiveUntil === null || date <= p.effectiveUntil)) ?? null
  );
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
