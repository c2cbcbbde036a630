import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import type { Database } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { transitionStatus } from "../src/lifecycles/transition-status.ts";
import { transitionLine } from "../src/subscribers/transition-line.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

/**
 * The doors against one real database, without HTTP: each locks the row, asks the domain's table,
 * writes the state, the event and the audit entry together, and a refused step writes nothing.
 */

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await migrate(db);
  await db.query(
    `INSERT INTO plans (id, kind, name, services, form_factors, price_jpy)
     VALUES ('door-plan', 'prepaid', '{"en": "Door plan"}', '{voice,sms,data}', '{physical}', 1000)`,
  );
});
afterAll(async () => database?.drop());

async function newLine(): Promise<{ id: string; reference: string }> {
  const applicationId = randomUUID();
  const reference = `JM-DOOR-${randomBytes(3).toString("hex").toUpperCase()}`;
  await db.query(
    `INSERT INTO applications (id, access_token_hash, wrapped_data_key, contact_enc, language, channel, form_factor,
       reference, plan_id, state)
     VALUES ($1, $2, $3, $4, 'en', 'online', 'physical', $5, 'door-plan', 'active')`,
    [applicationId, randomBytes(32), randomBytes(32), randomBytes(32), reference],
  );
  const id = randomUUID();
  const msisdn = `070${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0")}`;
  await db.query(
    `INSERT INTO subscriptions (id, application_id, plan_id, msisdn, iccid, form_factor, network_ref, started_at)
     VALUES ($1, $2, 'door-plan', $3, $4, 'physical', $5, now())`,
    [id, applicationId, msisdn, `8981${msisdn}`, `net-${id}`],
  );
  return { id, reference };
}

async function lineRow(id: string) {
  const { rows } = await db.query<{ state: string; status: string; end_reason: string | null; ended: boolean }>(
    "SELECT state, status, end_reason, ended_at IS NOT NULL AS ended FROM subscriptions WHERE id = $1",
    [id],
  );
  return rows[0];
}

describe("the line's door", () => {
  it("moves a line through the table, writing state, event and audit entry together; the database derives status", async () => {
    const line = await newLine();
    const system = { kind: "system" } as const;
    await db.transaction((tx) => transitionLine(tx, line.id, "restrict_to_receive", system));
    expect(await lineRow(line.id)).toMatchObject({ state: "receive_only", status: "active", ended: false });
    await db.transaction((tx) =>
      transitionLine(tx, line.id, "suspend_for_police", system, { data: { requestId: "r-1" } }),
    );
    // A top-up's restoration cannot lift a police suspension: refused, and nothing written.
    await expect(db.transaction((tx) => transitionLine(tx, line.id, "restore_validity", system))).rejects.toMatchObject(
      {
        code: "line_transition_not_allowed",
      },
    );
    // Nor may the subscriber suspend or the like: the actor is checked too.
    await expect(
      db.transaction((tx) => transitionLine(tx, line.id, "transfer", { kind: "subscriber" })),
    ).rejects.toMatchObject({ code: "line_transition_not_allowed" });
    expect(await lineRow(line.id)).toMatchObject({ state: "police_suspended", status: "active" });
    await db.transaction((tx) =>
      transitionLine(tx, line.id, "restore_after_reverification", { kind: "staff", id: "clerk-1" }),
    );
    await db.transaction((tx) =>
      transitionLine(tx, line.id, "terminate", { kind: "staff", id: "admin-1" }, { endReason: "operator_decision" }),
    );
    expect(await lineRow(line.id)).toEqual({
      state: "terminated",
      status: "terminated",
      end_reason: "operator_decision",
      ended: true,
    });
    await expect(
      db.transaction((tx) => transitionLine(tx, line.id, "terminate", { kind: "staff", id: "admin-1" })),
    ).rejects.toMatchObject({ code: "line_transition_not_allowed" });

    const { rows: events } = await db.query<{ event: string; to_state: string; actor: string }>(
      `SELECT event, to_state, actor_kind || coalesce(':' || actor_id, '') AS actor FROM subscription_events
       WHERE subscription_id = $1 ORDER BY id`,
      [line.id],
    );
    expect(events).toEqual([
      { event: "restrict_to_receive", to_state: "receive_only", actor: "system" },
      { event: "suspend_for_police", to_state: "police_suspended", actor: "system" },
      { event: "restore_after_reverification", to_state: "active", actor: "staff:clerk-1" },
      { event: "terminate", to_state: "terminated", actor: "staff:admin-1" },
    ]);
    const { rows: audit } = await db.query<{ action: string; actor: string; data: Record<string, unknown> }>(
      "SELECT action, actor, data FROM audit_entries WHERE subject = $1 ORDER BY seq",
      [line.reference],
    );
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["subscription.service_changed", "system"],
      ["subscription.suspended", "system"],
      ["subscription.restored", "staff:clerk-1"],
      ["subscription.terminated", "staff:admin-1"],
    ]);
    expect(audit[1]?.data).toEqual({
      requestId: "r-1",
      event: "suspend_for_police",
      from: "receive_only",
      to: "police_suspended",
    });
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
  });

  it("undoes the state and the event when the step's own work fails", async () => {
    const line = await newLine();
    await expect(
      db.transaction((tx) =>
        transitionLine(
          tx,
          line.id,
          "terminate",
          { kind: "system" },
          {
            async within() {
              throw new Error("the network refused");
            },
          },
        ),
      ),
    ).rejects.toThrow("the network refused");
    expect(await lineRow(line.id)).toMatchObject({ state: "active", ended: false });
    const { rows } = await db.query("SELECT 1 FROM subscription_events WHERE subscription_id = $1", [line.id]);
    expect(rows).toEqual([]);
  });

  it("is the only way the state changes: the database refuses a state outside the table and any write of status", async () => {
    const line = await newLine();
    await expect(db.query("UPDATE subscriptions SET state = 'paused' WHERE id = $1", [line.id])).rejects.toThrow(
      /subscriptions_state_known/,
    );
    await expect(db.query("UPDATE subscriptions SET status = 'suspended' WHERE id = $1", [line.id])).rejects.toThrow(
      /status/,
    );
  });
});

