import { describe, expect, it } from "vitest";
import {
  type LineActorKind,
  type LineEvent,
  type LineState,
  lineEvents,
  lineEventsFrom,
  lineStates,
  nextLineState,
} from "./line-lifecycle.ts";

/**
 * The expected lifecycle of a line, written out independently of the table: `state event -> next
 * [actors]` (u = subscriber, s = staff, y = system). Every pair not listed must be refused.
 */
const expected = `
  active restrict_to_receive -> receive_only [y]
  active suspend_for_validity -> suspended [y]
  receive_only suspend_for_validity -> suspended [y]
  receive_only restore_validity -> active [y]
  suspended restore_validity -> active [y]
  active suspend_for_police -> police_suspended [y]
  receive_only suspend_for_police -> police_suspended [y]
  suspended suspend_for_police -> police_suspended [y]
  police_suspended restore_after_reverification -> active [usy]
  active terminate -> terminated [usy]
  receive_only terminate -> terminated [usy]
  suspended terminate -> terminated [usy]
  police_suspended terminate -> terminated [usy]
  active transfer -> transferred [sy]
  receive_only transfer -> transferred [sy]
  suspended transfer -> transferred [sy]
`;

const actorLetters: Record<string, LineActorKind> = { u: "subscriber", s: "staff", y: "system" };
const actors: LineActorKind[] = ["subscriber", "staff", "system"];

function parse(text: string) {
  return new Map(
    text
      .trim()
      .split("\n")
      .map((line) => {
        const m = line.trim().match(/^(\w+) (\w+) -> (\w+) \[(\w+)\]$/);
        if (!m) throw new Error(`bad line: ${line}`);
        const [, from, event, to, by] = m as unknown as [string, LineState, LineEvent, LineState, string];
        return [`${from} ${event}`, { to, by: [...by].map((c) => actorLetters[c]) }] as const;
      }),
  );
}

describe("the line lifecycle", () => {
  const table = parse(expected);

  it("moves every (state, event) as written above, for exactly the actors written, and refuses the rest", () => {
    let allowed = 0;
    for (const state of lineStates) {
      for (const event of lineEvents) {
        const row = table.get(`${state} ${event}`);
        for (const actor of actors) {
          const result = nextLineState(state, event, actor);
          if (!row)
            expect(result, `${state} ${event} by ${actor}`).toEqual({ ok: false, code: "transition_not_allowed" });
          else if (row.by.includes(actor)) {
            expect(result, `${state} ${event} by ${actor}`).toEqual({ ok: true, to: row.to });
            allowed++;
          } else expect(result, `${state} ${event} by ${actor}`).toEqual({ ok: false, code: "actor_not_allowed" });
        }
      }
    }
    expect(allowed).toBe([...table.values()].reduce((n, row) => n + row.by.length, 0));
  });

  it("lets a police-suspended line be restored by verifying again, or ended, and nothing else (a top-up does not lift it)", () => {
    expect(lineEventsFrom("police_suspended").sort()).toEqual(["restore_after_reverification", "terminate"]);
    expect(nextLineState("police_suspended", "restore_validity", "system")).toMatchObject({ ok: false });
  });

  it("never moves an ended line", () => {
    expect(lineEventsFrom("terminated")).toEqual([]);
    expect(lineEventsFrom("transferred")).toEqual([]);
  });
});
