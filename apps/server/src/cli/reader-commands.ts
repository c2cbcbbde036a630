import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChipRead, runReaderConformance } from "../reader/reader-conformance.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei reader-conformance --url URL [--chip DIR] [--handoff-url URL] [--expect-pass]`: the reader
 * contract's conformance test against a running server (docs/reader-contract.md). JSON report on
 * stdout; exit 0 when every step passed, 1 otherwise.
 */
export async function readerConformanceCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    url: { type: "string" },
    chip: { type: "string" },
    "handoff-url": { type: "string" },
    plan: { type: "string" },
    "expect-pass": { type: "boolean" },
  });
  if (!options.url || !/^https?:\/\//.test(options.url)) {
    throw new UsageError("reader-conformance needs --url http(s)://… (the server to test)");
  }
  let made: string | null = null;
  let dir = options.chip;
  if (!dir) {
    // No chip given: make a test chip here (openssl), signed by a country signing CA of its own. The
    // server will not trust it, so its checks say so; --expect-pass needs a chip whose CA it trusts.
    const { makeChipFixtures } = await import("../../../../packages/evidence/src/fixtures/make-chip-fixtures.ts");
    made = mkdtempSync(join(tmpdir(), "jitsumei-reader-conformance-"));
    dir = (await makeChipFixtures(made)).chips.rsa.dir;
  }
  try {
    const chip = readChipDir(dir);
    const report = await runReaderConformance({
      url: options.url,
      chip,
      ...(options.plan ? { planId: options.plan } : {}),
      ...(options["handoff-url"] ? { handoffUrl: options["handoff-url"] } : {}),
      expectChecksPass: options["expect-pass"] ?? false,
    });
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    for (const s of report.steps) io.err(`${s.ok ? "ok  " : "FAIL"} ${s.step}${s.ok ? "" : ` (${s.detail})`}\n`);
    return report.passed ? EXIT.ok : EXIT.no;
  } finally {
    if (made) rmSync(made, { recursive: true, force: true });
  }
}

/** A folder as a reader would have read a chip: sod.bin and dg1.bin … dg16.bin. */
function readChipDir(dir: string): ChipRead {
  const sod = join(dir, "sod.bin");
  if (!existsSync(sod) || !existsSync(join(dir, "dg1.bin"))) {
    throw new UsageError(`--chip ${dir}: needs sod.bin and dg1.bin (and dg2.bin …) as read from a chip`);
  }
  const dataGroups: Record<string, Buffer> = {};
  for (let n = 1; n <= 16; n++) {
    const file = join(dir, `dg${n}.bin`);
    if (existsSync(file)) dataGroups[String(n)] = readFileSync(file);
  }
  return { sod: readFileSync(sod), dataGroups };
}
