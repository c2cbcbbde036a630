import {
  type ApplicationState,
  applicationStates,
  applicationStateTexts,
  type CheckStatus,
  consequenceOfFailure,
  explainCheck,
  explainCreditReasonToStaff,
  explainDepositReason,
  hasTag,
  type Language,
  type LineState,
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
import { operationsOfApplication } from "../issuance/provisioning-operations-repository.ts";
import { latestShipment } from "../issuance/shipment-rows.ts";
import { depositInputsOf, workOutDeposit } from "../payments/decide-application-deposit.ts";
import { isDepositReasonCode } from "../payments/get-deposit.ts";
import { findDepositDecision, listPayments } from "../payments/payments-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { transferForCase } from "../transfers/list-transfers.ts";
import { approvalBasisOf } from "./approval-basis.ts";
import type { CaseTag } from "./case-tags.ts";
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
  const { rows } = await deps.db.query<Record<string, unknown>>(
    `SELECT a.id, a.reference, a.state, a.plan_id, p.kind AS plan_kind, a.submitted_at, a.state_changed_at,
            to_char(a.state_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
            c.staff_id AS claimed_by, s.display_name AS claimed_by_name, c.expires_at AS claim_expires_at,
            coalesce(f.escalated, false) AS escalated, coalesce(f.correction_returned, false) AS correction_returned,
            EXISTS (SELECT 1 FROM check_results r WHERE r.application_id = a.id AND r.run = a.check_run AND r.status = 'fail') AS failed_checks
     FROM applications a
     JOIN plans p ON p.id = a.plan_id
     LEFT JOIN case_claims c ON c.application_id = a.id AND c.expires_at > $2
     LEFT JOIN staff s ON s.id = c.staff_id
     LEFT JOIN case_flags f ON f.application_id = a.id
     WHERE a.state = ANY($1)
       AND ($3::text IS NULL OR ($3 = 'none' AND c.staff_id IS NULL) OR c.staff_id::text = $3)
       AND (NOT $4 OR a.state_changed_at < $5)
       AND ($6::timestamptz IS NULL OR (a.state_changed_at, a.id) > ($6::timestamptz, $7::uuid))
       AND ($8::text IS NULL
            OR ($8 = 'escalated' AND f.escalated)
            OR ($8 = 'override_pending' AND a.state = 'override_pending')
            OR ($8 = 'correction_returned' AND f.correction_returned)
            OR ($8 = 'overdue' AND a.state_changed_at < $5)
            OR ($8 = 'failed_checks' AND EXISTS (SELECT 1 FROM check_results r WHERE r.application_id = a.id AND r.run = a.check_run AND r.status = 'fail')))
     ORDER BY a.state_changed_at, a.id
     LIMIT $9`,
    [
      filter.states,
      now,
      assignee ?? null,
      filter.overdueOnly,
      overdueBefore,
      filter.after?.at ?? null,
      filter.after?.id ?? null,
      filter.tag ?? null,
      filter.limit + 1,
    ],
  );
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

  const checks = await deps.db.query<{
    code: string;
    status: CheckStatus;
    params: Record<string, string | number>;
    details: Record<string, unknown>;
  }>("SELECT code, status, params, details FROM check_results WHERE application_id = $1 AND run = $2 ORDER BY id", [
    application.id,
    application.checkRun,
  ]);
  const evidence = await deps.db.query<{ id: string; kind: string; created_at: Date }>(
    "SELECT id, kind, created_at FROM evidence WHERE application_id = $1 ORDER BY created_at, id",
    [application.id],
  );
  const events = await deps.db.query<{
    version: number;
    event: string;
    from_state: string;
    to_state: string;
    actor_kind: string;
    actor_id: string | null;
    data: Record<string, unknown>;
    created_at: Date;
  }>(
    "SELECT version, event, from_state, to_state, actor_kind, actor_id, data, created_at FROM application_events WHERE application_id = $1 ORDER BY version",
    [application.id],
  );
  const notes = await deps.db.query<{
    id: string;
    staff_id: string;
    kind: string;
    note_enc: unknown;
    created_at: Date;
  }>(
    "SELECT id, staff_id, kind, note_enc, created_at FROM case_notes WHERE application_id = $1 ORDER BY created_at, id",
    [application.id],
  );
  const staffNames = await deps.db.query<{ id: string; display_name: string }>(
    "SELECT id, display_name FROM staff WHERE id IN (SELECT actor_id::uuid FROM application_events WHERE application_id = $1 AND actor_kind = 'staff')",
    [application.id],
  );
  const nameOf = new Map(staffNames.rows.map((r) => [r.id, r.display_name]));
  const flags = await deps.db.query<{
    escalated: boolean;
    override_proposed_by: string | null;
    correction_returned: boolean;
  }>("SELECT escalated, override_proposed_by, correction_returned FROM case_flags WHERE application_id = $1", [
    application.id,
  ]);
  const history = await deps.db.query<{ content_version: number; particulars_enc: unknown; created_at: Date }>(
    "SELECT content_version, particulars_enc, created_at FROM particulars_history WHERE application_id = $1 ORDER BY content_version",
    [application.id],
  );

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
  const lastDecision = [...events.rows].reverse().find((e) => e.event.startsWith("checks_"));
  const decidedBy = (lastDecision?.data.decidedBy as string[] | undefined) ?? [];
  const flag = flags.rows[0];
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
    evidence: evidence.rows.map((e) => ({ id: e.id, kind: e.kind, at: new Date(e.created_at).toISOString() })),
    checks: checks.rows.map((r) => ({
      ...explainCheck({ code: r.code, status: r.status, params: r.params }, language),
      details: r.details,
    })),
    decision: lastDecision
      ? {
          outcome: lastDecision.event,
          at: new Date(lastDecision.created_at).toISOString(),
          policy: lastDecision.data.policy ?? null,
          decidedBy: checks.rows
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
    notes: notes.rows.map((n) => ({
      kind: n.kind,
      by: nameOf.get(n.staff_id) ?? n.staff_id,
      note: cipher.decryptJson<string>(`note:${n.id}`, toBuffer(n.note_enc)),
      at: new Date(n.created_at).toISOString(),
    })),
    particularsHistory: history.rows.map((h) => ({
      contentVersion: h.content_version,
      at: new Date(h.created_at).toISOString(),
      particulars: cipher.decryptJson<unknown>("particulars", toBuffer(h.particulars_enc)),
    })),
    history: events.rows.map((e) => ({
      version: e.version,
      event: e.event,
      from: e.from_state,
      to: e.to_state,
      actor: e.actor_kind === "staff" && e.actor_id ? `staff:${nameOf.get(e.actor_id) ?? e.actor_id}` : e.actor_kind,
      data: e.data,
      at: new Date(e.created_at).toISOString(),
    })),
    line: await lineOf(deps.db, application.id),
    provisioning: await provisioningOperationsOf(deps.db, application.id),
    shipment: await shipmentOf(deps, application.id),
    activation: {
      failures: application.activationFailures,
      lockedAt: application.activationLockedAt?.toISOString() ?? null,
    },
    images: imagesIn(evidence.rows.map((e) => e.kind)),
  };
}

