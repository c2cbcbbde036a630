/**
 * The site's only way to the server: the public JSON API under /v1. Errors come back as RFC 9457
 * problem details naming the field; `ApiError` keeps them so forms can tie each to its input.
 */

export type Problem = {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  field?: string;
  errors?: { field: string; reason: string; code?: string }[];
  reason?: string;
  message?: string;
  /** What happened and what to do next, in the applicant's language, where the server words it itself. */
  explanation?: string;
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
  }
  /** The fields the server named, each once, first one first. */
  get fields(): string[] {
    const named = [this.problem.field, ...(this.problem.errors ?? []).map((e) => e.field)];
    return [...new Set(named.filter((f): f is string => typeof f === "string" && f !== ""))];
  }
}

/** What the applicant holds: the application's reference and its bearer token (this tab only). */
export type Session = { reference: string; token: string };

const sessionKey = (reference: string) => `jitsumei.application.${reference}`;

export function saveSession(session: Session): void {
  sessionStorage.setItem(sessionKey(session.reference), session.token);
  sessionStorage.setItem("jitsumei.lastReference", session.reference);
}

export function loadSession(reference: string): Session | null {
  const token = sessionStorage.getItem(sessionKey(reference));
  return token ? { reference, token } : null;
}

export function lastReference(): string | null {
  return sessionStorage.getItem("jitsumei.lastReference");
}

export type HandoffPurpose = "chip_reader" | "continue_on_phone";
export type Handoff = { token: string; url: string; purpose: HandoffPurpose; expiresAt: string };

/** A single-use, short-lived hand-off code for a QR code (on the server's PUBLIC_URL; never the access token). */
export function requestHandoff(session: Session, purpose: HandoffPurpose): Promise<Handoff> {
  return api<Handoff>("POST", `/v1/applications/${session.reference}/handoff`, {
    token: session.token,
    body: { purpose },
  });
}

/** On the phone: the hand-off code from the URL's fragment, exchanged once for this tab's own session. */
export async function exchangeHandoff(reference: string, token: string): Promise<Session> {
  const answer = await api<{ reference: string; accessToken: string }>("POST", "/v1/handoff/exchange", {
    body: { reference, token },
  });
  const session = { reference: answer.reference, token: answer.accessToken };
  saveSession(session);
  return session;
}

export async function api<T>(
  method: "GET" | "POST" | "PUT",
  path: string,
  options: { token?: string; body?: unknown; idempotent?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotent) headers["idempotency-key"] = crypto.randomUUID();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: "network_error" });
  }
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = (json ?? {}) as Partial<Problem>;
    throw new ApiError({ ...problem, status: response.status, code: problem.code ?? `http_${response.status}` });
  }
  return json as T;
}

