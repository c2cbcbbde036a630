/**
 * `npm run bench [-- --quick]`: Jitsumei against the limits of the machine it runs on, as ratios
 * measured side by side in one run (absolute times on a shared machine are noise). Sets up its own
 * databases on the PostgreSQL at DATABASE_URL (default the local server), prints a table and writes
 * bench/results/<date>.json. See BENCHMARKS.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchDocuments } from "./documents.ts";
import { benchGrowth } from "./growth.ts";
import { benchOnboarding } from "./onboarding.ts";
import { benchVerification } from "./verification.ts";

const quick = process.argv.includes("--quick");
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const startedAt = new Date();
process.stdout.write(
  `Jitsumei benchmarks (${quick ? "quick" : "full"}) on ${adminUrl.replace(/\/\/[^@]*@/, "//")}\n\n`,
);

const onboarding = await benchOnboarding(adminUrl, quick);
const verification = await benchVerification(quick);
const growth = await benchGrowth(adminUrl, quick);
const documents = await benchDocuments(quick);

const results = {
  date: startedAt.toISOString(),
  mode: quick ? "quick" : "full",
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  onboarding,
  verification,
  growth,
  documents,
};
const dir = join(import.meta.dirname, "results");
mkdirSync(dir, { recursive: true });
const file = join(dir, `${startedAt.toISOString().slice(0, 10)}${quick ? "-quick" : ""}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwritten ${file}\n`);
