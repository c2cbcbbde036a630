import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { exportVerificationRecords } from "../src/records/export-verification-records.ts";
import { activeLine } from "./support/journey.ts";
import { testDatabaseKind } from "./support/test-database.ts";
import { startTestServer, startTestServerForCli } from "./support/test-server.ts";

const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");

describe("the verification record (本人確認記録)", () => {
  it("is written when the line is activated, with every item the law lists, and cannot be rewritten", async () => {
    const server = await startTestServer();
    try {
      const { reference, msisdn } = await activeLine(server);
      const [record] = await exportVerificationRecords(server.services, { from: null, to: null, actor: "test" });
      expect(record).toMatchObject({
        reference,
        version: 1,
        verifiedBy: "system:automated-checks",
        recordedBy: "system:jitsumei",
        lines: { count: 1, phoneNumbers: [msisdn] },
        particulars: { name: { family: "Eriksson", given: "Anna Maria" }, birthDate: "1974-08-12", address: null },
        method: "MRZ",
        document: { type: "passport", number: "L898902C3", issuingCountry: "UTO", expiryDate: "2034-04-15" },
        postalTrackingNumber: null,
        policy: { id: "jp-mobile-act" },
      });
      expect(record?.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // Encrypted at rest: the table holds no name.
      const raw = await server.services.db.query("SELECT * FROM verification_records");
      expect(JSON.stringify(raw.rows)).not.toMatch(/Eriksson|L898902C3/);
      await expect(server.services.db.query("UPDATE verification_records SET method = 'F2F_PRESENT'")).rejects.toThrow(
        /immutable/,
      );
      expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
    } finally {
      await server.close();
    }
  });

  it("is exported by compliance as CSV from the command line", async () => {
    const { server, env } = await startTestServerForCli("jitsumei-records-");
    const { reference } = await activeLine(server);
    try {
      if (testDatabaseKind === "pglite") {
        await server.stop();
        await server.database.drop();
      }
      const csv = spawnSync(process.execPath, [cli, "records", "export", "--format", "csv"], { env, encoding: "utf8" });
      expect(csv.status, csv.stderr).toBe(0);
      const [header, row] = csv.stdout.trim().split("\n");
      expect(header).toMatch(/^recordId,version,reference,verifiedAt/);
      expect(row).toContain(reference);
      expect(row).toContain("Eriksson");
      const json = spawnSync(
        process.execPath,
        [cli, "records", "export", "--from", "2000-01-01", "--to", "2000-12-31"],
        {
          env,
          encoding: "utf8",
        },
      );
      expect(JSON.parse(json.stdout)).toEqual({ records: [] });
      const bad = spawnSync(process.execPath, [cli, "records", "export", "--format", "xml"], { env, encoding: "utf8" });
      expect(bad.status).toBe(2);
    } finally {
      if (testDatabaseKind === "postgres") await server.close();
    }
  });
});
