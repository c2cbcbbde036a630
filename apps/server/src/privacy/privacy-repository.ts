import type { DeletionRequestStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { DeletionRequests, TopUps } from "../db/schema.ts";
import { queueApplicationObjectDeletions } from "../storage/document-deletions-repository.ts";

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const FILED: DeletionRequestStatus = "filed";

/**
 * The SQL of the data subject's rights: deletion requests (個人情報保護法 第35条) and the person's
 * export of their own data, found by the identity blind index. Plain functions in the caller's
 * transaction.
 */

/** A deletion request as shown (status as the lifecycle names it; outcome as stored, JSON or text). */
export type DeletionRequestRow = Pick<Selectable<DeletionRequests>, "id" | "filed_at" | "decided_at"> & {
  status: DeletionRequestStatus;
  outcome: unknown;
};

/** The person's request still open, locked (one open request per person). */
export async function lockOpenDeletionRequest(
  tx: Queryable,
  identityIndex: Buffer,
): Promise<DeletionRequestRow | null> {
  const open = await tx.query<DeletionRequestRow>(
    `SELECT id, status, filed_at, decided_at, outcome FROM deletion_requests WHERE identity_index = $1 AND status = $2
       FOR UPDATE`,
    [identityIndex, FILED],
  );
  return open.rows[0] ?? null;
}

export async function insertDeletionRequest(
  tx: Queryable,
  request: { id: string; subscriptionId: string; identityIndex: Buffer; filedAt: Date },
): Promise<void> {
  await tx.query(
    "INSERT INTO deletion_requests (id, subscription_id, identity_index, filed_at) VALUES ($1, $2, $3, $4)",
    [request.id, request.subscriptionId, request.identityIndex, request.filedAt],
  );
}

/** The request with this id, if it is the person's. */
export async function selectOwnDeletionRequest(
  db: Queryable,
  id: string,
  identityIndex: Buffer,
): Promise<DeletionRequestRow | null> {
  const { rows } = await db.query<DeletionRequestRow>(
    "SELECT id, status, filed_at, decided_at, outcome FROM deletion_requests WHERE id = $1 AND identity_index = $2",
    [id, identityIndex],
  );
  return rows[0] ?? null;
}

export async function selectOpenDeletionRequests(db: Queryable): Promise<DeletionRequestRow[]> {
  const { rows } = await db.query<DeletionRequestRow>(
    "SELECT id, status, filed_at, decided_at, outcome FROM deletion_requests WHERE status = $1 ORDER BY filed_at, id",
    [FILED],
  );
  return rows;
}

export async function lockDeletionRequest(
  tx: Queryable,
  id: string,
): Promise<(DeletionRequestRow & Pick<Selectable<DeletionRequests>, "identity_index" | "subscription_id">) | null> {
  const locked = await tx.query<
    DeletionRequestRow & Pick<Selectable<DeletionRequests>, "identity_index" | "subscription_id">
  >(
    `SELECT id, status, filed_at, decided_at, outcome, identity_index, subscription_id FROM deletion_requests
       WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return locked.rows[0] ?? null;
}

/** One of the person's applications, as a deletion request weighs it. */
export type DeletionCandidateRow = {
  id: string;
  reference: string;
  line_status: string | null;
  has_record: boolean;
  purge_after: Date | null;
  legal_hold: boolean;
};

/** The person's applications not purged yet, locked, with what keeps their data. */
export async function lockApplicationsOfIdentity(
  tx: Queryable,
  identityIndex: Buffer,
): Promise<DeletionCandidateRow[]> {
  const { rows } = await tx.query<DeletionCandidateRow>(
    `SELECT a.id, a.reference, s.status AS line_status,
         EXISTS (SELECT 1 FROM verification_records r WHERE r.application_id = a.id) AS has_record,
         (SELECT max(r.purge_after) FROM verification_records r WHERE r.application_id = a.id) AS purge_after,
         EXISTS (SELECT 1 FROM verification_records r WHERE r.application_id = a.id AND r.legal_hold) AS legal_hold
       FROM applications a LEFT JOIN subscriptions s ON s.application_id = a.id
       WHERE a.identity_index = $1 AND a.purged_at IS NULL ORDER BY a.created_at, a.id FOR UPDATE OF a`,
    [identityIndex],
  );
  return rows;
}

export async function deleteEvidenceOf(tx: Queryable, applicationId: string): Promise<number> {
  // Their objects, if an object store holds them, go after the commit (storage/delete-queued-objects.ts).
  await queueApplicationObjectDeletions(tx, applicationId, { evidence: true, contractDocuments: false });
  return (await tx.query("DELETE FROM evidence WHERE application_id = $1", [applicationId])).rowCount;
}

export async function deleteMailOf(tx: Queryable, applicationId: string): Promise<number> {
  return (await tx.query("DELETE FROM mail_outbox WHERE application_id = $1", [applicationId])).rowCount;
}

export async function selectReferenceOfLine(db: Queryable, subscriptionId: string): Promise<string | null> {
  const { rows } = await db.query<{ reference: string }>(
    "SELECT a.reference FROM subscriptions s JOIN applications a ON a.id = s.application_id WHERE s.id = $1",
    [subscriptionId],
  );
  return rows[0]?.reference ?? null;
}

export async function selectApplicationOfLine(db: Queryable, subscriptionId: string): Promise<string | null> {
  const { rows } = await db.query<{ application_id: string }>(
    "SELECT application_id FROM subscriptions WHERE id = $1",
    [subscriptionId],
  );
  return rows[0]?.application_id ?? null;
}

export async function selectApplicationIdsOfIdentity(db: Queryable, identityIndex: Buffer): Promise<string[]> {
  const applications = await db.query<{ id: string }>(
    "SELECT id FROM applications WHERE identity_index = $1 ORDER BY created_at, id",
    [identityIndex],
  );
  return applications.rows.map((r) => r.id);
}

export type TopUpExportRow = Pick<
  Selectable<TopUps>,
  "amount_jpy" | "validity_days" | "status" | "created_at" | "credited_at" | "valid_until"
> & { msisdn: string };

export async function selectTopUpsOfIdentity(db: Queryable, identityIndex: Buffer): Promise<TopUpExportRow[]> {
  const { rows } = await db.query<TopUpExportRow>(
    `SELECT s.msisdn, t.amount_jpy, t.validity_days, t.status, t.created_at, t.credited_at, t.valid_until
     FROM top_ups t JOIN subscriptions s ON s.id = t.subscription_id JOIN applications a ON a.id = s.application_id
     WHERE a.identity_index = $1 ORDER BY t.created_at, t.id`,
    [identityIndex],
  );
  return rows;
}

export type NoticeExportRow = {
  id: string;
  msisdn: string;
  language: string;
  texts: { title: Record<string, string>; body: Record<string, string> };
  published_at: Date;
};

export async function selectNoticesOfIdentity(db: Queryable, identityIndex: Buffer): Promise<NoticeExportRow[]> {
  const { rows } = await db.query<NoticeExportRow>(
    `SELECT n.id, s.msisdn, d.language, n.texts, n.published_at
     FROM announcement_deliveries d JOIN announcements n ON n.id = d.announcement_id
     JOIN subscriptions s ON s.id = d.subscription_id JOIN applications a ON a.id = s.application_id
     WHERE a.identity_index = $1 ORDER BY n.published_at, n.id, s.msisdn`,
    [identityIndex],
  );
  return rows;
}

export async function selectDeletionRequestsOfIdentity(
  db: Queryable,
  identityIndex: Buffer,
): Promise<DeletionRequestRow[]> {
  const { rows } = await db.query<DeletionRequestRow>(
    "SELECT id, status, filed_at, decided_at, outcome FROM deletion_requests WHERE identity_index = $1 ORDER BY filed_at",
    [identityIndex],
  );
  return rows;
}
