import { loadConfig } from "../config/config.ts";
import { keysFromConfig } from "../crypto/key-ring.ts";
import { rotateMasterKey } from "../crypto/rotate-master-key.ts";
import { migrate } from "../db/migrate.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei keys rotate [--batch N]`: re-wraps every data key under JITSUMEI_MASTER_KEY, reading the
 * old ones with JITSUMEI_PREVIOUS_MASTER_KEYS; the servers keep running. Prints what it re-wrapped
 * per table as JSON; run it again until the total is 0, then drop the previous keys.
 */
export async function keysRotateCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { batch: { type: "string", default: "200" } });
  if (!/^\d+$/.test(o.batch) || Number(o.batch) < 1 || Number(o.batch) > 10_000) {
    throw new UsageError("--batch must be a whole number from 1 to 10000");
  }
  const config = loadConfig();
  if (!config.masterKey) throw new UsageError("keys rotate needs JITSUMEI_MASTER_KEY (the new master key)");
  const report = await withDatabase(async (db) => {
    await migrate(db);
    const keys = await keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`));
    return rotateMasterKey({ db, keys }, { batchSize: Number(o.batch), actor: "cli:keys-rotate" });
  });
  io.out(JSON.stringify(report));
  return EXIT.ok;
}
