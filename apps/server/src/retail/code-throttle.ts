import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  countFailuresSince,
  deletePendingAttempt,
  insertPendingAttempt,
  lockClientAttempts,
  setAttemptReason,
} from "./code-failures-repository.ts";

/**
 * Wrong registration and voucher codes per client address, in the database so the count holds across
 * server processes and restarts (the HTTP rate limit counts per process). Ten wrong codes within 15
 * minutes stop the client's attempts, right or wrong, until the oldest leaves the window: at 75 bits
 * per code, guessing is hopeless anyway; the limit keeps it from being cheap.
 */
export const MAX_CODE_FAILURES = 10;
export const CODE_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function clientIndex(keys: KeyManagement, ip: string): Buffer {
  return keys.blindIndex("retail-code-client", ip);
}

/**
 * Claims one attempt for the client before its code is looked at: under a lock per client, counts the
 * window's wrong codes and attempts still in flight, refuses at the limit, else records this attempt
 * as `pending`. Checking and counting in one locked step is what holds the limit when fifty guesses
 * arrive at once (checked first and counted after, 24 of 50 got through a limit of 10). An attempt
 * left pending by a crash counts as wrong until it leaves the window.
 */
export async function claimCodeAttempt(db: Database, client: Buffer, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    await lockClientAttempts(tx, client);
    const counted = await countFailuresSince(tx, client, new Date(now.getTime() - CODE_FAILURE_WINDOW_MS));
    const failures = Number(counted?.n ?? 0);
    if (failures >= MAX_CODE_FAILURES) {
      const oldest = counted?.oldest ? new Date(counted.oldest).getTime() : now.getTime();
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + CODE_FAILURE_WINDOW_MS - now.getTime()) / 1000));
      throw new AppError("rate_limited", `${failures} wrong codes from this address: try again later`, {
        errors: [{ field: "code", reason: "too many wrong codes from this address" }],
        retryAfterSeconds,
      });
    }
    return insertPendingAttempt(tx, client, now);
  });
}

/** The attempt's code was right (or it failed for another reason than the code): it no longer counts. */
export async function releaseCodeAttempt(db: Database, attemptId: string): Promise<void> {
  await deletePendingAttempt(db, attemptId);
}

/**
 * The attempt's code was wrong: it stays counted, with its reason, and is audited in a transaction of
 * its own (the request that brought it fails, the count stays). The audit entry names the reason,
 * never the code typed nor the address.
 */
export async function recordCodeFailure(
  db: Database,
  input: { attemptId: string; reason: string; kind: "package" | "voucher"; packageId?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await setAttemptReason(tx, input.attemptId, input.reason);
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: input.kind === "package" ? "retail.registration_code_refused" : "retail.voucher_code_refused",
      subject: input.packageId ?? "unknown",
      data: { reason: input.reason },
    });
  });
}

/**
 * Runs `check` as one claimed attempt: refused at the limit before it runs; afterwards it counts only
 * if `check` recorded a wrong code (recordCodeFailure), whatever else happened.
 */
export async function withCodeAttempt<T>(
  db: Database,
  client: Buffer,
  now: Date,
  check: (attemptId: string) => Promise<T>,
): Promise<T> {
  const attemptId = await claimCodeAttempt(db, client, now);
  try {
    return await check(attemptId);
  } finally {
    await releaseCodeAttempt(db, attemptId);
  }
}
