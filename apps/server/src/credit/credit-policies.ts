import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  type CreditPolicy,
  creditConsent,
  creditPolicyInForce,
  creditPolicySchema,
  todayInJapan,
} from "@jitsumei/domain";
import { AppError } from "../errors.ts";
import { PolicyLoadError, readPolicyFile } from "../policy/load-policies.ts";

export type LoadedCreditPolicy = CreditPolicy & { file: string; contentHash: string };

/**
 * The credit policies: `credit/*.json` in each policy folder. An operator's folder that has a
 * `credit/` of its own replaces the shipped credit policies as a whole (credit rules are the
 * operator's business, not the law's). Within the set in use exactly one is in force on every day
 * from the first one's start: no overlap, no gap, the last one open-ended. Each must ask for the
 * consent text this version of Jitsumei shows.
 */
export function loadCreditPolicies(policyDirs: readonly string[]): LoadedCreditPolicy[] {
  const dirs = policyDirs.map((d) => join(d, "credit")).filter((d) => existsSync(d));
  const dir = dirs.at(-1);
  if (!dir) return [];
  const policies = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadFile(join(dir, f), `credit/${f}`))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  for (let i = 1; i < policies.length; i++) {
    const before = policies[i - 1] as LoadedCreditPolicy;
    const after = policies[i] as LoadedCreditPolicy;
    if (before.effectiveUntil === null || before.effectiveUntil >= after.effectiveFrom) {
      throw new PolicyLoadError(
        after.file,
        "effectiveFrom",
        `overlaps ${before.file} (in force until ${before.effectiveUntil ?? "open"})`,
      );
    }
    if (dayAfter(before.effectiveUntil) !== after.effectiveFrom) {
      throw new PolicyLoadError(
        after.file,
        "effectiveFrom",
        `leaves a gap after ${before.file} (in force until ${before.effectiveUntil}): no credit policy would decide in between`,
      );
    }
  }
  const last = policies.at(-1);
  if (last && last.effectiveUntil !== null) {
    throw new PolicyLoadError(
      last.file,
      "effectiveUntil",
      "the newest credit policy must stay in force (null) until another follows it",
    );
  }
  return policies;
}

function loadFile(path: string, name: string): LoadedCreditPolicy {
  const policy = readPolicyFile(path, name, creditPolicySchema);
  if (policy.consentTextVersion !== creditConsent.version) {
    throw new PolicyLoadError(
      name,
      "consentTextVersion",
      `must be ${creditConsent.version}, the consent text this version of Jitsumei shows`,
    );
  }
  return policy;
}

/** The credit policy in force at `now` (Japan's calendar day), or an error naming the day. */
export function creditPolicyAt(policies: readonly LoadedCreditPolicy[], now: Date): LoadedCreditPolicy {
  const day = todayInJapan(now);
  const policy = creditPolicyInForce(policies, day);
  if (!policy) throw new AppError("credit_policy_missing", `No credit policy is in force on ${day}`, { day });
  return policy;
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
