import type { Selectable } from "kysely";
import { canonicalJson } from "../crypto/canonical-json.ts";
import type { Queryable } from "../db/database.ts";
import type { AuditEntries, AuditHead } from "../db/schema.ts";

/**
 * The SQL of the audit trail (`audit_entries`, chained from `audit_head`): the one statement that
 * appends, and the reads that verify. audit-chain.ts decides when entries are appended and checks the
 * hashes.
 */

/** What an entry says (the chain adds its sequence number, time and hashes). */
export type AuditEntryInput = {
  actor: string; // "applicant", "system", "staff:<id>", "cli"
  action: string; // e.g. "application.transition", "application.particulars_updated"
  subject: string | null;
  data: Record<string, unknown>;
};

// A number RFC 8785 writes as these digits, standing in for the sequence number until it is known.
const SEQ_PLACEHOLDER = `"seq":${Number.MAX_SAFE_INTEGER}`;

/**
 * One statement that locks the head, appends the entries in order and moves the head: the head's
 * lock is then held for this statement and the COMMIT only, with no round trip through the server
 * in between. The hashes are those of `entryHash`, computed by PostgreSQL's sha256(): the canonical
 * JSON is made here around the sequence number (which only the locked head decides) and completed
 * in SQL. `verifyAuditChain` recomputes every hash in JavaScript. Exported for the benchmark's raw
 * replay, which runs the same statement.
 */
export function auditAppendStatement(inputs: readonly AuditEntryInput[], at: string) {
  const columns: string[][] = [[], [], [], [], []];
  const subjects: (string | null)[] = [];
  for (const input of inputs) {
    const body = canonicalJson({
      seq: Number.MAX_SAFE_INTEGER,
      at,
      actor: input.actor,
      action: input.action,
      subject: input.subject,
      data: input.data,
    });
    // Keys are sorted (action, actor, at, data, seq, subject) and a quote inside a string is escaped,
    // so the last occurrence is the entry's own sequence number, not one inside its data.
    const i = body.lastIndexOf(SEQ_PLACEHOLDER);
    columns[0]?.push(body.slice(0, i + '"seq":'.length));
    columns[1]?.push(body.slice(i + SEQ_PLACEHOLDER.length));
    columns[2]?.push(input.actor);
    columns[3]?.push(input.action);
    columns[4]?.push(JSON.stringify(input.data));
    subjects.push(input.subject);
  }
  const sql = `WITH RECURSIVE head AS (SELECT seq, hash FROM audit_head FOR UPDATE),
  input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
      WITH ORDINALITY AS i (prefix, suffix, actor, action, data, subject, k)
  ),
  chain AS (
    SELECT 0::bigint AS k, seq, hash FROM head
    UNION ALL
    SELECT c.k + 1, c.seq + 1, sha256(c.hash || convert_to(i.prefix || (c.seq + 1)::text || i.suffix, 'UTF8'))
    FROM chain c JOIN input i ON i.k = c.k + 1
  ),
  appended AS (
    INSERT INTO audit_entries (seq, at, actor, action, subject, data, prev_hash, hash)
    SELECT c.seq, $7::timestamptz, i.actor, i.action, i.subject, i.data::jsonb, p.hash, c.hash
    FROM chain c JOIN input i ON i.k = c.k JOIN chain p ON p.k = c.k - 1
  )
  UPDATE audit_head SET seq = last.seq, hash = last.hash
  FROM (SELECT seq, hash FROM chain ORDER BY k DESC LIMIT 1) AS last
  RETURNING audit_head.seq`;
  return { sql, params: [...columns, subjects, at] };
}

/** Appends the entries in one statement; the number of heads moved (1, or 0 on an unmigrated database). */
export async function appendAuditEntries(
  tx: Queryable,
  inputs: readonly AuditEntryInput[],
  at: string,
): Promise<number> {
  const { sql, params } = auditAppendStatement(inputs, at);
  const moved = await tx.query(sql, params);
  return moved.rowCount;
}

export type AuditEntryRow = Pick<
  Selectable<AuditEntries>,
  "seq" | "at" | "actor" | "action" | "subject" | "prev_hash" | "hash"
> & { data: Record<string, unknown> };

/** A page of entries in order, from `seq` on. */
export async function selectAuditEntriesFrom(db: Queryable, seq: number, limit: number): Promise<AuditEntryRow[]> {
  const { rows } = await db.query<AuditEntryRow>(
    "SELECT seq, at, actor, action, subject, data, prev_hash, hash FROM audit_entries WHERE seq >= $1 ORDER BY seq LIMIT $2",
    [seq, limit],
  );
  return rows;
}

export async function selectAuditHead(db: Queryable): Promise<Pick<Selectable<AuditHead>, "seq" | "hash"> | null> {
  const { rows } = await db.query<Pick<Selectable<AuditHead>, "seq" | "hash">>("SELECT seq, hash FROM audit_head");
  return rows[0] ?? null;
}
