/**
 * Wrong bearer tokens per client address (an applicant's access token, a subscriber's session). The
 * tokens hold 256 random bits, so guessing one is hopeless; counting the wrong ones keeps a client
 * from trying cheaply, and from probing which references exist. Only refusals count: an applicant
 * working with the right token is never slowed. Counted in memory per process, like the other rate
 * limits (a second process allows as many again).
 */
export type TokenGuesses = {
  /** Seconds until the address may try again, or null when it may now. */
  retryAfter(client: string): number | null;
  /** A refused token from this address. */
  refused(client: string): void;
};

const WINDOW_MS = 60_000;
/** Addresses remembered at most; the oldest are forgotten first (bounded memory under a flood). */
const MAX_CLIENTS = 10_000;

export function tokenGuesses(maxPerMinute: number, clock: () => Date): TokenGuesses {
  const refusals = new Map<string, number[]>();
  const recent = (client: string, now: number): number[] => {
    const times = (refusals.get(client) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length === 0) refusals.delete(client);
    else refusals.set(client, times);
    return times;
  };
  return {
    retryAfter(client) {
      const now = clock().getTime();
      const times = recent(client, now);
      if (times.length < maxPerMinute) return null;
      const oldest = times[times.length - maxPerMinute] ?? now;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    },
    refused(client) {
      const now = clock().getTime();
      const times = recent(client, now);
      refusals.delete(client);
      refusals.set(client, [...times, now]);
      if (refusals.size > MAX_CLIENTS) {
        const first = refusals.keys().next().value;
        if (first !== undefined) refusals.delete(first);
      }
    },
  };
}
