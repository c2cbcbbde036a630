import type { ApplicationState, CheckStatus, FormFactor } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { ApplicationEvents, Applications, CheckResults, Subscriptions, TermsAcceptances } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * The SQL of the `applications` table and of the rows that belong to one application alone (its
 * events, particulars history, terms acceptances, check results). Plain functions in the caller's
 * transaction; the mapping to domain values stays with the callers (application-row.ts).
 */

const DRAFT = sqlStatus<ApplicationState>("draft");

/** An application row with its plan's kind and price (the join every reader of an application needs). */
export type ApplicationRecord = Pick<
  Selectable<Applications>,
  | "id"
  | "reference"
  | "plan_id"
  | "state"
  | "version"
  | "language"
  | "channel"
  | "form_factor"
  | "access_token_hash"
  | "wrapped_data_key"
  | "contact_enc"
  | "particulars_enc"
  | "deposit_required"
  | "check_run"
  | "activation_failures"
  | "activation_locked_at"
  | "created_at"
  | "updated_at"
  | "submitted_at"
  | "purged_at"
  | "content_version"
  | "state_changed_at"
  | "kind"
> & { plan_kind: string; plan_price_jpy: number };

const columns = `a.id, a.reference, a.plan_id, p.kind AS plan_kind, p.price_jpy AS plan_price_jpy, a.state, a.version, a.language, a.channel,
  a.form_factor, a.access_token_hash, a.wrapped_data_key, a.contact_enc, a.particulars_enc, a.deposit_required,
  a.check_run, a.activation_failures, a.activation_locked_at, a.created_at, a.updated_at, a.submitted_at, a.purged_at, a.content_version,
  a.state_changed_at, a.kind`;

export async function selectApplicationByReference(
  db: Queryable,
  reference: string,
): Promise<ApplicationRecord | null> {
  const { rows } = await db.query<ApplicationRecord>(
    `SELECT ${columns} FROM applications a JOIN plans p ON p.id = a.plan_id WHERE a.reference = $1`,
    [reference],
  );
  return rows[0] ?? null;
}

export async function selectApplicationById(db: Queryable, id: string): Promise<ApplicationRecord | null> {
  const { rows } = await db.query<ApplicationRecord>(
    `SELECT ${columns} FROM applications a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * The rows a transaction holds locked, as they stand in it: a row locked once is not read again by
 * the same transaction (the step's own lock, then the one door's, then the door's again for the next
 * event: three reads of the row in one payment). Sound because no other transaction can change a row
 * this one holds locked, and every statement of ours that writes `applications` either refreshes the
 * entry (the door's `writeTransition` returns the new row) or drops the transaction's entries
 * (`forgetLockedApplications`): **a new statement that writes `applications` must call it**. Only
 * inside a transaction (`beforeCommit` marks one): outside, a lock ends with its statement.
 */
const lockedRecords = new WeakMap<Queryable, Map<string, ApplicationRecord>>();

function lockedIn(tx: Queryable): Map<string, ApplicationRecord> | null {
  if (!tx.beforeCommit) return null;
  let records = lockedRecords.get(tx);
  if (!records) {
    records = new Map();
    lockedRecords.set(tx, records);
  }
  return records;
}

/** After any write to `applications` other than the door's: the transaction reads its rows again. */
export function forgetLockedApplications(tx: Queryable): void {
  lockedRecords.delete(tx);
}

/** The row, locked for the rest of the transaction (FOR UPDATE OF the application only). */
export async function selectApplicationForUpdate(tx: Queryable, id: string): Promise<ApplicationRecord | null> {
  const locked = lockedIn(tx);
  const held = locked?.get(id);
  if (held) return held;
  const { rows } = await tx.query<ApplicationRecord>(
    `SELECT ${columns} FROM applications a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );
  const row = rows[0] ?? null;
  if (row) locked?.set(id, row);
  return row;
}

/**
 * The application a payment belongs to, locked, found from the payment in the same statement (the
 * payment paths lock the application first, then the payment).
 */
export async function selectApplicationOfPaymentForUpdate(
  tx: Queryable,
  paymentId: string,
): Promise<ApplicationRecord | null> {
  const { rows } = await tx.query<ApplicationRecord>(
    `SELECT ${columns} FROM applications a JOIN plans p ON p.id = a.plan_id
     WHERE a.id = (SELECT application_id FROM payments WHERE id = $1) FOR UPDATE OF a`,
    [paymentId],
  );
  const row = rows[0] ?? null;
  if (row) lockedIn(tx)?.set(String(row.id), row);
  return row;
}

/**
 * The new state and the event that led there, in one statement (apply-event.ts, the one door);
 * answers the row as it now stands (locked: the update holds it), which the transaction keeps.
 */
