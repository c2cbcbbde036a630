/**
 * The database port. Two adapters implement it: PostgreSQL (pg pool) and embedded PostgreSQL
 * (PGlite). SQL is written by hand in the repositories and runs unchanged on both.
 */
export type Row = Record<string, unknown>;

export type Queryable = {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Only inside a transaction: runs `work` after the transaction's function has finished and just
   * before COMMIT, in order of registration. The audit chain appends there, so that its global lock
   * is held for a few statements instead of for the rest of the transaction.
   */
  beforeCommit?(work: () => Promise<void>): void;
};

/** The transaction's hooks, run in order (a hook may register another). */
export async function runBeforeCommit(hooks: readonly (() => Promise<void>)[]): Promise<void> {
  for (let i = 0; i < hooks.length; i++) await hooks[i]?.();
}

export type Database = Queryable & {
  readonly kind: "postgres" | "pglite";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`expected bytes, got ${typeof value}`);
}
