import { randomUUID } from "node:crypto";
import { type Particulars, requiredChecksFor, type VerificationMethod } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { latestAcceptance, type RecordedAcceptance } from "../applications/terms-acceptance.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { Queryable } from "../db/database.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { requirementsForApplication } from "../policy/requirements-for-application.ts";
import { insertFirstRecord, selectRecordFacts } from "./records-repository.ts";

/**
 * The verification record (本人確認記録) with every item LAW.md lists: who verified and who made
 * the record, the number of lines and their phone numbers, the date, the identifying particulars,
 * the method, the checks the pinned policy required of that method for the document presented (with
 * their results, and `reportedBy: reader` where the counter program, not the server, vouched for one),
 * the document type and its number (or why none is recorded), and the postal tracking number for mail
 * methods.
 */
export type VerificationRecordContent = {
  reference: string;
  verifiedAt: string;
  verifiedBy: string;
  recordedBy: string;
  recordedAt: string;
  lines: { count: number; phoneNumbers: string[] };
  particulars: { name: Particulars["name"]; address: Particulars["address"] | null; birthDate: string };
  method: string;
  /** The checks the method required for this document under the pinned policy, as they ended. */
  checks?: RecordedCheck[];
  document: {
    type: string;
    number: string | null;
    numberNotRecordedBecause: string | null;
    issuingCountry: string;
    expiryDate: string;
  };
  postalTrackingNumber: string | null;
  policy: { id: string; version: string; contentHash: string };
  /** The terms of service and privacy notice the applicant accepted before submitting (their versions). */
  acceptance?: RecordedAcceptance;
  /** The holder took the line over from another (譲渡): who from, and the relationship declared. */
  transferredFrom?: { transferId: string; reference: string; relationship: string };
  /** Later versions: what changed, on whose decision and on which evidence (record-versions.ts). */
  amendment?: RecordAmendment;
  /** The holder's contract ended by a transfer (the last version of the old holder's record). */
  transferredTo?: { transferId: string; reference: string; relationship: string; at: string };
};

export type RecordedCheck = { code: string; status: string; reportedBy?: "reader" };

export type RecordAmendment = {
  reason: "holder_change" | "transferred_away" | "reverification";
  at: string;
  by: string;
  changeId?: string;
  fields?: string[];
  evidence?: { documentType: string; issuedOn: string | null; sha256: string }[];
  policy?: { id: string; version: string };
};

/** The identifying particulars as every version of the record holds them. */
export function recordedParticulars(particulars: Particulars): VerificationRecordContent["particulars"] {
  return { name: particulars.name, address: particulars.address ?? null, birthDate: particulars.birthDate };
}

/**
 * The document as every version of the record holds it. A My Number card's number is the Individual
 * Number, which may not be recorded (PPC FAQ Q6-13): the record says so instead.
 */
export function recordedDocument(document: {
  type: string;
  number?: string | null;
  issuingCountry: string;
  expiryDate: string;
}): VerificationRecordContent["document"] {
  return {
    type: document.type,
    number: document.number ?? null,
    numberNotRecordedBecause:
      document.type === "my_number_card" ? "the Individual Number may not be recorded (PPC FAQ Q6-13)" : null,
    issuingCountry: document.issuingCountry,
    expiryDate: document.expiryDate,
  };
}

/** Written in the activating transaction: a line never works without its record. */
export async function writeVerificationRecord(
  tx: Queryable,
  input: {
    application: ApplicationRow;
    cipher: ApplicationCipher;
    particulars: Particulars;
    phoneNumbers: string[];
    policies: readonly LoadedPolicy[];
    now: Date;
    transferredFrom?: VerificationRecordContent["transferredFrom"];
  },
): Promise<string> {
  const { application, particulars } = input;
  // In one statement: the pinned policy, the approval (who and when), the method the checks found
  // and, where the SIM went by post, its tracking number (LAW.md: the record).
  const facts = await selectRecordFacts(tx, application.id, application.checkRun);
  if (
    !facts?.approved_by_kind ||
    !facts.approved_at ||
    !facts.policy_id ||
    !facts.policy_version ||
    !facts.policy_hash
  ) {
    throw new Error(`application ${application.reference} has no approval or no pinned policy to record`);
  }
  const acceptance = await latestAcceptance(tx, application.id);
  // UNKNOWN only where a person approved evidence that completed no method at all.
  const method = facts.method ?? "UNKNOWN";
  const checks = await methodChecks(tx, input, method, facts.checks ?? []);
  const content: VerificationRecordContent = {
    reference: application.reference,
    verifiedAt: new Date(facts.approved_at).toISOString(),
    verifiedBy: facts.approved_by_id
      ? `${facts.approved_by_kind}:${facts.approved_by_id}`
      : `${facts.approved_by_kind}:automated-checks`,
    recordedBy: "system:jitsumei",
    recordedAt: input.now.toISOString(),
    lines: { count: input.phoneNumbers.length, phoneNumbers: input.phoneNumbers },
    particulars: recordedParticulars(particulars),
    method,
    checks,
    document: recordedDocument(particulars.document),
    postalTrackingNumber: facts.tracking_number ?? null,
    policy: { id: facts.policy_id, version: facts.policy_version, contentHash: facts.policy_hash },
    ...(acceptance ? { acceptance } : {}),
    ...(input.transferredFrom ? { transferredFrom: input.transferredFrom } : {}),
  };
  const pinned = input.policies.find((p) => p.id === content.policy.id && p.version === content.policy.version);
  const retentionYears = pinned?.retentionYearsAfterContractEnd ?? null;
  const id = randomUUID();
  await insertFirstRecord(tx, {
    id,
    applicationId: application.id,
    method: content.method,
    policyId: content.policy.id,
    policyVersion: content.policy.version,
    policyHash: content.policy.contentHash,
    retentionYears,
    contentEnc: input.cipher.encryptJson("verification-record", content),
  });
  await appendAuditEntry(tx, {
    actor: "system",
    action: "verification_record.written",
    subject: application.reference,
    data: {
      recordId: id,
      version: 1,
      method: content.method,
      policy: `${content.policy.id}@${content.policy.version}`,
    },
  });
  return id;
}

/**
 * The checks the pinned policy (the one in force at submission) required of the method for the document
 * presented, with how each ended in the latest run. A method the policy does not list (MRZ, NONE_REQUIRED)
 * required none.
 */
async function methodChecks(
  tx: Queryable,
  input: { application: ApplicationRow; particulars: Particulars; policies: readonly LoadedPolicy[] },
  method: string,
  results: readonly { code: string; status: string; reportedBy: string | null }[],
): Promise<RecordedCheck[]> {
  const { application, particulars } = input;
  const plan = await findPlan(tx, application.planId);
  if (!plan) throw new Error(`plan ${application.planId} of ${application.reference} vanished`);
  const { rules } = requirementsForApplication(input.policies, {
    plan,
    channel: application.channel,
    particulars,
    now: application.submittedAt ?? application.createdAt,
  });
  return requiredChecksFor(rules, method as VerificationMethod, particulars.document.type).map((code) => {
    const result = results.find((r) => r.code === code);
    return {
      code,
      status: result?.status ?? "not_run",
      ...(result?.reportedBy === "reader" ? { reportedBy: "reader" as const } : {}),
    };
  });
}
