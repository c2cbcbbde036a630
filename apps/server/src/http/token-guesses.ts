import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { countHit, readHits } from "../limits/rate-limits.ts";

/**
 * Wrong bearer tokens per client address (an applicant's access token, a subscriber's session). The
 * tokens hold 256 random bits, so guessing one is hopeless; counting the wrong ones keeps a client
 * from trying cheaply, and from probing which references exist. Only refusals count: an applicant
 * working with the right token is never slowed. Counted in the database (limits/rate-limits.ts), so
 * a second server process does not allow as many again.
 */
export type TokenGuesses = {
  /** Seconds until the address may try again, or null when it may now. */
  retryAfter(client: string): Promise<number | null>;
  /** A refused token from this address. */
  refused(client: string): Promise<void>;
};

const WINDOW_SECONDS = 60;

export function tokenGuesses(
  deps: { db: Queryable; keys: KeyManagement; clock: () => Date },
  maxPerMinute: number,
): TokenGuesses {
  const limit = (client: string) => ({
    kind: "token-guess:ip",
    value: client,
    max: maxPerMinute,
    windowSeconds: WINDOW_SECONDS,
  });
  return {
    async retryAfter(client) {
      const count = await readHits(deps.db, deps.keys, limit(client), deps.clock());
      return count.hits < count.max ? null : count.retryAfterSeconds;
    },
    async refused(client) {
      await countHit(deps.db, deps.keys, limit(client), deps.clock());
    },
  };
}