describe("the door of the smaller stateful things", () => {
  it("decides a deletion request once by the domain's table, with its columns, event and audit entry; a second decision is refused", async () => {
    const line = await newLine();
    const requestId = randomUUID();
    await db.query(
      "INSERT INTO deletion_requests (id, subscription_id, identity_index, filed_at) VALUES ($1, $2, $3, now())",
      [requestId, line.id, randomBytes(32)],
    );
    const decide = () =>
      db.transaction((tx) =>
        transitionStatus(tx, "deletion_request", requestId, "decide", "staff:dpo-1", {
          audit: { action: "privacy.deletion_decided", subject: null },
          set: {
            decided_at: new Date(),
            decided_by: "staff:dpo-1",
            outcome: JSON.stringify({ kept: [], deleted: [] }),
          },
          data: { requestId },
        }),
      );
    expect(await decide()).toEqual({ from: "filed", to: "decided" });
    await expect(decide()).rejects.toMatchObject({ code: "status_step_not_allowed" });
    const { rows } = await db.query<{ status: string; decided_by: string; outcome: unknown }>(
      "SELECT status, decided_by, outcome FROM deletion_requests WHERE id = $1",
      [requestId],
    );
    expect(rows).toEqual([{ status: "decided", decided_by: "staff:dpo-1", outcome: { kept: [], deleted: [] } }]);
    const { rows: events } = await db.query<{
      subject_kind: string;
      event: string;
      from_status: string;
      to_status: string;
    }>("SELECT subject_kind, event, from_status, to_status FROM status_events WHERE subject_id = $1 ORDER BY id", [
      requestId,
    ]);
    expect(events).toEqual([
      { subject_kind: "deletion_request", event: "decide", from_status: "filed", to_status: "decided" },
    ]);
    const { rows: audit } = await db.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM audit_entries WHERE action = 'privacy.deletion_decided' AND data ->> 'requestId' = $1",
      [requestId],
    );
    expect(audit.map((a) => a.data)).toEqual([{ requestId, event: "decide", from: "filed", to: "decided" }]);
  });
});
