import { type LineActorKind, type LineEvent, type LineState, nextLineState } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findLiveLineId, lockLineRow, moveLineState } from "./lines-repository.ts";

export type LineActor = { kind: LineActorKind; id?: string };

/** The line as the door locked it. */
export type LineRow = {
  id: string;
  applicationId: string;
  reference: string;
  planId: string;
  msisdn: string;
  networkRef: string;
  state: LineState;
  validUntil: Date | null;
};

export type LineTransitionOptions = {
  /** When it happened (the caller's clock); now by default. */
  at?: Date;
  /** Non-personal facts about the step (a reason code, a request id): stored with the event and audited. */
  data?: Record<string, unknown>;
  /** The reason code kept on a line that ends (`end_reason`); the event's name when absent. */
  endReason?: string;
  /** The work that belongs to the step (the network, the number), done after the check, before the write. */
  within?: (line: LineRow) => Promise<Record<string, unknown> | undefined>;
};

/** What the audit trail calls each event (the names the trail used before the table existed). */
const auditAction: Record<LineEvent, string> = {
  restrict_to_receive: "subscription.service_changed",
  suspend_for_validity: "subscription.service_changed",
  restore_validity: "subscription.service_changed",
  suspend_for_police: "subscription.suspended",
  restore_after_reverification: "subscription.restored",
  terminate: "subscription.terminated",
  transfer: "subscription.transferred",
};

/**
 * The one door for every change of a line's state (packages/domain/src/line/line-lifecycle.ts). In
 * the caller's transaction it locks the subscription, asks the table where the event leads, lets the
 * caller do the step's own work (`within`), then writes the new state and the event and appends the
 * audit entry. If anything throws, none of it happened.
 */
export async function transitionLine(
  tx: Queryable,
  lineId: string,
  event: LineEvent,
  actor: LineActor,
  options: LineTransitionOptions = {},
): Promise<{ line: LineRow; from: LineState; to: LineState }> {
  const line = await lockLine(tx, lineId);
  if (!line) throw new AppError("not_found", "No such line");
  const result = nextLineState(line.state, event, actor.kind);
  if (!result.ok) {
    throw new AppError(
      "line_transition_not_allowed",
      line.state === "terminated" || line.state === "transferred"
        ? `The line has ended (${line.state}): "${event}" is not possible`
        : `The line is ${line.state}: "${event}" is not possible now`,
      { state: line.state, event, reason: result.code },
    );
  }
  const at = options.at ?? new Date();
  const extra = (await options.within?.(line)) ?? {};
  const data = { ...options.data, ...extra };
  const ends = result.to === "terminated" || result.to === "transferred";
  await moveLineState(tx, {
    lineId: line.id,
    to: result.to,
    at,
    ends,
    endReason: ends ? (options.endReason ?? event) : null,
    event,
    from: line.state,
    actorKind: actor.kind,
    actorId: actor.id ?? null,
    data,
  });
  await appendAuditEntry(tx, {
    actor: actor.id ? `${actor.kind}:${actor.id}` : actor.kind,
    action: auditAction[event],
    subject: line.reference,
    // What happened is written last: the step's own facts can never overwrite it.
    data: { ...data, event, from: line.state, to: result.to },
  });
  return { line: { ...line, state: result.to }, from: line.state, to: result.to };
}

/** "staff:<id>", "subscriber", "system:<job>" (the actor strings the audit trail uses) as a line actor. */
export function lineActor(actor: string): LineActor {
  const [kind, ...rest] = actor.split(":");
  if (kind !== "staff" && kind !== "subscriber" && kind !== "system") throw new Error(`unknown actor ${actor}`);
  return rest.length > 0 ? { kind, id: rest.join(":") } : { kind };
}

/** The live line of an application (one at most: the number is unique among live lines), or null. */
export async function liveLineOf(tx: Queryable, applicationId: string): Promise<string | null> {
  return findLiveLineId(tx, applicationId);
}

async function lockLine(tx: Queryable, lineId: string): Promise<LineRow | null> {
  const r = await lockLineRow(tx, lineId);
  if (!r) return null;
  return {
    id: r.id,
    applicationId: r.application_id,
    reference: r.reference,
    planId: r.plan_id,
    msisdn: r.msisdn,
    networkRef: r.network_ref,
    state: r.state,
    validUntil: r.valid_until ? new Date(r.valid_until) : null,
  };
}
