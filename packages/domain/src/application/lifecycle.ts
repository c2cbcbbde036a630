/**
 * The application lifecycle: every state, event, guard and tag in one table.
 *
 * An application (申込) moves from draft to an active line (or to a terminal refusal) only by events
 * listed here. The server has exactly one door that applies them (apps/server/src/applications/
 * apply-event.ts); nothing else writes `applications.state`. Later capabilities (review, contract,
 * deposit, delivery) send the events that already exist here, so the table is complete for both
 * journeys even where a step's screens are not built yet.
 */

export const applicationStates = [
  "draft", // created; the applicant fills in particulars and evidence
  "checking", // submitted; automated checks are running
  "in_review", // a person must decide (審査)
  "override_pending", // approved against a failed check: a second senior reviewer must confirm
  "correction_requested", // the applicant must fix something and submit again
  "approved", // verification passed
  "contract_pending", // postpaid: important-matters explanation (重要事項説明) and signature
  "deposit_pending", // postpaid: a deposit is owed before issuance
  "payment_pending", // prepaid sold online: the plan's price is owed before a SIM or eSIM is released
  "ready_to_issue", // signed (postpaid) or paid (prepaid); waiting for a SIM or eSIM
  "sim_assigned", // a SIM or eSIM profile is reserved for the application
  "in_delivery", // physical SIM sent by restricted-delivery mail (本人限定受取郵便)
  "delivered", // the post office handed the SIM over
  "active", // the line works; the subscription takes over from here
  "rejected", // refused, with reasons
  "cancelled", // withdrawn by the applicant or the operator
  "expired", // abandoned by the applicant past its deadline
] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const applicationEvents = [
  "submit",
  "checks_passed",
  "checks_need_review",
  "checks_need_correction",
  "checks_failed",
  "approve",
  "reject",
  "request_correction",
  "escalate",
  "propose_override",
  "confirm_override",
  "decline_override",
  "offer_contract",
  "sign_contract",
  "pay_deposit",
  "request_payment",
  "pay_purchase",
  "assign_sim",
  "ship",
  "deliver",
  "delivery_failed",
  "activate",
  "activation_failed",
  "cancel",
  "expire",
] as const;
export type ApplicationEvent = (typeof applicationEvents)[number];

/** Who may send an event. The door refuses an event from any other kind of actor. */
export type ActorKind = "applicant" | "staff" | "system";

/** Facts about the application that a guard may read. */
export type LifecycleContext = {
  planKind: "prepaid" | "postpaid";
  depositRequired: boolean;
  /** The application verifies the new holder of an existing line (譲渡), not a new line. */
  transfer: boolean;
  /**
   * A prepaid plan's price is still owed: sold online (not a retail package or a counter sale, which
   * the shop's till took) and not free.
   */
  purchaseDue: boolean;
};

export const guards = {
  // A new line of either kind; a transfer takes over a line that exists, so it has none of their steps.
  prepaid: (c: LifecycleContext) => c.planKind === "prepaid" && !c.transfer,
  prepaidPaid: (c: LifecycleContext) => c.planKind === "prepaid" && !c.transfer && !c.purchaseDue,
  prepaidUnpaid: (c: LifecycleContext) => c.planKind === "prepaid" && !c.transfer && c.purchaseDue,
  postpaid: (c: LifecycleContext) => c.planKind === "postpaid" && !c.transfer,
  transfer: (c: LifecycleContext) => c.transfer,
  postpaidWithDeposit: (c: LifecycleContext) => c.planKind === "postpaid" && !c.transfer && c.depositRequired,
  postpaidWithoutDeposit: (c: LifecycleContext) => c.planKind === "postpaid" && !c.transfer && !c.depositRequired,
} as const;
export type GuardName = keyof typeof guards;

export type Transition = {
  from: ApplicationState;
  event: ApplicationEvent;
  to: ApplicationState;
  by: readonly ActorKind[];
  /** When several rows share (from, event), the first whose guard holds wins. */
  guard?: GuardName;
};

