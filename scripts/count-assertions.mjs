#!/usr/bin/env node
// Counts the suite's assertions per test file, with the tests and the time they took, so that a change
// meant to make the suite faster can show it lost no assertion.
//
//   node scripts/count-assertions.mjs --out before.json [--db postgres|pglite] [--each] [files…]
//     runs vitest (on PostgreSQL unless --db says otherwise) over the files (all of them when none is
//     named) and writes, per file: tests passed and failed, assertions (scripts/count-assertions-setup.ts
//     sums vitest's own count per test), vitest's duration of the file; with --each, every file runs alone
//     in its own vitest, and its wall time and CPU seconds (user + system of vitest and everything it
//     waited for: its workers, the browser, child commands; not the PostgreSQL server's own processes)
//     are written too: on a shared machine, compare CPU, not wall time.
//   node scripts/count-assertions.mjs --compare before.json after.json
//     prints both side by side and fails when a file lost a test or an assertion.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);

/** CPU seconds (user + system) of the children this process has waited for, from /proc. */
function childrenCpuSeconds() {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 16 and 17 of proc(5) (cutime, cstime), counted from the state, field 3; in clock ticks.
  const ticks = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim();
  return (Number(fields[13]) + Number(fields[14])) / Number(ticks || 100);
}

function runVitest(files, db) {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-count-"));
  const counts = join(dir, "assertions.jsonl");
  const report = join(dir, "report.json");
  writeFileSync(counts, "");
  const cpuBefore = childrenCpuSeconds();
  const started = Date.now();
  spawnSync(
    join(root, "node_modules", ".bin", "vitest"),
    ["run", "--reporter=dot", "--reporter=json", `--outputFile.json=${report}`, ...files],
    { cwd: root, stdio: "inherit", env: { ...process.env, JITSUMEI_TEST_DB: db, JITSUMEI_COUNT_ASSERTIONS: counts } },
  );
  const wallSeconds = (Date.now() - started) / 1000;
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  const result = {};
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    for (const file of json.testResults) {
      result[relative(root, file.name)] = {
        passed: file.assertionResults.filter((t) => t.status === "passed").length,
        failed: file.assertionResults.filter((t) => t.status === "failed").length,
        fileStatus: file.status,
        assertions: 0,
        durationSeconds: (file.endTime - file.startTime) / 1000,
      };
    }
    for (const line of readFileSync(counts, "utf8").split("\n").filter(Boolean)) {
      const { file, assertions } = JSON.parse(line);
      const entry = result[relative(root, file)];
      if (entry) entry.assertions += assertions;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { result, wallSeconds, cpuSeconds };
}

function totals(files) {
  const sum = { files: 0, passed: 0, failed: 0, assertions: 0, durationSeconds: 0, cpuSeconds: 0 };
  for (const f of Object.values(files)) {
    sum.files++;
    sum.passed += f.passed;
    sum.failed += f.failed;
    sum.assertions += f.assertions;
    sum.durationSeconds += f.durationSeconds;
    sum.cpuSeconds += f.cpuSeconds ?? 0;
  }
  return sum;
}

if (args[0] === "--compare") {
  const [before, after] = args.slice(1, 3).map((path) => JSON.parse(readFileSync(path, "utf8")));
  const names = [...new Set([...Object.keys(before.files), ...Object.keys(after.files)])].sort();
  let lost = 0;
  const row = (...cells) => process.stdout.write(`${cells.map(String).join("\t")}\n`);
  row("file", "tests", "", "assertions", "", "duration s", "", "cpu s", "");
  for (const name of names) {
    const b = before.files[name] ?? { passed: 0, assertions: 0, durationSeconds: 0 };
    const a = after.files[name] ?? { passed: 0, assertions: 0, durationSeconds: 0 };
    const worse = a.passed < b.passed || a.assertions < b.assertions;
    if (worse) lost++;
    row(
      `${worse ? "LOST " : ""}${name}`,
      b.passed,
      a.passed,
      b.assertions,
      a.assertions,
      b.durationSeconds.toFixed(1),
      a.durationSeconds.toFixed(1),
      (b.cpuSeconds ?? 0).toFixed(1),
      (a.cpuSeconds ?? 0).toFixed(1),
    );
  }
  const [tb, ta] = [totals(before.files), totals(after.files)];
  row(
    "total",
    tb.passed,
    ta.passed,
    tb.assertions,
    ta.assertions,
    tb.durationSeconds.toFixed(1),
    ta.durationSeconds.toFixed(1),
    tb.cpuSeconds.toFixed(1),
    ta.cpuSeconds.toFixed(1),
  );
  if (lost > 0) process.stdout.write(`${lost} file(s) lost a test or an assertion\n`);
  process.exitCode = lost > 0 ? 1 : 0;
} else {
  const take = (flag) => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    return args.splice(i, 2)[1];
  };
  const out = take("--out");
  const db = take("--db") ?? "postgres";
  const eachAt = args.indexOf("--each");
  const each = eachAt >= 0;
  if (each) args.splice(eachAt, 1);
  if (!out) {
    process.stderr.write("usage: count-assertions.mjs --out FILE [--db postgres|pglite] [--each] [files…]\n");
    process.exit(2);
  }
  const files = {};
  if (each) {
    for (const file of args) {
      const { result, wallSeconds, cpuSeconds } = runVitest([file], db);
      for (const [name, entry] of Object.entries(result)) files[name] = { ...entry, wallSeconds, cpuSeconds };
    }
  } else Object.assign(files, runVitest(args, db).result);
  writeFileSync(
    out,
    `${JSON.stringify({ db, at: new Date().toISOString(), totals: totals(files), files }, null, 2)}\n`,
  );
  process.stdout.write(`${JSON.stringify(totals(files))}\n`);
}
