import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database, Row } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import type { KeyManagement } from "./key-management.ts";
import { replaceWrappedValue, rowsNotUnderKey } from "./key-material-repository.ts";
import { keyMaterialContext } from "./key-ring.ts";

/**
 * Every stored wrapped key: where it is, how its row is named, the context it was wrapped for, and
 * whether it is bare (a wrapped key column) or the head of a standalone value (len(2) ‖ wrapped ‖
 * sealed data, see envelope.ts). A new place that wraps a key must be added here, or the rotation
 * leaves it under the old master key (the rotation test finds such a value by the old key's id).
 */
type WrappedKeyColumn = {
  table: string;
  column: string;
  keyColumns: readonly string[];
  context(row: Row): string;
  standalone: boolean;
};

export const wrappedKeyColumns: readonly WrappedKeyColumn[] = [
  {
    table: "key_material",
    column: "wrapped",
    keyColumns: ["purpose"],
    context: (r) => keyMaterialContext(String(r.purpose)),
    standalone: false,
  },
  {
    table: "applications",
    column: "wrapped_data_key",
    keyColumns: ["id"],
    context: (r) => `application:${r.id}`,
    standalone: false,
  },
  {
    table: "retail_batches",
    column: "wrapped_seed",
    keyColumns: ["id"],
    context: (r) => `retail-batch:${r.id}`,
    standalone: false,
  },
  { table: "mail_outbox", column: "content_enc", keyColumns: ["id"], context: (r) => `mail:${r.id}`, standalone: true },
  { table: "sms_outbox", column: "content_enc", keyColumns: ["id"], context: (r) => `sms:${r.id}`, standalone: true },
  { table: "staff", column: "totp_secret_enc", keyColumns: ["id"], context: (r) => `totp:${r.id}`, standalone: true },
  {
    table: "webhook_endpoints",
    column: "secret_enc",
    keyColumns: ["id"],
    context: (r) => `webhook-secret:${r.id}`,
    standalone: true,
  },
  {
    table: "police_requests",
    column: "authority_enc",
    keyColumns: ["id"],
    context: (r) => `police:${r.id}`,
    standalone: true,
  },
  {
    table: "idempotency_keys",
    column: "response_enc",
    keyColumns: ["principal", "key"],
    context: (r) => `idempotency:${r.principal}:${r.key}`,
    standalone: true,
  },
];

export type RotationReport = { rewrapped: Record<string, number>; total: number; currentKeyTag: string };

/**
 * `jitsumei keys rotate`: re-wraps every data key not yet under the current master key, while the
 * servers keep running. Each batch is one short transaction; a row is rewritten only if its wrapped
 * key is still the one read (compare-and-set), so a concurrent purge or write is never overwritten
 * and nothing waits on the rotation's locks. Only the wrapped key changes: the data it protects is
 * not re-encrypted (its data key stays the same), which is why a rotation takes minutes, not hours.
 * Run again until it reports 0 (values written meanwhile by a server still on the old key).
 */
export async function rotateMasterKey(
  deps: { db: Database; keys: KeyManagement },
  options: { batchSize?: number; actor?: string } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 200;
  const tag = deps.keys.currentKeyTag;
  const rewrapped: Record<string, number> = {};
  for (const target of wrappedKeyColumns) {
    const offset = target.standalone ? 3 : 1; // SQL substrings count from 1
    let after: unknown[] | null = null;
    let count = 0;
    for (;;) {
      const rows = await rowsNotUnderKey(deps.db, target, { tag, offset, after, batchSize });
      if (rows.length === 0) break;
      count += await rewrapBatch(deps, target, rows);
      const last = rows[rows.length - 1] as Row;
      after = target.keyColumns.map((k) => last[k]);
    }
    rewrapped[target.table] = count;
  }
  const total = Object.values(rewrapped).reduce((a, b) => a + b, 0);
  const report = { rewrapped, total, currentKeyTag: tag.toString("hex") };
  // The key's public id, never the key: enough to tell which rotation an entry records.
  await appendAuditEntry(deps.db, {
    actor: options.actor ?? "cli",
    action: "keys.rotated",
    subject: null,
    data: report,
  });
  return report;
}

async function rewrapBatch(
  deps: { db: Database; keys: KeyManagement },
  target: WrappedKeyColumn,
  rows: readonly Row[],
): Promise<number> {
  const updates: { old: Buffer; value: Buffer; key: unknown[] }[] = [];
  for (const row of rows) {
    const value = toBuffer(row.value);
    const context = target.context(row);
    const start = target.standalone ? 2 : 0;
    const length = target.standalone ? value.readUInt16BE(0) : value.length;
    const oldWrapped = value.subarray(start, start + length);
    const newWrapped = await deps.keys.wrapDataKey(await deps.keys.unwrapDataKey(oldWrapped, context), context);
    // A standalone value keeps its layout: the new wrapped key's length, the key, the sealed data as it was.
    const head = Buffer.alloc(start);
    if (target.standalone) head.writeUInt16BE(newWrapped.length, 0);
    updates.push({
      old: value,
      value: Buffer.concat([head, newWrapped, value.subarray(start + length)]),
      key: target.keyColumns.map((k) => row[k]),
    });
  }
  return deps.db.transaction(async (tx) => {
    let done = 0;
    for (const u of updates) {
      done += await replaceWrappedValue(tx, target, u);
    }
    return done;
  });
}
