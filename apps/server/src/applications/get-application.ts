import {
  acceptsEvent,
  applicationStateTexts,
  type CheckStatus,
  concerns,
  explainCheck,
  hasTag,
  isCoveredByLaw,
  stateTags,
} from "@jitsumei/domain";
import { listAnnouncements } from "../announcements/announcements.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { findAssignedSim } from "../inventory/assign-sim.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { requirementsForApplication } from "../policy/requirements-for-application.ts";
import { correctionFieldsIn, openCorrection } from "../review/corrections.ts";
import type { ApplicationRow } from "./application-row.ts";
import { cipherFor, evidenceKinds, loadApplicantDetails } from "./load-application-data.ts";
import { type MissingItem, missingItems } from "./missing-items.ts";
import { MAX_ACTIVATION_FAILURES } from "./request-activation-code.ts";

/** The application as its applicant sees it: state, what is still needed, check results with reasons. */
export async function getApplicationView(
  deps: { db: Queryable; keys: KeyManagement; policies: readonly LoadedPolicy[]; clock: () => Date },
  application: ApplicationRow,
) {
  const data = await loadApplicantDetails(deps.keys, application);
  const kinds = await evidenceKinds(deps.db, application.id);
  const plan = await findPlan(deps.db, application.planId);
  const checks = await deps.db.query<{ code: string; status: CheckStatus; params: Record<string, string | number> }>(
    "SELECT code, status, params FROM check_results WHERE application_id = $1 AND run = $2 ORDER BY id",
    [application.id, application.checkRun],
  );
  const sim = await findAssignedSim(deps.db, application.id);
  const decision = await lastAutomatedDecision(deps.db, application.id);
  const correction =
    application.state === "correction_requested"
      ? await openCorrection(deps.db, await cipherFor(deps.keys, application), application.id)
      : null;
  const text = applicationStateTexts[application.state];

  const needs: MissingItem[] = [];
  if (hasTag(application.state, "editable") && plan) {
    const requirements = requirementsForApplication(deps.policies, {
      plan,
      channel: application.channel,
      particulars: data.particulars,
      now: deps.clock(),
    });
    needs.push(...missingItems(requirements, data.particulars, kinds));
    if (needs.length === 0) needs.push({ field: "submit", reason: "everything is there: submit the application" });
  }
  if (acceptsEvent(application.state, "activate") && !application.activationLockedAt) {
    needs.push({ field: "activation", reason: "request an activation code, then activate the line with it" });
  }

  return {
    reference: application.reference,
    state: application.state,
    tags: stateTags[application.state],
    status: {
      title: text.title[application.language],
      next: text.next[application.language],
      usually: text.usually[application.language],
    },
    // What a reviewer asked to be fixed: the fields, and their message as written.
    correction: correction
      ? {
          fields: correctionFieldsIn(application.language, correction.fields),
          message: correction.message,
          requestedAt: correction.requestedAt.toISOString(),
        }
      : null,
    planId: application.planId,
    language: application.language,
    channel: application.channel,
    formFactor: application.formFactor,
    needs,
    contact: data.contact,
    applicant: data.particulars,
    evidence: kinds.map((kind) => ({ kind })),
    checks: checks.rows.map((r) =>
      explainCheck({ code: r.code, status: r.status, params: r.params }, application.language),
    ),
    decision: decision
      ? {
          outcome: decision.outcome,
          at: decision.at,
          policy: decision.policy,
          // The checks that decided, in the applicant's language: why it went the way it went.
          reasons: checks.rows
            .filter((r) => decision.decidedBy.includes(r.code))
            .map((r) => explainCheck({ code: r.code, status: r.status, params: r.params }, application.language)),
        }
      : null,
    line: sim
      ? {
          formFactor: sim.formFactor,
          iccid: sim.iccid,
          msisdn: sim.msisdn,
          status: sim.status,
          // SGP.22 activation code for the phone's "add eSIM" screen; shown to the applicant only.
          esimActivationCode: sim.activationCode,
        }
      : null,
    // The newest notices that concern this application's plan, line type and language.
    announcements: (await listAnnouncements(deps.db, application.language, { limit: 20 }))
      .filter((a) =>
        plan
          ? concerns(a.target, {
              planId: plan.id,
              lineType: isCoveredByLaw(plan) ? "voice" : "data",
              language: application.language,
            })
          : false,
      )
      .slice(0, 3)
      .map((a) => ({ id: a.id, title: a.title, body: a.body, effectiveOn: a.effectiveOn, publishedAt: a.publishedAt })),
    activation: {
      locked: application.activationLockedAt !== null,
      attemptsRemaining: Math.max(0, MAX_ACTIVATION_FAILURES - application.activationFailures),
    },
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    submittedAt: application.submittedAt?.toISOString() ?? null,
  };
}

export type ApplicationView = Awaited<ReturnType<typeof getApplicationView>>;

/** The application's history, a page at a time (cursor = the last version seen). */
export async function listApplicationEvents(db: Queryable, applicationId: string, afterVersion: number, limit: number) {
  const { rows } = await db.query<{
    version: number;
    event: string;
    from_state: string;
    to_state: string;
    actor_kind: string;
    data: Record<string, unknown>;
    created_at: Date;
  }>(
    `SELECT version, event, from_state, to_state, actor_kind, data, created_at FROM application_events
     WHERE application_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
    [applicationId, afterVersion, limit + 1],
  );
  const items = rows.slice(0, limit).map((r) => ({
    version: r.version,
    event: r.event,
    from: r.from_state,
    to: r.to_state,
    actor: r.actor_kind,
    // A staff step shows the applicant its reason and the fields asked for, never who or their notes.
    data: r.actor_kind === "staff" ? pick(r.data, ["reason", "fields"]) : r.data,
    at: new Date(r.created_at).toISOString(),
  }));
  return { items, nextVersion: rows.length > limit ? (items.at(-1)?.version ?? null) : null };
}

function pick(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => keys.includes(k)));
}

async function lastAutomatedDecision(db: Queryable, applicationId: string) {
  const { rows } = await db.query<{
    event: string;
    data: { decidedBy?: string[]; policy?: unknown };
    created_at: Date;
  }>(
    `SELECT event, data, created_at FROM application_events
     WHERE application_id = $1 AND event = ANY($2) ORDER BY version DESC LIMIT 1`,
    [applicationId, ["checks_passed", "checks_need_review", "checks_need_correction", "checks_failed"]],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    outcome: row.event,
    at: new Date(row.created_at).toISOString(),
    policy: row.data.policy ?? null,
    decidedBy: row.data.decidedBy ?? [],
  };
}
