import { type ActorKind, type ApplicationEvent, type ApplicationState, nextState } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { notificationFor, queueNotification } from "../notifications/notify-applicant.ts";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event.ts";
import { type ApplicationRow, applicationRowFrom, lockApplication, purchaseDue } from "./application-row.ts";
import { writeTransition } from "./applications-repository.ts";

export type Actor = { kind: ActorKind; id?: string };

export type EventInput = {
  applicationId: string;
  event: ApplicationEvent;
  actor: Actor;
  /** Non-personal facts about the step (reasons, check codes): stored with the event and audited. */
  data?: Record<string, unknown>;
};

export type AppliedEvent = {
  application: ApplicationRow;
  from: ApplicationState;
  to: ApplicationState;
  version: number;
};

/**
 * The one door for every change of an application's state. In the caller's transaction it locks
 * the row, asks the lifecycle table where the event leads, lets the caller do the work that belongs
 * to the step (`within`, e.g. reserving a SIM), then stores the event and the new state and appends
 * the audit entry. If anything throws, none of it happened.
 */
export async function applyEvent(
  tx: Queryable,
  input: EventInput,
  within?: (application: ApplicationRow) => Promise<Record<string, unknown> | undefined>,
): Promise<AppliedEvent> {
  const application = await lockApplication(tx, input.applicationId);
  if (!application) throw new AppError("application_not_found", "No such application");
  const result = nextState(application.state, input.event, input.actor.kind, {
    planKind: application.planKind,
    depositRequired: application.depositRequired,
    transfer: application.kind === "transfer",
    purchaseDue: purchaseDue(application),
  });
  if (!result.ok) {
    throw new AppError(
      "transition_not_allowed",
      `The application is ${application.state}: "${input.event}" is not possible now`,
      { state: application.state, event: input.event, reason: result.refusal.code },
    );
  }
  const extra = (await within?.(application)) ?? {};
  const data = { ...input.data, ...extra };
  const version = application.version + 1;
  // The new state and the event that led there, in one statement, which answers the row as it now
  // stands (what \`within\` changed included): the transaction's next lock of it reads no more.
  const moved = await writeTransition(tx, {
    applicationId: application.id,
    version,
    event: input.event,
    from: application.state,
    to: result.to,
    actorKind: input.actor.kind,
    actorId: input.actor.id ?? null,
    data: JSON.stringify(data),
  });
  // Integrators hear about every change (references, states and versions only, never personal data),
  // and the applicant about the ones that matter to them: recorded with the change itself, committed
  // together or not at all.
  await queueWebhookEvent(tx, {
    type: "application.state_changed",
    data: { reference: application.reference, event: input.event, from: application.state, to: result.to, version },
  });
  const template = notificationFor(
    { from: application.state, to: result.to, event: input.event },
    application.planKind,
  );
  if (template) await queueNotification(tx, { applicationId: application.id, version, template });
  await appendAuditEntry(tx, {
    actor: input.actor.id ? `${input.actor.kind}:${input.actor.id}` : input.actor.kind,
    action: "application.transition",
    subject: application.reference,
    // The step's own facts are nested: they can never overwrite what the entry says happened.
    data: { event: input.event, from: application.state, to: result.to, version, data },
  });
  return {
    application: moved ? applicationRowFrom(moved) : { ...application, state: result.to, version },
    from: application.state,
    to: result.to,
    version,
  };
}
