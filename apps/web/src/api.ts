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

import type { Answer, components } from "@jitsumei/api-contract/client";

// The answers' shapes come from the generated API contract (@jitsumei/api-contract), never copied here.
type Schemas = components["schemas"];

export type Plan = Schemas["Plan"];
export type ApplicationView = Schemas["Application"];
/** A check as the site shows it (a refused photo's checks come from the problem, without a language). */
export type Check = Omit<ApplicationView["checks"][number], "language">;
export type Particulars = NonNullable<ApplicationView["applicant"]>;
export type Created = Schemas["CreatedApplication"];
export type EvidenceAdded = Answer<"/v1/applications/{reference}/evidence", "post">;
export type DocumentInfo = Schemas["Document"];
export type ContractView = Answer<"/v1/applications/{reference}/contract", "get">;
export type CreditView = Schemas["Credit"];
export type DepositView = Schemas["Deposit"];
export type KonbiniSlip = Schemas["KonbiniInstructions"];
export type PaymentInfo = Schemas["Payment"];
/** A prepaid plan sold online: its price, paid before the SIM is released (GET …/purchase). */
export type PurchaseView = Schemas["PlanPurchase"];
export type Shipment = Schemas["Shipment"];
/** The number an application brings from another operator (MNP port-in). */
export type PortIn = NonNullable<Answer<"/v1/applications/{reference}/number-port", "get">["portIn"]>;

// The lists come from the domain package's browser-safe modules (no zod, no Node): one source of truth.
export { type DocumentType, documentTypes } from "@jitsumei/domain/document-types";
export { type ApplicationState, applicationStates } from "@jitsumei/domain/lifecycle";
