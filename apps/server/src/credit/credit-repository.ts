import type { LineState, PaymentMethodStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type {
  CreditAssessments,
  CreditConsents,
  CreditExchangeSimulatorRecords,
  NonpaymentRegistrations,
  PaymentMethods,
} from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * The SQL of the credit module: consents, payment methods, assessments, our non-payment
 * registrations and the local exchange simulator's records. Plain functions in the caller's
 * transaction; decrypting and mapping to domain values stays with the callers.
 */

const VERIFIED = sqlStatus<PaymentMethodStatus>("verified");
const ACTIVE_LINE = sqlStatus<LineState>("active");

export async function insertCreditConsent(
  tx: Queryable,
  consent: {
    id: string;
    applicationId: string;
    textVersion: string;
    textSha256: string;
    language: string;
    givenAt: Date;
  },
): Promise<void> {
  await tx.query(
    "INSERT INTO credit_consents (id, application_id, text_version, text_sha256, language, given_at) VALUES ($1, $2, $3, $4, $5, $6)",
    [consent.id, consent.applicationId, consent.textVersion, consent.textSha256, consent.language, consent.givenAt],
  );
}

export type ConsentRow = Pick<Selectable<CreditConsents>, "id" | "text_version" | "language" | "given_at">;

export async function selectLatestConsent(db: Queryable, applicationId: string): Promise<ConsentRow | null> {
  const { rows } = await db.query<ConsentRow>(
    "SELECT id, text_version, language, given_at FROM credit_consents WHERE application_id = $1 ORDER BY given_at DESC LIMIT 1",
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function hasCreditConsent(tx: Queryable, applicationId: string): Promise<boolean> {
  const { rows } = await tx.query("SELECT 1 FROM credit_consents WHERE application_id = $1 LIMIT 1", [applicationId]);
  return rows.length > 0;
}

export type ConsentExportRow = Pick<
  Selectable<CreditConsents>,
  "text_version" | "text_sha256" | "language" | "given_at"
>;

export async function selectConsentsForExport(db: Queryable, applicationId: string): Promise<ConsentExportRow[]> {
  const { rows } = await db.query<ConsentExportRow>(
    "SELECT text_version, text_sha256, language, given_at FROM credit_consents WHERE application_id = $1 ORDER BY given_at",
    [applicationId],
  );
  return rows;
}

/** Keeps the verified payment method, replacing one checked before. */
export async function upsertVerifiedPaymentMethod(
  tx: Queryable,
  method: { applicationId: string; type: string; display: string; detailsEnc: Buffer; checkedAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO payment_methods (application_id, type, status, display, details_enc, checked_at)
       VALUES ($1, $2, ${VERIFIED}, $3, $4, $5)
       ON CONFLICT (application_id) DO UPDATE SET type = $2, status = ${VERIFIED}, refusal_code = NULL,
         display = $3, details_enc = $4, checked_at = $5`,
    [method.applicationId, method.type, method.display, method.detailsEnc, method.checkedAt],
  );
}

export type PaymentMethodRow = Pick<Selectable<PaymentMethods>, "type" | "status" | "refusal_code" | "display">;

export async function selectPaymentMethod(db: Queryable, applicationId: string): Promise<PaymentMethodRow | null> {
  const { rows } = await db.query<PaymentMethodRow>(
    "SELECT type, status, refusal_code, display FROM payment_methods WHERE application_id = $1",
    [applicationId],
  );
  return rows[0] ?? null;
}

export type PaymentMethodExportRow = Pick<
  Selectable<PaymentMethods>,
  "type" | "display" | "details_enc" | "checked_at"
>;

export async function selectPaymentMethodsForExport(
  db: Queryable,
  applicationId: string,
): Promise<PaymentMethodExportRow[]> {
  const { rows } = await db.query<PaymentMethodExportRow>(
    "SELECT type, display, details_enc, checked_at FROM payment_methods WHERE application_id = $1",
    [applicationId],
  );
  return rows;
}

/** The highest assessment number of the application, or null before its first. */
export async function selectMaxAssessmentSeq(tx: Queryable, applicationId: string): Promise<number | null> {
  const { rows } = await tx.query<{ seq: number | null }>(
    "SELECT max(seq) AS seq FROM credit_assessments WHERE application_id = $1",
    [applicationId],
  );
  return rows[0]?.seq ?? null;
}

export async function insertCreditAssessment(
  tx: Queryable,
  row: {
    id: string;
    applicationId: string;
    seq: number;
    outcome: string;
    depositJpy: number;
    reasonCodes: string[];
    reasonsEnc: Buffer;
    queriesEnc: Buffer;
    policyId: string;
    policyVersion: string;
    policyHash: string;
    consentId: string | null;
    assessedAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO credit_assessments (id, application_id, seq, outcome, deposit_jpy, reason_codes, reasons_enc,
       queries_enc, policy_id, policy_version, policy_hash, consent_id, assessed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      row.id,
      row.applicationId,
      row.seq,
      row.outcome,
      row.depositJpy,
      row.reasonCodes,
      row.reasonsEnc,
      row.queriesEnc,
      row.policyId,
      row.policyVersion,
      row.policyHash,
      row.consentId,
      row.assessedAt,
    ],
  );
}

export type AssessmentRow = Pick<
  Selectable<CreditAssessments>,
  | "id"
  | "seq"
  | "outcome"
  | "deposit_jpy"
  | "reason_codes"
  | "reasons_enc"
  | "policy_id"
  | "policy_version"
  | "consent_id"
  | "assessed_at"
>;

export async function selectLatestAssessment(db: Queryable, applicationId: string): Promise<AssessmentRow | null> {
  const { rows } = await db.query<AssessmentRow>(
    `SELECT id, seq, outcome, deposit_jpy, reason_codes, reasons_enc, policy_id, policy_version, consent_id, assessed_at
     FROM credit_assessments WHERE application_id = $1 ORDER BY seq DESC LIMIT 1`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export type AssessmentExportRow = Pick<
  Selectable<CreditAssessments>,
  | "id"
  | "seq"
  | "outcome"
  | "deposit_jpy"
  | "reasons_enc"
  | "queries_enc"
  | "policy_id"
  | "policy_version"
  | "assessed_at"
>;

export async function selectAssessmentsForExport(db: Queryable, applicationId: string): Promise<AssessmentExportRow[]> {
  const { rows } = await db.query<AssessmentExportRow>(
    `SELECT id, seq, outcome, deposit_jpy, reasons_enc, queries_enc, policy_id, policy_version, assessed_at
     FROM credit_assessments WHERE application_id = $1 ORDER BY seq`,
    [applicationId],
  );
  return rows;
}

/** Locks the application row and returns its state (an assessment is stored only while in review). */
export async function lockApplicationState(tx: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await tx.query<{ state: string }>("SELECT state FROM applications WHERE id = $1 FOR UPDATE", [
    applicationId,
  ]);
  return rows[0]?.state ?? null;
}

export async function countUnpaidRegistrations(db: Queryable, identityIndex: unknown): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM nonpayment_registrations WHERE identity_index = $1 AND paid_at IS NULL",
    [identityIndex],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function countActiveLinesOfIdentity(db: Queryable, identityIndex: unknown): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE a.identity_index = $1 AND s.status = ${ACTIVE_LINE}`,
    [identityIndex],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertNonpaymentRegistration(
  tx: Queryable,
  row: { id: string; subscriptionId: string; identityIndex: Buffer; unpaidJpy: number; registeredAt: Date },
): Promise<void> {
  await tx.query(
    "INSERT INTO nonpayment_registrations (id, subscription_id, identity_index, unpaid_jpy, registered_at) VALUES ($1, $2, $3, $4, $5)",
    [row.id, row.subscriptionId, row.identityIndex, row.unpaidJpy, row.registeredAt],
  );
}

/** Locks the application's registration still unpaid, if any. */
export async function lockUnpaidRegistration(
  tx: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<NonpaymentRegistrations>, "id" | "unpaid_jpy"> | null> {
  const { rows } = await tx.query<Pick<Selectable<NonpaymentRegistrations>, "id" | "unpaid_jpy">>(
    `SELECT r.id, r.unpaid_jpy FROM nonpayment_registrations r JOIN subscriptions s ON s.id = r.subscription_id
       WHERE s.application_id = $1 AND r.paid_at IS NULL FOR UPDATE OF r`,
    [applicationId],
  );
  return rows[0] ?? null;
}

export async function markRegistrationPaid(tx: Queryable, id: string, paidAt: Date): Promise<void> {
  await tx.query("UPDATE nonpayment_registrations SET paid_at = $2 WHERE id = $1", [id, paidAt]);
}

export type RegistrationSyncRow = Pick<
  Selectable<NonpaymentRegistrations>,
  "id" | "unpaid_jpy" | "exchange_ref" | "paid_at" | "removed_at"
> & { application_id: string };

export async function selectRegistrationForSync(db: Queryable, id: string): Promise<RegistrationSyncRow | null> {
  const { rows } = await db.query<RegistrationSyncRow>(
    `SELECT r.id, s.application_id, r.unpaid_jpy, r.exchange_ref, r.paid_at, r.removed_at
       FROM nonpayment_registrations r JOIN subscriptions s ON s.id = r.subscription_id WHERE r.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Records the exchange's reference; returns when the registration was paid (it may have been meanwhile). */
export async function setRegistrationExchangeRef(
  tx: Queryable,
  id: string,
  ref: string,
): Promise<{ paid_at: Date | null } | null> {
  const { rows } = await tx.query<{ paid_at: Date | null }>(
    "UPDATE nonpayment_registrations SET exchange_ref = $2, removed_at = NULL WHERE id = $1 RETURNING paid_at",
    [id, ref],
  );
  return rows[0] ?? null;
}

/**
 * Marks a registration withdrawn from the exchange, if its exchange ref is still the one the withdrawal
 * saw: a registration that landed meanwhile (another run registering it, which then queues its own
 * withdrawal) is not marked withdrawn while it stands on the exchange. True when it was marked.
 */
export async function markRegistrationRemoved(tx: Queryable, id: string, seenRef: string | null): Promise<boolean> {
  const { rowCount } = await tx.query(
    "UPDATE nonpayment_registrations SET removed_at = now() WHERE id = $1 AND exchange_ref IS NOT DISTINCT FROM $2",
    [id, seenRef],
  );
  return rowCount > 0;
}

export type RegistrationExportRow = Pick<
  Selectable<NonpaymentRegistrations>,
  "unpaid_jpy" | "registered_at" | "exchange_ref" | "paid_at" | "removed_at"
>;

export async function selectRegistrationsForExport(
  db: Queryable,
  applicationId: string,
): Promise<RegistrationExportRow[]> {
  const { rows } = await db.query<RegistrationExportRow>(
    `SELECT r.unpaid_jpy, r.registered_at, r.exchange_ref, r.paid_at, r.removed_at
     FROM nonpayment_registrations r JOIN subscriptions s ON s.id = r.subscription_id WHERE s.application_id = $1`,
    [applicationId],
  );
  return rows;
}

export type SimulatorRecordRow = Pick<
  Selectable<CreditExchangeSimulatorRecords>,
  "ref" | "carrier" | "amount_jpy" | "registered_at"
>;

export async function selectSimulatorRecords(db: Queryable, identityKey: Buffer): Promise<SimulatorRecordRow[]> {
  const { rows } = await db.query<SimulatorRecordRow>(
    `SELECT ref, carrier, amount_jpy, registered_at FROM credit_exchange_simulator_records
       WHERE identity_key = $1 AND removed_at IS NULL ORDER BY registered_at, ref`,
    [identityKey],
  );
  return rows;
}

export async function insertSimulatorRecord(
  db: Queryable,
  row: { ref: string; identityKey: Buffer; carrier: string; amountJpy: number },
): Promise<void> {
  await db.query(
    `INSERT INTO credit_exchange_simulator_records (ref, identity_key, carrier, amount_jpy)
       VALUES ($1, $2, $3, $4) ON CONFLICT (ref) DO NOTHING`,
    [row.ref, row.identityKey, row.carrier, row.amountJpy],
  );
}

export async function markSimulatorRecordRemoved(db: Queryable, ref: string): Promise<void> {
  await db.query(
    "UPDATE credit_exchange_simulator_records SET removed_at = now() WHERE ref = $1 AND removed_at IS NULL",
    [ref],
  );
}
