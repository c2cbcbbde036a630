import {
  acceptsEvent,
  applicationStateTexts,
  concerns,
  explainCheck,
  hasTag,
  isCoveredByLaw,
  stateTags,
} from "@jitsumei/domain";
import { listAnnouncements } from "../announcements/announcements.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { jpkiSignatureOutdated } from "../evidence/jpki-payload.ts";
import type { EsimState } from "../issuance/esim-download-progress.ts";
import { MAX_SELF_SERVICE_REISSUES } from "../issuance/reissue-esim.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { requirementsForApplication } from "../policy/requirements-for-application.ts";
import { correctionFieldsIn, openCorrection } from "../review/corrections.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import type { ApplicationRow } from "./application-row.ts";
import { listEventsAfter, selectViewFacts } from "./applications-repository.ts";
import { cipherFor, type EvidenceKind, loadApplicantDetails, loadApplicationData } from "./load-application-data.ts";
import { type MissingItem, missingItems } from "./missing-items.ts";
import { MAX_ACTIVATION_FAILURES } from "./request-activation-code.ts";

/** The application as its applicant sees it: state, what is still needed, check results with reasons. */
export async function getApplicationView(
  deps: {
    db: Queryable;
    keys: KeyManagement;
    policies: readonly LoadedPolicy[];
    clock: () => Date;
    documents: DocumentStorage;
  },
  application: ApplicationRow,
) {
  const data = await loadApplicantDetails(deps.keys, application);
  const { kinds, checks, sim, decision } = await viewFacts(deps.db, application);
  const plan = await findPlan(deps.db, application.planId);
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
    // Only a JPKI signature can be outdated by a correction: its evidence is read only then.
    const outdated =
      kinds.includes("jpki") &&
      jpkiSignatureOutdated(
        application.reference,
        data.particulars,
        (await loadApplicationData(deps, application)).evidence,
      );
    needs.push(...missingItems(requirements, data.particulars, kinds, outdated));
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
    checks: checks.map((r) => explainCheck({ code: r.code, status: r.status, params: r.params }, application.language)),
    decision: decision
      ? {
          outcome: decision.outcome,
          at: decision.at,
          policy: decision.policy,
          // The checks that decided, in the applicant's language: why it went the way it went.
          reasons: checks
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
          esimDownload: sim.esimDownload && {
            state: sim.esimDownload.state,
            at: sim.esimDownload.at,
            // A failed or deleted download can be made again by the applicant (self-service reissue).
            redownloadOffered:
              sim.esimDownload.released &&
              (sim.esimDownload.state === "failed" || sim.esimDownload.state === "deleted") &&
              sim.esimDownload.reissues < MAX_SELF_SERVICE_REISSUES,
          },
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
  const rows = await listEventsAfter(db, applicationId, afterVersion, limit + 1);
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

const automatedOutcomes = ["checks_passed", "checks_need_review", "checks_need_correction", "checks_failed"];

/**
 * What the view shows besides the row, in one statement: the kinds of evidence given, this run's
 * check results, the SIM and the automated decision (the last three exist once it was submitted).
 */
async function viewFacts(db: Queryable, application: ApplicationRow) {
  const facts = await selectViewFacts(db, {
    applicationId: application.id,
    checkRun: application.checkRun,
    decisionEvents: automatedOutcomes,
  });
  const sim = facts?.sim ?? null;
  const decision = facts?.decision ?? null;
  return {
    kinds: (facts?.kinds ?? []) as EvidenceKind[],
    checks: facts?.checks ?? [],
    sim: sim
      ? {
          iccid: sim.iccid,
          msisdn: sim.msisdn,
          formFactor: sim.form_factor,
          activationCode: sim.activation_code,
          status: sim.status,
          // Where the phone's download stands, as the SM-DP+ reported it (state null: nothing yet).
          esimDownload:
            sim.form_factor === "esim"
              ? {
                  state: sim.esim_state as EsimState | null,
                  at: sim.esim_state ? new Date(sim.esim_state_at ?? 0).toISOString() : null,
                  released: sim.esim_released_at !== null,
                  reissues: Number(sim.esim_reissues),
                }
              : null,
        }
      : null,
    decision: decision
      ? {
          outcome: decision.event,
          at: new Date(decision.created_at).toISOString(),
          policy: decision.data.policy ?? null,
          decidedBy: decision.data.decidedBy ?? [],
        }
      : null,
  };
}
