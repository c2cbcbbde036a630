import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEntry, entryHash, verifyAuditChain } from "../src/audit/audit-chain.ts";
import { toBuffer } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase({ migrated: true });
  await migrate(test.db);
});
afterAll(async () => test?.drop());

// Data that could confuse the statement that completes the canonical JSON in SQL.
const awkward = [
  { actor: "system", action: "test.plain", subject: "JT-AAAA-BBBB-C", data: { to: "approved" } },
  { actor: "cli", action: "test.null_subject", subject: null, data: {} },
  {
    actor: "staff:1",
    action: "test.tricky",
    subject: `"seq":${Number.MAX_SAFE_INTEGER}`,
    data: { seq: Number.MAX_SAFE_INTEGER, note: "審査 — ✓ 𠮷", nested: { "seq\\": [1, 2.5, null, true] } },
  },
];

describe("appending audit entries at commit", () => {
  it("chains entries from one transaction and from several, with hashes equal to entryHash", async () => {
    await test.db.transaction(async (tx) => {
      for (const entry of awkward) await appendAuditEntry(tx, entry);
    });
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        test.db.transaction(async (tx) => {
          await appendAuditEntry(tx, { actor: "system", action: `test.concurrent_${n}`, subject: null, data: { n } });
          await appendAuditEntry(tx, { actor: "system", action: `test.concurrent_${n}b`, subject: null, data: { n } });
        }),
      ),
    );
    await appendAuditEntry(test.db, { actor: "cli", action: "test.outside_a_transaction", subject: null, data: {} });

    expect(await verifyAuditChain(test.db)).toMatchObject({ valid: true, entries: 12 });
    const { rows } = await test.db.query<Record<string, unknown>>(
      "SELECT seq, at, actor, action, subject, data, prev_hash, hash FROM audit_entries ORDER BY seq",
    );
    expect(rows.slice(0, 3).map((r) => r.action)).toEqual(awkward.map((e) => e.action));
    for (const row of rows) {
      const hash = entryHash(toBuffer(row.prev_hash), {
        seq: Number(row.seq),
        at: new Date(row.at as Date).toISOString(),
        actor: String(row.actor),
        action: String(row.action),
        subject: (row.subject as string | null) ?? null,
        data: row.data as Record<string, unknown>,
      });
      expect(toBuffer(row.hash).equals(hash)).toBe(true);
    }
    // The two entries of one transaction are adjacent.
    const concurrent = rows.filter((r) => String(r.action).startsWith("test.concurrent_")).map((r) => r.action);
    for (let i = 0; i < concurrent.length; i += 2) expect(`${concurrent[i]}b`).toBe(concurrent[i + 1]);
  });

  it("appends nothing when the transaction rolls back", async () => {
    const before = await verifyAuditChain(test.db);
    await expect(
      test.db.transaction(async (tx) => {
        await appendAuditEntry(tx, { actor: "system", action: "test.rolled_back", subject: null, data: {} });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await verifyAuditChain(test.db)).toEqual(before);
  });
});
