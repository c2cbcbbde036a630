/**
 * `npm run bench [-- --quick]`: Jitsumei against the limits of the machine it runs on, as ratios
 * measured side by side in one run (absolute times on a shared machine are noise). Sets up its own
 * databases on the PostgreSQL at DATABASE_URL (default the local server), prints a table and writes
 * bench/results/<date>.json. See BENCHMARKS.md.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchDocuments } from "./documents.ts";
import { benchEmbedded } from "./embedded.ts";
import { benchGrowth } from "./growth.ts";
import { benchOnboarding } from "./onboarding.ts";
import { benchVerification } from "./verification.ts";

const quick = process.argv.includes("--quick");
// `--only onboarding,verification`: run some parts (to measure one change); the file name says which.
const onlyIndex = process.argv.indexOf("--only");
const parts = ["onboarding", "embedded", "verification", "growth", "documents"] as const;
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? "").split(",") : [...parts];
for (const part of only) {
  if (!parts.includes(part as (typeof parts)[number])) {
    process.stderr.write(`--only: "${part}" is not one of ${parts.join(", ")}\n`);
    process.exit(2);
  }
}
const runs = (part: (typeof parts)[number]) => only.includes(part);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const startedAt = new Date();
const loadAtStart = Math.round(((await import("node:os")).loadavg()[0] ?? 0) * 10) / 10;
process.stdout.write(
  `Jitsumei benchmarks (${quick ? "quick" : "full"}) on ${adminUrl.replace(/\/\/[^@]*@/, "//")}\n\n`,
);

// `--servers N`: the onboarding journeys against N server processes on one database (default 1).
const serversIndex = process.argv.indexOf("--servers");
const servers = serversIndex >= 0 ? Number(process.argv[serversIndex + 1]) : 1;
if (!Number.isInteger(servers) || servers < 1 || servers > 8) {
  process.stderr.write("--servers: a whole number from 1 to 8\n");
  process.exit(2);
}
const onboarding = runs("onboarding") ? await benchOnboarding(adminUrl, quick, servers) : undefined;
const embedded = runs("embedded") ? await benchEmbedded(quick) : undefined;
const verification = runs("verification") ? await benchVerification(quick) : undefined;
const growth = runs("growth") ? await benchGrowth(adminUrl, quick) : undefined;
const documents = runs("documents") ? await benchDocuments(quick) : undefined;

const results = {
  date: startedAt.toISOString(),
  mode: quick ? "quick" : "full",
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  // The machine's load average (1 minute) when the run began and ended: it is shared, and every
  // absolute figure depends on it.
  loadAverage: { atStart: loadAtStart, atEnd: Math.round(((await import("node:os")).loadavg()[0] ?? 0) * 10) / 10 },
  // The server's start, from `jitsumei serve` (compiled) to its first ready answer, on a migrated
  // database: wall seconds, and the process's CPU seconds (which the machine's load does not inflate).
  startup: onboarding
    ? {
        seconds: onboarding.startup.seconds,
        cpuSeconds: onboarding.startup.cpuSeconds,
        fromSource: onboarding.startup.fromSource,
      }
    : undefined,
  onboarding,
  embedded,
  verification,
  growth,
  documents,
};
const dir = join(import.meta.dirname, "results");
mkdirSync(dir, { recursive: true });
const partial = `${only.length < parts.length ? `-${only.join("-")}` : ""}${servers > 1 ? `-${servers}servers` : ""}`;
const name = `${startedAt.toISOString().slice(0, 10)}${quick ? "-quick" : ""}${partial}`;
// A second run of the day keeps the first's file (BENCHMARKS.md cites them): its name gets the time.
const file = [
  join(dir, `${name}.json`),
  join(dir, `${name}-${startedAt.toISOString().slice(11, 16).replace(":", "")}.json`),
].find((f, i) => i === 1 || !existsSync(f)) as string;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwritten ${file}\n`);
