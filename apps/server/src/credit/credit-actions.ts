import { createHash } from "node:crypto";
import { creditConsent, explainCreditToApplicant, hasTag, type Language } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { cipherFor } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import {
  type CreditServices,
  latestConsent,
  latestCreditAssessment,
  paymentMethodOf,
  reassessIfInReview,
} from "./assess-application-credit.ts";
import { creditPolicyAt } from "./credit-policies.ts";
import { insertCreditConsent, upsertVerifiedPaymentMethod } from "./credit-repository.ts";
import type { BankAccount } from "./payment-method-check.ts";

type Deps = { db: Database; keys: KeyManagement; clock: () => Date; credit: CreditServices; jobs?: { kick(): void } };

export type PaymentMethodInput = { type: "card"; cardToken: string } | ({ type: "bank" } & BankAccount);

/**
 * Consent and the payment method may be given while the applicant fills in the application, and
 * while a person reviews it (then the credit is assessed again at once, for the reviewer).
 */
async function requireCreditStep(db: Queryable, application: ApplicationRow): Promise<void> {
  const plan = await findPlan(db, application.planId);
  if (plan?.kind !== "postpaid") {
    throw new AppError(
      "credit_not_applicable",
      `The plan ${application.planId} is prepaid: nothing is lent, nothing is assessed`,
    );
  }
  if (!hasTag(application.state, "editable") && application.state !== "in_review") {
    throw new AppError("transition_not_allowed", `The application is ${application.state}: its credit is settled`, {
      state: application.state,
    });
  }
}

/** Records the applicant's consent to the text of the version they read, in their language. */
export async function recordCreditConsent(
  deps: Deps,
  application: ApplicationRow,
  input: { textVersion: string },
): Promise<{ textVersion: string; givenAt: string; reassessed: boolean }> {
  await requireCreditStep(deps.db, application);
  const policy = creditPolicyAt(deps.credit.policies, deps.clock());
  if (input.textVersion !== policy.consentTextVersion || input.textVersion !== creditConsent.version) {
    throw new AppError(
      "consent_text_outdated",
      `The consent text in force is ${policy.consentTextVersion}: read it and consent to that one`,
      {
        errors: [{ field: "textVersion", reason: `must be ${policy.consentTextVersion}, the text in force` }],
        textVersion: policy.consentTextVersion,
      },
    );
  }
  const language = application.language as Language;
  const text = creditConsent.texts[language];
  const givenAt = deps.clock();
  await deps.db.transaction(async (tx) => {
    await insertCreditConsent(tx, {
      id: crypto.randomUUID(),
      applicationId: application.id,
      textVersion: input.textVersion,
      textSha256: createHash("sha256").update(text, "utf8").digest("hex"),
      language,
      givenAt,
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "credit.consent_given",
      subject: application.reference,
      data: { textVersion: input.textVersion, language },
    });
  });
  // The state as it is now (a submission may have committed meanwhile), not as the request found it.
  const reassessed = await reassessIfInReview(deps, application.id);
  return { textVersion: input.textVersion, givenAt: givenAt.toISOString(), reassessed };
}

/**
 * Checks the payment method with the payment-method port and keeps it when confirmed. A refusal is
 * audited and answered 422 naming the field; a method confirmed before stays.
 */
export async function setPaymentMethod(deps: Deps, application: ApplicationRow, input: PaymentMethodInput) {
  await requireCreditStep(deps.db, application);
  // The consent covers checking the payment method too: nothing is asked before it.
  const policy = creditPolicyAt(deps.credit.policies, deps.clock());
  const consent = await latestConsent(deps.db, application.id);
  if (consent?.textVersion !== policy.consentTextVersion) {
    throw new AppError("consent_required", "Consent to the credit check before the payment method is checked", {
      errors: [{ field: "consent", reason: "must be given first (POST …/credit/consent)" }],
    });
  }
  const port = deps.credit.paymentMethods;
  const result =
    input.type === "card"
      ? await port.verifyCard(input.cardToken)
      : await port.registerBankAccount({
          bankCode: input.bankCode,
          branchCode: input.branchCode,
          accountType: input.accountType,
          accountNumber: input.accountNumber,
          holderKana: input.holderKana,
        });
  const audit = {
    actor: "applicant",
    action: "credit.payment_method_checked",
    subject: application.reference,
    data: {
      checker: port.name,
      type: input.type,
      status: result.status,
      ...(result.status === "refused" ? { code: result.code } : {}),
    },
  };
  if (result.status === "refused") {
    await deps.db.transaction((tx) => appendAuditEntry(tx, audit));
    const field =
      input.type === "card" ? "cardToken" : result.code === "holder_mismatch" ? "holderKana" : "accountNumber";
    throw new AppError("payment_method_refused", refusalText[result.code], {
      errors: [{ field, reason: refusalText[result.code], code: result.code }],
    });
  }
  const cipher = await cipherFor(deps.keys, application);
  const details = input.type === "card" ? { reference: result.reference } : { ...input, reference: result.reference };
  await deps.db.transaction(async (tx) => {
    await upsertVerifiedPaymentMethod(tx, {
      applicationId: application.id,
      type: input.type,
      display: result.display,
      detailsEnc: cipher.encryptJson("payment_method", details),
      checkedAt: deps.clock(),
    });
    await appendAuditEntry(tx, audit);
  });
  await reassessIfInReview(deps, application.id);
  return { type: input.type, status: "verified" as const, display: result.display };
}

const refusalText = {
  card_declined: "the card issuer declined the card: use another card or a bank account",
  card_unknown: "the card token is not one the payment provider issued",
  account_not_found: "the bank has no such account: check the bank, branch and account number",
  account_closed: "the bank account is closed",
  holder_mismatch:
    "the account holder's name differs from the bank's: write it in katakana exactly as the bank holds it",
} as const;

/** What the applicant sees: the consent text to read, the method on file, the assessment in plain words. */
export async function creditViewForApplicant(deps: Deps, application: ApplicationRow) {
  const plan = await findPlan(deps.db, application.planId);
  const language = application.language as Language;
  const required = plan?.kind === "postpaid";
  const consent = await latestConsent(deps.db, application.id);
  const method = await paymentMethodOf(deps.db, application.id);
  const assessment = await latestCreditAssessment(deps.db, null, application.id);
  const policy = required ? creditPolicyAt(deps.credit.policies, deps.clock()) : null;
  return {
    required,
    consent: {
      given: consent !== null && consent.textVersion === policy?.consentTextVersion,
      textVersion: policy?.consentTextVersion ?? creditConsent.version,
      text: creditConsent.texts[language],
      language,
      givenAt: consent?.givenAt ?? null,
    },
    paymentMethod: method ? { type: method.type, status: method.status, display: method.display } : null,
    assessment: assessment
      ? {
          outcome: assessment.outcome,
          assessedAt: assessment.assessedAt,
          ...explainCreditToApplicant(assessment, language),
        }
      : null,
  };
}
