/**
 * A status table: for each status, the events it accepts and where each leads. The tables of the
 * smaller stateful things (police request, holder change, deletion request, retail package) have
 * this shape; the server applies them through one door each, which locks the row, asks the table,
 * writes the status, the event and the audit entry in one transaction.
 */
export type StatusTable<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

/** The status after `event`, or null when `status` does not accept it. */
export function nextInTable<S extends string, E extends string>(
  table: StatusTable<S, E>,
  status: S,
  event: E,
): S | null {
  return table[status][event] ?? null;
}
