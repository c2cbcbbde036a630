import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryHash, verifyAuditChain } from "../src/audit/audit-chain.ts";
import type { Queryable } from "../src/db/database.ts";
import { openPglite } from "../src/db/pglite.ts";
import { draftApplication, submitAndPay } from "./support/journey.ts";
import { testDatabaseKind } from "./support/test-database.ts";
import { startTestServer, startTestServerForCli, type TestServer } from "./support/test-server.ts";

const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 3; i++) {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim");
    await submitAndPay(server, reference, token);
  }
});
afterAll(async () => server?.close());

describe("the audit trail", () => {
  it("records every change in a chain that verifies", async () => {
    const result = await verifyAuditChain(server.services.db);
    expect(result.valid).toBe(true);
    // 3 × (created, particulars, evidence, submit, checks_passed, request_payment, the card payment
    // authorised and captured, pay_purchase, assign_sim)
    expect(result).toMatchObject({ entries: 30 });
  });

  it("cannot be changed through SQL while its trigger stands", async () => {
    await expect(server.services.db.query("UPDATE audit_entries SET actor = 'x' WHERE seq = 2")).rejects.toThrow(
      /append-only/,
    );
    await expect(server.services.db.query("DELETE FROM audit_entries WHERE seq = 2")).rejects.toThrow(/append-only/);
  });

  it("names the first entry an attacker with table access rewrote", async () => {
    const db = server.services.db;
    await db.query("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change");
    await db.query(`UPDATE audit_entries SET data = jsonb_set(data, '{to}', '"approved"') WHERE seq = 4`);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ valid: false, firstBroken: { seq: 4, reason: "content does not match its hash" } });

    // Rewriting the hash too moves the break to the next entry, whose prev_hash no longer matches.
    const row = (await db.query<Record<string, unknown>>("SELECT * FROM audit_entries WHERE seq = 4")).rows[0] as {
      seq: number;
      at: Date;
      actor: string;
      action: string;
      subject: string;
      data: Record<string, unknown>;
      prev_hash: Uint8Array;
    };
    const forged = entryHash(Buffer.from(row.prev_hash), { ...row, at: new Date(row.at).toISOString() });
    await db.query("UPDATE audit_entries SET hash = $1 WHERE seq = 4", [forged]);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: false, firstBroken: { seq: 5 } });

    await db.query("DELETE FROM audit_entries WHERE seq = 9");
    expect(await verifyAuditChain(db)).toMatchObject({ valid: false, firstBroken: { seq: 5 } });
    await db.query("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change");
  });
});

describe("npx jitsumei audit verify", () => {
  // The command opens the database itself: PostgreSQL by URL, or the embedded database's folder.
  it("exits 0 on an intact chain and 1 naming the first broken entry", async () => {
    const { server: fixture, env } = await startTestServerForCli("jitsumei-cli-");
    const verify = () => spawnSync(process.execPath, [cli, "audit", "verify"], { env, encoding: "utf8" });
    try {
      const { reference, token } = await draftApplication(fixture, "prepaid-data-esim");
      await fixture.api("POST", `/v1/applications/${reference}/submit`, { token });
      if (testDatabaseKind === "pglite") {
        const busy = verify();
        expect(busy.status).toBe(1);
        expect(busy.stderr).toMatch(/in use by another Jitsumei process \(pid \d+\).*DATABASE_URL/s);
        await fixture.stop();
        await fixture.database.drop(); // closes the embedded database, releasing it for the command
      }
      const ok = verify();
      expect(ok.status, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, entries: 6 });

      await withDatabase(fixture, async (db) => {
        await db.query("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change");
        await db.query("UPDATE audit_entries SET actor = 'staff:mallory' WHERE seq = 3");
      });
      const broken = verify();
      expect(broken.status).toBe(1);
      expect(JSON.parse(broken.stdout)).toMatchObject({ valid: false, firstBroken: { seq: 3 } });
      expect(broken.stderr).toMatch(/broken at entry 3/);
    } finally {
      if (testDatabaseKind === "postgres") await fixture.close();
      else await fixture.stop().catch(() => {});
    }
  });
});

async function withDatabase(fixture: TestServer, fn: (db: Queryable) => Promise<void>) {
  if (fixture.database.url) return fn(fixture.services.db);
  const db = await openPglite(join(fixture.services.config.dataDir, "pglite"));
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}
