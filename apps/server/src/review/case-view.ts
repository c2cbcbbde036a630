import {
  type ApplicationState,
  applicationStates,
  applicationStateTexts,
  consequenceOfFailure,
  explainCheck,
  explainCreditReasonToStaff,
  explainDepositReason,
  hasTag,
  type Language,
} from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { cipherFor, loadApplicantDetails } from "../applications/load-application-data.ts";
import { maskEmail } from "../applications/request-activation-code.ts";
import { latestAcceptance } from "../applications/terms-acceptance.ts";
import type { Config } from "../config/config.ts";
import { latestConsent, latestCreditAssessment, paymentMethodOf } from "../credit/assess-application-credit.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { trackingUrlFor } from "../issuance/delivery.ts";
import { latestShipment } from "../issuance/shipments-repository.ts";
import { findPortIn } from "../number-portability/port-in-repository.ts";
import { depositInputsOf, workOutDeposit } from "../payments/decide-application-deposit.ts";
import { isDepositReasonCode } from "../payments/get-deposit.ts";
import { findDepositDecision, listPayments } from "../payments/payments-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { transferForCase } from "../transfers/list-transfers.ts";
import { approvalBasisOf } from "./approval-basis.ts";
import { listCaseNotes, listQueueRows, selectFlags } from "./case-repository.ts";
import type { CaseTag } from "./case-tags.ts";
import {
  lineOf,
  listCaseEvents,
  listEventStaffNames,
  listEvidenceOverview,
  listParticularsHistory,
  listRunCheckResults,
  listTimeline,
  provisioningOperationsOf,
} from "./case-view-repository.ts";
import { currentClaim } from "./claims.ts";
import { changesSince, correctionFieldsIn, latestCorrection, particularsAt } from "./corrections.ts";
import { imagesIn } from "./evidence-images.ts";
import { requireApplication } from "./require-application.ts";

/** States a reviewer's queue shows by default: those waiting on a person at the operator. */
export const queueStates: readonly ApplicationState[] = applicationStates.filter(
  (s) => hasTag(s, "needs_staff") && s !== "ready_to_issue",
);

export type QueueFilter = {
  states: readonly ApplicationState[];
  tag?: CaseTag;
  /** "me", "none" (unclaimed) or a staff id. */
  assignee?: string;
  overdueOnly: boolean;
  after?: { at: string; id: string };
  limit: number;
};

export async function listQueue(
  deps: { db: Queryable; config: Config; clock: () => Date },
  viewer: { id: string },
  filter: QueueFilter,
) {
  const now = deps.clock();
  const overdueBefore = new Date(now.getTime() - deps.config.review.slaHours * 3_600_000);
  const assignee = filter.assignee === "me" ? viewer.id : filter.assignee;
  const rows = await listQueueRows(deps.db, {
    states: filter.states,
    now,
    assignee: assignee ?? null,
    overdueOnly: filter.overdueOnly,
    overdueBefore,
    afterAt: filter.after?.at ?? null,
    afterId: filter.after?.id ?? null,
    tag: filter.tag ?? null,
    rowLimit: filter.limit + 1,
  });

  const items = rows.slice(0, filter.limit).map((r) => {
    const since = new Date(r.state_changed_at as Date);
    const dueAt = new Date(since.getTime() + deps.config.review.slaHours * 3_600_000);
    const tags: CaseTag[] = [];
    if (r.escalated) tags.push("escalated");
    if (r.state === "override_pending") tags.push("override_pending");
    if (r.correction_returned) tags.push("correction_returned");
    if (r.failed_checks) tags.push("failed_checks");
    if (dueAt < now) tags.push("overdue");
    return {
      reference: String(r.reference),
      state: r.state as ApplicationState,
      planId: String(r.plan_id),
      planKind: String(r.plan_kind),
      submittedAt: r.submitted_at ? new Date(r.submitted_at as Date).toISOString() : null,
      waitingSince: since.toISOString(),
      ageHours: Math.floor((now.getTime() - since.getTime()) / 3_600_000),
      slaDueAt: dueAt.toISOString(),
      overdue: dueAt < now,
      tags,
      claim: r.claimed_by
        ? {
            staffId: String(r.claimed_by),
            displayName: String(r.claimed_by_name),
            expiresAt: new Date(r.claim_expires_at as Date).toISOString(),
          }
        : null,
      // Microseconds, as stored: a millisecond cursor would bring a page's last case back on the next.
      _cursor: { at: String(r.cursor_at), id: String(r.id) },
    };
  });
  const last = items.at(-1);
  return {
    items: items.map(({ _cursor, ...item }) => item),
    next: rows.length > filter.limit && last ? last._cursor : null,
  };
}

