import { duePurges, markContractEnded, purgeDue, setLegalHold } from "../records/retention.ts";
import { withDatabase } from "./database-commands.ts";
import { dateOption, EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/** `jitsumei purge [--dry-run] [--at YYYY-MM-DD]`: destroys what is due (crypto-shredding). */
export async function purgeCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { "dry-run": { type: "boolean", default: false }, at: { type: "string" } });
  const at = o.at ? dateOption("at", o.at) : new Date();
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
  io.out(
    JSON.stringify(
      await withDatabase((db) => markContractEnded(db, reference, o.at ? dateOption("at", o.at) : new Date(), "cli")),
    ),
  );
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
