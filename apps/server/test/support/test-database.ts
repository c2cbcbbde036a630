import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { defaultTestDatabaseUrl } from "../../../../scripts/test-database-url.mjs";
import type { Database } from "../../src/db/database.ts";
import { migrate, migrationFiles, migrationsDir } from "../../src/db/migrate.ts";
import { openPglite } from "../../src/db/pglite.ts";
import { openPostgres } from "../../src/db/postgres.ts";

/**
 * The database a test runs on: JITSUMEI_TEST_DB=pglite (in memory) or postgres (a fresh database
 * on the server at TEST_DATABASE_URL; the default). The main pass runs on PostgreSQL, a smoke pass on
 * PGlite (vitest.config.ts).
 *
 * On PostgreSQL, what a test database costs was most of what the suite waited for, and none of it was
 * what the tests test:
 * - `migrated: true` (every test server) copies a template that the migrations were applied to once
 *   (named by a hash of the migration files, so a changed migration makes a new one) instead of
 *   applying 30-odd migrations again: ~2 s of the database's CPU per server. The server's own migrate
 *   still runs and finds nothing to do; tests of the migrations themselves ask for an empty database.
 * - Commits do not wait for the WAL to reach the disk (synchronous_commit = off on the test database
 *   only): a test never crashes PostgreSQL itself, and a commit is visible at once either way. The
 *   failover test runs a cluster of its own.
 * - DROP DATABASE forces a checkpoint, which stalls every other test's writes: the databases of a run
 *   are dropped together when the run ends (the global setup in postgres-global-setup.ts names the run
 *   in JITSUMEI_TEST_RUN); outside such a run, at once as before.
 */
export const testDatabaseKind = (process.env.JITSUMEI_TEST_DB ?? "postgres") as "pglite" | "postgres";
export const adminUrl = process.env.TEST_DATABASE_URL ?? defaultTestDatabaseUrl();
export const testDatabasePrefix = "jitsumei_test_";

export type TestDatabase = { db: Database; url: string | null; drop(): Promise<void> };

/**
 * `pgliteDir`: keep the embedded database in a folder (for tests that reopen it from another process).
 * `migrated`: start from the migrated schema (PostgreSQL: a copy of the template; PGlite in memory: a
 * copy of the files of one migrated earlier in the process).
 */
export async function createTestDatabase(
  options: { pgliteDir?: string; migrated?: boolean } = {},
): Promise<TestDatabase> {
  if (testDatabaseKind === "pglite") {
    // In memory and migrated: a copy of the files of one migrated here before (initdb and the
    // migrations cost the WebAssembly engine 5-10 s per database).
    const loadDataDir = options.migrated && !options.pgliteDir ? await migratedPgliteFiles() : undefined;
    const db = await openPglite(options.pgliteDir ?? null, { loadDataDir });
    return { db, url: null, drop: () => db.close() };
  }
  const run = process.env.JITSUMEI_TEST_RUN;
  const name = `${testDatabasePrefix}${run ? `${run}_` : ""}${randomBytes(6).toString("hex")}`;
  const create = async () => {
    const template = options.migrated ? await migratedTemplate() : null;
    await adminQuery(
      `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`,
      `ALTER DATABASE ${name} SET synchronous_commit = off`,
    );
  };
  try {
    await create();
  } catch (error) {
    // The template is gone (3D000, invalid_catalog_name): another checkout's run on the same server,
    // with other migrations, dropped it as stale between two copies. Made again, once.
    if ((error as { code?: string }).code !== "3D000" || !options.migrated) throw error;
    template = null;
    await create();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 5 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      if (!run) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

let pgliteFiles: Promise<Blob> | null = null;

/** The files of an embedded database migrated once in this process (the smoke pass still migrates one). */
function migratedPgliteFiles(): Promise<Blob> {
  pgliteFiles ??= (async () => {
    const db = await openPglite(null);
    try {
      await migrate(db);
      return await db.pglite.dumpDataDir("none");
    } finally {
      await db.close();
    }
  })().catch((error) => {
    pgliteFiles = null;
    throw error;
  });
  return pgliteFiles;
}

/** The name of the migrated template for the migrations as they are now. */
export function templateName(): string {
  const hash = createHash("sha256");
  for (const file of migrationFiles())
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(`${migrationsDir}${file}`));
  return `jitsumei_template_${hash.digest("hex").slice(0, 16)}`;
}

let template: Promise<string> | null = null;

/**
 * The migrated template, made here if it does not exist yet: built under a name of its own and
 * renamed when complete, so a run that starts at the same time never copies half a schema (the
 * loser of the race drops its copy).
 */
export function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = templateName();
    if (await databaseExists(name)) return name;
    const building = `${name}_${randomBytes(4).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${building}`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const db = openPostgres(url.toString(), { max: 1 });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    try {
      await adminQuery(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (error) {
      await adminQuery(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      if (!(await databaseExists(name))) throw error;
    }
    return name;
  })().catch((error) => {
    template = null;
    throw error;
  });
  return template;
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

export async function adminQuery(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
