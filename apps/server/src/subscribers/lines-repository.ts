import type { LineState } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Applications, ContractDocuments, Plans, Subscriptions } from "../db/schema.ts";

/**
 * Lines as the subscriber module reads and moves them (subscriptions, subscription_events). The
 * state column is written only by `moveLineState`, called by the door (transition-line.ts).
 */

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const ACTIVE: LineState = "active";

type Reference = Pick<Selectable<Applications>, "reference">;

export type LockedLineRow = Pick<
  Selectable<Subscriptions>,
  "id" | "application_id" | "plan_id" | "msisdn" | "network_ref" | "valid_until"
> &
  Reference & { state: LineState };

export type ActiveLineOfNumberRow = Pick<Selectable<Subscriptions>, "id" | "application_id"> & Reference;

/** The line with its application's reference, the subscription row locked (not the application's). */
export async function lockLineRow(tx: Queryable, lineId: string): Promise<LockedLineRow | null> {
  const { rows } = await tx.query<LockedLineRow>(
    `SELECT s.id, s.application_id, a.reference, s.plan_id, s.msisdn, s.network_ref, s.state, s.valid_until
     FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE s.id = $1 FOR UPDATE OF s`,
    [lineId],
  );
  return rows[0] ?? null;
}

/** Writes the line's new state and its event in one statement. */
export async function moveLineState(
  tx: Queryable,
  move: {
    lineId: string;
    to: LineState;
    at: Date;
    ends: boolean;
    endReason: string | null;
    event: string;
    from: LineState;
    actorKind: string;
    actorId: string | null;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    `WITH moved AS (
       UPDATE subscriptions SET state = $2, state_changed_at = $3,
         ended_at = CASE WHEN $4::boolean THEN $3 ELSE ended_at END,
         end_reason = CASE WHEN $4::boolean THEN $5 ELSE end_reason END
       WHERE id = $1 RETURNING id)
     INSERT INTO subscription_events (subscription_id, event, from_state, to_state, actor_kind, actor_id, data, at)
     SELECT id, $6, $7, $2, $8, $9, $10, $3 FROM moved`,
    [
      move.lineId,
      move.to,
      move.at,
      move.ends,
      move.endReason,
      move.event,
      move.from,
      move.actorKind,
      move.actorId,
      JSON.stringify(move.data),
    ],
  );
}

/** The live line of an application (one at most: the number is unique among live lines), or null. */
export async function findLiveLineId(db: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM subscriptions WHERE application_id = $1 AND status = $2",
    [applicationId, ACTIVE],
  );
  return rows[0]?.id ?? null;
}

/** Locks the subscription row (only the lock is wanted). */
export async function lockSubscription(tx: Queryable, lineId: string): Promise<void> {
  await tx.query("SELECT id FROM subscriptions WHERE id = $1 FOR UPDATE", [lineId]);
}

export async function findActiveLineByNumber(db: Queryable, msisdn: string): Promise<ActiveLineOfNumberRow | null> {
  const { rows } = await db.query<ActiveLineOfNumberRow>(
    `SELECT s.id, s.application_id, a.reference FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE s.msisdn = $1 AND s.status = $2`,
    [msisdn, ACTIVE],
  );
  return rows[0] ?? null;
}

/**
 * The active line of the application with this reference (JT-…): the key a data-only line's holder has,
 * since its 020 number is never shown to them. One at most (an application has one live line).
 */
export async function findActiveLineByReference(
  db: Queryable,
  reference: string,
): Promise<{ id: string; application_id: string; reference: string } | null> {
  const { rows } = await db.query<{ id: string; application_id: string; reference: string }>(
    `SELECT s.id, s.application_id, a.reference FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE a.reference = $1 AND s.status = $2`,
    [reference, ACTIVE],
  );
  return rows[0] ?? null;
}

/** The application behind the person's active line with this number; null if it is not theirs. */
export async function findHolderLineApplication(
  db: Queryable,
  msisdn: string,
  identityIndex: Buffer,
): Promise<string | null> {
  const { rows } = await db.query<{ application_id: string }>(
    `SELECT s.application_id FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE s.msisdn = $1 AND s.status = $3 AND a.identity_index = $2`,
    [msisdn, identityIndex, ACTIVE],
  );
  return rows[0]?.application_id ?? null;
}

/** A line of the person, with its plan's keep-alive rules and its application's reference. */
export type HolderLineRow = Pick<
  Selectable<Subscriptions>,
  "id" | "msisdn" | "plan_id" | "form_factor" | "status" | "started_at" | "ended_at" | "valid_until"
> &
  // The plan's services: a line without "voice" is data-only (its 020 number is not the holder's to use).
  Pick<Selectable<Plans>, "keep_alive" | "services"> &
  Reference & { state: LineState };

export async function listHolderLines(db: Queryable, identityIndex: Buffer): Promise<HolderLineRow[]> {
  const { rows } = await db.query<HolderLineRow>(
    `SELECT s.id, s.msisdn, s.plan_id, s.form_factor, s.status, s.state, s.started_at, s.ended_at,
            s.valid_until, p.keep_alive, p.services, a.reference
     FROM subscriptions s JOIN applications a ON a.id = s.application_id JOIN plans p ON p.id = s.plan_id
     WHERE a.identity_index = $1 ORDER BY s.started_at, s.id`,
    [identityIndex],
  );
  return rows;
}

/** A document of the person's lines (sha256 as hex, computed). */
export type HolderDocumentRow = Pick<
  Selectable<ContractDocuments>,
  "id" | "kind" | "document_number" | "language" | "size_bytes" | "created_at"
> &
  Reference & { sha256: string };

export async function listHolderDocuments(db: Queryable, identityIndex: Buffer): Promise<HolderDocumentRow[]> {
  const { rows } = await db.query<HolderDocumentRow>(
    `SELECT d.id, d.kind, d.document_number, d.language, encode(d.sha256, 'hex') AS sha256, d.size_bytes, d.created_at, a.reference
     FROM contract_documents d JOIN applications a ON a.id = d.application_id
     WHERE a.identity_index = $1 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.application_id = a.id)
     ORDER BY d.created_at, d.id`,
    [identityIndex],
  );
  return rows;
}

/** The application a document belongs to, if it is one of the person's lines'. */
export async function findHolderDocumentApplication(
  db: Queryable,
  documentId: string,
  identityIndex: Buffer,
): Promise<string | null> {
  const { rows } = await db.query<{ application_id: string }>(
    `SELECT d.application_id FROM contract_documents d JOIN applications a ON a.id = d.application_id
     WHERE d.id = $1 AND a.identity_index = $2 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.application_id = a.id)`,
    [documentId, identityIndex],
  );
  return rows[0]?.application_id ?? null;
}

export async function hasVerificationRecord(db: Queryable, applicationId: string): Promise<boolean> {
  const hasRecord = await db.query("SELECT 1 FROM verification_records WHERE application_id = $1 LIMIT 1", [
    applicationId,
  ]);
  return hasRecord.rows.length > 0;
}

export async function findIdentityIndex(db: Queryable, applicationId: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ identity_index: Buffer | null }>(
    "SELECT identity_index FROM applications WHERE id = $1",
    [applicationId],
  );
  return rows[0]?.identity_index ?? null;
}
