import type { Selectable } from "kysely";
import type { Queryable, Row } from "../db/database.ts";
import type { KeyMaterial } from "../db/schema.ts";

/**
 * Wrapped keys at rest: the key ring's own material (key_material) and, for a master-key rotation,
 * every column that holds a wrapped data key (tables and columns named by rotate-master-key.ts's
 * compile-time list, never by input).
 */

/** Stores the purpose's wrapped key unless one is there already (two processes starting at once). */
export async function insertKeyMaterialOnce(db: Queryable, purpose: string, wrapped: Buffer): Promise<void> {
  await db.query("INSERT INTO key_material (purpose, wrapped) VALUES ($1, $2) ON CONFLICT (purpose) DO NOTHING", [
    purpose,
    wrapped,
  ]);
}

export async function findKeyMaterial(db: Queryable, purpose: string): Promise<unknown> {
  const { rows } = await db.query<Pick<Selectable<KeyMaterial>, "wrapped">>(
    "SELECT wrapped FROM key_material WHERE purpose = $1",
    [purpose],
  );
  return rows[0]?.wrapped;
}

export type WrappedColumn = { table: string; column: string; keyColumns: readonly string[] };

/**
 * The next batch of rows, in key order after `after`, whose wrapped key does not carry `tag` at
 * `offset`: their key columns and the column's value (as `value`).
 */
export async function rowsNotUnderKey(
  db: Queryable,
  target: WrappedColumn,
  input: { tag: Buffer; offset: number; after: unknown[] | null; batchSize: number },
): Promise<Row[]> {
  const keys = target.keyColumns.join(", ");
  const placeholders = target.keyColumns.map((_, i) => `$${i + 2}`).join(", ");
  const { after, offset, tag, batchSize } = input;
  const { rows } = await db.query(
    `SELECT ${keys}, ${target.column} AS value FROM ${target.table}
          WHERE ${target.column} IS NOT NULL AND length(${target.column}) > 0
            AND substring(${target.column} from ${offset} for ${tag.length}) IS DISTINCT FROM $1
            ${after ? `AND (${keys}) > (${placeholders})` : ""}
          ORDER BY ${keys} LIMIT ${batchSize}`,
    [tag, ...(after ?? [])],
  );
  return rows;
}

/** Replaces the value where it is still `old` (a value changed meanwhile is left); returns rows changed. */
export async function replaceWrappedValue(
  tx: Queryable,
  target: WrappedColumn,
  u: { old: Buffer; value: Buffer; key: unknown[] },
): Promise<number> {
  const where = target.keyColumns.map((k, i) => `${k} = $${i + 3}`).join(" AND ");
  const r = await tx.query(
    `UPDATE ${target.table} SET ${target.column} = $1 WHERE ${where} AND ${target.column} = $2`,
    [u.value, u.old, ...u.key],
  );
  return r.rowCount;
}
