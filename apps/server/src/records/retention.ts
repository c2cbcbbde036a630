import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";

/**
 * Retention of verification records (本人確認記録): kept for the pinned policy's period after the
 * contract ends (3 years under the Act), then destroyed by destroying the application's data key
 * (crypto-shredding). A legal hold blocks the purge. Every step is audited.
 */

async function recordFor(db: Queryable, reference: string) {
  const { rows } = await db.query<{
    id: string;
    application_id: string;
    retention_years: number | null;
    policy_id: string;
    policy_version: string;
  }>(
    `SELECT r.id, r.application_id, r.retention_years, r.policy_id, r.policy_version
     FROM verification_records r JOIN applications a ON a.id = r.application_id
     WHERE a.reference = $1 ORDER BY r.version DESC LIMIT 1`,
    [reference],
  );
  const record = rows[0];
  if (!record) throw new AppError("not_found", `No verification record for ${reference}`);
  return record;
}

/** The contract ended on `at`: the retention clock starts (subscriptions call this on termination). */
export async function markContractEnded(db: Database, reference: string, at: Date, actor: string) {
  return db.transaction((tx) => markContractEndedIn(tx, reference, at, actor));
}

/** The same in the caller's transaction (a line's termination). */
export async function markContractEndedIn(tx: Queryable, reference: string, at: Date, actor: string) {
  const record = await recordFor(tx, reference);
  if (record.retention_years === null)
    throw new AppError("not_found", `The policy of ${reference} sets no retention period`);
  const purgeAfter = new Date(at);
  purgeAfter.setUTCFullYear(purgeAfter.getUTCFullYear() + record.retention_years);
  await tx.query("UPDATE verification_records SET contract_ended_at = $2, purge_after = $3 WHERE application_id = $1", [
    record.application_id,
    at,
    purgeAfter,
  ]);
  await appendAuditEntry(tx, {
    actor,
    action: "verification_record.contract_ended",
    subject: reference,
    data: { contractEndedAt: at.toISOString(), purgeAfter: purgeAfter.toISOString(), rule: ruleOf(record) },
  });
  return { reference, contractEndedAt: at.toISOString(), purgeAfter: purgeAfter.toISOString() };
}

export async function setLegalHold(db: Database, reference: string, hold: boolean, reason: string, actor: string) {
  const record = await recordFor(db, reference);
  await db.transaction(async (tx) => {
    await tx.query(
      "UPDATE verification_records SET legal_hold = $2, legal_hold_reason = $3 WHERE application_id = $1",
      [record.application_id, hold, hold ? reason : null],
    );
    await appendAuditEntry(tx, {
      actor,
      action: hold ? "verification_record.legal_hold_set" : "verification_record.legal_hold_released",
      subject: reference,
      data: { reason },
    });
  });
  return { reference, legalHold: hold };
}

export type PurgeCandidate = { reference: string; purgeAfter: string; rule: string };

/** What is due on `at`: retention over, no legal hold, not purged yet. */
export async function duePurges(db: Database, at: Date): Promise<PurgeCandidate[]> {
  const { rows } = await db.query<{
    reference: string;
    purge_after: Date;
    retention_years: number;
    policy_id: string;
    policy_version: string;
  }>(
    `SELECT a.reference, r.purge_after, r.retention_years, r.policy_id, r.policy_version
     FROM verification_records r JOIN applications a ON a.id = r.application_id
     WHERE r.purge_after IS NOT NULL AND r.purge_after <= $1 AND NOT r.legal_hold AND a.purged_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM verification_records h WHERE h.application_id = r.application_id AND h.legal_hold)
     ORDER BY r.purge_after, a.reference`,
    [at],
  );
  return rows.map((r) => ({
    reference: r.reference,
    purgeAfter: new Date(r.purge_after).toISOString(),
    rule: ruleOf(r),
  }));
}

/**
 * Destroys the data key of each due application, and the rows that only held its personal data
 * (evidence, mail). Non-personal traces stay: the state history, check codes, the record's metadata
 * and the audit chain, which now also says what was purged and under which rule.
 */
export async function purgeDue(db: Database, at: Date, actor: string): Promise<PurgeCandidate[]> {
  const due = await duePurges(db, at);
  for (const candidate of due) {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        "SELECT id FROM applications WHERE reference = $1 AND purged_at IS NULL FOR UPDATE",
        [candidate.reference],
      );
      const id = rows[0]?.id;
      if (!id) return;
      const destroyed = await shredApplicationIn(tx, id, at);
      await appendAuditEntry(tx, {
        actor,
        action: "application.purged",
        subject: candidate.reference,
        data: { rule: candidate.rule, purgeAfter: candidate.purgeAfter, destroyed },
      });
    });
  }
  // Stored idempotent answers may hold personal data; they are only useful for a day of retries.
  await db.query("DELETE FROM idempotency_keys WHERE created_at < $1::timestamptz - interval '1 day'", [at]);
  // Hand-off codes and the sessions they opened are of no use once expired (the audit trail keeps the events).
  await db.query("DELETE FROM handoff_tokens WHERE expires_at < $1::timestamptz - interval '1 day'", [at]);
  await db.query("DELETE FROM applicant_sessions WHERE expires_at < $1", [at]);
  await db.query("DELETE FROM applicant_sign_in_codes WHERE expires_at < $1::timestamptz - interval '1 day'", [at]);
  return due;
}

/**
 * Crypto-shredding of one application, in the caller's transaction (the row locked): its data key and
 * every sealed field go, and the rows that only held its personal data (evidence, mail, codes).
 */
export async function shredApplicationIn(tx: Queryable, applicationId: string, at: Date) {
  await tx.query(
    `UPDATE applications SET wrapped_data_key = ''::bytea, contact_enc = ''::bytea, particulars_enc = NULL,
       document_index = NULL, identity_index = NULL, purged_at = $2 WHERE id = $1`,
    [applicationId, at],
  );
  const evidence = await tx.query("DELETE FROM evidence WHERE application_id = $1", [applicationId]);
  const mail = await tx.query("DELETE FROM mail_outbox WHERE application_id = $1", [applicationId]);
  await tx.query("DELETE FROM activation_codes WHERE application_id = $1", [applicationId]);
  await tx.query("DELETE FROM handoff_tokens WHERE application_id = $1", [applicationId]);
  await tx.query("DELETE FROM applicant_sessions WHERE application_id = $1", [applicationId]);
  await tx.query("DELETE FROM applicant_sign_in_codes WHERE application_id = $1", [applicationId]);
  return { dataKey: true, evidence: evidence.rowCount, mail: mail.rowCount };
}

function ruleOf(r: { retention_years: number | null; policy_id: string; policy_version: string }): string {
  return `${r.policy_id}@${r.policy_version}: ${r.retention_years} years after the contract ends`;
}
