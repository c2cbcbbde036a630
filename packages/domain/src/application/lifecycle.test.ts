import { describe, expect, it } from "vitest";
import {
  type ActorKind,
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
  prepaidOnline: { planKind: "prepaid", depositRequired: false, transfer: false, purchaseDue: true },
  prepaidPaidAtTill: { planKind: "prepaid", depositRequired: false, transfer: false, purchaseDue: false },
  postpaidNoDeposit: { planKind: "postpaid", depositRequired: false, transfer: false, purchaseDue: false },
  postpaidDeposit: { planKind: "postpaid", depositRequired: true, transfer: false, purchaseDue: false },
  prepaidTransfer: { planKind: "prepaid", depositRequired: false, transfer: true, purchaseDue: false },
  postpaidTransfer: { planKind: "postpaid", depositRequired: false, transfer: true, purchaseDue: false },
};

// Who may send each event: a = applicant, s = staff, y = system.
const common = `
  draft submit -> checking [a]
  correction_requested submit -> checking [a]
  checking checks_need_review -> in_review [y]
  checking checks_need_correction -> correction_requested [y]
  checking checks_failed -> rejected [y]
  in_review approve -> approved [s]
  in_review reject -> rejected [s]
  in_review request_correction -> correction_requested [s]
  in_review escalate -> in_review [s]
  in_review propose_override -> override_pending [s]
  override_pending confirm_override -> approved [s]
  override_pending decline_override -> in_review [s]
  deposit_pending pay_deposit -> ready_to_issue [sy]
  payment_pending pay_purchase -> ready_to_issue [sy]
  ready_to_issue assign_sim -> sim_assigned [sy]
  sim_assigned ship -> in_delivery [sy]
  in_delivery deliver -> delivered [sy]
  in_delivery delivery_failed -> sim_assigned [sy]
  sim_assigned activate -> active [asy]
  delivered activate -> active [asy]
  sim_assigned activation_failed -> ready_to_issue [y]
  delivered activation_failed -> ready_to_issue [y]
  draft cancel -> cancelled [asy]
  checking cancel -> cancelled [asy]
  in_review cancel -> cancelled [asy]
  override_pending cancel -> cancelled [asy]
  correction_requested cancel -> cancelled [asy]
  approved cancel -> cancelled [asy]
  contract_pending cancel -> cancelled [asy]
  deposit_pending cancel -> cancelled [asy]
  payment_pending cancel -> cancelled [asy]
  ready_to_issue cancel -> cancelled [asy]
  sim_assigned cancel -> cancelled [asy]
  in_delivery cancel -> cancelled [asy]
  delivered cancel -> cancelled [asy]
  draft expire -> expired [y]
  correction_requested expire -> expired [y]
  contract_pending expire -> expired [y]
  deposit_pending expire -> expired [y]
  payment_pending expire -> expired [y]
  sim_assigned expire -> expired [y]
  delivered expire -> expired [y]
`;
const expected: Record<string, string> = {
  prepaidOnline: `${common}
  checking checks_passed -> approved [y]
  approved request_payment -> payment_pending [y]`,
  prepaidPaidAtTill: `${common}
  checking checks_passed -> approved [y]
  approved assign_sim -> sim_assigned [sy]`,
  postpaidNoDeposit: `${common}
  checking checks_passed -> in_review [y]
  approved offer_contract -> contract_pending [sy]
  contract_pending sign_contract -> ready_to_issue [a]`,
  postpaidDeposit: `${common}
  checking checks_passed -> in_review [y]
  approved offer_contract -> contract_pending [sy]
  contract_pending sign_contract -> deposit_pending [a]`,
  prepaidTransfer: `${common}
  checking checks_passed -> in_review [y]
  approved activate -> active [sy]`,
  postpaidTransfer: `${common}
  checking checks_passed -> in_review [y]
  approved activate -> active [sy]`,
};

