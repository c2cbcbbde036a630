import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// `npm test` runs vitest twice (scripts/test.mjs):
// - the main pass, on PostgreSQL (JITSUMEI_TEST_DB=postgres): every test, the database-independent ones
//   (the pure packages, the web apps' own tests, the browser tests) included;
// - a smoke pass on the embedded database (PGlite), which `npm start` uses: the journeys and the tests
//   whose embedded-database branch is the point (a folder reopened by another process, its backup, the
//   CLI on it). Starting PGlite costs 5-10 s per test server (WASM start and initdb), which is why every
//   test no longer runs on it: the whole suite twice took 28 minutes on two cores.
// Tests named *.postgres.test.ts need PostgreSQL itself (server processes, connections dropped by the
// database): the smoke pass never collects them.
const onPglite = process.env.JITSUMEI_TEST_DB === "pglite";
export const pgliteSmoke = [
  "apps/server/src/db/pglite.test.ts",
  "apps/server/test/journey.test.ts",
  "apps/server/test/postpaid-journey.test.ts",
  "apps/server/test/esim.test.ts",
  "apps/server/test/backup-restore.test.ts",
  "apps/server/test/cli.test.ts",
  "apps/server/test/encryption.test.ts",
  "apps/server/test/my-number.test.ts",
  "apps/server/test/refused-start.test.ts",
  "apps/server/test/hardening.test.ts",
];
// The slowest files, slowest first (worker seconds measured on two loaded cores, issue #23): a worker
// takes the next file when it is done, so a long file started last would leave the other core idle for
// its whole length. A clean clone has no record of earlier runs (vitest then starts the largest files
// first, and several slow files are small), hence this list, kept by hand; the other files follow in
// vitest's own order.
export const slowestFirst = [
  "apps/web/test/site.browser.test.ts",
  "apps/console/test/every-page.browser.test.ts",
  "apps/web/test/selfie-journey.browser.test.ts",
  "apps/web/test/live-selfie.browser.test.ts",
  "apps/console/test/shipping.browser.test.ts",
  "apps/server/test/authorization.test.ts",
  "apps/server/test/crash-safety.postgres.test.ts",
  "apps/console/test/console.browser.test.ts",
  "apps/web/test/journeys.browser.test.ts",
  "apps/web/test/digital-auth.browser.test.ts",
  "apps/web/test/words.browser.test.ts",
  // 25-50 s each in a clean-clone run of 2026-12-05 (one of them started last costs as much)
  "apps/server/test/two-servers.test.ts",
  "packages/evidence/src/hostile-input.property.test.ts",
  "apps/server/test/backup-restore.test.ts",
  "apps/server/test/retail.test.ts",
  "apps/server/test/encryption.test.ts",
  "apps/server/test/cli.test.ts",
  "apps/server/test/postpaid-journey.test.ts",
  "apps/web/test/reader.browser.test.ts",
  "apps/server/test/three-servers.postgres.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = slowestFirst.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
      return at < 0 ? slowestFirst.length : at;
    };
    // Array.prototype.sort is stable: the files off the list keep vitest's order among themselves.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

const everything = [
  "packages/*/src/**/*.test.ts",
  "apps/*/test/**/*.test.ts",
  "apps/*/src/**/*.test.ts",
  "scripts/**/*.test.ts",
];

export default defineConfig({
  test: {
    include: onPglite ? pgliteSmoke : everything,
    // pglite.test.ts tests the embedded database itself: the smoke pass runs it, the main pass need not.
    exclude: [
      ...configDefaults.exclude,
      ...(onPglite ? ["**/*.postgres.test.ts"] : ["apps/server/src/db/pglite.test.ts"]),
    ],
    // `npm test -- <file>` filters both passes; a file that belongs to one pass finds nothing in the other.
    passWithNoTests: true,
    pool: "forks",
    // A worker keeps its loaded modules from one file to the next: loading the server's module graph
    // again for each file cost ~200 s of the two cores' time (imports 199 s → 29 s). Test files share
    // nothing else: each starts its own server on its own database, and the two that set process.env
    // for a CLI command put it back.
    isolate: false,
    // Three files at a time on the two cores: a test file spends much of its time waiting on what the
    // machine does not count against it (a fake camera's seconds of video, a killed server's restart,
    // a mail or webhook retry's delay), and a third file uses the cores meanwhile.
    maxWorkers: 3,
    sequence: { sequencer: SlowestFirst },
    globalSetup: [
      "packages/evidence/src/fixtures/global-setup.ts",
      "apps/server/test/support/postgres-global-setup.ts",
      "apps/server/test/support/signing-global-setup.ts",
    ],
    // scripts/count-assertions.mjs counts each test's assertions through this setup file.
    setupFiles: process.env.JITSUMEI_COUNT_ASSERTIONS ? ["scripts/count-assertions-setup.ts"] : [],
    // A spawned `jitsumei` (bin/jitsumei.js) runs the compiled server in dist/ when it is not older than
    // any source file, as production does, and the sources through tsx otherwise: `npm test` builds it
    // just before the tests, so the spawned servers and commands run the code under test without
    // loading ~300 modules through tsx each time (2.5 s less CPU a start); a single file run after an
    // edit without `npm run build` runs the sources. compiled-build.postgres.test.ts builds and runs
    // a build of its own.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
