import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findApplicationById } from "../src/applications/application-row.ts";
import { cipherFor, loadApplicantDetails } from "../src/applications/load-application-data.ts";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { readDocument } from "../src/contracts/contract-documents.ts";
import type { Queryable } from "../src/db/database.ts";
import type { PgliteDatabase } from "../src/db/pglite.ts";
import { activeLine, signedPostpaid, somebody } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 9, backup and restore, as docs/operating.md's procedure does it: pg_dump / pg_restore on PostgreSQL,
 * a copy of the data directory on the embedded database. Restored into an empty database, the audit
 * chain verifies to the same head and every contract document decrypts (with the same master key) to
 * the exact bytes whose SHA-256 was recorded when it was issued.
 */

let server: TestServer;
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

beforeAll(async () => {
  server = await startTestServer();
  const reviewer = await signInAs(server, "reviewer");
  await activeLine(server, somebody());
  // A postpaid contract signed and sealed: the documents to find again.
  await signedPostpaid(server, reviewer, somebody(), { address });
  await server.services.jobs.drain();
}, 120_000);
afterAll(async () => server?.close());

type Restored = { db: Queryable; drop(): Promise<void> };

/** The backup and the restore of docs/operating.md's "Backup and restore", for the database the suite runs on. */
async function backUpAndRestore(): Promise<Restored> {
  if (server.database.url) {
    const dir = mkdtempSync(join(tmpdir(), "jitsumei-backup-"));
    const file = join(dir, "jitsumei.dump");
    execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, server.database.url]);
    const admin = new URL(server.database.url);
    const name = `jitsumei_restore_${randomBytes(6).toString("hex")}`;
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    const target = new URL(admin);
    target.pathname = `/${name}`;
    execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${target.toString()}`, file]);
    const pool = new pg.Pool({ connectionString: target.toString(), max: 2 });
    // DROP … WITH (FORCE) ends connections the pool is still closing: expected, not a failure.
    pool.on("error", () => {});
    return {
      db: {
        exec: async (sql) => {
          await pool.query(sql);
        },
        query: async (sql, params) => {
          const r = await pool.query(sql, params as unknown[]);
          return { rows: r.rows, rowCount: r.rowCount ?? 0 };
        },
      },
      async drop() {
        await pool.end();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  // The embedded database: its data directory, copied whole (the server stopped, or as here a snapshot).
  const snapshot = await (server.services.db as PgliteDatabase).pglite.dumpDataDir("gzip");
  const restored = await PGlite.create({ loadDataDir: snapshot });
  return {
    db: {
      exec: async (sql) => {
        await restored.exec(sql);
      },
      query: async (sql, params) => {
        const r = await restored.query<Record<string, unknown>>(sql, params as unknown[]);
        return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
      },
    },
    drop: () => restored.close(),
  };
}

describe("backup and restore", () => {
  it("restores into an empty database with the audit chain and every document intact", async () => {
    const db = server.services.db;
    const before = await verifyAuditChain(db);
    expect(before.valid).toBe(true);
    const documents = await db.query<{ id: string; application_id: string; sha256: string; kind: string }>(
      "SELECT id, application_id, encode(sha256, 'hex') AS sha256, kind FROM contract_documents ORDER BY id",
    );
    // The journeys left something to find: both contract documents and the sealed signed contract.
    expect(documents.rows.map((d) => d.kind).sort()).toEqual(["contract", "important_matters", "signed_contract"]);

    const restored = await backUpAndRestore();
    try {
      expect(await verifyAuditChain(restored.db)).toEqual(before);
      for (const d of documents.rows) {
        const application = await findApplicationById(restored.db, d.application_id);
        if (!application) throw new Error(`application ${d.application_id} missing after restore`);
        const found = await readDocument(
          restored.db,
          server.services.documents,
          await cipherFor(server.services.keys, application),
          application.id,
          d.id,
        );
        expect(found?.document.sha256).toBe(d.sha256);
        expect(
          createHash("sha256")
            .update(found?.pdf ?? Buffer.alloc(0))
            .digest("hex"),
        ).toBe(d.sha256);
      }
      // Personal data comes back readable with the same master key, and only with it.
      const counts = await restored.db.query<{ n: number }>("SELECT count(*)::int AS n FROM applications");
      expect(Number(counts.rows[0]?.n)).toBe(
        Number((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM applications")).rows[0]?.n),
      );
      const one = await findApplicationById(restored.db, documents.rows[0]?.application_id ?? "");
      if (!one) throw new Error("no application");
      expect((await loadApplicantDetails(server.services.keys, one)).particulars?.address).toEqual(address);
    } finally {
      await restored.drop();
    }
  });
});