const applicant = ["applicant"] as const;
const staff = ["staff"] as const;
const system = ["system"] as const;
const staffOrSystem = ["staff", "system"] as const;
const anyone = ["applicant", "staff", "system"] as const;

/** States an applicant may still withdraw from (and the operator may cancel). */
const cancellable: readonly ApplicationState[] = [
  "draft",
  "checking",
  "in_review",
  "override_pending",
  "correction_requested",
  "approved",
  "contract_pending",
  "deposit_pending",
  "payment_pending",
  "ready_to_issue",
  "sim_assigned",
  "in_delivery",
  "delivered",
];

/**
 * States that wait on the applicant, and so lapse when the applicant goes quiet: a SIM or eSIM
 * reserved (or delivered) and never activated goes back to stock too.
 */
const expirable: readonly ApplicationState[] = [
  "draft",
  "correction_requested",
  "contract_pending",
  "deposit_pending",
  "payment_pending",
  "sim_assigned",
  "delivered",
];

export const transitions: readonly Transition[] = [
  { from: "draft", event: "submit", to: "checking", by: applicant },
  { from: "correction_requested", event: "submit", to: "checking", by: applicant },

  // A postpaid contract is credit: a person reviews it even when every automated check passed.
  { from: "checking", event: "checks_passed", to: "approved", by: system, guard: "prepaid" },
  { from: "checking", event: "checks_passed", to: "in_review", by: system, guard: "postpaid" },
  // A transfer needs the carrier's consent (LAW.md): a person approves it, whatever the checks say.
  { from: "checking", event: "checks_passed", to: "in_review", by: system, guard: "transfer" },
  { from: "checking", event: "checks_need_review", to: "in_review", by: system },
  { from: "checking", event: "checks_need_correction", to: "correction_requested", by: system },
  { from: "checking", event: "checks_failed", to: "rejected", by: system },

  { from: "in_review", event: "approve", to: "approved", by: staff },
  { from: "in_review", event: "reject", to: "rejected", by: staff },
  { from: "in_review", event: "request_correction", to: "correction_requested", by: staff },
  // To senior reviewers; the case stays in review.
  { from: "in_review", event: "escalate", to: "in_review", by: staff },
  // Approving against a failed automated check takes two people: one proposes, another confirms.
  { from: "in_review", event: "propose_override", to: "override_pending", by: staff },
  { from: "override_pending", event: "confirm_override", to: "approved", by: staff },
  { from: "override_pending", event: "decline_override", to: "in_review", by: staff },

  { from: "approved", event: "offer_contract", to: "contract_pending", by: staffOrSystem, guard: "postpaid" },
  // A prepaid line sold online is paid for before its SIM or eSIM is released; one bought at a till
  // (a retail package, a counter sale) was paid there and gets its SIM at once.
  { from: "approved", event: "assign_sim", to: "sim_assigned", by: staffOrSystem, guard: "prepaidPaid" },
  { from: "approved", event: "request_payment", to: "payment_pending", by: system, guard: "prepaidUnpaid" },
  // As the deposit: paid is what the gateway (system) or a cashier (staff) says, never the applicant.
  { from: "payment_pending", event: "pay_purchase", to: "ready_to_issue", by: staffOrSystem },
  {
    from: "contract_pending",
    event: "sign_contract",
    to: "deposit_pending",
    by: applicant,
    guard: "postpaidWithDeposit",
  },
  {
    from: "contract_pending",
    event: "sign_contract",
    to: "ready_to_issue",
    by: applicant,
    guard: "postpaidWithoutDeposit",
  },
  // Paid is what the payment gateway (system) or a cashier (staff) says, never the applicant.
  { from: "deposit_pending", event: "pay_deposit", to: "ready_to_issue", by: staffOrSystem },
  { from: "ready_to_issue", event: "assign_sim", to: "sim_assigned", by: staffOrSystem },

  { from: "sim_assigned", event: "ship", to: "in_delivery", by: staffOrSystem },
  { from: "in_delivery", event: "deliver", to: "delivered", by: staffOrSystem },
  { from: "in_delivery", event: "delivery_failed", to: "sim_assigned", by: staffOrSystem },
  { from: "sim_assigned", event: "activate", to: "active", by: anyone },
  { from: "delivered", event: "activate", to: "active", by: anyone },
  // The network took the activation and our side could not finish it (or the number's switch-over was
  // refused): the line is given back (number to the pool, eSIM order cancelled) and a new one reserved.
  { from: "sim_assigned", event: "activation_failed", to: "ready_to_issue", by: system },
  { from: "delivered", event: "activation_failed", to: "ready_to_issue", by: system },
  // The approved new holder takes over the line in the approving transaction (transfers/).
  { from: "approved", event: "activate", to: "active", by: staffOrSystem, guard: "transfer" },

  ...cancellable.map((from) => ({ from, event: "cancel" as const, to: "cancelled" as const, by: anyone })),
  ...expirable.map((from) => ({ from, event: "expire" as const, to: "expired" as const, by: system })),
];

