import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localKeyManagement } from "../src/crypto/key-management.ts";
import type { PgliteDatabase } from "../src/db/pglite.ts";
import { anna, draftApplication, payForPlan, submitAndPay, td3 } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let reference: string;
const { chip } = inject("evidenceFixtures");
beforeAll(async () => {
  server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir });
  const drafted = await draftApplication(server, "prepaid-voice-sim", anna, {
    address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1 ジツメイハイツ" },
  });
  reference = drafted.reference;
  await submitAndPay(server, reference, drafted.token);

  // Every other place personal data is kept: a chip read (its DG1 holds the MRZ), a selfie, a mail
  // in the outbox and an idempotent answer that repeats the particulars.
  const other = await draftApplication(server, "prepaid-data-esim", anna);
  const b64 = (file: string) => readFileSync(file).toString("base64");
  await server.api("POST", `/v1/applications/${other.reference}/evidence`, {
    token: other.token,
    body: {
      kind: "chip",
      sod: b64(chip.chips.rsa.sod),
      dataGroups: { "1": b64(chip.chips.rsa.dg1), "2": b64(chip.chips.rsa.dg2) },
    },
  });
  const faces = join(import.meta.dirname, "..", "..", "..", "packages", "evidence", "src", "face", "fixtures");
  await server.api("POST", `/v1/applications/${other.reference}/evidence`, {
    token: other.token,
    body: { kind: "selfie", image: readFileSync(join(faces, "synthetic-face-a.jpg")).toString("base64") },
  });
  // The submit answer repeats the particulars, and is kept for replays of its Idempotency-Key.
  await server.api("POST", `/v1/applications/${other.reference}/submit`, {
    token: other.token,
    headers: { "idempotency-key": randomUUID() },
  });
  await payForPlan(server, other.reference, other.token);
  await server.api("POST", `/v1/applications/${other.reference}/activation-code`, { token: other.token });
  await server.services.jobs.drain();
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
    // The places searched really hold something: a mail, chip and selfie evidence, a stored answer.
    const count = async (sql: string) => Number((await server.services.db.query<{ n: number }>(sql)).rows[0]?.n);
    expect(await count("SELECT count(*)::int AS n FROM mail_outbox")).toBeGreaterThan(0);
    expect(await count("SELECT count(*)::int AS n FROM evidence WHERE kind IN ('chip', 'selfie')")).toBe(2);
    expect(await count("SELECT count(*)::int AS n FROM idempotency_keys WHERE response_enc IS NOT NULL")).toBe(1);
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
      "P<UTOERIKSSON", // the chip's DG1
      "activation code for application", // the mail's text
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
