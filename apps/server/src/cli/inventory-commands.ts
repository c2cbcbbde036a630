import { createReadStream, existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { type InventoryKind, importInventory, inventoryKinds } from "../inventory/import-inventory.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, UsageError } from "./io.ts";

/**
 * `jitsumei inventory import --kind sim|msisdn|esim FILE [--skip-invalid]`: adds stock from a CSV
 * file. Every bad line goes to stderr ("line N: reason"); a file with any bad line imports nothing
 * (exit 1) unless --skip-invalid. The summary is JSON on stdout; progress lines go to stderr.
 */
export async function inventoryImportCommand(args: string[], io: Io): Promise<number> {
  const { values: o, positionals } = parseFileOptions(args);
  if (!o.kind || !(inventoryKinds as readonly string[]).includes(o.kind)) {
    throw new UsageError(`inventory import needs --kind ${inventoryKinds.join("|")}`);
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError("inventory import needs exactly one FILE");
  if (!existsSync(file)) {
    io.err(`jitsumei: ${file}: no such file\n`);
    return EXIT.no;
  }
  const skipInvalid = o["skip-invalid"] === true;
  const report = await withDatabase((db) =>
    importInventory(db, {
      kind: o.kind as InventoryKind,
      csv: createReadStream(file),
      skipInvalid,
      actor: "cli",
      onProgress: (p) => io.err(`${p.phase}: ${p.rows}${p.total !== null ? ` of ${p.total}` : ""} rows`),
    }),
  );
  for (const e of report.errors) io.err(`${file}: line ${e.line}: ${e.reason}`);
  io.out(JSON.stringify({ ...report, errors: report.errors.length }));
  return report.rejected ? EXIT.no : EXIT.ok;
}

/** Like main.ts's parseOptions, with the file named as a positional argument. */
function parseFileOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { kind: { type: "string" }, "skip-invalid": { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
