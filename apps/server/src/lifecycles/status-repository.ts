import type { Queryable } from "../db/database.ts";

/**
 * The SQL of the one door for smaller stateful things (transition-status.ts): the subject's row,
 * locked, its status written, and the `status_events` row. Table and column names come from code
 * (the door's fixed table of subjects, and column names it checked), never from input.
 */

/** Locks the subject's row; its status, or null when there is no such row. */
export async function lockStatus<S extends string>(tx: Queryable, table: string, id: string): Promise<S | null> {
  const { rows } = await tx.query<{ status: S }>(`SELECT status FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0]?.status ?? null;
}

/** Writes the status and the step's other columns. */
export async function writeStatus(
  tx: Queryable,
  table: string,
  id: string,
  to: string,
  set: readonly (readonly [string, unknown])[],
): Promise<void> {
  await tx.query(
    `UPDATE ${table} SET status = $2${set.map(([column], i) => `, ${column} = $${i + 3}`).join("")} WHERE id = $1`,
    [id, to, ...set.map(([, value]) => value)],
  );
}

export async function insertStatusEvent(
  tx: Queryable,
  event: {
    kind: string;
    id: string;
    event: string;
    from: string;
    to: string;
    actor: string;
    data: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO status_events (subject_kind, subject_id, event, from_status, to_status, actor, data, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [event.kind, event.id, event.event, event.from, event.to, event.actor, JSON.stringify(event.data), event.at],
  );
}
