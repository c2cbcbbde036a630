/**
 * A line's lifecycle (回線): one state for what the line may do and whether its contract lives, and
 * the one table of how it moves. The server's one door (apps/server/src/subscribers/transition-line.ts)
 * applies these events; nothing else writes `subscriptions.state`, and the database refuses a value
 * not listed here. `subscriptions.status` is derived from the state by the database (live or how it
 * ended), for the queries that only ask whether a line still exists.
 *
 * Two reasons stop a line, and they are lifted differently, so they are two states: the keep-alive
 * rules of a prepaid plan (保号: a top-up lifts them) and a police request the holder did not answer
 * by its deadline (契約者確認の求め: verifying again lifts it, a top-up does not).
 */
export const lineStates = [
  "active", // calls, SMS and data in and out
  "receive_only", // prepaid validity ended: calls and SMS in only, until the suspension period
  "suspended", // prepaid validity ended long ago: nothing in or out; a top-up brings the line back
  "police_suspended", // the holder did not verify again by a police request's deadline (利用停止)
  "terminated", // the contract ended (解約)
  "transferred", // the line went to a new holder (譲渡): a new subscription carries it on
] as const;
export type LineState = (typeof lineStates)[number];

export const lineEvents = [
  "restrict_to_receive", // the keep-alive sweep: validity ended
  "suspend_for_validity", // the keep-alive sweep: the receive-only period ended (or had no days)
  "restore_validity", // a top-up, or the sweep seeing one, gave the line validity again
  "suspend_for_police", // the police request's deadline passed without a re-verification
  "restore_after_reverification", // the holder verified again (online, or at a shop counter)
  "terminate", // the subscriber, the operator or the keep-alive sweep ended the contract
  "transfer", // the approved new holder took the line over
] as const;
export type LineEvent = (typeof lineEvents)[number];

/** Who may send an event. The door refuses an event from any other kind of actor. */
export type LineActorKind = "subscriber" | "staff" | "system";

export type LineTransition = {
  from: LineState;
  event: LineEvent;
  to: LineState;
  by: readonly LineActorKind[];
};

/** States in which the contract lives: the line has a number and a holder. */
export const liveLineStates: readonly LineState[] = ["active", "receive_only", "suspended", "police_suspended"];
/** States a line ends in: nothing moves it again. */
export const endedLineStates: readonly LineState[] = ["terminated", "transferred"];

const system = ["system"] as const;
const anyone = ["subscriber", "staff", "system"] as const;

export const lineTransitions: readonly LineTransition[] = [
  // Keep-alive moves forward only (a late sweep may skip receive-only) and back to active on a top-up.
  { from: "active", event: "restrict_to_receive", to: "receive_only", by: system },
  { from: "active", event: "suspend_for_validity", to: "suspended", by: system },
  { from: "receive_only", event: "suspend_for_validity", to: "suspended", by: system },
  { from: "receive_only", event: "restore_validity", to: "active", by: system },
  { from: "suspended", event: "restore_validity", to: "active", by: system },

  // A police suspension overrides whatever the validity allowed; only verifying again lifts it, and
  // the line comes back active (the keep-alive sweep then applies its validity, as for any line).
  { from: "active", event: "suspend_for_police", to: "police_suspended", by: system },
  { from: "receive_only", event: "suspend_for_police", to: "police_suspended", by: system },
  { from: "suspended", event: "suspend_for_police", to: "police_suspended", by: system },
  { from: "police_suspended", event: "restore_after_reverification", to: "active", by: anyone },

  // Any live line can end; a police-suspended one included (the holder never answered, or asks to end).
  ...liveLineStates.map((from) => ({ from, event: "terminate" as const, to: "terminated" as const, by: anyone })),
  // A line the police asked about cannot change holder until its holder has verified again.
  ...(["active", "receive_only", "suspended"] as const).map((from) => ({
    from,
    event: "transfer" as const,
    to: "transferred" as const,
    by: ["staff", "system"] as const,
  })),
];

export type LineTransitionResult =
  | { ok: true; to: LineState }
  | { ok: false; code: "transition_not_allowed" | "actor_not_allowed" };

/** Where (state, event) leads for this actor, or why not. */
export function nextLineState(state: LineState, event: LineEvent, actor: LineActorKind): LineTransitionResult {
  const row = lineTransitions.find((t) => t.from === state && t.event === event);
  if (!row) return { ok: false, code: "transition_not_allowed" };
  if (!row.by.includes(actor)) return { ok: false, code: "actor_not_allowed" };
  return { ok: true, to: row.to };
}

/** Events that could move a line on from `state`, for the buttons a console shows. */
export function lineEventsFrom(state: LineState): LineEvent[] {
  return lineTransitions.filter((t) => t.from === state).map((t) => t.event);
}

export function isLineState(value: string): value is LineState {
  return (lineStates as readonly string[]).includes(value);
}
