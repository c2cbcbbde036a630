import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { BlocklistEntries } from "../db/schema.ts";

/**
 * The SQL the blocklist commands write and list (`blocklist_entries`); the fraud checks read it in
 * applications/fraud-checks-repository.ts. Entries are never deleted: removal is recorded.
 */

export async function insertBlocklistEntry(
  tx: Queryable,
  entry: { id: string; kind: string; valueIndex: Buffer; reason: string; addedBy: string },
): Promise<void> {
  await tx.query(
    "INSERT INTO blocklist_entries (id, kind, value_index, reason, added_by) VALUES ($1, $2, $3, $4, $5)",
    [entry.id, entry.kind, entry.valueIndex, entry.reason, entry.addedBy],
  );
}

export type BlocklistListRow = Pick<
  Selectable<BlocklistEntries>,
  "id" | "kind" | "reason" | "added_by" | "added_at" | "removed_by" | "removed_at"
>;

/** Every entry, removed ones too, oldest first (no value: only its blind index is stored). */
export async function selectBlocklistEntries(db: Queryable): Promise<BlocklistListRow[]> {
  const { rows } = await db.query<BlocklistListRow>(
    "SELECT id, kind, reason, added_by, added_at, removed_by, removed_at FROM blocklist_entries ORDER BY added_at, id",
  );
  return rows;
}

/** Marks the entry removed; false when it was not there or was removed already. */
export async function markBlocklistEntryRemoved(tx: Queryable, id: string, by: string): Promise<boolean> {
  const r = await tx.query(
    "UPDATE blocklist_entries SET removed_by = $2, removed_at = now() WHERE id = $1 AND removed_at IS NULL",
    [id, by],
  );
  return r.rowCount > 0;
}