export async function writeTransition(
  tx: Queryable,
  input: {
    applicationId: string;
    version: number;
    event: string;
    from: string;
    to: string;
    actorKind: string;
    actorId: string | null;
    /** JSON text. */
    data: string;
  },
): Promise<ApplicationRecord | null> {
  const { rows } = await tx.query<ApplicationRecord>(
    `WITH moved AS (
       UPDATE applications SET state = $5, version = $2, updated_at = now(),
         state_changed_at = CASE WHEN state = $5 THEN state_changed_at ELSE now() END
       WHERE id = $1 RETURNING *),
     event AS (
       INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_kind, actor_id, data)
       SELECT id, $2, $3, $4, $5, $6, $7, $8 FROM moved)
     SELECT ${columns} FROM moved a JOIN plans p ON p.id = a.plan_id`,
    [input.applicationId, input.version, input.event, input.from, input.to, input.actorKind, input.actorId, input.data],
  );
  const row = rows[0] ?? null;
  const locked = lockedIn(tx);
  if (row) locked?.set(input.applicationId, row);
  else locked?.delete(input.applicationId);
  return row;
}

/** The application an Idempotency-Key created before, locked. */
export async function selectApplicationByCreationKeyForUpdate(
  tx: Queryable,
  creationKey: Buffer,
): Promise<{ reference: string; form_factor: FormFactor } | null> {
  const { rows } = await tx.query<{ reference: string; form_factor: FormFactor }>(
    "SELECT reference, form_factor FROM applications WHERE creation_key = $1 FOR UPDATE",
    [creationKey],
  );
  return rows[0] ?? null;
}

export async function updateAccessTokenByCreationKey(
  tx: Queryable,
  creationKey: Buffer,
  accessTokenHash: Buffer,
): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query("UPDATE applications SET access_token_hash = $2 WHERE creation_key = $1", [
    creationKey,
    accessTokenHash,
  ]);
}

export async function insertDraftApplication(
  tx: Queryable,
  row: {
    id: string;
    reference: string;
    planId: string;
    language: string;
    channel: string;
    formFactor: string;
    accessTokenHash: Buffer;
    wrappedDataKey: Buffer;
    contactEnc: Buffer;
    contactIndex: Buffer;
    phoneIndex: Buffer | null;
    ipIndex: Buffer | null;
    deviceIndex: Buffer | null;
    kind: string;
    creationKey: Buffer | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO applications (id, reference, plan_id, state, language, channel, form_factor, access_token_hash,
       wrapped_data_key, contact_enc, contact_index, phone_index, ip_index, device_index, kind, creation_key)
     VALUES ($1, $2, $3, ${DRAFT}, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      row.id,
      row.reference,
      row.planId,
      row.language,
      row.channel,
      row.formFactor,
      row.accessTokenHash,
      row.wrappedDataKey,
      row.contactEnc,
      row.contactIndex,
      row.phoneIndex,
      row.ipIndex,
      row.deviceIndex,
      row.kind,
      row.creationKey,
    ],
  );
}

/** New particulars and their blind indexes; answers the new content version. */
export async function updateParticularsColumns(
  tx: Queryable,
  input: { applicationId: string; particularsEnc: Buffer; documentIndex: Buffer | null; identityIndex: Buffer },
): Promise<Pick<Selectable<Applications>, "content_version" | "updated_at"> | null> {
  forgetLockedApplications(tx);
  const { rows } = await tx.query<Pick<Selectable<Applications>, "content_version" | "updated_at">>(
    "UPDATE applications SET particulars_enc = $2, document_index = $3, identity_index = $4, content_version = content_version + 1, updated_at = now() WHERE id = $1 RETURNING content_version, updated_at",
    [input.applicationId, input.particularsEnc, input.documentIndex, input.identityIndex],
  );
  return rows[0] ?? null;
}

export async function insertParticularsHistory(
  tx: Queryable,
  input: { applicationId: string; contentVersion: number | undefined; particularsEnc: Buffer },
): Promise<void> {
  await tx.query(
    "INSERT INTO particulars_history (application_id, content_version, particulars_enc) VALUES ($1, $2, $3)",
    [input.applicationId, input.contentVersion, input.particularsEnc],
  );
}

export async function bumpContentVersion(tx: Queryable, applicationId: string): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query("UPDATE applications SET content_version = content_version + 1 WHERE id = $1", [applicationId]);
}

/** After a wrong activation code: the count, and the lock once it reached the limit. */
export async function setActivationFailures(
  tx: Queryable,
  applicationId: string,
  failures: number,
  lockNow: boolean,
): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query(
    "UPDATE applications SET activation_failures = $2, activation_locked_at = CASE WHEN $3 THEN now() ELSE NULL END WHERE id = $1",
    [applicationId, failures, lockNow],
  );
}