/** The whole case for a reviewer: particulars, evidence, checks with staff details, the decision, history. */
export async function getCaseView(
  deps: { db: Queryable; keys: KeyManagement; config: Config; clock: () => Date; policies: readonly LoadedPolicy[] },
  reference: string,
  language: Language,
) {
  const application = await requireApplication(deps.db, reference);
  const details = await loadApplicantDetails(deps.keys, application);
  const cipher = await cipherFor(deps.keys, application);
  const now = deps.clock();

  const checks = await listRunCheckResults(deps.db, application.id, application.checkRun);
  const evidence = await listEvidenceOverview(deps.db, application.id);
  const events = await listCaseEvents(deps.db, application.id);
  const notes = await listCaseNotes(deps.db, application.id);
  const staffNames = await listEventStaffNames(deps.db, application.id);
  const nameOf = new Map(staffNames.map((r) => [r.id, r.display_name]));
  const flags = await selectFlags(deps.db, application.id);
  const history = await listParticularsHistory(deps.db, application.id);

  const correction = await latestCorrection(deps.db, cipher, application.id);
  // What the applicant changed in answer to the last correction: the reviewer sees it first.
  const changes = correction?.answeredAt
    ? await changesSince(deps.db, {
        applicationId: application.id,
        before: await particularsAt(deps.db, cipher, application.id, correction.contentVersion),
        after: details.particulars,
        since: correction.requestedAt,
      })
    : [];
  const lastDecision = [...events].reverse().find((e) => e.event.startsWith("checks_"));
  const decidedBy = (lastDecision?.data.decidedBy as string[] | undefined) ?? [];
  const flag = flags;
  const credit = application.planKind === "postpaid" ? await creditForCase(deps, cipher, application, language) : null;
  // A transfer's approval is the carrier's consent: the reviewer sees whose line it is and the relationship.
  const transfer = application.kind === "transfer" ? await transferForCase(deps.db, application.id) : null;

  return {
    reference: application.reference,
    state: application.state,
    kind: application.kind,
    transfer,
    planId: application.planId,
    planKind: application.planKind,
    language: application.language,
    channel: application.channel,
    formFactor: application.formFactor,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    waitingSince: application.stateChangedAt.toISOString(),
    claim: await currentClaim(deps.db, application.id, now).then((c) =>
      c ? { staffId: c.staffId, displayName: c.displayName, expiresAt: c.expiresAt.toISOString() } : null,
    ),
    flags: {
      escalated: flag?.escalated ?? false,
      correctionReturned: flag?.correction_returned ?? false,
      overrideProposedBy: flag?.override_proposed_by
        ? { staffId: flag.override_proposed_by, displayName: nameOf.get(flag.override_proposed_by) ?? "" }
        : null,
    },
    contact: details.contact,
    applicant: details.particulars,
    evidence: evidence.map((e) => ({ id: e.id, kind: e.kind, at: new Date(e.created_at).toISOString() })),
    checks: checks.map((r) => ({
      ...explainCheck({ code: r.code, status: r.status, params: r.params }, language),
      details: r.details,
    })),
    decision: lastDecision
      ? {
          outcome: lastDecision.event,
          at: new Date(lastDecision.created_at).toISOString(),
          policy: lastDecision.data.policy ?? null,
          decidedBy: checks
            .filter((r) => decidedBy.includes(r.code))
            .map((r) => ({
              code: r.code,
              status: r.status,
              consequence: r.status === "fail" ? consequenceOfFailure(r.code) : "review",
              message: explainCheck({ code: r.code, status: r.status, params: r.params }, language).message,
            })),
        }
      : null,
    credit,
    // What was paid and given back (no card data: the gateway keeps that).
    payments: (await listPayments(deps.db, application.id)).map((p) => ({
      id: p.id,
      kind: p.kind,
      method: p.method,
      status: p.status,
      amountJpy: p.amountJpy,
      refundedJpy: p.refundedJpy,
      refundRequestedAt: p.refundRequestedAt ? new Date(p.refundRequestedAt).toISOString() : null,
      at: p.createdAt.toISOString(),
    })),
    // Whether one reviewer may approve, only two (the override), or nobody until evidence is brought.
    approval: application.submittedAt ? await approvalBasisOf(deps.db, deps, application) : null,
    acceptance: await latestAcceptance(deps.db, application.id),
    correction: correction
      ? {
          fields: correctionFieldsIn(language, correction.fields),
          message: correction.message,
          requestedAt: correction.requestedAt.toISOString(),
          answeredAt: correction.answeredAt?.toISOString() ?? null,
          changes,
        }
      : null,
    notes: notes.map((n) => ({
      kind: n.kind,
      by: nameOf.get(n.staff_id) ?? n.staff_id,
      note: cipher.decryptJson<string>(`note:${n.id}`, toBuffer(n.note_enc)),
      at: new Date(n.created_at).toISOString(),
    })),
    particularsHistory: history.map((h) => ({
      contentVersion: h.content_version,
      at: new Date(h.created_at).toISOString(),
      particulars: cipher.decryptJson<unknown>("particulars", toBuffer(h.particulars_enc)),
    })),
    history: events.map((e) => ({
      version: e.version,
      event: e.event,
      from: e.from_state,
      to: e.to_state,
      actor: e.actor_kind === "staff" && e.actor_id ? `staff:${nameOf.get(e.actor_id) ?? e.actor_id}` : e.actor_kind,
      data: e.data,
      at: new Date(e.created_at).toISOString(),
    })),
    // The number the application brings (MNP port-in), if any: the reviewer and the counter see it.
    portIn: await portInForCase(deps.db, application.id),
    line: await lineOf(deps.db, application.id),
    provisioning: await provisioningOperationsOf(deps.db, application.id),
    shipment: await shipmentOf(deps, application.id),
    activation: {
      failures: application.activationFailures,
      lockedAt: application.activationLockedAt?.toISOString() ?? null,
    },
    images: imagesIn(evidence.map((e) => e.kind)),
  };
}

