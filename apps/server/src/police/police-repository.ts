import type { LineState, PoliceRequestStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Subscriptions } from "../db/schema.ts";

/** The SQL of `police_requests` (警察からの本人確認の求め) and the lines they name. */

/** The active line with this number. */
export async function selectActiveLineByMsisdn(
  db: Queryable,
  msisdn: string,
): Promise<Pick<Selectable<Subscriptions>, "id" | "application_id"> | null> {
  const { rows } = await db.query<Pick<Selectable<Subscriptions>, "id" | "application_id">>(
    "SELECT id, application_id FROM subscriptions WHERE msisdn = $1 AND status = 'active'",
    [msisdn],
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
  openStatuses: readonly string[],
): Promise<string | undefined> {
  const open = await db.query<{ id: string }>(
    `SELECT p.id FROM police_requests p JOIN subscriptions s ON s.id = p.subscription_id
     WHERE s.application_id = $1 AND s.status = 'active' AND p.status = ANY($2::text[])
     ORDER BY p.created_at LIMIT 1`,
    [applicationId, openStatuses],
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
