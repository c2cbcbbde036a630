import { loadConfig } from "../config/config.ts";
import { keysFromConfig } from "../crypto/key-ring.ts";
import { loggedProvisioning } from "../issuance/provisioning-log.ts";
import { policeReportCsv, policeRequestReport } from "../police/police-report.ts";
import { suspendOverdueLines } from "../police/suspend-overdue-lines.ts";
import { withDatabase } from "./database-commands.ts";
import { dateOption, EXIT, type Io, parseOptions, UsageError } from "./io.ts";
import { networkAdapter } from "./network-adapter.ts";

/** `jitsumei police report --format json|csv [--from YYYY-MM-DD] [--to YYYY-MM-DD]` (compliance). */
export async function policeReportCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, {
    format: { type: "string", default: "json" },
    from: { type: "string" },
    to: { type: "string" },
  });
  if (o.format !== "json" && o.format !== "csv") throw new UsageError("--format must be json or csv");
  if (o.from) dateOption("from", o.from);
  if (o.to) dateOption("to", o.to);
  const config = loadConfig();
  const rows = await withDatabase(async (db) =>
    policeRequestReport(db, await keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`)), {
      from: o.from ?? null,
      to: o.to ?? null,
      actor: "cli:police-report",
    }),
  );
  io.out(o.format === "csv" ? policeReportCsv(rows) : JSON.stringify({ items: rows }));
  return EXIT.ok;
}

/**
 * `jitsumei police sweep`: suspends the lines whose holders did not verify again by their police
 * request's deadline (the server runs it every 10 minutes). The network adapter is the configured one (JITSUMEI_ADAPTERS_MODULE).
 */
export async function policeSweepCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const config = loadConfig();
  const network = await networkAdapter(config, io);
  const result = await withDatabase(async (db) =>
    suspendOverdueLines(
      {
        db,
        keys: await keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`)),
        clock: () => new Date(),
        provisioning: loggedProvisioning(network, db),
        mailFrom: config.mail.from,
      },
      "cli:police-sweep",
    ),
  );
  io.out(JSON.stringify({ suspendedRequests: result.suspended, closedRequests: result.closed }));
  return EXIT.ok;
}