/** The application's port-in as staff see it: the number, the flow, the old operator, the dates, the outcome. */
async function portInForCase(db: Queryable, applicationId: string) {
  const portIn = await findPortIn(db, applicationId);
  if (!portIn) return null;
  return {
    msisdn: portIn.msisdn,
    mode: portIn.mode,
    donor: portIn.donor || null,
    reservationExpiresOn: portIn.reservationExpiresOn,
    state: portIn.state,
    switchOverAt: portIn.switchOverAt?.toISOString() ?? null,
    failureCode: portIn.state === "failed" ? (portIn.failureCode ?? "switch_over_refused") : null,
  };
}

async function shipmentOf(deps: { db: Queryable; config: Config }, applicationId: string) {
  const shipment = await latestShipment(deps.db, applicationId);
  if (!shipment) return null;
  return {
    method: shipment.method,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: trackingUrlFor(deps.config.shipmentTrackingUrl, shipment.trackingNumber, "ja"),
    status: shipment.status,
  };
}

/** Masks a name for the call centre: initials only ("T. Y."), enough to match a caller's answer. */
export function maskName(family: string, given: string): string {
  return [given, family]
    .filter((s) => s.length > 0)
    .map((s) => `${s[0]?.toUpperCase()}.`)
    .join(" ");
}

/** Status by reference for the call centre and the counter: where it stands, masked personal data. */
export async function lookupStatus(
  deps: { db: Queryable; keys: KeyManagement },
  reference: string,
  language: Language,
) {
  const application = await requireApplication(deps.db, reference);
  const details = await loadApplicantDetails(deps.keys, application);
  const events = await listTimeline(deps.db, application.id);
  const text = applicationStateTexts[application.state];
  return {
    reference: application.reference,
    state: application.state,
    status: { title: text.title[language], next: text.next[language], usually: text.usually[language] },
    planId: application.planId,
    language: application.language,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    applicant: {
      name: details.particulars ? maskName(details.particulars.name.family, details.particulars.name.given) : null,
      birthYear: details.particulars ? details.particulars.birthDate.slice(0, 4) : null,
      email: maskEmail(details.contact.email),
      phone: details.contact.phone ? `***${details.contact.phone.replace(/\D/g, "").slice(-4)}` : null,
    },
    timeline: events.map((e) => ({ event: e.event, state: e.to_state, at: new Date(e.created_at).toISOString() })),
    activationLockedAt: application.activationLockedAt?.toISOString() ?? null,
  };
}

/** The credit side of a postpaid case: the consent, the payment method as checked, the newest assessment with its figures. */
async function creditForCase(
  deps: { db: Queryable; keys: KeyManagement; clock: () => Date },
  cipher: ApplicationCipher,
  application: ApplicationRow,
  language: Language,
) {
  const { db } = deps;
  // The console's languages (ja, en, zh-Hans); the staff texts of credit reasons exist in those only.
  const staffLanguage = language === "ja" || language === "zh-Hans" ? language : "en";
  const [consent, method, assessment, decided] = await Promise.all([
    latestConsent(db, application.id),
    paymentMethodOf(db, application.id),
    latestCreditAssessment(db, cipher, application.id),
    findDepositDecision(db, application.id),
  ]);
  // The deposit as decided with the contract's offer, or before that what the rules will ask: a
  // reviewer approving a bank-transfer applicant sees the ¥5,000 the contract will state.
  const deposit = decided ?? (await workOutDeposit(deps, db, application, await depositInputsOf(db, application.id)));
  return {
    consent: consent
      ? { textVersion: consent.textVersion, language: consent.language, givenAt: consent.givenAt }
      : null,
    paymentMethod: method,
    deposit: {
      decided: decided !== null,
      amountJpy: deposit.required ? deposit.amountJpy : 0,
      reasons: (deposit.reasons as readonly string[]).filter(isDepositReasonCode).map((code) => ({
        code,
        text: explainDepositReason(code, language),
      })),
    },
    assessment: assessment
      ? {
          seq: assessment.seq,
          outcome: assessment.outcome,
          depositJpy: assessment.depositJpy,
          policy: assessment.policy,
          assessedAt: assessment.assessedAt,
          reasons: assessment.reasons.map((r) => ({
            code: r.code,
            outcome: r.outcome,
            depositJpy: r.depositJpy,
            message: explainCreditReasonToStaff(r, staffLanguage),
          })),
        }
      : null,
  };
}
