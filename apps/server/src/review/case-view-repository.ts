import type { CheckStatus, LineState, PoliceRequestStatus } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { sqlStatuses } from "../db/sql-status.ts";
import { operationsOfApplication } from "../issuance/provisioning-operations-repository.ts";

/**
 * The SQL of the reviewer's case view: what it reads about an application besides the application
 * itself (check details, evidence list, history with actors, staff names, particulars history, the
 * line, the provisioning log). Case notes and flags are in case-repository.ts.
 */

const OPEN_POLICE_REQUEST = sqlStatuses<PoliceRequestStatus>("awaiting", "suspended");

export async function listRunCheckResults(db: Queryable, applicationId: string, run: number) {
  const checks = await db.query<{
    code: string;
    status: CheckStatus;
    params: Record<string, string | number>;
    details: Record<string, unknown>;
  }>("SELECT code, status, params, details FROM check_results WHERE application_id = $1 AND run = $2 ORDER BY id", [
    applicationId,
    run,
  ]);
  return checks.rows;
}

export async function listEvidenceOverview(db: Queryable, applicationId: string) {
  const evidence = await db.query<{ id: string; kind: string; created_at: Date }>(
    "SELECT id, kind, created_at FROM evidence WHERE application_id = $1 ORDER BY created_at, id",
    [applicationId],
  );
  return evidence.rows;
}

export async function listCaseEvents(db: Queryable, applicationId: string) {
  const events = await db.query<{
    version: number;
    event: string;
    from_state: string;
    to_state: string;
    actor_kind: string;
    actor_id: string | null;
    data: Record<string, unknown>;
    created_at: Date;
  }>(
    "SELECT version, event, from_state, to_state, actor_kind, actor_id, data, created_at FROM application_events WHERE application_id = $1 ORDER BY version",
    [applicationId],
  );
  return events.rows;
}

export async function listEventStaffNames(db: Queryable, applicationId: string) {
  const staffNames = await db.query<{ id: string; display_name: string }>(
    "SELECT id, display_name FROM staff WHERE id IN (SELECT actor_id::uuid FROM application_events WHERE application_id = $1 AND actor_kind = 'staff')",
    [applicationId],
  );
  return staffNames.rows;
}

export async function listParticularsHistory(db: Queryable, applicationId: string) {
  const history = await db.query<{ content_version: number; particulars_enc: unknown; created_at: Date }>(
    "SELECT content_version, particulars_enc, created_at FROM particulars_history WHERE application_id = $1 ORDER BY content_version",
    [applicationId],
  );
  return history.rows;
}

/** The SIM or eSIM profile on the application; a data-only line has a number in the network, never shown. */
export async function lineOf(db: Queryable, applicationId: string) {
  const { rows } = await db.query<{
    iccid: string;
    msisdn: string;
    form_factor: "physical" | "esim";
    line_type: "voice" | "data";
    status: "assigned" | "active" | "released";
  }>("SELECT iccid, msisdn, form_factor, line_type, status FROM sims WHERE application_id = $1", [applicationId]);
  const r = rows[0];
  if (!r) return null;
  return {
    iccid: r.iccid,
    formFactor: r.form_factor,
    lineType: r.line_type,
    msisdn: r.line_type === "voice" ? r.msisdn : null,
    status: r.status,
    subscription: await subscriptionOf(db, applicationId),
  };
}

/** The operation log: every provisioning call made for the application, its request, answer and outcome. */
export async function provisioningOperationsOf(db: Queryable, applicationId: string) {
  const rows = await operationsOfApplication(db, applicationId);
  return rows.map((r) => ({
    operation: r.operation,
    adapter: r.adapter,
    request: r.request,
    answer: r.answer,
    outcome: r.outcome,
    error: r.error,
    attempts: r.attempts,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  }));
}

/** The line's state once it is live, and the police request a counter re-verification would answer. */
export async function subscriptionOf(db: Queryable, applicationId: string) {
  const { rows } = await db.query<{ state: LineState; police_request_id: string | null }>(
    `SELECT s.state, (SELECT p.id FROM police_requests p WHERE p.subscription_id = s.id
                        AND p.status IN (${OPEN_POLICE_REQUEST}) ORDER BY p.created_at LIMIT 1) AS police_request_id
     FROM subscriptions s WHERE s.application_id = $1`,
    [applicationId],
  );
  const r = rows[0];
  return r ? { state: r.state, openPoliceRequestId: r.police_request_id } : null;
}

/** The applicant's timeline as a shop's status lookup shows it. */
export async function listTimeline(db: Queryable, applicationId: string) {
  const events = await db.query<{ event: string; to_state: string; created_at: Date }>(
    "SELECT event, to_state, created_at FROM application_events WHERE application_id = $1 ORDER BY version",
    [applicationId],
  );
  return events.rows;
}
