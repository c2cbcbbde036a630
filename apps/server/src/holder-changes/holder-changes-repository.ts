import type { HolderChangeStatus, LineState } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import { forgetLockedApplications } from "../applications/applications-repository.ts";
import type { Queryable } from "../db/database.ts";
import type { HolderChanges, Subscriptions } from "../db/schema.ts";

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const ACTIVE_LINE: LineState = "active";

/**
 * Requests to change a holder's name, address or contact (holder_changes), and what deciding them
 * reads and writes: only here. A request's status moves through `transitionStatus` (lifecycles).
 */

export async function findHolderChangeApplication(db: Queryable, changeId: string): Promise<string | null> {
  const found = await db.query<{ application_id: string }>("SELECT application_id FROM holder_changes WHERE id = $1", [
    changeId,
  ]);
  return found.rows[0]?.application_id ?? null;
}

export type LockedHolderChange = Pick<Selectable<HolderChanges>, "request_enc" | "policy_id" | "policy_version"> &
  Pick<Selectable<Subscriptions>, "msisdn"> & {
    kind: "name" | "address" | "contact";
    status: HolderChangeStatus;
    line_status: string;
  };

/** The request (locked, not its line) with its line's number and status. */
export async function lockHolderChange(tx: Queryable, changeId: string): Promise<LockedHolderChange | null> {
  const { rows } = await tx.query<LockedHolderChange>(
    `SELECT c.kind, c.status, c.request_enc, s.msisdn, s.status AS line_status, c.policy_id, c.policy_version
       FROM holder_changes c JOIN subscriptions s ON s.id = c.subscription_id WHERE c.id = $1 FOR UPDATE OF c`,
    [changeId],
  );
  return rows[0] ?? null;
}

/** The holder's new contact details, sealed, with their blind indexes. */
export async function replaceContact(
  tx: Queryable,
  applicationId: string,
  contact: { contactEnc: Buffer; contactIndex: Buffer; phoneIndex: Buffer | null },
): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query("UPDATE applications SET contact_enc = $2, contact_index = $3, phone_index = $4 WHERE id = $1", [
    applicationId,
    contact.contactEnc,
    contact.contactIndex,
    contact.phoneIndex,
  ]);
}

export type HolderChangeListRow = Pick<
  Selectable<HolderChanges>,
  | "id"
  | "kind"
  | "status"
  | "evidence_count"
  | "policy_id"
  | "policy_version"
  | "requested_at"
  | "decided_at"
  | "decided_by"
  | "reject_reason"
  | "record_id"
> &
  Pick<Selectable<Subscriptions>, "msisdn"> & { reference: string };

export async function selectHolderChanges(
  db: Queryable,
  filter: { status: string | null; id: string | null },
): Promise<HolderChangeListRow[]> {
  const { rows } = await db.query<HolderChangeListRow>(
    `SELECT c.id, a.reference, s.msisdn, c.kind, c.status, c.evidence_count, c.policy_id, c.policy_version,
       c.requested_at, c.decided_at, c.decided_by, c.reject_reason, c.record_id
     FROM holder_changes c JOIN applications a ON a.id = c.application_id JOIN subscriptions s ON s.id = c.subscription_id
     WHERE ($1::text IS NULL OR c.status = $1) AND ($2::uuid IS NULL OR c.id = $2)
     ORDER BY c.requested_at, c.id LIMIT 200`,
    [filter.status, filter.id],
  );
  return rows;
}

export async function findHolderChangeRequest(
  db: Queryable,
  changeId: string,
): Promise<Pick<Selectable<HolderChanges>, "application_id" | "request_enc"> | null> {
  const { rows } = await db.query<Pick<Selectable<HolderChanges>, "application_id" | "request_enc">>(
    "SELECT application_id, request_enc FROM holder_changes WHERE id = $1",
    [changeId],
  );
  return rows[0] ?? null;
}

/** The latest version of the application's verification record (sealed), if any. */
export async function latestRecordContent(db: Queryable, applicationId: string): Promise<Uint8Array | null> {
  const latest = await db.query<{ content_enc: Uint8Array }>(
    "SELECT content_enc FROM verification_records WHERE application_id = $1 ORDER BY version DESC LIMIT 1",
    [applicationId],
  );
  return latest.rows[0]?.content_enc ?? null;
}

export async function insertHolderChange(
  tx: Queryable,
  c: {
    id: string;
    applicationId: string;
    lineId: string;
    kind: string;
    requestEnc: Buffer;
    evidenceCount: number;
    policyId: string;
    policyVersion: string;
    requestedAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO holder_changes (id, application_id, subscription_id, kind, request_enc, evidence_count,
           policy_id, policy_version, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      c.id,
      c.applicationId,
      c.lineId,
      c.kind,
      c.requestEnc,
      c.evidenceCount,
      c.policyId,
      c.policyVersion,
      c.requestedAt,
    ],
  );
}

export type OwnActiveLineRow = Pick<Selectable<Subscriptions>, "id" | "application_id" | "msisdn" | "plan_id"> & {
  form_factor: "physical" | "esim";
};

/** The person's active line with this number (by their identity index), with its subscription. */
export async function findOwnActiveLine(
  db: Queryable,
  msisdn: string,
  identityIndex: Buffer,
): Promise<OwnActiveLineRow | null> {
  const { rows } = await db.query<OwnActiveLineRow>(
    `SELECT s.id, s.application_id, s.msisdn, s.plan_id, s.form_factor FROM subscriptions s
     JOIN applications a ON a.id = s.application_id
     WHERE s.msisdn = $1 AND s.status = $3 AND a.identity_index = $2`,
    [msisdn, identityIndex, ACTIVE_LINE],
  );
  return rows[0] ?? null;
}
