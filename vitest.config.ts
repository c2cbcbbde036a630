import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/test/**/*.test.ts", "apps/*/src/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["packages/evidence/src/fixtures/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