export type StateTag =
  | "editable" // the applicant may change particulars and evidence
  | "needs_applicant" // waiting on the applicant
  | "needs_staff" // waiting on a person at the operator (the review queue)
  | "automated" // waiting on the system
  | "terminal"; // nothing further happens to the application

export const stateTags: Record<ApplicationState, readonly StateTag[]> = {
  draft: ["editable", "needs_applicant"],
  checking: ["automated"],
  in_review: ["needs_staff"],
  override_pending: ["needs_staff"],
  correction_requested: ["editable", "needs_applicant"],
  approved: ["automated"],
  contract_pending: ["needs_applicant"],
  deposit_pending: ["needs_applicant"],
  payment_pending: ["needs_applicant"],
  ready_to_issue: ["needs_staff"],
  sim_assigned: ["needs_applicant"],
  in_delivery: ["automated"],
  delivered: ["needs_applicant"],
  active: ["terminal"],
  rejected: ["terminal"],
  cancelled: ["terminal"],
  expired: ["terminal"],
};

export function hasTag(state: ApplicationState, tag: StateTag): boolean {
  return stateTags[state].includes(tag);
}

export type TransitionRefusal =
  | { code: "transition_not_allowed"; state: ApplicationState; event: ApplicationEvent }
  | { code: "actor_not_allowed"; state: ApplicationState; event: ApplicationEvent; actor: ActorKind };

export type TransitionResult =
  | { ok: true; to: ApplicationState; transition: Transition }
  | { ok: false; refusal: TransitionRefusal };

/** The whole lifecycle decision: where (state, event) leads for this actor and context, or why not. */
export function nextState(
  state: ApplicationState,
  event: ApplicationEvent,
  actor: ActorKind,
  context: LifecycleContext,
): TransitionResult {
  const row = transitions.find(
    (t) => t.from === state && t.event === event && (t.guard === undefined || guards[t.guard](context)),
  );
  if (!row) return { ok: false, refusal: { code: "transition_not_allowed", state, event } };
  if (!row.by.includes(actor)) return { ok: false, refusal: { code: "actor_not_allowed", state, event, actor } };
  return { ok: true, to: row.to, transition: row };
}

/** Events that could move the application on from `state`, for "what happens next" in the API. */
export function eventsFrom(state: ApplicationState, context: LifecycleContext): ApplicationEvent[] {
  return [
    ...new Set(
      transitions
        .filter((t) => t.from === state && (t.guard === undefined || guards[t.guard](context)))
        .map((t) => t.event),
    ),
  ];
}

/** States in which an application holds, or may soon hold, a line (for the lines-per-person limit). */
export const lineHoldingStates: readonly ApplicationState[] = applicationStates.filter(
  (s) => s === "active" || (s !== "draft" && !stateTags[s].includes("terminal")),
);

/** Whether some actor, in some context, may send `event` in `state`. */
export function acceptsEvent(state: ApplicationState, event: ApplicationEvent): boolean {
  return transitions.some((t) => t.from === state && t.event === event);
}

export function isApplicationState(value: string): value is ApplicationState {
  return (applicationStates as readonly string[]).includes(value);
}
