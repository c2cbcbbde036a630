#!/usr/bin/env node
// CI's dependency checks (issue #21, finding 13; ASVS 1.14.3, 14.2.1, 14.2.5):
// 1. `npm audit --omit=dev`: fails on a high or critical advisory in what production installs, unless
//    the advisory is listed with its reason in .ci/audit-exceptions.json. When the registry's audit
//    endpoint cannot be reached (offline, a mirror without it), it says so and does not fail: the
//    build is not the place to learn that the network is down.
// 2. A CycloneDX SBOM of the production dependencies (`npm sbom`, from the lock file, no network),
//    written to .tmp/sbom.cdx.json (or the path given as the first argument): git and the formatter
//    leave .tmp/ alone.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(import.meta.dirname, "..");
const sbomPath = process.argv[2] ?? join(root, ".tmp", "sbom.cdx.json");
const exceptions = JSON.parse(readFileSync(join(root, ".ci", "audit-exceptions.json"), "utf8")).exceptions;

let failed = false;
const audit = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
let report = null;
try {
  report = JSON.parse(audit.stdout);
} catch {
  report = null;
}
if (!report?.metadata?.vulnerabilities) {
  const why =
    report?.message ?? (audit.error ? audit.error.message : (audit.stderr || "no answer").trim().split("\n")[0]);
  process.stdout.write(`npm audit: SKIPPED, the registry's audit endpoint could not be reached (${why})\n`);
} else {
  const serious = Object.values(report.vulnerabilities).filter(
    (v) => v.severity === "high" || v.severity === "critical",
  );
  const excused = (v) =>
    v.via.every(
      (via) =>
        typeof via === "object" && exceptions.some((e) => e.advisory === via.url || e.advisory === String(via.source)),
    );
  const open = serious.filter((v) => !excused(v));
  const counts = report.metadata.vulnerabilities;
  process.stdout.write(
    `npm audit: ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low in production dependencies; ${serious.length - open.length} high/critical excused by .ci/audit-exceptions.json\n`,
  );
  for (const v of open) process.stdout.write(`  ${v.severity}: ${v.name} (${v.range})\n`);
  if (open.length > 0) failed = true;
}

const sbom = spawnSync("npm", ["sbom", "--sbom-format", "cyclonedx", "--omit", "dev"], {
  cwd: root,
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
if (sbom.status !== 0) {
  process.stdout.write(`SBOM: npm sbom failed: ${sbom.stderr.trim().split("\n")[0]}\n`);
  failed = true;
} else {
  const bom = JSON.parse(sbom.stdout);
  mkdirSync(dirname(sbomPath), { recursive: true });
  writeFileSync(sbomPath, sbom.stdout);
  process.stdout.write(
    `SBOM: CycloneDX ${bom.specVersion}, ${bom.components.length} components, written to ${sbomPath}\n`,
  );
}
process.exit(failed ? 1 : 0);
