import { writeFileSync } from "node:fs";
import { type RetailChannel, retailChannels } from "@jitsumei/domain";
import { loadConfig } from "../config/config.ts";
import { keysFromConfig } from "../crypto/key-ring.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { batchLabelsPdf } from "../retail/batch-labels.ts";
import { batchCsv, batchWithCodes } from "../retail/batch-packages.ts";
import { createBatch } from "../retail/create-batch.ts";
import { createTopUpVouchers } from "../retail/top-up-vouchers.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./io.ts";

async function keysFor(io: Io, db: Database) {
  const config = loadConfig();
  const keys = await keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`));
  return { config, keys };
}

function countOption(value: string | undefined): number {
  if (!value || !/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--count ${value ?? ""}: a whole number ≥ 1`);
  return Number(value);
}

/**
 * `jitsumei packages create --plan ID --channel airport|konbini|shop --count N --out FILE.csv`: a batch
 * of retail packages, each bound to a SIM card or eSIM profile from stock. The CSV (codes, links,
 * ICCIDs) goes to FILE; progress to stderr; the batch's id as JSON on stdout.
 */
export async function packagesCreateCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, {
    plan: { type: "string" },
    channel: { type: "string" },
    count: { type: "string" },
    out: { type: "string" },
  });
  if (!o.plan || !o.out) throw new UsageError("packages create needs --plan ID --channel C --count N --out FILE.csv");
  if (!o.channel || !(retailChannels as readonly string[]).includes(o.channel)) {
    throw new UsageError(`packages create needs --channel ${retailChannels.join("|")}`);
  }
  const count = countOption(o.count);
  const out = o.out;
  const result = await withDatabase(async (db) => {
    await migrate(db);
    const { config, keys } = await keysFor(io, db);
    const created = await createBatch(
      { db, keys },
      {
        planId: o.plan ?? "",
        channel: o.channel as RetailChannel,
        count,
        actor: "cli",
        // A line per chunk (500 packages) for large batches; small ones finish before anyone looks.
        onProgress: (done, total) => {
          if (total > 500) io.err(`packages: ${done} of ${total} (${Math.floor((100 * done) / total)}%)`);
        },
      },
    );
    const batch = await batchWithCodes({ db, keys, publicUrl: config.publicUrl }, created.batchId);
    writeFileSync(out, batchCsv(batch), { mode: 0o600 });
    return created;
  });
  io.out(JSON.stringify({ ...result, out }));
  return EXIT.ok;
}

/** `jitsumei packages labels --batch ID --out FILE.pdf`: the batch's label sheet (QR, code, plan in ja/en/zh). */
export async function packagesLabelsCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { batch: { type: "string" }, out: { type: "string" } });
  if (!o.batch || !o.out) throw new UsageError("packages labels needs --batch ID --out FILE.pdf");
  const pdf = await withDatabase(async (db) => {
    const { config, keys } = await keysFor(io, db);
    return batchLabelsPdf(await batchWithCodes({ db, keys, publicUrl: config.publicUrl }, o.batch ?? ""));
  });
  writeFileSync(o.out, pdf, { mode: 0o600 });
  io.out(JSON.stringify({ batchId: o.batch, out: o.out, bytes: pdf.length }));
  return EXIT.ok;
}

/** `jitsumei vouchers create --plan ID --count N --out FILE.csv`: top-up vouchers; their codes exist only in FILE. */
export async function vouchersCreateCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { plan: { type: "string" }, count: { type: "string" }, out: { type: "string" } });
  if (!o.plan || !o.out) throw new UsageError("vouchers create needs --plan ID --count N --out FILE.csv");
  const count = countOption(o.count);
  const created = await withDatabase(async (db) => {
    await migrate(db);
    const { keys } = await keysFor(io, db);
    return createTopUpVouchers({ db, keys }, { planId: o.plan ?? "", count, actor: "cli" });
  });
  writeFileSync(o.out, `voucher_code,plan_id\n${created.codes.map((c) => `${c},${created.planId}`).join("\n")}\n`, {
    mode: 0o600,
  });
  io.out(JSON.stringify({ planId: created.planId, count: created.codes.length, out: o.out }));
  return EXIT.ok;
}
