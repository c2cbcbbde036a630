import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  addFailure,
  deleteFailures,
  deleteFailuresBefore,
  latestWaitUntil,
  setWaitUntil,
} from "./limits-repository.ts";

/**
 * Growing delays after failed sign-ins, in place of a lock-out (issue #21, finding 6): an attacker who
 * knows someone's e-mail can slow their sign-in by at most `maxSeconds`, never lock them out.
 *
 * - per account: the blind index of the e-mail as given (an unknown e-mail is counted exactly like a
 *   known one, so neither the answer nor its wait tells whether an account exists); free failures,
 *   then 1 s, 2 s, 4 s … up to a minute;
 * - per client address, over every account it tries: more free failures, then doubling up to 15
 *   minutes.
 *
 * A bucket's count starts again an hour after its last failure; a success clears the account's.
 */
export type DelayRule = { free: number; maxSeconds: number };
export const ACCOUNT_MAX_SECONDS = 60;
export const ADDRESS_MAX_SECONDS = 15 * 60;
/** Failures allowed before the delays begin (SIGN_IN_FREE_FAILURES). */
export type FreeFailures = { account: number; address: number };
const FORGET_AFTER_MS = 3_600_000;

export type SignInSubject = { account: string; address: string };

function buckets(keys: KeyManagement, who: SignInSubject) {
  return {
    account: keys.blindIndex("sign-in-delay", `account\u0000${who.account.trim().toLowerCase()}`),
    address: keys.blindIndex("sign-in-delay", `address\u0000${who.address}`),
  };
}

/** Refuses (429, Retry-After) while the account or the address must wait; before any password is hashed. */
export async function awaitSignInDelay(
  db: Queryable,
  keys: KeyManagement,
  who: SignInSubject,
  now: Date,
): Promise<void> {
  const { account, address } = buckets(keys, who);
  const until = await latestWaitUntil(db, [account, address], now);
  if (!until) return;
  const wait = Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 1000));
  throw new AppError("rate_limited", `Too many failed sign-ins: retry in ${wait} s`, { retryAfterSeconds: wait });
}

/** Counts a failed sign-in against the account and the address; returns the account's new wait in seconds. */
export async function recordSignInFailure(
  db: Queryable,
  keys: KeyManagement,
  who: SignInSubject,
  now: Date,
  free: FreeFailures,
): Promise<number> {
  const { account, address } = buckets(keys, who);
  const accountWait = await countFailure(db, account, { free: free.account, maxSeconds: ACCOUNT_MAX_SECONDS }, now);
  await countFailure(db, address, { free: free.address, maxSeconds: ADDRESS_MAX_SECONDS }, now);
  return accountWait;
}

/** A success: the account's count starts again (the address's does not: its owner may try others). */
export async function clearSignInFailures(db: Queryable, keys: KeyManagement, who: SignInSubject): Promise<void> {
  await deleteFailures(db, buckets(keys, who).account);
}

async function countFailure(db: Queryable, bucket: Buffer, rule: DelayRule, now: Date): Promise<number> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const failures = (await addFailure(db, bucket, now, forgetBefore)) ?? 1;
  const wait = delaySeconds(failures, rule);
  if (wait > 0) {
    await setWaitUntil(db, bucket, new Date(now.getTime() + wait * 1000));
  }
  return wait;
}

/** 0 for the free failures, then 1, 2, 4 … seconds, at most the rule's cap. */
export function delaySeconds(failures: number, rule: DelayRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxSeconds, 2 ** Math.min(30, failures - rule.free - 1));
}

/** Buckets whose last failure is long past (the server's periodic sweep). */
export async function forgetOldSignInFailures(db: Queryable, now: Date): Promise<void> {
  await deleteFailuresBefore(db, new Date(now.getTime() - FORGET_AFTER_MS), now);
}