/** Downloads a document with the bearer token and hands it to the browser as a file. */
export async function download(path: string, token: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new ApiError({ status: response.status, code: `http_${response.status}` });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// ---- The shapes the site reads (a subset of /openapi.json) ----

export type { Language } from "./i18n/languages.ts";

import type { DocumentType } from "@jitsumei/domain/document-types";
import type { ApplicationState } from "@jitsumei/domain/lifecycle";
import type { Language } from "./i18n/languages.ts";

export type Plan = {
  id: string;
  kind: "prepaid" | "postpaid";
  name: Record<Language, string>;
  services: ("voice" | "sms" | "data")[];
  formFactors: ("physical" | "esim")[];
  priceJpy: number;
  validityDays: number | null;
  dataGb: number | null;
  minimumTermMonths: number | null;
  coveredByLaw: boolean;
};

export type Check = {
  code: string;
  status: "pass" | "fail" | "review";
  message: string;
  params?: Record<string, string | number>;
};

export type Particulars = {
  name: { family: string; given: string; kanji?: string; kana?: string };
  birthDate: string;
  nationality: string;
  sex?: "female" | "male" | "unspecified";
  address?: { postalCode: string; prefecture: string; city: string; line1: string; line2?: string };
  document: { type: DocumentType; number?: string; expiryDate: string; issuingCountry: string };
};

// The lists come from the domain package's browser-safe modules (no zod, no Node): one source of truth.
export { type DocumentType, documentTypes } from "@jitsumei/domain/document-types";
export { type ApplicationState, applicationStates } from "@jitsumei/domain/lifecycle";

export type ApplicationView = {
  reference: string;
  state: ApplicationState;
  tags: string[];
  status: { title: string; next: string; usually: string };
  correction: { fields: { field: string; label: string }[]; message: string; requestedAt: string } | null;
  planId: string;
  language: Language;
  /** How it came: online, by post, a retail package bought in a shop (its SIM already in hand), … */
  channel: string;
  formFactor: "physical" | "esim";
  needs: { field: string; reason: string }[];
  contact: { email: string; phone?: string };
  applicant: Particulars | null;
  evidence: { kind: string }[];
  checks: Check[];
  decision: { outcome: string; at: string; reasons: Check[] } | null;
  line: {
    formFactor: "physical" | "esim";
    iccid: string;
    msisdn: string;
    status: string;
    esimActivationCode: string | null;
    /** The phone's download as the SM-DP+ reported it; null for a physical SIM. */
    esimDownload: {
      state: "downloaded" | "installed" | "enabled" | "disabled" | "deleted" | "failed" | null;
      at: string | null;
      redownloadOffered: boolean;
    } | null;
  } | null;
  announcements: { id: string; title: string; body: string; effectiveOn: string | null; publishedAt: string }[];
  activation: { locked: boolean; attemptsRemaining: number };
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
};

export type Created = { reference: string; accessToken: string; state: "draft"; formFactor: "physical" | "esim" };

export type EvidenceAdded = { id: string; kind: string; checks: Check[] };

export type DocumentInfo = {
  id: string;
  kind: "important_matters" | "contract" | "signed_contract" | "receipt";
  documentNumber: string;
  language: string;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
  url: string;
};

export type ContractView = { state: ApplicationState; documents: DocumentInfo[]; signed: boolean };

export type CreditView = {
  required: boolean;
  consent: { given: boolean; textVersion: string; text: string; language: string; givenAt: string | null };
  paymentMethod: { type: string; status: string; display: string } | null;
  assessment: { outcome: string; summary: string; reasons: { code: string; message: string }[] } | null;
};

export type DepositView = {
  status: "not_decided" | "not_required" | "due" | "processing" | "paid" | "refunded";
  required: boolean;
  amountJpy: number;
  reasons: { code: string; text: string }[];
  konbini: KonbiniSlip | null;
};

export type KonbiniSlip = {
  paymentNumber: string;
  confirmationNumber: string;
  barcode: string;
  expiresAt: string;
};

export type PaymentInfo = {
  id: string;
  status: "pending" | "authorized" | "captured" | "declined" | "refunded" | "failed" | "expired";
  amountJpy: number;
  refundedJpy: number;
  receiptUrl: string | null;
};

/** A prepaid plan sold online: its price, paid before the SIM is released (GET …/purchase). */
export type PurchaseView = {
  status: "not_due" | "due" | "processing" | "paid" | "refunding" | "refunded";
  amountJpy: number;
  consumptionTaxJpy: number;
  payBy: string | null;
  konbini: KonbiniSlip | null;
  payments: PaymentInfo[];
};

export type Shipment = {
  method: "restricted_delivery" | "registered_non_forwardable";
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page (the server's SHIPMENT_TRACKING_URL). */
  trackingUrl: string;
  status: "in_transit" | "delivered" | "returned";
  createdAt: string;
  deliveredAt: string | null;
};

/** The number an application brings from another operator (MNP port-in). */
export type PortIn = {
  msisdn: string;
  mode: "two_stop" | "one_stop";
  state: "reserved" | "scheduled" | "completed" | "failed" | "cancelled";
  reservationExpiresOn: string;
  donor: string;
  switchOverAt: string | null;
  failure: { code: string; explanation: string } | null;
};
