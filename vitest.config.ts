import { configDefaults, defineConfig } from "vitest/config";

// Tests named *.postgres.test.ts need PostgreSQL itself (server processes, connections dropped by the
// database): they belong to the PostgreSQL pass only, not skipped in the PGlite pass but not collected.
const postgresOnly = process.env.JITSUMEI_TEST_DB === "postgres" ? [] : ["apps/*/test/**/*.postgres.test.ts"];

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/test/**/*.test.ts", "apps/*/src/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...postgresOnly],
    pool: "forks",
    globalSetup: ["packages/evidence/src/fixtures/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
