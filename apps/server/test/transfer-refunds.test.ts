import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { jobsSettled, konbiniRefundOwed, outbox } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Refunds owed by bank transfer: konbini cash cannot go back through the till, so staff see what is
 * owed and record the transfer that paid it; the payment is then refunded, the applicant told, and
 * the member and the transfer's reference are in the audit trail.
 */
let server: TestServer;
let admin: StaffClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInAs(server, "admin");
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe("refunds owed by bank transfer", () => {
  it("are listed until staff record the transfer, which refunds the payment and is audited once", async () => {
    const { paymentId, reference } = await konbiniRefundOwed(server);
    const owed = await admin.api("GET", "/v1/staff/refunds/transfers");
    expect(owed.status).toBe(200);
    expect(owed.body.items).toEqual([
      expect.objectContaining({ paymentId, reference, kind: "purchase", amountJpy: 2200, transferredAt: null }),
    ]);

    const empty = await admin.api("POST", `/v1/staff/refunds/transfers/${paymentId}/paid`, {
      body: { transferReference: "  " },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: "transferReference" })]);

    const paid = await admin.api("POST", `/v1/staff/refunds/transfers/${paymentId}/paid`, {
      body: { transferReference: "MIZUHO 2026-12-05 No.0042" },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ paymentId, transferReference: "MIZUHO 2026-12-05 No.0042" });
    expect(paid.body.transferredAt).not.toBeNull();

    const again = await admin.api("POST", `/v1/staff/refunds/transfers/${paymentId}/paid`, {
      body: { transferReference: "again" },
    });
    expect(again).toMatchObject({ status: 409, body: { code: "refund_transfer_recorded" } });
    expect((await admin.api("GET", "/v1/staff/refunds/transfers")).body.items).toEqual([]);
    const all = await admin.api("GET", "/v1/staff/refunds/transfers?status=all");
    expect(all.body.items).toEqual([
      expect.objectContaining({ paymentId, transferReference: "MIZUHO 2026-12-05 No.0042" }),
    ]);

    const { rows } = await server.services.db.query<{ status: string; refunded_jpy: number }>(
      "SELECT status, refunded_jpy FROM payments WHERE id = $1",
      [paymentId],
    );
    expect(rows[0]).toMatchObject({ status: "refunded", refunded_jpy: 2200 });
    const audit = await server.services.db.query<{ actor: string; data: Record<string, unknown> }>(
      "SELECT actor, data FROM audit_entries WHERE action = 'payment.refund_transfer_paid' AND subject = $1",
      [reference],
    );
    expect(audit.rows).toEqual([
      {
        actor: `staff:${admin.id}`,
        data: { paymentId, amountJpy: 2200, transferReference: "MIZUHO 2026-12-05 No.0042" },
      },
    ]);
    expect((await verifyAuditChain(server.services.db)).valid).toBe(true);
    // The applicant hears that the money was given back.
    await jobsSettled(server);
    expect((await outbox(server)).some((m) => m.template === "refunded")).toBe(true);
  });

  it("refuses a payment that owes nothing by transfer, naming the field", async () => {
    const answer = await admin.api("POST", "/v1/staff/refunds/transfers/00000000-0000-4000-8000-000000000000/paid", {
      body: { transferReference: "X" },
    });
    expect(answer.status).toBe(404);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: "paymentId" })]);
  });
});
