import {
  approvalBasis,
  type CheckResult,
  explainAutomatedOutcome,
  type GivenEvidence,
  hasTag,
  lawfulAutomatedOutcome,
} from "@jitsumei/domain";
import type { FaceMatcher } from "@jitsumei/evidence";
import type { Config } from "../config/config.ts";
import {
  type CreditServices,
  creditCheckResult,
  gatherCreditAssessment,
  queueReassessIfConsentArrived,
  storeCreditAssessment,
} from "../credit/assess-application-credit.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { EvidenceTrust } from "../evidence/evidence-trust.ts";
import { jpkiSignatureOutdated } from "../evidence/jpki-payload.ts";
import { issueApprovedPrepaid } from "../issuance/issue-when-ready.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { requirementsForApplication } from "../policy/requirements-for-application.ts";
import { flagCorrectionReturned, markCorrectionAnswered } from "../review/case-repository.ts";
import { openCorrection, requireCorrectionMade } from "../review/corrections.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { enforceReviewCap, refuseSpecimen } from "./application-limits.ts";
import type { ApplicationRow } from "./application-row.ts";
import { insertCheckRun, markSubmitted, selectDocumentIndex } from "./applications-repository.ts";
import { applyEvent } from "./apply-event.ts";
import { changeApplicationLanguage } from "./change-language.ts";
import { runFraudChecks } from "./fraud-checks.ts";
import { cipherFor, loadApplicationData } from "./load-application-data.ts";
import { missingItems } from "./missing-items.ts";
import { runAutomatedChecks } from "./run-automated-checks.ts";
import { checkAcceptance, recordAcceptance, type TermsAcceptance } from "./terms-acceptance.ts";

/**
 * Submits the application and runs the automated checks at once: one transaction takes it from
 * draft (or correction_requested) through checking to its outcome and, for an approved prepaid
 * application, asks for its price (or, paid at a till, reserves its SIM). Either all of that is
 * recorded, or none of it.
 */
