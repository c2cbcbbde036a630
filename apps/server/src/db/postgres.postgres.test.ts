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
});
