import { duePurges, markContractEnded, purgeDue, setLegalHold } from "../records/retention.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./main.ts";

function dateOption(name: string, value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${name} ${value}: not a date (YYYY-MM-DD)`);
  }
  return date;
}

/** `jitsumei purge [--dry-run] [--at YYYY-MM-DD]`: destroys what is due (crypto-shredding). */
export async function purgeCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { "dry-run": { type: "boolean", default: false }, at: { type: "string" } });
  const at = dateOption("at", o.at);
  const result = await withDatabase((db) => (o["dry-run"] ? duePurges(db, at) : purgeDue(db, at, "cli:purge")));
  io.out(
    JSON.stringify({
      at: at.toISOString(),
      dryRun: Boolean(o["dry-run"]),
      purged: o["dry-run"] ? [] : result,
      due: result,
    }),
  );
  return EXIT.ok;
}

/** `jitsumei records contract-ended --reference REF [--at YYYY-MM-DD]`: the retention clock starts. */
export async function contractEndedCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { reference: { type: "string" }, at: { type: "string" } });
  if (!o.reference) throw new UsageError("records contract-ended needs --reference");
  const reference = o.reference;
  io.out(JSON.stringify(await withDatabase((db) => markContractEnded(db, reference, dateOption("at", o.at), "cli"))));
  return EXIT.ok;
}

/** `jitsumei records hold|release --reference REF --reason TEXT`: a legal hold blocks the purge. */
export function legalHoldCommand(hold: boolean) {
  return async (args: string[], io: Io): Promise<number> => {
    const o = parseOptions(args, { reference: { type: "string" }, reason: { type: "string" } });
    if (!o.reference || !o.reason)
      throw new UsageError(`records ${hold ? "hold" : "release"} needs --reference and --reason`);
    const { reference, reason } = o;
    io.out(JSON.stringify(await withDatabase((db) => setLegalHold(db, reference, hold, reason, "cli"))));
    return EXIT.ok;
  };
}
