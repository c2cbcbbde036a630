import { randomBytes } from "node:crypto";
import pg from "pg";

export async function createDatabase(adminUrl: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jitsumei_bench_${label}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function latencySummary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), n: sorted.length };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs `fn` repeatedly for about `ms` milliseconds; returns operations per second. */
export async function rate(ms: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  // Warm up, then measure.
  for (let i = 0; i < 20; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join("  ")).join("\n");
}

/**
 * Rates of several operations measured side by side: about `ms` milliseconds each, taken in
 * alternating slices of `sliceMs`, so that a change in the machine's load (other processes on a
 * shared machine) falls on all of them alike. Returns operations per second, in the order given.
 */
export async function ratesSideBySide(
  ms: number,
  fns: readonly (() => unknown | Promise<unknown>)[],
  sliceMs = 100,
): Promise<number[]> {
  for (const fn of fns) for (let i = 0; i < 20; i++) await fn();
  const counts = fns.map(() => 0);
  const spent = fns.map(() => 0);
  for (let round = 0; round < Math.max(1, Math.round(ms / sliceMs)); round++) {
    for (const [i, fn] of fns.entries()) {
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < sliceMs) {
        await fn();
        n++;
      }
      counts[i] = (counts[i] ?? 0) + n;
      spent[i] = (spent[i] ?? 0) + (performance.now() - start);
    }
  }
  return counts.map((n, i) => n / ((spent[i] ?? 1) / 1000));
}
