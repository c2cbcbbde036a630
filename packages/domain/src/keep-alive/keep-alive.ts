import { z } from "zod";

/**
 * Keeping a prepaid number (保号): what a line may do between top-ups, as data. A paid top-up (the
 * first purchase counts as one) moves the line's validity on; once validity ends the line may receive
 * only for a while, then be suspended for a while, then it is terminated and its number goes into
 * quarantine. Either period may be zero (a pattern without receive-only goes straight to suspension).
 * LAW.md, "Prepaid number keeping", gives the two patterns the demo plans carry.
 */
export type KeepAliveRules = {
  /** The rule set's name, kept in the audit trail of each transition. */
  id: string;
  /** Days of validity one paid top-up adds. */
  validityPerTopUpDays: number;
  /** Validity never reaches further than this many days after a top-up. */
  maximumValidityDays: number;
  /** Days the line only receives (calls and SMS in, nothing out) after validity ends. */
  receiveOnlyDays: number;
  /** Days the line is suspended (nothing in or out) after the receive-only period. */
  suspendedDays: number;
  /** Reminders before validity ends, in days (each sent once per validity end). */
  reminderDaysBefore: readonly number[];
};

/** What a line may do; `terminated` is the end of the contract (解約), the rest are its service. */
export const validityStates = ["active", "receive_only", "suspended", "terminated"] as const;
export type ValidityState = (typeof validityStates)[number];

const DAY_MS = 86_400_000;
const days = (n: number) => n * DAY_MS;

export const keepAliveRulesSchema = z
  .object({
    id: z.string().min(1),
    validityPerTopUpDays: z.number().int().positive(),
    maximumValidityDays: z.number().int().positive(),
    receiveOnlyDays: z.number().int().min(0),
    suspendedDays: z.number().int().min(0),
    reminderDaysBefore: z.array(z.number().int().positive()),
  })
  .strict()
  .refine((r) => r.maximumValidityDays >= r.validityPerTopUpDays, {
    message: "maximumValidityDays must be at least validityPerTopUpDays",
    path: ["maximumValidityDays"],
  });

/**
 * Two patterns from the market (LAW.md): no paid top-up for 180 days → suspension, termination 30
 * days later (povo 2.0); each top-up adds 60 days up to 360, receive-only after expiry, termination
 * after 360 more days (a SoftBank prepaid plan; "at zero balance": we keep no balance, so every
 * expired line counts as one at zero).
 */
export const keepAliveRuleSets = {
  suspendAfter180Days: {
    id: "suspend-after-180-days",
    validityPerTopUpDays: 180,
    maximumValidityDays: 180,
    receiveOnlyDays: 0,
    suspendedDays: 30,
    reminderDaysBefore: [30, 7, 1],
  },
  receiveOnlyAfterExpiry: {
    id: "60-days-per-top-up-receive-only-360",
    validityPerTopUpDays: 60,
    maximumValidityDays: 360,
    receiveOnlyDays: 360,
    suspendedDays: 0,
    reminderDaysBefore: [30, 7, 1],
  },
} as const satisfies Record<string, KeepAliveRules>;

/**
 * Validity after a paid top-up at `at`: the later of the current end and `at`, plus the top-up's
 * days, but no further than `at` plus the maximum. A top-up never shortens validity.
 */
export function validityAfterTopUp(rules: KeepAliveRules, current: Date | null, at: Date): Date {
  const base = Math.max(current?.getTime() ?? at.getTime(), at.getTime());
  const extended = Math.min(base + days(rules.validityPerTopUpDays), at.getTime() + days(rules.maximumValidityDays));
  return new Date(Math.max(extended, current?.getTime() ?? 0));
}

/** When each period after validity ends; a period of zero days starts and ends at the same moment. */
export function keepAliveTimeline(rules: KeepAliveRules, validUntil: Date) {
  const end = validUntil.getTime();
  const suspendedFrom = end + days(rules.receiveOnlyDays);
  return {
    validUntil,
    receiveOnlyFrom: rules.receiveOnlyDays > 0 ? validUntil : null,
    suspendedFrom: rules.suspendedDays > 0 ? new Date(suspendedFrom) : null,
    terminatesAt: new Date(suspendedFrom + days(rules.suspendedDays)),
  };
}

/** The state the rules give a line at `at`, from its validity alone. */
export function validityStateAt(rules: KeepAliveRules, validUntil: Date, at: Date): ValidityState {
  const t = at.getTime();
  const timeline = keepAliveTimeline(rules, validUntil);
  if (t < validUntil.getTime()) return "active";
  if (t >= timeline.terminatesAt.getTime()) return "terminated";
  if (timeline.suspendedFrom && t >= timeline.suspendedFrom.getTime()) return "suspended";
  return "receive_only";
}

/**
 * What the sweep does to a line now in `current`: the state to move it to, or null to leave it. Lines
 * move forward only (a late sweep may skip a state: active → terminated), except back to `active`
 * when a top-up has given the line validity again; a terminated line stays terminated.
 */
export function validityTransition(
  rules: KeepAliveRules,
  current: ValidityState,
  validUntil: Date,
  at: Date,
): ValidityState | null {
  if (current === "terminated") return null;
  const target = validityStateAt(rules, validUntil, at);
  if (target === current) return null;
  if (target === "active") return "active";
  return validityStates.indexOf(target) > validityStates.indexOf(current) ? target : null;
}

/**
 * The reminder due at `at`, in days before the end of validity, or null. Only the nearest threshold
 * already passed is due: a sweep that missed the 30-day reminder and runs 5 days before the end sends
 * the 7-day one, not both. The caller keeps which reminders were sent (once per validity end).
 */
export function dueReminder(rules: KeepAliveRules, validUntil: Date, at: Date): number | null {
  const left = validUntil.getTime() - at.getTime();
  if (left <= 0) return null;
  const due = rules.reminderDaysBefore.filter((d) => left <= days(d));
  return due.length > 0 ? Math.min(...due) : null;
}
