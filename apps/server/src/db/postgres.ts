import pg from "pg";
import { type Database, type Queryable, type Row, runBeforeCommit } from "./database.ts";

// int8 (bigint) as a JS number: our sequences and counters stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", () => {});

  const query = async <R extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const result = await client.query(sql, params as unknown[] | undefined);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  };

  return {
    kind: "postgres",
    query: (sql, params) => query(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: a connection the database drops between two
      // statements (restart, pg_terminate_backend) would otherwise be an unhandled 'error' and end the
      // process. The next statement fails instead, and the client is discarded, not reused.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const hooks: (() => Promise<void>)[] = [];
        const tx: Queryable = {
          query: (sql, params) => query(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
          beforeCommit: (work) => hooks.push(work),
        };
        const result = await fn(tx);
        await runBeforeCommit(hooks);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
          broken ??= rollbackFailed;
        });
        throw error;
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
