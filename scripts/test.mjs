#!/usr/bin/env node
// `npm test`: the static checks (lint and format, type checks, generated types current, links, import
// rules) side by side with the web apps' build and then vitest twice — every test on PostgreSQL
// (TEST_DATABASE_URL, default the local server), then a smoke pass of the journeys on the embedded
// database (PGlite; vitest.config.ts lists it) — and a closing line "N passed, N failed" over
// everything.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { missingMessage, missingTools } from "./system-tools.mjs";
import { defaultTestDatabaseUrl } from "./test-database-url.mjs";

const bin = (name) => join(import.meta.dirname, "..", "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const extraArgs = process.argv.slice(2);

const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

function step(name, command, args, env = {}) {
  process.stdout.write(`\n== ${name}\n`);
  const since = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  process.stdout.write(`== ${name}: ${seconds(since)}\n`);
  return result.status === 0;
}

/** `step` without blocking this process: the static checks' output is still read while vitest runs. */
function asyncStep(name, command, args, env = {}) {
  process.stdout.write(`\n== ${name}\n`);
  const since = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("close", (code) => {
      process.stdout.write(`== ${name}: ${seconds(since)}\n`);
      resolve(code === 0);
    });
  });
}

function checkStep(name, command, args) {
  if (step(name, command, args)) totals.passed++;
  else totals.failed++;
}

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    process.stdout.write(`PostgreSQL at ${url} is not reachable: ${error.message}\n`);
    return false;
  }
}

async function vitest(database) {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-vitest-"));
  const report = join(dir, "report.json");
  await asyncStep(
    `tests on ${database}`,
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extraArgs],
    { JITSUMEI_TEST_DB: database, JITSUMEI_TEST_FIXTURES_DIR: fixturesDir },
  );
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests;
    // A failed test counts once; a file that failed outside any test (an import error, a failing
    // hook) counts as one more. numFailedTestSuites would count every describe block around a failure.
    const brokenFiles = json.testResults.filter(
      (file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed"),
    ).length;
    totals.failed += json.numFailedTests + brokenFiles;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  } catch {
    process.stdout.write(`vitest on ${database} wrote no report: counted as one failure\n`);
    totals.failed++;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The system tools the tests run for real (scripts/system-tools.mjs, the list .ci/run installs from),
// named with their packages before a long run rather than failing one test at a time. In CI, .ci/run
// has installed them just before: what is still missing is said, and the run goes on.
const missing = missingTools();
if (missing.length > 0) {
  process.stdout.write(missingMessage(missing));
  if (process.env.CI !== "true") {
    process.stdout.write("\n0 passed, 1 failed\n");
    process.exit(1);
  }
}

// The static checks run side by side (the type checks are single-threaded), each printed when done.
function parallelChecks(checks) {
  return Promise.all(
    checks.map(
      ([name, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
          const output = [];
          child.stdout.on("data", (chunk) => output.push(chunk));
          child.stderr.on("data", (chunk) => output.push(chunk));
          child.on("close", (code) => {
            process.stdout.write(`\n== ${name}\n${Buffer.concat(output).toString("utf8")}`);
            if (code === 0) totals.passed++;
            else totals.failed++;
            resolve();
          });
        }),
    ),
  );
}

// The static checks run while the tests do (the build and the main pass start at once): the main pass
// leaves part of the two cores idle (a fake camera's video plays in real time, a killed server restarts,
// a retry waits), which the checks' type checks fill: on clean clones npm test took 649 s this way
// against 691 s with the checks first (the checks alone took 49 s).
let staticChecks = Promise.resolve();
if (extraArgs.length === 0) {
  const since = Date.now();
  staticChecks = parallelChecks([
    ["lint and format (biome)", bin("biome"), ["check", "."]],
    // The type check of tsconfig.json and "SQL only in each module's *-repository.ts files (and db/,
    // tests)" from one TypeScript program (scripts/sql-check.ts --type-check) instead of two.
    ["type check (tsc) and no SQL outside repositories", bin("tsx"), ["scripts/sql-check.ts", "--type-check"]],
    // The front ends' API contract (types and answer schemas) is generated from the server's OpenAPI document.
    ["API contract current (openapi-typescript, answer schemas)", bin("tsx"), ["scripts/api-types.ts", "--check"]],
    // The row types are generated from the migrated schema (scripts/db-types.ts; needs PostgreSQL).
    ["row types current (kysely-codegen)", bin("tsx"), ["scripts/db-types.ts", "--check"]],
    // Every relative link and anchor in the Markdown files resolves (scripts/check-links.ts).
    ["Markdown links resolve", bin("tsx"), ["scripts/check-links.ts"]],
    // No import cycles, and the front ends import nothing from the server's source (.dependency-cruiser.cjs).
    [
      "import rules (dependency-cruiser)",
      bin("depcruise"),
      ["packages", "apps", "examples", "bench", "--config", ".dependency-cruiser.cjs", "--output-type", "err"],
    ],
    ...["web", "console"].map((app) => [
      `type check apps/${app} (tsc)`,
      bin("tsc"),
      ["-p", `apps/${app}/tsconfig.json`, "--noEmit"],
    ]),
  ]).then(() => {
    process.stdout.write(`== static checks: ${seconds(since)}\n`);
  });
}
// The browser tests drive the production builds of the site and the console.
// `npm run build` also compiles the server (apps/server/build.mjs): the servers and commands the tests
// spawn run that build (bin/jitsumei.js runs the sources instead when a source file is newer).
checkStep("build the web apps (vite) and the server (esbuild)", "npm", ["run", "build", "--silent"]);
// The test fixtures made with openssl (evidence CAs and chips, the development sealing keys): made by
// the first pass's global setup, read by the second's (packages/evidence/src/fixtures/global-setup.ts).
const fixturesDir = mkdtempSync(join(tmpdir(), "jitsumei-test-fixtures-"));

const pgUrl = process.env.TEST_DATABASE_URL ?? defaultTestDatabaseUrl();
if (await postgresReachable(pgUrl)) await vitest("postgres");
else {
  process.stdout.write("The main pass needs PostgreSQL: start one or set TEST_DATABASE_URL. Counted as one failure.\n");
  totals.failed++;
}
await vitest("pglite");
rmSync(fixturesDir, { recursive: true, force: true });
await staticChecks;

// JITSUMEI_COUNT_ASSERTIONS=FILE: every test's assertions, appended to FILE by the workers
// (scripts/count-assertions-setup.ts), summed over both passes.
const countFile = process.env.JITSUMEI_COUNT_ASSERTIONS;
if (countFile) {
  const lines = existsSync(countFile) ? readFileSync(countFile, "utf8").split("\n").filter(Boolean) : [];
  const assertions = lines.reduce((sum, line) => sum + JSON.parse(line).assertions, 0);
  process.stdout.write(`\n${assertions} assertions in ${lines.length} tests (${countFile})\n`);
}
process.stdout.write(`npm test took ${seconds(started)}\n`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