export async function clearActivationLock(tx: Queryable, applicationId: string): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query("UPDATE applications SET activation_failures = 0, activation_locked_at = NULL WHERE id = $1", [
    applicationId,
  ]);
}

/**
 * The policy a submission pinned, and the instant it was chosen for (the server's clock, not the
 * database's: the review resolves the same rules again from `submitted_at`).
 */
export async function markSubmitted(
  tx: Queryable,
  applicationId: string,
  pin: { id: string; version: string; contentHash: string },
  at: Date,
): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query(
    "UPDATE applications SET submitted_at = $5, policy_id = $2, policy_version = $3, policy_hash = $4 WHERE id = $1",
    [applicationId, pin.id, pin.version, pin.contentHash, at],
  );
}

export async function selectDocumentIndex(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<Applications>, "document_index"> | null> {
  const { rows } = await db.query<Pick<Selectable<Applications>, "document_index">>(
    "SELECT document_index FROM applications WHERE id = $1",
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function selectContactIndexes(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<Applications>, "contact_index" | "phone_index"> | null> {
  const { rows } = await db.query<Pick<Selectable<Applications>, "contact_index" | "phone_index">>(
    "SELECT contact_index, phone_index FROM applications WHERE id = $1",
    [applicationId],
  );
  return rows[0] ?? null;
}

/** Other applications of this document in the given states (the review cap). */
export async function countOthersWithDocumentInStates(
  db: Queryable,
  input: { documentIndex: unknown; applicationId: string; states: readonly string[] },
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM applications WHERE document_index = $1 AND id <> $2 AND state = ANY($3)",
    [input.documentIndex, input.applicationId, input.states],
  );
  return rows[0]?.n ?? 0;
}

/** The application of a contact's blind index: the one named by `reference`, else the contact's newest. */
export async function selectApplicationIdByContact(
  db: Queryable,
  column: "contact_index" | "phone_index",
  index: Buffer,
  reference: string | undefined,
): Promise<string | null> {
  if (reference !== undefined) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM applications WHERE reference = $1 AND ${column} = $2 AND purged_at IS NULL`,
      [reference, index],
    );
    return rows[0]?.id ?? null;
  }
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM applications WHERE ${column} = $1 AND purged_at IS NULL ORDER BY created_at DESC, id LIMIT 1`,
    [index],
  );
  return rows[0]?.id ?? null;
}

export type ApplicationEventRow = Pick<
  Selectable<ApplicationEvents>,
  "version" | "event" | "from_state" | "to_state" | "actor_kind" | "created_at"
>;

/** A page of the history (`limit + 1` rows asked for, so the caller knows whether more follow). */
export async function listEventsAfter(
  db: Queryable,
  applicationId: string,
  afterVersion: number,
  rowLimit: number,
): Promise<(ApplicationEventRow & { data: Record<string, unknown> })[]> {
  const { rows } = await db.query<ApplicationEventRow & { data: Record<string, unknown> }>(
    `SELECT version, event, from_state, to_state, actor_kind, data, created_at FROM application_events
     WHERE application_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
    [applicationId, afterVersion, rowLimit],
  );
  return rows;
}

export async function listAllEvents(db: Queryable, applicationId: string): Promise<ApplicationEventRow[]> {
  const { rows } = await db.query<ApplicationEventRow>(
    "SELECT version, event, from_state, to_state, actor_kind, created_at FROM application_events WHERE application_id = $1 ORDER BY version",
    [applicationId],
  );
  return rows;
}

/** The evidence kinds, check results, SIM and decision the applicant's view shows (computed JSON columns). */
export type ViewFactsRow = {
  kinds: string[];
  checks: { code: string; status: CheckStatus; params: Record<string, string | number> }[];
  sim: {
    iccid: string;
    msisdn: string;
    form_factor: "physical" | "esim";
    activation_code: string | null;
    status: string;
    esim_state: string | null;
    esim_state_at: string | null;
    esim_released_at: string | null;
    esim_reissues: number;
  } | null;
  decision: { event: string; data: { decidedBy?: string[]; policy?: unknown }; created_at: string } | null;
};

export async function selectViewFacts(
  db: Queryable,
  input: { applicationId: string; checkRun: number; decisionEvents: readonly string[] },
): Promise<ViewFactsRow | null> {
  const { rows } = await db.query<ViewFactsRow>(
    `SELECT
       (SELECT coalesce(json_agg(kind ORDER BY kind), '[]')
          FROM (SELECT DISTINCT kind FROM evidence WHERE application_id = $1) k) AS kinds,
       (SELECT coalesce(json_agg(json_build_object('code', code, 'status', status, 'params', params) ORDER BY id), '[]')
          FROM check_results WHERE application_id = $1 AND run = $2) AS checks,
       (SELECT row_to_json(s) FROM (SELECT iccid, msisdn, form_factor, activation_code, status,
          esim_state, esim_state_at, esim_released_at, esim_reissues FROM sims WHERE application_id = $1) s) AS sim,
       (SELECT row_to_json(e) FROM (SELECT event, data, created_at FROM application_events
          WHERE application_id = $1 AND event = ANY($3) ORDER BY version DESC LIMIT 1) e) AS decision`,
    [input.applicationId, input.checkRun, input.decisionEvents],
  );
  return rows[0] ?? null;
}

/** A run's number and its results in one statement, the results in the order given. */
export async function insertCheckRun(
  tx: Queryable,
  input: {
    applicationId: string;
    run: number;
    codes: string[];
    statuses: string[];
    /** JSON texts. */
    params: string[];
    details: string[];
  },
): Promise<void> {
  forgetLockedApplications(tx);
  await tx.query(
    `WITH numbered AS (UPDATE applications SET check_run = $2 WHERE id = $1)
     INSERT INTO check_results (application_id, run, code, status, params, details)
     SELECT $1, $2, r.code, r.status, r.params::jsonb, r.details::jsonb
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS r (code, status, params, details, k)
     ORDER BY r.k`,
    [input.applicationId, input.run, input.codes, input.statuses, input.params, input.details],
  );
}

export async function listCheckResults(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<CheckResults>, "run" | "code" | "status" | "params" | "created_at">[]> {
  const { rows } = await db.query<Pick<Selectable<CheckResults>, "run" | "code" | "status" | "params" | "created_at">>(
    "SELECT run, code, status, params, created_at FROM check_results WHERE application_id = $1 ORDER BY run, id",
    [applicationId],
  );
  return rows;
}

export async function insertTermsAcceptance(
  tx: Queryable,
  row: {
    id: string;
    applicationId: string;
    termsVersion: string;
    privacyVersion: string;
    policyId: string;
    policyVersion: string;
    language: string;
    acceptedAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO terms_acceptances (id, application_id, terms_version, privacy_version, policy_id, policy_version, language, accepted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.id,
      row.applicationId,
      row.termsVersion,
      row.privacyVersion,
      row.policyId,
      row.policyVersion,
      row.language,
      row.acceptedAt,
    ],
  );
}

export async function selectLatestTermsAcceptance(
  db: Queryable,
  applicationId: string,
): Promise<Pick<
  Selectable<TermsAcceptances>,
  "terms_version" | "privacy_version" | "policy_id" | "policy_version" | "language" | "accepted_at"
> | null> {
  const { rows } = await db.query<
    Pick<
      Selectable<TermsAcceptances>,
      "terms_version" | "privacy_version" | "policy_id" | "policy_version" | "language" | "accepted_at"
    >
  >(
    `SELECT terms_version, privacy_version, policy_id, policy_version, language, accepted_at
       FROM terms_acceptances WHERE application_id = $1 ORDER BY accepted_at DESC, id LIMIT 1`,
    [applicationId],
  );
  return rows[0] ?? null;
}

/** The lines the application became (the applicant's data export). */
export async function listSubscriptionsOfApplication(
  db: Queryable,
  applicationId: string,
): Promise<
  Pick<Selectable<Subscriptions>, "msisdn" | "iccid" | "form_factor" | "status" | "started_at" | "ended_at">[]
> {
  const { rows } = await db.query<
    Pick<Selectable<Subscriptions>, "msisdn" | "iccid" | "form_factor" | "status" | "started_at" | "ended_at">
  >("SELECT msisdn, iccid, form_factor, status, started_at, ended_at FROM subscriptions WHERE application_id = $1", [
    applicationId,
  ]);
  return rows;
}

/** The particulars as saved at or before a content version (encrypted). */
export async function selectParticularsAtVersion(
  db: Queryable,
  applicationId: string,
  contentVersion: number,
): Promise<Uint8Array | null> {
  const { rows } = await db.query<{ particulars_enc: Uint8Array }>(
    `SELECT particulars_enc FROM particulars_history WHERE application_id = $1 AND content_version <= $2
     ORDER BY content_version DESC LIMIT 1`,
    [applicationId, contentVersion],
  );
  return rows[0]?.particulars_enc ?? null;
}

/** The codes and statuses of a check run. */
export async function listCheckStatuses(
  db: Queryable,
  applicationId: string,
  run: number,
): Promise<{ code: string; status: CheckStatus }[]> {
  const { rows } = await db.query<{ code: string; status: CheckStatus }>(
    "SELECT code, status FROM check_results WHERE application_id = $1 AND run = $2",
    [applicationId, run],
  );
  return rows;
}
