import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type Database, type Queryable, type Row, runBeforeCommit } from "./database.ts";

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

/**
 * `dataDir` null = in memory (tests). `loadDataDir`: start from a copy of another database's files
 * (PGlite's `dumpDataDir`) instead of an empty one. `sharedBuffers`: PostgreSQL's buffer cache, which
 * PGlite keeps in the process's own memory and touches whole at start (its default, 128MB, made a
 * third of an idle server's resident memory); PGlite's default when absent.
 */
export async function openPglite(
  dataDir: string | null,
  options: { loadDataDir?: Blob; sharedBuffers?: string } = {},
): Promise<PgliteDatabase> {
  const release = dataDir ? takeLock(dataDir) : () => {};
  let pg: PGlite;
  try {
    if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
    pg = await PGlite.create(dataDir ?? undefined, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(options.sharedBuffers
        ? { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${options.sharedBuffers}`] }
        : {}),
    });
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
    transaction: (fn) =>
      pg.transaction(async (tx) => {
        const hooks: (() => Promise<void>)[] = [];
        const result = await fn({ ...wrap(tx), beforeCommit: (work) => hooks.push(work) });
        await runBeforeCommit(hooks);
        return result;
      }),
    async close() {
      await pg.close();
      release();
    },
  };
}

/** Folders this process has open: a second open in the same process would corrupt them as surely. */
const openHere = new Set<string>();

/**
 * The lock file appears whole or not at all: it is written under a temporary name and linked into
 * place (link fails if the lock exists), so another process never reads a half-written pid. A lock
 * whose process has died is taken over by renaming it away first: of two processes racing for the
 * same stale lock, only one rename succeeds.
 */
function takeLock(dataDir: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  if (openHere.has(lockFile)) throw new EmbeddedDatabaseBusyError(dataDir, process.pid);
  mkdirSync(dirname(lockFile), { recursive: true });
  const temporary = `${lockFile}.${process.pid}.${Date.now()}`;
  writeFileSync(temporary, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temporary, lockFile);
        openHere.add(lockFile);
        return () => {
          openHere.delete(lockFile);
          rmSync(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
        if (Number.isInteger(pid) && isAlive(pid)) throw new EmbeddedDatabaseBusyError(dataDir, pid);
        try {
          renameSync(lockFile, `${temporary}.stale`);
          rmSync(`${temporary}.stale`, { force: true });
        } catch {
          // another process took the stale lock over first: try again, and meet its live pid
        }
      }
    }
    throw new Error(`Could not take the lock ${lockFile}`);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
