import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type CreditPolicy,
  creditConsent,
  creditPolicyInForce,
  creditPolicySchema,
  todayInJapan,
} from "@jitsumei/domain";
import { canonicalJson } from "../crypto/canonical-json.ts";
import { AppError } from "../errors.ts";
import { PolicyLoadError } from "../policy/load-policies.ts";

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
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new PolicyLoadError(name, "", `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = creditPolicySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PolicyLoadError(name, issue?.path.join(".") ?? "", issue?.message ?? "invalid");
  }
  if (parsed.data.consentTextVersion !== creditConsent.version) {
    throw new PolicyLoadError(
      name,
      "consentTextVersion",
      `must be ${creditConsent.version}, the consent text this version of Jitsumei shows`,
    );
  }
  const contentHash = createHash("sha256").update(canonicalJson(parsed.data)).digest("hex");
  return { ...parsed.data, file: name, contentHash };
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
