import { createHash } from "node:crypto";
import { canonicalJson } from "../crypto/canonical-json.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";

/**
 * The audit trail: append-only and hash-chained. Entries never hold personal data: they name the
 * subject (an application reference) and what happened, with field names but not values.
 */
export type AuditEntryInput = {
  actor: string; // "applicant", "system", "staff:<id>", "cli"
  action: string; // e.g. "application.transition", "application.particulars_updated"
  subject: string | null;
  data: Record<string, unknown>;
};

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

/** Appends in the caller's transaction: the entry commits or rolls back with the change it records. */
export async function appendAuditEntry(tx: Queryable, input: AuditEntryInput): Promise<AuditEntry> {
  // Locking the head serialises appends; call this last in a transaction to hold the lock briefly.
  const head = (await tx.query<{ seq: number; hash: unknown }>("SELECT seq, hash FROM audit_head FOR UPDATE")).rows[0];
  if (!head) throw new Error("audit_head is missing: the database was not migrated");
  const entry: AuditEntry = { ...input, seq: Number(head.seq) + 1, at: new Date().toISOString() };
  const prevHash = toBuffer(head.hash);
  const hash = entryHash(prevHash, entry);
  await tx.query(
    "INSERT INTO audit_entries (seq, at, actor, action, subject, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    [entry.seq, entry.at, entry.actor, entry.action, entry.subject, JSON.stringify(entry.data), prevHash, hash],
  );
  await tx.query("UPDATE audit_head SET seq = $1, hash = $2", [entry.seq, hash]);
  return entry;
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
    const { rows } = await db.query<{
      seq: number;
      at: Date;
      actor: string;
      action: string;
      subject: string | null;
      data: Record<string, unknown>;
      prev_hash: unknown;
      hash: unknown;
    }>(
      "SELECT seq, at, actor, action, subject, data, prev_hash, hash FROM audit_entries WHERE seq >= $1 ORDER BY seq LIMIT $2",
      [expectedSeq, pageSize],
    );
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
  const head = (await db.query<{ seq: number; hash: unknown }>("SELECT seq, hash FROM audit_head")).rows[0];
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
