import { configDefaults, defineConfig } from "vitest/config";

// `npm test` runs vitest twice (scripts/test.mjs): on PGlite, then on PostgreSQL.
// - Tests named *.postgres.test.ts need PostgreSQL itself (server processes, connections dropped by the
//   database): they belong to the PostgreSQL pass only (not collected in the PGlite pass, so never
//   counted as skipped).
// - Tests that never open a database (the pure packages, the web apps' own tests, the browser tests,
//   which check pages rather than storage) run once, in the PGlite pass: a second run on PostgreSQL would
//   test nothing new.
const onPostgres = process.env.JITSUMEI_TEST_DB === "postgres";
const postgresOnly = ["apps/*/test/**/*.postgres.test.ts"];
const databaseIndependent = ["packages/**", "apps/web/**", "apps/console/**", "**/*.browser.test.ts"];

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/test/**/*.test.ts", "apps/*/src/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(onPostgres ? databaseIndependent : postgresOnly)],
    // `npm test -- <file>` filters both passes; a file that belongs to one pass finds nothing in the other.
    passWithNoTests: true,
    pool: "forks",
    // Two files at a time on the two cores: most tests wait on PostgreSQL, a child process or the
    // browser, so one worker left a core idle (the PostgreSQL pass took 34 min under load with one
    // worker, 18 with two).
    maxWorkers: 2,
    globalSetup: ["packages/evidence/src/fixtures/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
