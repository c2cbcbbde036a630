import { describe, expect, it } from "vitest";
import { openPostgres } from "./postgres.ts";

const live = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

describe("the PostgreSQL pool", () => {
  it("keeps connections for statements run outside open transactions, so transactions that wait for one finish", async () => {
    // Every transaction runs a statement on the pool while it holds its own connection, as the network
    // operation log does (provisioning-log.ts). With the pool's four connections all held by such
    // transactions, none would ever get one: the transactions are held to what leaves one free.
    const db = openPostgres(live, { max: 4 });
    try {
      let inside = 0;
      let mostAtOnce = 0;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          db.transaction(async (tx) => {
            inside++;
            mostAtOnce = Math.max(mostAtOnce, inside);
            await tx.query("SELECT pg_sleep(0.05)");
            const { rows } = await db.query<{ n: number }>("SELECT $1::int AS n", [i]);
            inside--;
            return rows[0]?.n;
          }),
        ),
      );
      expect(results).toEqual([0, 1, 2, 3, 4, 5]);
      expect(mostAtOnce).toBe(2);
    } finally {
      await db.close();
    }
  });

  it("prepares a statement with parameters once per connection, and not with prepared statements off", async () => {
    const prepared = "SELECT $1::int + 1 AS n";
    const listed = "SELECT statement FROM pg_prepared_statements WHERE statement = $1";
    for (const preparedStatements of [true, false]) {
      const db = openPostgres(live, { max: 1, preparedStatements });
      try {
        for (const n of [1, 2, 3]) expect((await db.query<{ n: number }>(prepared, [n])).rows).toEqual([{ n: n + 1 }]);
        // The one connection: the statement is among its prepared ones, once, or not at all.
        const { rows } = await db.query(listed, [prepared]);
        expect(rows.length).toBe(preparedStatements ? 1 : 0);
        // Without parameters a text may hold several statements: never prepared.
        await db.query("SELECT 1; SELECT 2");
      } finally {
        await db.close();
      }
    }
  });

  it("fails a statement once when its table changed under the connection, then runs it on a new one", async () => {
    const table = `prepared_${process.pid}_${Date.now()}`;
    const db = openPostgres(live, { max: 1 });
    try {
      await db.exec(`CREATE TABLE ${table} (a int); INSERT INTO ${table} VALUES (1)`);
      const select = `SELECT * FROM ${table} WHERE a = $1`;
      expect((await db.query(select, [1])).rows).toEqual([{ a: 1 }]);
      const backend = (await db.query<{ pid: number }>("SELECT pg_backend_pid() AS pid", [])).rows[0]?.pid;
      await db.exec(`ALTER TABLE ${table} ADD COLUMN b int`);
      await expect(db.query(select, [1])).rejects.toMatchObject({ code: "0A000" });
      expect((await db.query(select, [1])).rows).toEqual([{ a: 1, b: null }]);
      const after = (await db.query<{ pid: number }>("SELECT pg_backend_pid() AS pid", [])).rows[0]?.pid;
      expect(after).not.toBe(backend);
    } finally {
      await db.exec(`DROP TABLE IF EXISTS ${table}`);
      await db.close();
    }
  });
});