const actorLetters: Record<string, ActorKind> = { a: "applicant", s: "staff", y: "system" };
const allActors: readonly ActorKind[] = ["applicant", "staff", "system"];

function parse(text: string): Map<string, { to: ApplicationState; actors: ActorKind[] }> {
  const map = new Map<string, { to: ApplicationState; actors: ActorKind[] }>();
  for (const line of text.split("\n").filter((l) => l.trim() !== "")) {
    const [from, event, , to, letters = ""] = line.trim().split(/\s+/);
    const actors = [...letters.replace(/[[\]]/g, "")].map((l) => actorLetters[l] as ActorKind);
    map.set(`${from} ${event}`, { to: to as ApplicationState, actors });
  }
  return map;
}

describe("application lifecycle table", () => {
  for (const [name, context] of Object.entries(contexts)) {
    it(`gives the expected next state, for the expected actors only, or a typed refusal for every (state, event, actor): ${name}`, () => {
      const want = parse(expected[name] ?? "");
      let allowed = 0;
      for (const state of applicationStates) {
        for (const event of applicationEvents) {
          const target = want.get(`${state} ${event}`);
          if (target) allowed++;
          for (const actor of allActors) {
            const result = nextState(state, event, actor, context);
            const label = `${state} ${event} by ${actor}`;
            if (!target) {
              expect(result, label).toEqual({ ok: false, refusal: { code: "transition_not_allowed", state, event } });
            } else if (target.actors.includes(actor)) {
              expect(result, label).toMatchObject({ ok: true, to: target.to });
            } else {
              expect(result, label).toEqual({ ok: false, refusal: { code: "actor_not_allowed", state, event, actor } });
            }
          }
        }
      }
      expect(allowed).toBe(want.size);
    });
  }

  it("refuses an event from a kind of actor the row does not name", () => {
    const ctx = contexts.prepaidOnline as LifecycleContext;
    expect(nextState("in_review", "approve", "applicant", ctx)).toEqual({
      ok: false,
      refusal: { code: "actor_not_allowed", state: "in_review", event: "approve", actor: "applicant" },
    });
    expect(nextState("checking", "checks_passed", "applicant", ctx).ok).toBe(false);
    expect(nextState("draft", "submit", "staff", ctx).ok).toBe(false);
  });

  it("never releases a SIM to an online prepaid application before it is paid, and lets its payer walk away", () => {
    const online = contexts.prepaidOnline as LifecycleContext;
    expect(nextState("approved", "assign_sim", "system", online)).toEqual({
      ok: false,
      refusal: { code: "transition_not_allowed", state: "approved", event: "assign_sim" },
    });
    // Only the gateway (system) or a cashier (staff) says it is paid.
    expect(nextState("payment_pending", "pay_purchase", "applicant", online).ok).toBe(false);
    expect(stateTags.payment_pending).toEqual(["needs_applicant"]);
    expect(eventsFrom("payment_pending", online).sort()).toEqual(["cancel", "expire", "pay_purchase"]);
    // A till sale was paid at the till: there is nothing to request.
    const till = contexts.prepaidPaidAtTill as LifecycleContext;
    expect(nextState("approved", "request_payment", "system", till).ok).toBe(false);
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
    // Sold online: paid before the SIM is released. Bought at a till: paid there, so the SIM comes at once.
    expect(
      walk(contexts.prepaidOnline as LifecycleContext, [
        "submit",
        "checks_passed",
        "request_payment",
        "pay_purchase",
        "assign_sim",
        "activate",
      ]),
    ).toBe("active");
    expect(
      walk(contexts.prepaidPaidAtTill as LifecycleContext, ["submit", "checks_passed", "assign_sim", "activate"]),
    ).toBe("active");
    // A transfer: the checks pass, a person consents, the new holder takes the line over.
    expect(walk(contexts.prepaidTransfer as LifecycleContext, ["submit", "checks_passed", "approve", "activate"])).toBe(
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
