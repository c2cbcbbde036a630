import { describe, expect, it } from "vitest";
import { freePort } from "../../test/support/postgres-cluster.ts";
import { openPostgres } from "./postgres.ts";
import { locatePrimary, NoPrimaryError, parsePostgresUrl } from "./postgres-hosts.ts";
import { isDatabaseUnavailable } from "./unavailable.ts";

/**
 * The primary locator against the test server (TEST_DATABASE_URL) and a port nobody listens on. The
 * failover itself, with a real standby promoted, is test/failover.postgres.test.ts.
 */
const live = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");

function multiHost(hosts: string[]): string {
  const userinfo = live.username ? `${live.username}${live.password ? `:${live.password}` : ""}@` : "";
  return `postgres://${userinfo}${hosts.join(",")}${live.pathname}?target_session_attrs=read-write&connect_timeout=3`;
}

describe("locatePrimary", () => {
  it("passes over a host that refuses connections and takes the one that takes writes", async () => {
    const dead = `127.0.0.1:${await freePort()}`;
    const found = await locatePrimary(parsePostgresUrl(multiHost([dead, live.host])));
    expect(found).toMatchObject({ index: 1, label: live.host });
  });

  it("asks the last primary first when several take writes", async () => {
    const hosts = parsePostgresUrl(multiHost([live.host, `localhost:${live.port || 5432}`]));
    expect((await locatePrimary(hosts)).index).toBe(0);
    expect((await locatePrimary(hosts, 1)).index).toBe(1);
  });

  it("names every host and why when none takes writes: the database is unavailable (503)", async () => {
    const dead = [`127.0.0.1:${await freePort()}`, `127.0.0.1:${await freePort()}`];
    const failure = await locatePrimary(parsePostgresUrl(multiHost(dead))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NoPrimaryError);
    expect((failure as NoPrimaryError).reasons).toEqual([
      expect.stringMatching(new RegExp(`^${dead[0]}: ECONNREFUSED`)),
      expect.stringMatching(new RegExp(`^${dead[1]}: ECONNREFUSED`)),
    ]);
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });
});

describe("openPostgres on several hosts", () => {
  it("runs statements and transactions on the primary it found, and says which", async () => {
    const warnings: string[] = [];
    const dead = `127.0.0.1:${await freePort()}`;
    const db = openPostgres(multiHost([dead, live.host]), { max: 2, warn: (m) => warnings.push(m) });
    try {
      const { rows } = await db.query<{ port: number }>("SELECT inet_server_port() AS port");
      expect(rows[0]?.port).toBe(Number(live.port || 5432));
      const inTransaction = await db.transaction(async (tx) => {
        await tx.query("CREATE TEMPORARY TABLE t (n int)");
        await tx.query("INSERT INTO t VALUES (1), (2)");
        return (await tx.query<{ n: number }>("SELECT sum(n)::int AS n FROM t")).rows[0]?.n;
      });
      expect(inTransaction).toBe(3);
      expect(warnings).toEqual([`the database primary is now ${live.host}`]);
    } finally {
      await db.close();
    }
  });

  it("answers with the locator's error while no host takes writes, and opens no pool connection", async () => {
    const db = openPostgres(multiHost([`127.0.0.1:${await freePort()}`]), { max: 2 });
    try {
      await expect(db.query("SELECT 1")).rejects.toBeInstanceOf(NoPrimaryError);
      await expect(db.transaction(async () => 1)).rejects.toBeInstanceOf(NoPrimaryError);
    } finally {
      await db.close();
    }
  });
});
