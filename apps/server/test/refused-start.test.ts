import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { startServer } from "../src/server.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// Issue #21, finding 8: a production start refused for a missing sealing key had already migrated the
// database and wrapped the blind-index key with the master key it was given.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("a refused production start", () => {
  it("opens every key before the database: without the sealing key nothing is written", async () => {
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "0",
      LOG_LEVEL: "silent",
      JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-refused-")),
      JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
      JITSUMEI_PAYMENT_NOTIFICATION_SECRET: "n".repeat(32),
      SMTP_URL: "smtp://127.0.0.1:9",
      JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
    });
    await expect(startServer({ config, db: database.db, listen: false, warn: () => {} })).rejects.toThrow(
      /JITSUMEI_SIGNING_P12 is required/,
    );
    const tables = await database.db.query<{ migrations: string | null; keys: string | null }>(
      "SELECT to_regclass('schema_migrations')::text AS migrations, to_regclass('key_material')::text AS keys",
    );
    expect(tables.rows[0]).toEqual({ migrations: null, keys: null });
  });
});
