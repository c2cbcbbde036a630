import { countHit } from "../limits/rate-limits.ts";
import type { Services } from "../services.ts";

type Incremented = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Incremented) => void;
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A store for @fastify/rate-limit that counts in the database (limits/rate-limits.ts) instead of in
 * the process's memory: every server process answering the same database shares one count. The
 * plugin makes one child per route; each route counts on its own, as the memory store did.
 */
export function databaseRateLimitStore(services: Pick<Services, "db" | "keys" | "clock">) {
  return class DatabaseRateLimitStore {
    readonly route: string;
    // The plugin hands each route's child its merged options, the route under `routeInfo` (its
    // types name the route options themselves, hence unknown here).
    constructor(params: unknown = {}) {
      const info = (params as RouteParams).routeInfo;
      const method = info?.method;
      this.route = `${Array.isArray(method) ? method.join(",") : (method ?? "")} ${info?.url ?? ""}`;
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      countHit(
        services.db,
        services.keys,
        { kind: `route:${this.route}:ip`, value: key, max, windowSeconds: Math.max(1, Math.round(timeWindow / 1000)) },
        services.clock(),
      ).then(
        (count) => callback(null, { current: count.hits, ttl: count.retryAfterSeconds * 1000 }),
        (error: Error) => callback(error),
      );
    }

    child(params: unknown): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(params);
    }
  };
}
