import type { LineState, PoliceRequestStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Subscriptions } from "../db/schema.ts";

/** The SQL of `police_requests` (警察からの本人確認の求め) and the lines they name. */

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const ACTIVE_LINE: LineState = "active";

/** The active line with this number. */
export async function selectActiveLineByMsisdn(
  db: Queryable,
  msisdn: string,
): Promise<Pick<Selectable<Subscriptions>, "id" | "application_id"> | null> {
  const { rows } = await db.query<Pick<Selectable<Subscriptions>, "id" | "application_id">>(
    "SELECT id, application_id FROM subscriptions WHERE msisdn = $1 AND status = $2",
    [msisdn, ACTIVE_LINE],
  );
  return rows[0] ?? null;
}

export async function insertPoliceRequest(
  tx: Queryable,
  row: {
    id: string;
    subscriptionId: string;
    authorityEnc: Buffer;
    receivedOn: string;
    deadline: Date;
    recordedBy: string;
    createdAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO police_requests (id, subscription_id, authority_enc, received_on, deadline, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.id, row.subscriptionId, row.authorityEnc, row.receivedOn, row.deadline, row.recordedBy, row.createdAt],
  );
}

export async function setLetterDocument(tx: Queryable, id: string, documentId: string): Promise<void> {
  await tx.query("UPDATE police_requests SET letter_document_id = $2 WHERE id = $1", [id, documentId]);
}

/** The oldest open request on the application's active line. */
export async function selectOpenRequestOfApplication(
  db: Queryable,
  applicationId: string,
  openStatuses: readonly PoliceRequestStatus[],
): Promise<string | undefined> {
  const open = await db.query<{ id: string }>(
    `SELECT p.id FROM police_requests p JOIN subscriptions s ON s.id = p.subscription_id
     WHERE s.application_id = $1 AND s.status = $3 AND p.status = ANY($2::text[])
     ORDER BY p.created_at LIMIT 1`,
    [applicationId, openStatuses, ACTIVE_LINE],
  );
  return open.rows[0]?.id;
}

/** The request, locked (FOR UPDATE OF the request), with its line's state. */
export async function selectRequestForUpdate(
  tx: Queryable,
  requestId: string,
): Promise<{ status: PoliceRequestStatus; subscription_id: string; line_state: LineState } | null> {
  const locked = await tx.query<{ status: PoliceRequestStatus; subscription_id: string; line_state: LineState }>(
    `SELECT p.status, p.subscription_id, s.state AS line_state
     FROM police_requests p JOIN subscriptions s ON s.id = p.subscription_id WHERE p.id = $1 FOR UPDATE OF p`,
    [requestId],
  );
  return locked.rows[0] ?? null;
}

export async function selectApplicationOfRequest(db: Queryable, requestId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ application_id: string }>(
    "SELECT s.application_id FROM police_requests p JOIN subscriptions s ON s.id = p.subscription_id WHERE p.id = $1",
    [requestId],
  );
  return rows[0]?.application_id;
}

/** Requests whose authority is still in plain text (before migration to sealed columns). */
export async function listUnsealedRequests(
  db: Queryable,
): Promise<{ id: string; authority: string; authority_reference: string }[]> {
  const { rows } = await db.query<{ id: string; authority: string; authority_reference: string }>(
    "SELECT id, authority, authority_reference FROM police_requests WHERE authority_enc IS NULL",
  );
  return rows;
}

/** Seals one request's authority; answers the rows changed (0 when another run sealed it first). */
export async function sealRequestAuthority(db: Queryable, id: string, sealed: Buffer): Promise<number> {
  const updated = await db.query(
    `UPDATE police_requests SET authority_enc = $2, authority = NULL, authority_reference = NULL
     WHERE id = $1 AND authority_enc IS NULL`,
    [id, sealed],
  );
  return updated.rowCount;
}

/** Requests still awaiting the holder whose deadline passed before `now`, oldest deadline first. */
export async function selectOverdueRequestIds(db: Queryable, now: Date): Promise<string[]> {
  const due = await db.query<{ id: string }>(
    "SELECT id FROM police_requests WHERE status = $2 AND deadline < $1 ORDER BY deadline, id",
    [now, "awaiting" satisfies PoliceRequestStatus],
  );
  return due.rows.map((r) => r.id);
}

export type OverdueRequestRow = Pick<Selectable<Subscriptions>, "application_id" | "network_ref" | "msisdn"> & {
  subscription_id: string;
  line_status: string;
  line_state: LineState;
  deadline: Date;
};

/** The overdue request with its line, both locked; null when another process holds it or it is no longer overdue. */
export async function lockOverdueRequest(tx: Queryable, id: string, now: Date): Promise<OverdueRequestRow | null> {
  const { rows } = await tx.query<OverdueRequestRow>(
    `SELECT p.subscription_id, s.application_id, s.status AS line_status, s.state AS line_state, s.network_ref, s.msisdn, p.deadline
         FROM police_requests p JOIN subscriptions s ON s.id = p.subscription_id
         WHERE p.id = $1 AND p.status = $3 AND p.deadline < $2 FOR UPDATE OF p, s SKIP LOCKED`,
    [id, now, "awaiting" satisfies PoliceRequestStatus],
  );
  return rows[0] ?? null;
}

export type PoliceReportRow = {
  id: string;
  authority_enc: Buffer;
  received_on: string | Date;
  reference: string;
  msisdn: string;
  deadline: Date;
  document_number: string | null;
  sha256: string | null;
  status: string;
  reverified_at: Date | null;
  reverification_method: string | null;
  record_version: number | null;
  suspended_at: Date | null;
  recorded_by: string;
  created_at: Date;
};

/** Requests received in [from, to] (dates, inclusive) with their line, letter and outcome, for the report. */
export async function selectRequestsForReport(
  db: Queryable,
  range: { from: string | null; to: string | null },
): Promise<PoliceReportRow[]> {
  const { rows } = await db.query<PoliceReportRow>(
    `SELECT p.id, p.authority_enc, p.received_on::text AS received_on, a.reference, s.msisdn,
       p.deadline, d.document_number, encode(d.sha256, 'hex') AS sha256, p.status, p.reverified_at,
       p.reverification_method, p.record_version, p.suspended_at, p.recorded_by, p.created_at
     FROM police_requests p JOIN subscriptions s ON s.id = p.subscription_id
     JOIN applications a ON a.id = s.application_id
     LEFT JOIN contract_documents d ON d.id = p.letter_document_id
     WHERE ($1::date IS NULL OR p.received_on >= $1::date) AND ($2::date IS NULL OR p.received_on <= $2::date)
     ORDER BY p.received_on, p.created_at, p.id`,
    [range.from, range.to],
  );
  return rows;
}
