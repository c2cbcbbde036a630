import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "../../src/db/database.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { openPostgres } from "../../src/db/postgres.ts";

/**
 * The database a test runs on: JITSUMEI_TEST_DB=pglite (in memory) or postgres (a fresh database
 * on the server at TEST_DATABASE_URL, dropped afterwards; the default). The main pass runs on PostgreSQL,
 * a smoke pass on PGlite (vitest.config.ts).
 */
export const testDatabaseKind = (process.env.JITSUMEI_TEST_DB ?? "postgres") as "pglite" | "postgres";
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { db: Database; url: string | null; drop(): Promise<void> };

/** `pgliteDir`: keep the embedded database in a folder (for tests that reopen it from another process). */
export async function createTestDatabase(options: { pgliteDir?: string } = {}): Promise<TestDatabase> {
  if (testDatabaseKind === "pglite") {
    const db = await openPglite(options.pgliteDir ?? null);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `jitsumei_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 5 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
