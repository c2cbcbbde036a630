import { randomBytes } from "node:crypto";
import pg from "pg";
import { adminUrl, migratedTemplate, testDatabaseKind, testDatabasePrefix } from "./test-database.ts";

/**
 * For the PostgreSQL pass: names the run (JITSUMEI_TEST_RUN, inherited by the test workers) so its
 * databases can be dropped together at the end, makes the migrated template once before the files
 * start, and drops templates of older migrations that nothing is copying.
 */
export async function setup() {
  if (testDatabaseKind !== "postgres" || !(await reachable())) return;
  const run = randomBytes(4).toString("hex");
  process.env.JITSUMEI_TEST_RUN = run;
  const current = await migratedTemplate();
  await dropEach(
    "SELECT datname FROM pg_database WHERE datname LIKE 'jitsumei\\_template\\_%' AND datname <> $1",
    [current],
    false,
  );
  return async () => {
    // DROP DATABASE forces a checkpoint each time; with the run's writes already flushed by the first,
    // the others are quick.
    await dropEach("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${testDatabasePrefix}${run}\\_%`], true);
    delete process.env.JITSUMEI_TEST_RUN;
  };
}

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Drops the databases the query names; `force` ends their connections (a template in use is left). */
async function dropEach(query: string, params: string[], force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(query, params);
    for (const { datname } of rows) {
      try {
        await client.query(`DROP DATABASE IF EXISTS "${datname}"${force ? " WITH (FORCE)" : ""}`);
      } catch {
        // Another run is copying it (a template of other migrations, in another checkout): left for later.
      }
    }
  } finally {
    await client.end();
  }
}
