import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { duePurges, markContractEnded, purgeDue, setLegalHold } from "../src/records/retention.ts";
import { activeLine, anna } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("retention and purge of verification records", () => {
  it("purges exactly what is due, keeps what is on hold or not due, and the audit chain still verifies", async () => {
    const due = await activeLine(server, { ...anna, documentNumber: "A11111111" });
    const held = await activeLine(server, { ...anna, documentNumber: "B22222222" });
    const notEnded = await activeLine(server, { ...anna, documentNumber: "C33333333" });
    const endedLater = await activeLine(server, { ...anna, documentNumber: "D44444444" });
    const db = server.services.db;

    expect(await markContractEnded(db, due.reference, new Date("2026-01-10"), "test")).toMatchObject({
      purgeAfter: "2029-01-10T00:00:00.000Z",
    });
    await markContractEnded(db, held.reference, new Date("2026-01-10"), "test");
    await setLegalHold(db, held.reference, true, "police request 2026-123", "test");
    await markContractEnded(db, endedLater.reference, new Date("2026-06-01"), "test");

    // The day before the period ends nothing is due; on the day, exactly one.
    expect(await duePurges(db, new Date("2029-01-09"))).toEqual([]);
    const dryRun = await duePurges(db, new Date("2029-03-01"));
    expect(dryRun.map((d) => d.reference)).toEqual([due.reference]);
    expect(dryRun[0]?.rule).toMatch(/jp-mobile-act@.*: 3 years after the contract ends/);

    const purged = await purgeDue(db, new Date("2029-03-01"), "test");
    expect(purged.map((p) => p.reference)).toEqual([due.reference]);

    // The purged application's personal data can no longer be read: its key is gone.
    const gone = await server.api("GET", `/v1/applications/${due.reference}`, { token: due.token });
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe("application_purged");
    const { rows } = await db.query<{ wrapped_data_key: Uint8Array; particulars_enc: unknown }>(
      "SELECT wrapped_data_key, particulars_enc FROM applications WHERE reference = $1",
      [due.reference],
    );
    expect(Buffer.from(rows[0]?.wrapped_data_key ?? []).length).toBe(0);
    expect(rows[0]?.particulars_enc).toBeNull();
    expect(
      (
        await db.query(
          "SELECT 1 FROM evidence e JOIN applications a ON a.id = e.application_id WHERE a.reference = $1",
          [due.reference],
        )
      ).rowCount,
    ).toBe(0);

    // The others are intact and still exported; the purged one is not.
    for (const kept of [held, notEnded, endedLater]) {
      expect((await server.api("GET", `/v1/applications/${kept.reference}`, { token: kept.token })).status).toBe(200);
    }
    const exported = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
    expect(exported.map((r) => r.reference).sort()).toEqual(
      [held.reference, notEnded.reference, endedLater.reference].sort(),
    );

    // Released from hold, it is purged on the next run; running again purges nothing twice.
    await setLegalHold(db, held.reference, false, "case closed", "test");
    expect((await purgeDue(db, new Date("2029-03-01"), "test")).map((p) => p.reference)).toEqual([held.reference]);
    expect(await purgeDue(db, new Date("2029-03-01"), "test")).toEqual([]);

    const audit = await db.query<{ action: string; subject: string; data: { rule?: string } }>(
      "SELECT action, subject, data FROM audit_entries WHERE action = 'application.purged' ORDER BY seq",
    );
    expect(audit.rows.map((r) => r.subject)).toEqual([due.reference, held.reference]);
    expect(audit.rows[0]?.data.rule).toMatch(/3 years after the contract ends/);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
  });

  it("refuses an impossible --at on the command line", () => {
    const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
    const r = spawnSync(process.execPath, [cli, "purge", "--dry-run", "--at", "2029-02-30"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--at 2029-02-30: not a date/);
  });
});
