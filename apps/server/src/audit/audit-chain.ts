import { createHash } from "node:crypto";
import { canonicalJson } from "../crypto/canonical-json.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import {
  type AuditEntryInput,
  appendAuditEntries,
  selectAuditEntriesFrom,
  selectAuditHead,
} from "./audit-repository.ts";

/** Exported for the benchmark's raw replay, which runs the statement the chain appends with. */
export { auditAppendStatement } from "./audit-repository.ts";

/**
 * The audit trail: append-only and hash-chained. Entries never hold personal data: they name the
 * subject (an application reference) and what happened, with field names but not values.
 */
export type { AuditEntryInput };

export type AuditEntry = AuditEntryInput & { seq: number; at: string };

export function entryHash(prevHash: Buffer, entry: AuditEntry): Buffer {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    data: entry.data,
  });
  return createHash("sha256").update(prevHash).update(body, "utf8").digest();
}

// Entries waiting for their transaction's commit, by transaction.
const queued = new WeakMap<Queryable, AuditEntryInput[]>();

/**
 * Appends in the caller's transaction: the entry commits or rolls back with the change it records.
 * Inside a transaction the entries are queued and appended together just before COMMIT, in the
 * order given, by one statement: the head's lock (which serialises every append) is then held for
 * that statement and the commit, not for the rest of the transaction. In the onboarding benchmark
 * the lock was held about 97 % of the time when each entry was appended where it was made (a
 * submission ran its checks and reserved the SIM after its first entry).
 */
export async function appendAuditEntry(tx: Queryable, input: AuditEntryInput): Promise<void> {
  // A copy: the entry is what the data was when it was appended.
  const entry = { ...input, data: structuredClone(input.data) };
  if (!tx.beforeCommit) {
    await appendNow(tx, [entry]);
    return;
  }
  let entries = queued.get(tx);
  if (!entries) {
    const list: AuditEntryInput[] = [];
    entries = list;
    queued.set(tx, list);
    tx.beforeCommit(() => appendNow(tx, list));
  }
  entries.push(entry);
}

async function appendNow(tx: Queryable, inputs: readonly AuditEntryInput[]): Promise<void> {
  const moved = await appendAuditEntries(tx, inputs, new Date().toISOString());
  if (moved !== 1) throw new Error("audit_head is missing: the database was not migrated");
}

export type AuditVerification =
  | { valid: true; entries: number; headHash: string }
  | { valid: false; entries: number; firstBroken: { seq: number; reason: string } };

/** Recomputes the whole chain, in pages, and names the first entry that does not hold. */
export async function verifyAuditChain(db: Queryable, pageSize = 1000): Promise<AuditVerification> {
  let prevHash: Buffer = Buffer.alloc(32);
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await selectAuditEntriesFrom(db, expectedSeq, pageSize);
    for (const row of rows) {
      const seq = Number(row.seq);
      const broken = (reason: string): AuditVerification => ({
        valid: false,
        entries: count,
        firstBroken: { seq, reason },
      });
      if (seq !== expectedSeq)
        return { valid: false, entries: count, firstBroken: { seq: expectedSeq, reason: "missing" } };
      if (!toBuffer(row.prev_hash).equals(prevHash)) return broken("prev_hash does not match the previous entry");
      const hash = entryHash(prevHash, {
        seq,
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        data: row.data,
      });
      if (!toBuffer(row.hash).equals(hash)) return broken("content does not match its hash");
      prevHash = hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await selectAuditHead(db);
  if (!head || Number(head.seq) !== count || !toBuffer(head.hash).equals(prevHash)) {
    // The tail was removed (or the head edited): the chain ends before the head says it does.
    return {
      valid: false,
      entries: count,
      firstBroken: { seq: count + 1, reason: "missing (the head records more entries)" },
    };
  }
  return { valid: true, entries: count, headHash: prevHash.toString("hex") };
}
