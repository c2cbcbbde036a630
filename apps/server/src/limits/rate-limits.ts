import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { addHit, deleteHitsBefore, findHits } from "./limits-repository.ts";

/**
 * Fixed-window counters in the database (table rate_limit_hits): one statement counts a hit and
 * returns the window's total, so two processes, or fifty requests at once, never both see the last
 * free place. Buckets are blind indexes of what is counted (`kind` and value): the table holds no
 * address, device id, contact or account in the clear.
 */
export type Limit = {
  /** What is counted, e.g. "create:ip"; part of the bucket and of the refusal's wording. */
  kind: string;
  value: string;
  max: number;
  windowSeconds: number;
};

export type Count = { hits: number; max: number; retryAfterSeconds: number };

function window(now: Date, windowSeconds: number): { start: Date; end: Date } {
  const size = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return { start: new Date(start), end: new Date(start + size) };
}

function bucket(keys: KeyManagement, limit: Pick<Limit, "kind" | "value" | "windowSeconds">): Buffer {
  return keys.blindIndex("rate-limit", `${limit.kind}\u0000${limit.windowSeconds}\u0000${limit.value}`);
}

/** Counts one hit against the limit and returns the window's total (this hit included). */
export async function countHit(db: Queryable, keys: KeyManagement, limit: Limit, now: Date): Promise<Count> {
  const { start, end } = window(now, limit.windowSeconds);
  const hits = await addHit(db, bucket(keys, limit), start);
  return { hits: hits ?? 1, max: limit.max, retryAfterSeconds: secondsUntil(end, now) };
}

/** The window's total so far, without counting. */
export async function readHits(db: Queryable, keys: KeyManagement, limit: Limit, now: Date): Promise<Count> {
  const { start, end } = window(now, limit.windowSeconds);
  const hits = await findHits(db, bucket(keys, limit), start);
  return { hits: hits ?? 0, max: limit.max, retryAfterSeconds: secondsUntil(end, now) };
}

/**
 * Counts one hit against every limit; over any of them, refuses with 429 `rate_limited` (Retry-After:
 * the longest wait among the limits exceeded). A refused attempt counts too: hammering does not
 * shorten the wait.
 */
export async function enforceLimits(
  db: Queryable,
  keys: KeyManagement,
  limits: readonly Limit[],
  now: Date,
  what: string,
): Promise<void> {
  let wait = 0;
  const over: string[] = [];
  for (const limit of limits) {
    const count = await countHit(db, keys, limit, now);
    if (count.hits > count.max) {
      over.push(limit.kind);
      wait = Math.max(wait, count.retryAfterSeconds);
    }
  }
  if (over.length > 0) {
    throw new AppError(
      "rate_limited",
      `Too many ${what} from this ${over.map(describe).join(" and ")}: retry in ${wait} s`,
      {
        retryAfterSeconds: wait,
        limits: over,
      },
    );
  }
}

function describe(kind: string): string {
  const what = kind.split(":").at(-1) ?? kind;
  return what === "ip" ? "address" : what;
}

function secondsUntil(end: Date, now: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
}

/** Windows no limit looks at any more (the longest window is a day). */
export async function forgetOldHits(db: Queryable, now: Date): Promise<number> {
  return deleteHitsBefore(db, new Date(now.getTime() - 2 * 86_400_000));
}
