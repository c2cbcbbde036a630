import { createRequire } from "node:module";
import { type CheckResult, lineHoldingStates } from "@jitsumei/domain";
import type { Config } from "../config/config.ts";
import type { Queryable } from "../db/database.ts";
import {
  type BlindIndexes,
  countDocumentUnderOtherIdentity,
  countOtherVoiceLines,
  countRecentByIndexes,
  lockPerson,
  matchingBlocklistKinds,
  selectBlindIndexes,
} from "./fraud-checks-repository.ts";

/**
 * Fraud controls on the blind indexes (never by decrypting other applicants):
 * - `fraud.line_limit`: the person's active and pending voice lines, this one included, may not
 *   exceed the policy's limit (industry rule: 5 per person);
 * - `fraud.document_reused`: the same document number under another name or date of birth goes to
 *   a person.
 */
/** Runs in the submitting transaction (`db` is its handle): the per-person lock lasts until commit. */
export async function runFraudChecks(
  db: Queryable,
  input: {
    applicationId: string;
    lineLimit: number | null;
    countsAsLine: boolean;
    email: string;
    now: Date;
    velocity: Config["velocity"];
  },
): Promise<CheckResult[]> {
  const own = await selectBlindIndexes(db, input.applicationId);
  const results: CheckResult[] = [];
  if (input.countsAsLine && input.lineLimit !== null && own?.identity_index) {
    await lockPerson(db, own.identity_index);
    const held = await countOtherVoiceLines(db, {
      identityIndex: own.identity_index,
      applicationId: input.applicationId,
      states: lineHoldingStates,
    });
    const lines = held + 1;
    results.push({
      code: "fraud.line_limit",
      status: lines > input.lineLimit ? "fail" : "pass",
      params: { limit: input.lineLimit, lines },
    });
  }
  if (own?.document_index && own.identity_index) {
    const others = await countDocumentUnderOtherIdentity(db, {
      documentIndex: own.document_index,
      identityIndex: own.identity_index,
      applicationId: input.applicationId,
    });
    results.push({ code: "fraud.document_reused", status: others > 0 ? "review" : "pass" });
  }
  if (own) {
    results.push(await blocklistCheck(db, own));
    results.push(await velocityCheck(db, input.applicationId, own, input.now, input.velocity));
  }
  results.push({
    code: "fraud.disposable_email",
    status: isDisposableEmail(input.email) ? "review" : "pass",
  });
  return results;
}

/** `fraud.blocklist`: the document, the person, the e-mail or the phone is on the operator's blocklist. */
async function blocklistCheck(db: Queryable, own: BlindIndexes): Promise<CheckResult> {
  const matched = await matchingBlocklistKinds(db, own);
  return matched.length > 0
    ? { code: "fraud.blocklist", status: "fail", params: { matched: matched.join(",") } }
    : { code: "fraud.blocklist", status: "pass" };
}

/**
 * `fraud.velocity`: more applications than the configured limits (JITSUMEI_VELOCITY_LIMITS) from one
 * e-mail, phone, device or network within the window go to a person.
 */
async function velocityCheck(
  db: Queryable,
  applicationId: string,
  own: BlindIndexes,
  now: Date,
  limits: Config["velocity"],
): Promise<CheckResult> {
  const since = new Date(now.getTime() - limits.hours * 3_600_000);
  const counted = (
    [
      ["contact_index", own.contact_index, limits.email],
      ["phone_index", own.phone_index, limits.phone],
      ["device_index", own.device_index, limits.device],
      ["ip_index", own.ip_index, limits.ip],
    ] as const
  ).filter(([, value]) => value);
  const over: string[] = [];
  if (counted.length > 0) {
    // Every count in one statement (each on its own index).
    const counts = await countRecentByIndexes(db, { since, applicationId, counted });
    counted.forEach(([column, , limit], k) => {
      if ((counts[k] ?? 0) + 1 > limit) over.push(column.replace("_index", ""));
    });
  }
  return over.length > 0
    ? { code: "fraud.velocity", status: "review", params: { over: over.join(",") } }
    : { code: "fraud.velocity", status: "pass" };
}

// 2.4 MB of JSON (about 120 000 domains): read on the first check, not at start (it cost 0.7 s of the
// server's start-up, BENCHMARKS.md).
let disposableDomains: ReadonlySet<string> | null = null;

/** Throw-away mailbox domains, from the maintained disposable-email-domains list. */
export function isDisposableEmail(email: string): boolean {
  const domain = email.split("@").at(-1)?.toLowerCase() ?? "";
  disposableDomains ??= new Set(createRequire(import.meta.url)("disposable-email-domains") as string[]);
  return disposableDomains.has(domain);
}
