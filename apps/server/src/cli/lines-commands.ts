import { loadConfig } from "../config/config.ts";
import { keysFromConfig } from "../crypto/key-ring.ts";
import { migrate } from "../db/migrate.ts";
import { loggedProvisioning } from "../issuance/provisioning-log.ts";
import { sweepLines } from "../keep-alive/sweep-lines.ts";
import { withDatabase } from "./database-commands.ts";
import { dateOption, EXIT, type Io, parseOptions } from "./io.ts";
import { networkAdapter } from "./network-adapter.ts";

/**
 * `jitsumei lines sweep [--at YYYY-MM-DD]`: runs the prepaid keep-alive sweep once (the server queues
 * it every 10 minutes): reminders, receive-only, suspension, termination. Mail and SMS wait in their
 * outboxes for the server's worker. Prints the counts as JSON.
 */
export async function linesSweepCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { at: { type: "string" } });
  const at = o.at ? dateOption("at", o.at) : new Date();
  const config = loadConfig();
  const network = await networkAdapter(config, io);
  const report = await withDatabase(async (db) => {
    await migrate(db);
    const keys = await keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`));
    return sweepLines(
      {
        db,
        keys,
        provisioning: loggedProvisioning(network, db),
        quarantineDays: config.numberQuarantineDays,
        mailFrom: config.mail.from,
      },
      { at },
    );
  });
  io.out(JSON.stringify(report));
  return EXIT.ok;
}
