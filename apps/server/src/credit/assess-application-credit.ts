import { createHash, randomUUID } from "node:crypto";
import {
  addMonths,
  ageOn,
  assessCredit,
  assessmentWithoutConsent,
  type CheckResult,
  type CreditAssessment,
  type CreditInputs,
  type CreditOutcome,
  type CreditReason,
  daysBetween,
  type Particulars,
  todayInJapan,
} from "@jitsumei/domain";
import { type ApplicationRow, findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { canonicalJson } from "../crypto/canonical-json.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { findIdentityIndex } from "../subscribers/lines-repository.ts";
import { creditPolicyAt, type LoadedCreditPolicy } from "./credit-policies.ts";
import {
  countActiveLinesOfIdentity,
  countUnpaidRegistrations,
  hasCreditConsent,
  insertCreditAssessment,
  lockApplicationState,
  selectAssessmentsForExport,
  selectConsentsForExport,
  selectLatestAssessment,
  selectLatestConsent,
  selectMaxAssessmentSeq,
  selectPaymentMethod,
  selectPaymentMethodsForExport,
  selectRegistrationsForExport,
} from "./credit-repository.ts";
import type { CreditIdentity, ExchangeRecord, NonpaymentExchange } from "./nonpayment-exchange.ts";
import type { PaymentMethodCheck } from "./payment-method-check.ts";

/** The credit ports and the policies, as a running server holds them. */
export type CreditServices = {
  exchange: NonpaymentExchange;
  paymentMethods: PaymentMethodCheck;
  policies: readonly LoadedCreditPolicy[];
};

type Deps = { db: Database; keys: KeyManagement; clock: () => Date; credit: CreditServices };

/** What was asked, and what came back: sealed in the assessment row and in the subject's export. */
export type CreditQueries = {
  exchange: { name: string; queryRef: string; records: ExchangeRecord[]; at: string } | null;
  own: { unpaidRecords: number; linesHeld: number };
  paymentMethod: { type: "card" | "bank"; status: "verified" | "refused" } | null;
};

/** An assessment gathered outside any transaction (the exchange is a network call), to be stored in one. */
export type GatheredAssessment = {
  assessment: CreditAssessment;
  inputs: CreditInputs | null;
  queries: CreditQueries;
  policy: LoadedCreditPolicy;
  consentId: string | null;
};

/**
 * Asks what the policy in force needs and applies it: the consent first (without it nothing is
 * asked), then the non-payment exchange, our own unpaid balances and lines, and the payment method
 * as checked. `particulars` are the ones being submitted.
 */
export async function gatherCreditAssessment(
  deps: Deps,
  application: ApplicationRow,
  particulars: Particulars,
): Promise<GatheredAssessment> {
  const now = deps.clock();
  const policy = creditPolicyAt(deps.credit.policies, now);
  const consent = await latestConsent(deps.db, application.id);
  const method = await paymentMethodOf(deps.db, application.id);
  const queries: CreditQueries = {
    exchange: null,
    own: { unpaidRecords: 0, linesHeld: 0 },
    paymentMethod: method ? { type: method.type, status: method.status } : null,
  };
  if (!consent || consent.textVersion !== policy.consentTextVersion) {
    return { assessment: assessmentWithoutConsent(policy), inputs: null, queries, policy, consentId: null };
  }
  const answer = await deps.credit.exchange.query(creditIdentity(particulars));
  queries.exchange = { name: deps.credit.exchange.name, ...answer, at: now.toISOString() };
  queries.own = await ownHistory(deps.db, application);
  const plan = await findPlan(deps.db, application.planId);
  const today = todayInJapan(now);
  const stayUntil = particulars.document?.type === "residence_card" ? particulars.document.expiryDate : null;
  const inputs: CreditInputs = {
    paymentMethod: method?.status === "verified" ? method.type : "none",
    unpaidRecords: answer.records.length,
    ownUnpaidRecords: queries.own.unpaidRecords,
    remainingStayDays: stayUntil === null ? null : daysBetween(today, stayUntil),
    minimumTermDays: plan?.minimumTermMonths ? daysBetween(today, addMonths(today, plan.minimumTermMonths)) : 0,
    age: ageOn(particulars.birthDate, today),
    linesHeld: queries.own.linesHeld,
  };
  return { assessment: assessCredit(inputs, policy), inputs, queries, policy, consentId: consent.id };
}

/** The assessment as one of the application's checks: approve passes, review asks a person, reject fails. */
export function creditCheckResult(gathered: GatheredAssessment): CheckResult {
  const status = { approve: "pass", approve_with_deposit: "pass", review: "review", reject: "fail" } as const;
  const { assessment } = gathered;
  return {
    code: "credit.assessment",
    status: status[assessment.outcome],
    params: { outcome: assessment.outcome, reasons: assessment.reasons.map((r) => r.code).join(",") },
  };
}

/**
 * Stores the assessment (numbered per application) with its reasons and queries sealed, and audits
 * the query and the outcome: codes, the policy, and the SHA-256 of the answer as stored, so the trail
 * proves what was asked and answered without holding it.
 */
export async function storeCreditAssessment(
  tx: Queryable,
  cipher: ApplicationCipher,
  application: ApplicationRow,
  gathered: GatheredAssessment,
  actor: string,
  at: Date,
): Promise<{ id: string; seq: number }> {
  const { assessment, queries, policy } = gathered;
  const seq = Number((await selectMaxAssessmentSeq(tx, application.id)) ?? 0) + 1;
  const id = randomUUID();
  await insertCreditAssessment(tx, {
    id,
    applicationId: application.id,
    seq,
    outcome: assessment.outcome,
    depositJpy: assessment.depositJpy,
    reasonCodes: assessment.reasons.map((r) => r.code),
    reasonsEnc: cipher.encryptJson(`credit_reasons:${id}`, assessment.reasons),
    queriesEnc: cipher.encryptJson(`credit_queries:${id}`, { inputs: gathered.inputs, queries }),
    policyId: policy.id,
    policyVersion: policy.version,
    policyHash: policy.contentHash,
    consentId: gathered.consentId,
    assessedAt: at,
  });
  if (queries.exchange) {
    await appendAuditEntry(tx, {
      actor,
      action: "credit.exchange_queried",
      subject: application.reference,
      data: {
        exchange: queries.exchange.name,
        queryRef: queries.exchange.queryRef,
        answerSha256: createHash("sha256").update(canonicalJson(queries.exchange.records)).digest("hex"),
        assessment: seq,
      },
    });
  }
  await appendAuditEntry(tx, {
    actor,
    action: "credit.assessed",
    subject: application.reference,
    data: {
      assessment: seq,
      outcome: assessment.outcome,
      depositJpy: assessment.depositJpy,
      reasons: assessment.reasons.map((r) => r.code),
      policy: { id: policy.id, version: policy.version, contentHash: policy.contentHash },
    },
  });
  return { id, seq };
}

/**
 * A new assessment after submission, when the applicant consents or changes the payment method while
 * a person is deciding: it informs the reviewer; the decision stays theirs. Stored only if the
 * application is still in review when the answer is in (a decision taken meanwhile stands).
 */
export async function reassessCredit(deps: Deps, application: ApplicationRow): Promise<boolean> {
  const { particulars, cipher } = await loadApplicantDetails(deps.keys, application);
  if (!particulars) return false;
  const gathered = await gatherCreditAssessment(deps, application, particulars);
  return deps.db.transaction(async (tx) => {
    if ((await lockApplicationState(tx, application.id)) !== "in_review") return false;
    await storeCreditAssessment(tx, cipher, application, gathered, "system", deps.clock());
    return true;
  });
}

export const REASSESS_CREDIT_JOB = "reassess_credit";

/**
 * After consent or a new payment method: assesses again at once if a person is reviewing the case.
 * When the exchange cannot answer now, a job tries again; the consent or method is kept either way.
 */
export async function reassessIfInReview(deps: Deps & { jobs?: { kick(): void } }, applicationId: string) {
  const fresh = await findApplicationById(deps.db, applicationId);
  if (fresh?.state !== "in_review") return false;
  try {
    return await reassessCredit(deps, fresh);
  } catch (error) {
    await deps.db.transaction((tx) => enqueueJob(tx, REASSESS_CREDIT_JOB, { applicationId }));
    deps.jobs?.kick();
    if (error instanceof AppError) throw error;
    return false;
  }
}

/**
 * A submission that found no consent, committing after a consent that came meanwhile: the consent
 * route saw the draft and did not assess, so a job does, after this commit.
 */
export async function queueReassessIfConsentArrived(tx: Queryable, applicationId: string): Promise<void> {
  if (await hasCreditConsent(tx, applicationId)) await enqueueJob(tx, REASSESS_CREDIT_JOB, { applicationId });
}

export function reassessCreditJob(deps: Deps) {
  return async (payload: { applicationId: string }) => {
    const application = await findApplicationById(deps.db, payload.applicationId);
    if (application?.state === "in_review") await reassessCredit(deps, application);
  };
}

export type StoredAssessment = {
  seq: number;
  outcome: CreditOutcome;
  depositJpy: number;
  reasons: CreditReason[];
  policy: { id: string; version: string };
  assessedAt: string;
  consentGiven: boolean;
};

/** The application's newest assessment, or null. */
export async function latestCreditAssessment(
  db: Queryable,
  cipher: ApplicationCipher | null,
  applicationId: string,
): Promise<(StoredAssessment & { queries?: unknown }) | null> {
  const r = await selectLatestAssessment(db, applicationId);
  if (!r) return null;
  const codes = r.reason_codes as CreditReason["code"][];
  return {
    seq: Number(r.seq),
    outcome: r.outcome as CreditOutcome,
    depositJpy: Number(r.deposit_jpy),
    // Without the key (a list, a guard) the codes alone; with it, the figures too.
    reasons: cipher
      ? cipher.decryptJson<CreditReason[]>(`credit_reasons:${r.id}`, toBuffer(r.reasons_enc))
      : codes.map((code) => ({ code, outcome: "review", depositJpy: 0, params: {} })),
    policy: { id: String(r.policy_id), version: String(r.policy_version) },
    assessedAt: new Date(r.assessed_at).toISOString(),
    consentGiven: r.consent_id !== null,
  };
}

/** Every assessment with what was asked and answered, for the data subject's export. */
export async function creditHistoryForExport(db: Queryable, cipher: ApplicationCipher, applicationId: string) {
  const rows = await selectAssessmentsForExport(db, applicationId);
  const consents = await selectConsentsForExport(db, applicationId);
  const method = await selectPaymentMethodsForExport(db, applicationId);
  const registrations = await selectRegistrationsForExport(db, applicationId);
  const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
  return {
    paymentMethod:
      method.map((m) => ({
        type: m.type,
        display: m.display,
        checkedAt: iso(m.checked_at),
        details: cipher.decryptJson<unknown>("payment_method", toBuffer(m.details_enc)),
      }))[0] ?? null,
    // What we registered about this line in the carriers' exchange, and when it was withdrawn.
    nonpaymentRegistrations: registrations.map((r) => ({
      unpaidJpy: Number(r.unpaid_jpy),
      registeredAt: iso(r.registered_at),
      exchangeRef: r.exchange_ref,
      paidAt: iso(r.paid_at),
      withdrawnAt: iso(r.removed_at),
    })),
    consents: consents.map((c) => ({
      textVersion: c.text_version,
      textSha256: c.text_sha256,
      language: c.language,
      givenAt: new Date(c.given_at).toISOString(),
    })),
    assessments: rows.map((r) => ({
      seq: Number(r.seq),
      outcome: r.outcome,
      depositJpy: Number(r.deposit_jpy),
      policy: { id: r.policy_id, version: r.policy_version },
      assessedAt: new Date(r.assessed_at).toISOString(),
      reasons: cipher.decryptJson(`credit_reasons:${r.id}`, toBuffer(r.reasons_enc)),
      ...cipher.decryptJson<Record<string, unknown>>(`credit_queries:${r.id}`, toBuffer(r.queries_enc)),
    })),
  };
}

export async function latestConsent(
  db: Queryable,
  applicationId: string,
): Promise<{ id: string; textVersion: string; language: string; givenAt: string } | null> {
  const r = await selectLatestConsent(db, applicationId);
  return r
    ? { id: r.id, textVersion: r.text_version, language: r.language, givenAt: new Date(r.given_at).toISOString() }
    : null;
}

export async function paymentMethodOf(
  db: Queryable,
  applicationId: string,
): Promise<{
  type: "card" | "bank";
  status: "verified" | "refused";
  refusalCode: string | null;
  display: string;
} | null> {
  const r = await selectPaymentMethod(db, applicationId);
  // The table's checks hold type to card/bank and status to verified/refused.
  return r
    ? {
        type: r.type as "card" | "bank",
        status: r.status as "verified" | "refused",
        refusalCode: r.refusal_code,
        display: r.display,
      }
    : null;
}

/** Our own history with this person, by the identity blind index: unpaid balances and lines held. */
async function ownHistory(db: Queryable, application: ApplicationRow) {
  const index = await findIdentityIndex(db, application.id);
  if (!index) return { unpaidRecords: 0, linesHeld: 0 };
  const unpaidRecords = await countUnpaidRegistrations(db, index);
  const linesHeld = await countActiveLinesOfIdentity(db, index);
  return { unpaidRecords, linesHeld };
}

/** What the exchange matches on. */
export function creditIdentity(particulars: Particulars): CreditIdentity {
  const a = particulars.address;
  return {
    name: { family: particulars.name.family, given: particulars.name.given, kana: particulars.name.kana },
    birthDate: particulars.birthDate,
    ...(a ? { address: [a.postalCode, a.prefecture, a.city, a.line1, a.line2].filter(Boolean).join(" ") } : {}),
  };
}
