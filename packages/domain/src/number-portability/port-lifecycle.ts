/**
 * Number portability (MNP, 番号ポータビリティ) as two small state machines, each one table: a number
 * coming in with an application (port-in) and a number leaving with a subscriber (port-out).
 *
 * Port-in: `reserved` (the porting-out operator confirmed the reservation and its holder is the
 * verified applicant) → `scheduled` (the applicant chose when to switch over) → `completed` (the new
 * SIM is live on the number; the old line stopped) or `failed` (the switch-over was refused: the old
 * line still works; the applicant schedules again, or brings a new reservation number). `cancelled`
 * ends it (the application ended, or the applicant gave the port-in up).
 *
 * Port-out: `issued` (we gave the subscriber a reservation number) → `ported` (the new operator
 * switched the number over: the line ends here), `expired` (15 days passed unused) or `cancelled`.
 */
export const portInStates = ["reserved", "scheduled", "completed", "failed", "cancelled"] as const;
export type PortInState = (typeof portInStates)[number];
export const portInEvents = ["replace", "schedule", "complete", "fail", "cancel"] as const;
export type PortInEvent = (typeof portInEvents)[number];

const portInTable: Readonly<Record<PortInEvent, Partial<Record<PortInState, PortInState>>>> = {
  // A new reservation number (the old one expired, or the applicant asked again) starts over.
  replace: { reserved: "reserved", scheduled: "reserved", failed: "reserved" },
  schedule: { reserved: "scheduled", scheduled: "scheduled", failed: "scheduled" },
  complete: { scheduled: "completed" },
  fail: { scheduled: "failed" },
  cancel: { reserved: "cancelled", scheduled: "cancelled", failed: "cancelled" },
};

/** The state a port-in moves to on `event`, or null when the event is not possible in `state`. */
export function nextPortInState(state: PortInState, event: PortInEvent): PortInState | null {
  return portInTable[event][state] ?? null;
}

/** A port-in in one of these still holds its number for the application (no second one may claim it). */
export const livePortInStates: readonly PortInState[] = ["reserved", "scheduled", "failed"];

export const portOutStates = ["issued", "ported", "expired", "cancelled"] as const;
export type PortOutState = (typeof portOutStates)[number];
export const portOutEvents = ["port", "expire", "cancel"] as const;
export type PortOutEvent = (typeof portOutEvents)[number];

const portOutTable: Readonly<Record<PortOutEvent, Partial<Record<PortOutState, PortOutState>>>> = {
  port: { issued: "ported" },
  expire: { issued: "expired" },
  cancel: { issued: "cancelled" },
};

export function nextPortOutState(state: PortOutState, event: PortOutEvent): PortOutState | null {
  return portOutTable[event][state] ?? null;
}
