import { describe, expect, it } from "vitest";
import {
  type ApplicationEvent,
  type ApplicationState,
  applicationEvents,
  applicationStates,
  eventsFrom,
  type LifecycleContext,
  nextState,
  stateTags,
  transitions,
} from "./lifecycle.ts";

/**
 * The expected lifecycle, written out independently of the table: `state event -> next` for each
 * context. Any pair not listed must be refused with `transition_not_allowed`.
 */
const contexts: Record<string, LifecycleContext> = {
  prepaid: { planKind: "prepaid", depositRequired: false },
  postpaidNoDeposit: { planKind: "postpaid", depositRequired: false },
  postpaidDeposit: { planKind: "postpaid", depositRequired: true },
};

const common = `
  draft submit -> checking
  correction_requested submit -> checking
  checking checks_passed -> approved
  checking checks_need_review -> in_review
  checking checks_need_correction -> correction_requested
  checking checks_failed -> rejected
  in_review approve -> approved
  in_review reject -> rejected
  in_review request_correction -> correction_requested
  deposit_pending pay_deposit -> ready_to_issue
  ready_to_issue assign_sim -> sim_assigned
  sim_assigned ship -> in_delivery
  in_delivery deliver -> delivered
  in_delivery delivery_failed -> sim_assigned
  sim_assigned activate -> active
  delivered activate -> active
  draft cancel -> cancelled
  checking cancel -> cancelled
  in_review cancel -> cancelled
  correction_requested cancel -> cancelled
  approved cancel -> cancelled
  contract_pending cancel -> cancelled
  deposit_pending cancel -> cancelled
  ready_to_issue cancel -> cancelled
  sim_assigned cancel -> cancelled
  in_delivery cancel -> cancelled
  delivered cancel -> cancelled
  draft expire -> expired
  correction_requested expire -> expired
  contract_pending expire -> expired
  deposit_pending expire -> expired
`;
const expected: Record<string, string> = {
  prepaid: `${common}
  approved assign_sim -> sim_assigned`,
  postpaidNoDeposit: `${common}
  approved offer_contract -> contract_pending
  contract_pending sign_contract -> ready_to_issue`,
  postpaidDeposit: `${common}
  approved offer_contract -> contract_pending
  contract_pending sign_contract -> deposit_pending`,
};

function parse(text: string): Map<string, ApplicationState> {
  const map = new Map<string, ApplicationState>();
  for (const line of text.split("\n").filter((l) => l.trim() !== "")) {
    const [from, event, , to] = line.trim().split(/\s+/);
    map.set(`${from} ${event}`, to as ApplicationState);
  }
  return map;
}

describe("application lifecycle table", () => {
  for (const [name, context] of Object.entries(contexts)) {
    it(`gives the expected next state or a typed refusal for every (state, event) pair: ${name}`, () => {
      const want = parse(expected[name] ?? "");
      let allowed = 0;
      for (const state of applicationStates) {
        for (const event of applicationEvents) {
          const row = transitions.find((t) => t.from === state && t.event === event);
          const actor = row?.by[0] ?? "system";
          const result = nextState(state, event, actor, context);
          const target = want.get(`${state} ${event}`);
          if (target) {
            allowed++;
            expect(result, `${state} ${event}`).toMatchObject({ ok: true, to: target });
          } else {
            expect(result, `${state} ${event}`).toEqual({
              ok: false,
              refusal: { code: "transition_not_allowed", state, event },
            });
          }
        }
      }
      expect(allowed).toBe(want.size);
    });
  }

  it("refuses an event from a kind of actor the row does not name", () => {
    const ctx = contexts.prepaid as LifecycleContext;
    expect(nextState("in_review", "approve", "applicant", ctx)).toEqual({
      ok: false,
      refusal: { code: "actor_not_allowed", state: "in_review", event: "approve", actor: "applicant" },
    });
    expect(nextState("checking", "checks_passed", "applicant", ctx).ok).toBe(false);
    expect(nextState("draft", "submit", "staff", ctx).ok).toBe(false);
  });

  it("tags every state, and only terminal states have no way out", () => {
    const ctx = contexts.postpaidDeposit as LifecycleContext;
    for (const state of applicationStates) {
      expect(stateTags[state].length, state).toBeGreaterThan(0);
      const terminal = stateTags[state].includes("terminal");
      expect(eventsFrom(state, ctx).length === 0, state).toBe(terminal);
    }
  });

  it("reaches active from draft on both journeys", () => {
    const walk = (ctx: LifecycleContext, events: ApplicationEvent[]) =>
      events.reduce<ApplicationState>((state, event) => {
        const row = transitions.find((t) => t.from === state && t.event === event);
        const result = nextState(state, event, row?.by[0] ?? "system", ctx);
        if (!result.ok) throw new Error(`${state} ${event} refused`);
        return result.to;
      }, "draft");
    expect(walk(contexts.prepaid as LifecycleContext, ["submit", "checks_passed", "assign_sim", "activate"])).toBe(
      "active",
    );
    expect(
      walk(contexts.postpaidDeposit as LifecycleContext, [
        "submit",
        "checks_need_review",
        "request_correction",
        "submit",
        "checks_need_review",
        "approve",
        "offer_contract",
        "sign_contract",
        "pay_deposit",
        "assign_sim",
        "ship",
        "deliver",
        "activate",
      ]),
    ).toBe("active");
  });
});
