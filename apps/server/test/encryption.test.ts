import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localKeyManagement } from "../src/crypto/key-management.ts";
import type { PgliteDatabase } from "../src/db/pglite.ts";
import { anna, draftApplication, td3 } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let reference: string;
beforeAll(async () => {
  server = await startTestServer();
  const drafted = await draftApplication(server, "prepaid-voice-sim", anna, {
    address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1 ジツメイハイツ" },
  });
  reference = drafted.reference;
  await server.api("POST", `/v1/applications/${reference}/submit`, { token: drafted.token });
});
afterAll(async () => server?.close());

/** The whole database as pg_dump writes it: the real tool on PostgreSQL, PGlite's build of it otherwise. */
async function dumpDatabase(): Promise<string> {
  if (server.database.url) {
    return execFileSync("pg_dump", ["--no-owner", server.database.url], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
  const db = server.services.db as PgliteDatabase;
  return (await pgDump({ pg: db.pglite })).text();
}

describe("personal data at rest", () => {
  it("appears nowhere in plain text in a dump of the database", async () => {
    const dump = await dumpDatabase();
    // The dump is real and complete: it holds the application's non-personal reference.
    expect(dump).toContain(reference);
    const [, mrzLine2 = ""] = td3(anna);
    for (const secret of [
      "Eriksson",
      "ERIKSSON",
      "Anna Maria",
      anna.documentNumber,
      "anna@example.test",
      "1974-08-12",
      "ジツメイハイツ",
      "千代田1-1",
      mrzLine2,
      mrzLine2.slice(0, 10),
    ]) {
      expect(dump.includes(secret), `"${secret}" found in the dump`).toBe(false);
    }
  });

  it("finds a duplicate document through the blind index, without decrypting", async () => {
    const keys = localKeyManagement(server.masterKey);
    const index = keys.blindIndex("document", `passport:${anna.nationality}:${anna.documentNumber}`);
    const { rows } = await server.services.db.query<{ reference: string }>(
      "SELECT reference FROM applications WHERE document_index = $1",
      [index],
    );
    expect(rows.map((r) => r.reference)).toContain(reference);
    // Another master key gives another index: a copy of the database alone cannot test guesses.
    const other = localKeyManagement(Buffer.alloc(32, 7)).blindIndex("document", `passport:UTO:${anna.documentNumber}`);
    expect(other.equals(index)).toBe(false);
  });

  it("cannot be read with another master key (the data key is wrapped)", async () => {
    const { rows } = await server.services.db.query<{ id: string; wrapped_data_key: Uint8Array }>(
      "SELECT id, wrapped_data_key FROM applications WHERE reference = $1",
      [reference],
    );
    const row = rows[0];
    if (!row) throw new Error("no row");
    const wrapped = Buffer.from(row.wrapped_data_key);
    const own = localKeyManagement(server.masterKey);
    await expect(own.unwrapDataKey(wrapped, `application:${row.id}`)).resolves.toHaveLength(32);
    await expect(
      localKeyManagement(Buffer.alloc(32, 1)).unwrapDataKey(wrapped, `application:${row.id}`),
    ).rejects.toThrow();
    // Bound to its row: the wrapped key of one application does not open as another's.
    await expect(own.unwrapDataKey(wrapped, "application:00000000-0000-0000-0000-000000000000")).rejects.toThrow();
  });
});
