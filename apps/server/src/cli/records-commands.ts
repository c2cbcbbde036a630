import { loadConfig } from "../config/config.ts";
import { keysFromConfig } from "../crypto/key-ring.ts";
import { exportVerificationRecords, recordsToCsv } from "../records/export-verification-records.ts";
import { withDatabase } from "./database-commands.ts";
import { dateOption, EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/** `jitsumei records export --format json|csv [--from YYYY-MM-DD] [--to YYYY-MM-DD]` (compliance). */
export async function recordsExportCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, {
    format: { type: "string", default: "json" },
    from: { type: "string" },
    to: { type: "string" },
  });
  if (o.format !== "json" && o.format !== "csv") throw new UsageError("--format must be json or csv");
  if (o.from) dateOption("from", o.from);
  if (o.to) dateOption("to", o.to);
  const config = loadConfig();
  const records = await withDatabase(async (db) => {
    const keys = await keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`));
    return exportVerificationRecords(
      { db, keys },
      { from: o.from ?? null, to: o.to ?? null, actor: "cli:records-export" },
    );
  });
  io.out(o.format === "csv" ? recordsToCsv(records) : JSON.stringify({ records }));
  return EXIT.ok;
}
