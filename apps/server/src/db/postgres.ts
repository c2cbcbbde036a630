import pLimit from "p-limit";
import pg from "pg";
import { type Database, type Queryable, type Row, runBeforeCommit } from "./database.ts";
import { locatePrimary, parsePostgresUrl } from "./postgres-hosts.ts";
import { isDatabaseUnavailable } from "./unavailable.ts";

// int8 (bigint) as a JS number: our sequences and counters stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * The name a statement is prepared under on each connection: one per distinct SQL text with
 * parameters (those already go through PostgreSQL's extended protocol, one statement each), so that a
 * connection parses and plans it once and then only binds and runs it. Measured in the onboarding
 * benchmark: PostgreSQL's CPU a journey 22 % lower (BENCHMARKS.md). The texts are the repositories'
 * constants, a few hundred; beyond `MAX_PREPARED` (text built at run time, a list of placeholders
 * of varying length) statements run unnamed as before. Statements without parameters stay unnamed:
 * they may be several in one text.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 2000;

function statementName(sql: string, params: readonly unknown[] | undefined): string | undefined {
  if (!params || params.length === 0) return undefined;
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `jitsumei_${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** After such an error the pool's connections may be to the wrong host: find the primary again. */
const lostPrimary = isDatabaseUnavailable;

/**
 * The PostgreSQL adapter: one pg pool whose new connections go to the primary. With several hosts
 * (`postgres://db1:5432,db2:5432/jitsumei`, see postgres-hosts.ts) the primary is found by asking each
 * host; when a statement fails in a way that says the primary is gone (refused or dropped connection,
 * 57P01 admin_shutdown, 25006 read-only) the pool's connections are retired and the next statement
 * finds the primary again. The failed statement's error goes up unchanged: the request answers 503 and
 * the client retries with its Idempotency-Key.
 */
export function openPostgres(
  url: string,
  options: { max?: number; warn?: (message: string) => void; preparedStatements?: boolean } = {},
): Database {
  const hosts = parsePostgresUrl(url);
  const warn = options.warn ?? (() => {});
  // The host new connections go to; null while it must be found again (several hosts).
  let primary: { index: number; label: string; url: string } | null = hosts.probe
    ? null
    : { index: 0, ...(hosts.hosts[0] as { label: string; url: string }) };
  let lastIndex = 0;
  let lastUrl = hosts.hosts[0]?.url ?? "";
  // Each connection is stamped with the generation it was opened in; a lost primary starts a new one,
  // and connections of an older generation are closed instead of reused.
  let generation = 0;
  let locating: Promise<void> | null = null;
  const generations = new WeakMap<object, number>();

  class PrimaryClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionString: primary?.url ?? lastUrl });
      generations.set(this, generation);
    }
  }
  const pool = new pg.Pool({
    connectionString: lastUrl,
    max: options.max ?? 10,
    ...(hosts.connectTimeoutMillis === null ? {} : { connectionTimeoutMillis: hosts.connectTimeoutMillis }),
    Client: PrimaryClient as unknown as new () => pg.ClientBase,
  });
  // An idle client losing its connection (database restart, failover) must not crash the process.
  pool.on("error", (error, client) => {
    if (lostPrimary(error)) retire(generations.get(client) ?? generation, error);
  });

  /** The primary of generation `of` is gone: the next checkout looks for it again. */
  function retire(of: number, error: unknown): void {
    if (of !== generation) return;
    generation++;
    if (hosts.probe && primary) {
      // A code, or pg's own words for a lost connection: neither quotes a value.
      const e = error as { code?: string; message?: string };
      const why = e?.code ?? String(e?.message ?? error).split("\n")[0];
      warn(`lost the database primary ${primary.label} (${why}): looking for the primary again`);
      primary = null;
    }
  }

  async function ensurePrimary(): Promise<void> {
    if (primary) return;
    locating ??= locatePrimary(hosts, lastIndex)
      .then((found) => {
        if (found.index !== lastIndex) warn(`the database primary is now ${found.label}`);
        primary = found;
        lastIndex = found.index;
        lastUrl = found.url;
      })
      .finally(() => {
        locating = null;
      });
    await locating;
  }

  /** A client connected to the current primary (one of an older generation is closed, not used). */
  async function checkout(): Promise<pg.PoolClient> {
    for (;;) {
      await ensurePrimary();
      const of = generation;
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        if (lostPrimary(error)) retire(of, error);
        throw error;
      }
      if (generations.get(client) === generation) return client;
      client.release(true);
    }
  }

  /**
   * Runs `work` on a checked-out client. A checked-out client has no pool listener: a connection the
   * database drops between two statements (restart, pg_terminate_backend, failover) would otherwise be
   * an unhandled 'error' and end the process. The next statement fails instead, and the client is
   * discarded, not reused.
   */
  async function withClient<T>(work: (client: pg.PoolClient, broke: (error: Error) => void) => Promise<T>) {
    const client = await checkout();
    const of = generations.get(client) ?? generation;
    let broken: Error | undefined;
    const broke = (error: Error) => {
      broken ??= error;
    };
    client.on("error", broke);
    try {
      return await work(client, broke);
    } catch (error) {
      if (lostPrimary(error)) broke(error as Error);
      throw error;
    } finally {
      client.off("error", broke);
      if (broken && lostPrimary(broken)) retire(of, broken);
      client.release(broken);
    }
  }

  // Transactions may hold all but `reserved` of the pool's connections. A statement run outside the
  // caller's transaction while it is open (the network operation log commits its entry before the
  // call, provisioning-log.ts) then always finds a connection: with every connection held by a
  // transaction waiting for one, the process would wait for ever (pg's pool has no checkout timeout
  // unless the URL sets connect_timeout).
  const max = options.max ?? 10;
  const transactions = pLimit(max > 2 ? max - 2 : max > 1 ? max - 1 : max);

  const prepared = options.preparedStatements ?? true;
  const query = async <R extends Row>(
    client: pg.PoolClient,
    broke: (error: Error) => void,
    sql: string,
    params?: readonly unknown[],
  ) => {
    const name = prepared ? statementName(sql, params) : undefined;
    let result: pg.QueryResult;
    try {
      result = await client.query({ text: sql, values: params as unknown[] | undefined, name });
    } catch (error) {
      // A table changed under a statement this connection prepared (a migration by another server):
      // this statement fails ("cached plan must not change result type"), and the connection with its
      // prepared statements is not used again.
      if (name && (error as { code?: string }).code === "0A000") broke(error as Error);
      throw error;
    }
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  };

  return {
    kind: "postgres",
    query: (sql, params) => withClient((client, broke) => query(client, broke, sql, params)),
    exec: (sql) =>
      withClient(async (client) => {
        await client.query(sql);
      }),
    transaction: (fn) =>
      transactions(() =>
        withClient(async (client, broke) => {
          try {
            await client.query("BEGIN");
            const hooks: (() => Promise<void>)[] = [];
            const tx: Queryable = {
              query: (sql, params) => query(client, broke, sql, params),
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
            await client.query("ROLLBACK").catch(broke);
            throw error;
          }
        }),
      ),
    close: () => pool.end(),
  };
}
