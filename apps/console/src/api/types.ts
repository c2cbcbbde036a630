/** The API's answers as the console reads them (apps/server/src/http/schemas.ts is the source). */

export const staffRoles = ["clerk", "agent", "reviewer", "senior_reviewer", "compliance", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

export type StaffAccount = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
  disabled: boolean;
};
export type StaffSession = { account: StaffAccount; csrfToken: string };

export type Claim = { staffId: string; displayName: string; expiresAt: string };

export type QueueItem = {
  reference: string;
  state: string;
  planId: string;
  planKind: string;
  submittedAt: string | null;
  waitingSince: string;
  ageHours: number;
  slaDueAt: string;
  overdue: boolean;
  tags: string[];
  claim: Claim | null;
};
export type Queue = { items: QueueItem[]; nextCursor: string | null };

export type Check = { code: string; status: string; message: string; details: unknown };
export type HistoryEvent = {
  version: number;
  event: string;
  from: string;
  to: string;
  actor: string;
  data: Record<string, unknown>;
  at: string;
};

export type CaseView = {
  reference: string;
  state: string;
  planId: string;
  planKind: string;
  language: string;
  channel: string;
  formFactor: string;
  submittedAt: string | null;
  waitingSince: string;
  claim: Claim | null;
  flags: {
    escalated: boolean;
    correctionReturned: boolean;
    overrideProposedBy: { staffId: string; displayName: string } | null;
  };
  contact: { email: string; phone?: string };
  applicant: unknown;
  evidence: { id: string; kind: string; at: string }[];
  checks: Check[];
  /** Whether one reviewer may approve, only the four-eyes override, or nobody (evidence missing). */
  approval: {
    kind: "method_complete" | "person_decides" | "evidence_missing";
    method?: string;
    unmet?: string[];
    bring?: { method: string; evidence: string[] }[];
    policy: { id: string; version: string };
  } | null;
  /** The terms and privacy notice accepted on the site's confirm page, at the last submission. */
  acceptance: {
    terms: string;
    privacy: string;
    policy: { id: string; version: string };
    language: string;
    acceptedAt: string;
  } | null;
  decision: {
    outcome: string;
    at: string;
    policy: unknown;
    decidedBy: { code: string; status: string; consequence: string; message: string }[];
  } | null;
  credit: {
    consent: { textVersion: string; language: string; givenAt: string } | null;
    paymentMethod: { type: string; status: string; refusalCode: string | null; display: string } | null;
    /** Decided with the contract's offer; before that, what the deposit rules will ask. */
    deposit: { decided: boolean; amountJpy: number; reasons: { code: string; text: string }[] };
    assessment: {
      seq: number;
      outcome: string;
      depositJpy: number;
      policy: { id: string; version: string };
      assessedAt: string;
      reasons: { code: string; outcome: string; depositJpy: number; message: string }[];
    } | null;
  } | null;
  payments: {
    id: string;
    kind: string;
    method: string;
    status: string;
    amountJpy: number;
    refundedJpy: number;
    refundRequestedAt: string | null;
    at: string;
  }[];
  correction: {
    fields: { field: string; label: string }[];
    message: string;
    requestedAt: string;
    answeredAt: string | null;
    changes: { field: string; before: unknown; after: unknown }[];
  } | null;
  notes: { kind: string; by: string; note: string; at: string }[];
  particularsHistory: { contentVersion: number; at: string; particulars: unknown }[];
  history: HistoryEvent[];
  /** The number the application brings from another operator (MNP port-in), if any. */
  portIn: {
    msisdn: string;
    mode: "two_stop" | "one_stop";
    donor: string | null;
    reservationExpiresOn: string;
    state: "reserved" | "scheduled" | "completed" | "failed" | "cancelled";
    switchOverAt: string | null;
    failureCode: string | null;
  } | null;
  /** The SIM or eSIM profile once assigned; msisdn null on a data-only line. */
  line: {
    iccid: string;
    formFactor: "physical" | "esim";
    lineType: "voice" | "data";
    msisdn: string | null;
    status: string;
    /** The line once activated (packages/domain/src/line/line-lifecycle.ts). */
    subscription: {
      state: "active" | "receive_only" | "suspended" | "police_suspended" | "terminated" | "transferred";
      /** A police request awaiting re-verification: a counter may answer it (and so restore the line). */
      openPoliceRequestId: string | null;
    } | null;
  } | null;
  shipment: Pick<Shipment, "method" | "carrier" | "trackingNumber" | "trackingUrl" | "status"> | null;
  /** The operation log: every call to the network's provisioning API for the case, oldest first. */
  provisioning: ProvisioningOperation[];
  activation: { failures: number; lockedAt: string | null };
  /** Faces to open beside the particulars (each opening audited). */
  images: CaseImage[];
};

export type CaseImage = "chip_face" | "selfie";

export type ProvisioningOperation = {
  operation:
    | "activate"
    | "bar_outgoing"
    | "unbar_outgoing"
    | "suspend"
    | "resume"
    | "terminate"
    | "change_number"
    | "cancel_esim_order"
    | "release_line";
  adapter: string;
  request: unknown;
  answer: unknown;
  outcome: "pending" | "succeeded" | "failed" | "rolled_back" | "in_doubt" | "reconciled";
  error: string | null;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
};

export type ShipmentMethod = "restricted_delivery" | "registered_non_forwardable";

export type Shipment = {
  id: string;
  method: ShipmentMethod;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  status: "in_transit" | "delivered" | "returned";
  createdAt: string;
  deliveredAt: string | null;
  returnedAt: string | null;
  returnReason: string | null;
};

export type ShippingWork = {
  /** The carrier a SIM sent now is booked with. */
  carrier: string;
  waiting: {
    reference: string;
    planId: string;
    lineType: "voice" | "data";
    method: ShipmentMethod;
    waitingSince: string;
    lastReturned: Shipment | null;
  }[];
  inTransit: { reference: string; shipment: Shipment }[];
};

export type DecisionResult = { reference: string; event: string; state: string; overridePending: boolean };
