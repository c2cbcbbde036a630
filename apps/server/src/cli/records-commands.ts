import { loadConfig } from "../config/config.ts";
import { localKeyManagement } from "../crypto/key-management.ts";
import { loadOrCreateMasterKey } from "../crypto/master-key.ts";
import { exportVerificationRecords, recordsToCsv } from "../records/export-verification-records.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./main.ts";

/** `jitsumei records export --format json|csv [--from YYYY-MM-DD] [--to YYYY-MM-DD]` (compliance). */
export async function recordsExportCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, {
    format: { type: "string", default: "json" },
    from: { type: "string" },
    to: { type: "string" },
  });
  if (o.format !== "json" && o.format !== "csv") throw new UsageError("--format must be json or csv");
  for (const [name, value] of [
    ["from", o.from],
    ["to", o.to],
  ] as const) {
    if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      throw new UsageError(`--${name} ${value}: not a date (YYYY-MM-DD)`);
    }
  }
  const config = loadConfig();
  const keys = localKeyManagement(
    loadOrCreateMasterKey(config.masterKey, config.dataDir, (m) => io.err(`WARNING: ${m}`)),
  );
  const records = await withDatabase((db) =>
    exportVerificationRecords({ db, keys }, { from: o.from ?? null, to: o.to ?? null, actor: "cli:records-export" }),
  );
  io.out(o.format === "csv" ? recordsToCsv(records) : JSON.stringify({ records }));
  return EXIT.ok;
}
