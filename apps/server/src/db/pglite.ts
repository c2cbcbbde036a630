import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Queryable, Row } from "./database.ts";

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in a folder. It admits one process at a
 * time, so opening it takes a lock file beside the folder; a second process gets a plain
 * EmbeddedDatabaseBusyError instead of a corrupted database.
 */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Jitsumei process (pid ${pid}), probably the server. ` +
        "Stop that process first, or run both against PostgreSQL by setting DATABASE_URL.",
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

export type PgliteDatabase = Database & {
  readonly kind: "pglite";
  /** The engine itself, for tools that take a PGlite (its pg_dump). */
  readonly pglite: PGlite;
};

/** `dataDir` null = in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<PgliteDatabase> {
  const release = dataDir ? takeLock(dataDir) : () => {};
  let pg: PGlite;
  try {
    if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
    pg = await PGlite.create(dataDir ?? undefined);
  } catch (error) {
    release();
    throw error;
  }

  const wrap = (q: Pick<PGlite, "query" | "exec">): Queryable => ({
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<R extends Row>(sql: string, params?: readonly unknown[]) {
      const result = await q.query<R>(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  });

  return {
    kind: "pglite",
    pglite: pg,
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pg.close();
      release();
    },
  };
}

function takeLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid))
        throw new EmbeddedDatabaseBusyError(dataDir, pid);
      // A lock left by a process that died: take it over.
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
