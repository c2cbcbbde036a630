import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  deleteExpiredAccessRows,
  lockUnpurgedApplication,
  selectDuePurges,
  selectLatestRecordByReference,
  setContractEnded,
  setLegalHoldOf,
  shredApplicationRows,
} from "./records-repository.ts";

/**
 * Retention of verification records (本人確認記録): kept for the pinned policy's period after the
 * contract ends (3 years under the Act), then destroyed by destroying the application's data key
 * (crypto-shredding). A legal hold blocks the purge. Every step is audited.
 */

async function recordFor(db: Queryable, reference: string) {
  const record = await selectLatestRecordByReference(db, reference);
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
  await setContractEnded(tx, record.application_id, at, purgeAfter);
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
    await setLegalHoldOf(tx, record.application_id, hold, hold ? reason : null);
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
  const rows = await selectDuePurges(db, at);
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
      const id = await lockUnpurgedApplication(tx, candidate.reference);
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
  // Idempotent answers, hand-off codes, sessions and sign-in codes past their use (records-repository.ts).
  await deleteExpiredAccessRows(db, at);
  return due;
}

/**
 * Crypto-shredding of one application, in the caller's transaction (the row locked): its data key and
 * every sealed field go, and the rows that only held its personal data (evidence, mail, codes).
 */
export async function shredApplicationIn(tx: Queryable, applicationId: string, at: Date) {
  const { evidence, mail } = await shredApplicationRows(tx, applicationId, at);
  return { dataKey: true, evidence, mail };
}

function ruleOf(r: { retention_years: number | null; policy_id: string; policy_version: string }): string {
  return `${r.policy_id}@${r.policy_version}: ${r.retention_years} years after the contract ends`;
}