export async function submitApplication(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    trust: EvidenceTrust;
    faces: FaceMatcher;
    policies: readonly LoadedPolicy[];
    velocity: Config["velocity"];
    credit: CreditServices;
    /** How many applications of one document may wait on a reviewer at once. */
    reviewCap: number;
    refuseSpecimenDocuments: boolean;
    documents: DocumentStorage;
  },
  submitted: ApplicationRow,
  acceptance?: TermsAcceptance,
): Promise<void> {
  if (acceptance) checkAcceptance(acceptance);
  // Accepted on a page in another language than the application's: the applicant switched, and the
  // application (its mails from this submission on) follows them.
  const application = acceptance?.language
    ? await changeApplicationLanguage(deps.db, submitted, acceptance.language)
    : submitted;
  if (!hasTag(application.state, "editable")) {
    throw new AppError(
      "transition_not_allowed",
      `The application is ${application.state}: it cannot be submitted now`,
      {
        state: application.state,
        event: "submit",
      },
    );
  }
  const plan = await findPlan(deps.db, application.planId);
  if (!plan) throw new AppError("plan_not_found", `The plan ${application.planId} no longer exists`);
  const data = await loadApplicationData(deps, application);
  // The policy in force today decides, and stays pinned to the application from here on; the day it
  // was chosen on is the submission's (submitted_at), which the review resolves the rules by again.
  const submittedAt = deps.clock();
  const requirements = requirementsForApplication(deps.policies, {
    plan,
    channel: application.channel,
    particulars: data.particulars,
    now: submittedAt,
  });
  // Before anything else is judged: a specimen is nobody's document, and one document may keep only
  // so many applications waiting on a reviewer.
  refuseSpecimen(data.particulars?.document.number, deps.refuseSpecimenDocuments);
  const indexes = await selectDocumentIndex(deps.db, application.id);
  await enforceReviewCap(deps.db, { id: application.id, documentIndex: indexes?.document_index }, deps.reviewCap);
  const missing = missingItems(
    requirements,
    data.particulars,
    data.evidence.map((e) => e.kind),
    jpkiSignatureOutdated(application.reference, data.particulars, data.evidence),
  );
  if (missing.length > 0 || !data.particulars) {
    throw new AppError(
      "application_incomplete",
      `Still needed before submitting: ${missing.map((m) => m.field).join(", ")}`,
      {
        errors: missing.map((m) => ({ field: m.field, reason: m.reason })),
      },
    );
  }
  // An answer to a reviewer's correction must change what was asked for; it then goes back to a person.
  const cipher = await cipherFor(deps.keys, application);
  const correction =
    application.state === "correction_requested" ? await openCorrection(deps.db, cipher, application.id) : null;
  const changes = correction
    ? await requireCorrectionMade(deps.db, cipher, {
        applicationId: application.id,
        correction,
        current: data.particulars,
      })
    : [];
  const results = await runAutomatedChecks({
    reference: application.reference,
    plan,
    requirements,
    particulars: data.particulars,
    evidence: data.evidence,
    trust: deps.trust,
    faces: deps.faces,
    now: deps.clock(),
  });
  // A postpaid contract is credit: assessed now, with the applicant's consent, as one more check.
  const credit = plan.kind === "postpaid" ? await gatherCreditAssessment(deps, application, data.particulars) : null;
  if (credit) results.push(creditCheckResult(credit));

  await deps.db.transaction(async (tx) => {
    const actor = { kind: "applicant" as const };
    const { pin } = requirements;
    await applyEvent(
      tx,
      {
        applicationId: application.id,
        event: "submit",
        actor,
        data: {
          policy: pin,
          explanation: requirements.rules.explanation,
          ...(acceptance ? { acceptance: { terms: acceptance.terms, privacy: acceptance.privacy } } : {}),
        },
      },
      async (locked) => {
        // What was checked must still be what the applicant gave: a change since is checked anew.
        if (locked.contentVersion !== application.contentVersion) {
          throw new AppError("application_changed", "The application changed while it was being checked: submit again");
        }
        await markSubmitted(tx, application.id, pin, submittedAt);
        if (acceptance) await recordAcceptance(tx, locked, acceptance, pin, deps.clock());
        return undefined;
      },
    );
    // Counted inside the transaction, under a lock per person, so two submissions at once cannot
    // both take the last line the limit allows.
    results.push(
      ...(await runFraudChecks(tx, {
        applicationId: application.id,
        lineLimit: requirements.rules.lineLimit,
        countsAsLine: requirements.rules.legallyRequired,
        email: data.contact.email,
        now: deps.clock(),
        velocity: deps.velocity,
      })),
    );
    const automated = explainAutomatedOutcome(results);
    const { decidedBy } = automated;
    // The machine approves only what a person could alone (lawful-approval.ts); a reviewer who asked
    // for a correction looks at the answer.
    const outcome = lawfulAutomatedOutcome(
      automated.outcome,
      approvalBasis(
        requirements.rules,
        results,
        data.evidence.map((e) => e.kind as GivenEvidence),
        data.particulars?.document.type ?? null,
      ),
      { answersCorrection: correction !== null },
    );
    const decided = await applyEvent(
      tx,
      {
        applicationId: application.id,
        event: outcome,
        actor: { kind: "system" },
        data: {
          checks: results.map((r) => ({ code: r.code, status: r.status })),
          decidedBy: decidedBy.map((r) => r.code),
          policy: requirements.pin,
          ...(correction ? { correctionId: correction.id, changedFields: changes.map((c) => c.field) } : {}),
        },
      },
      async (locked) => {
        await storeCheckResults(tx, locked, results);
        if (credit) {
          await storeCreditAssessment(tx, cipher, locked, credit, "system", deps.clock());
          if (!credit.consentId) await queueReassessIfConsentArrived(tx, locked.id);
        }
        if (correction) {
          await markCorrectionAnswered(tx, correction.id);
          await flagCorrectionReturned(tx, locked.id);
        }
        return undefined;
      },
    );
    if (decided.to === "approved" && plan.kind === "prepaid") await issueApprovedPrepaid(tx, decided.application);
  });
}

async function storeCheckResults(tx: Queryable, application: ApplicationRow, results: readonly CheckResult[]) {
  const run = application.checkRun + 1;
  // The run's number and its results in one statement, the results in the order given.
  await insertCheckRun(tx, {
    applicationId: application.id,
    run,
    codes: results.map((r) => r.code),
    statuses: results.map((r) => r.status),
    params: results.map((r) => JSON.stringify(r.params ?? {})),
    details: results.map((r) => JSON.stringify(r.details ?? {})),
  });
}