/** The SIM or eSIM profile on the application; a data-only line has a number in the network, never shown. */
async function lineOf(db: Queryable, applicationId: string) {
  const { rows } = await db.query<{
    iccid: string;
    msisdn: string;
    form_factor: "physical" | "esim";
    line_type: "voice" | "data";
    status: "assigned" | "active" | "released";
  }>("SELECT iccid, msisdn, form_factor, line_type, status FROM sims WHERE application_id = $1", [applicationId]);
  const r = rows[0];
  if (!r) return null;
  return {
    iccid: r.iccid,
    formFactor: r.form_factor,
    lineType: r.line_type,
    msisdn: r.line_type === "voice" ? r.msisdn : null,
    status: r.status,
    subscription: await subscriptionOf(db, applicationId),
  };
}

/** The operation log: every provisioning call made for the application, its request, answer and outcome. */
async function provisioningOperationsOf(db: Queryable, applicationId: string) {
  const rows = await operationsOfApplication(db, applicationId);
  return rows.map((r) => ({
    operation: r.operation,
    adapter: r.adapter,
    request: r.request,
    answer: r.answer,
    outcome: r.outcome,
    error: r.error,
    attempts: r.attempts,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  }));
}

/** The line's state once it is live, and the police request a counter re-verification would answer. */
async function subscriptionOf(db: Queryable, applicationId: string) {
  const { rows } = await db.query<{ state: LineState; police_request_id: string | null }>(
    `SELECT s.state, (SELECT p.id FROM police_requests p WHERE p.subscription_id = s.id
                        AND p.status IN ('awaiting', 'suspended') ORDER BY p.created_at LIMIT 1) AS police_request_id
     FROM subscriptions s WHERE s.application_id = $1`,
    [applicationId],
  );
  const r = rows[0];
  return r ? { state: r.state, openPoliceRequestId: r.police_request_id } : null;
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
  const events = await deps.db.query<{ event: string; to_state: string; created_at: Date }>(
    "SELECT event, to_state, created_at FROM application_events WHERE application_id = $1 ORDER BY version",
    [application.id],
  );
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
    timeline: events.rows.map((e) => ({ event: e.event, state: e.to_state, at: new Date(e.created_at).toISOString() })),
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
  const staffLanguage = language === "ja" ? "ja" : "en";
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
        text: explainDepositReason(code, staffLanguage),
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
