/**
 * The site's only way to the server: the public JSON API under /v1, through the checked client of the API
 * contract (`client`, `answer`). Errors come back as RFC 9457 problem details naming the field; `ApiError`
 * keeps them so forms can tie each to its input.
 */

import { publicAnswers } from "@jitsumei/api-contract/answers/public";
import {
  type Answer,
  type Body,
  ContractViolation,
  type components,
  answer as contractAnswer,
  createContractClient,
} from "@jitsumei/api-contract/client";

export type { Answer, Body } from "@jitsumei/api-contract/client";

/**
 * A refusal as the site keeps it: the API's problem (components.Problem; status 0 and `network_error`
 * when the server was not reached), with the members some routes add to it.
 */
export type Problem = Pick<components["schemas"]["Problem"], "status" | "code"> &
  Partial<Omit<components["schemas"]["Problem"], "status" | "code">> & {
    /** Why a code was refused (a package's registration code: mistyped, unknown, already_registered, void). */
    reason?: string;
    /** What happened and what to do next, in the applicant's language, where the server words it itself. */
    explanation?: string;
  };

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    options?: { cause: unknown },
  ) {
    super(problem.detail ?? problem.code, options);
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

export type HandoffPurpose = Body<"/v1/applications/{reference}/handoff", "post">["purpose"];
export type Handoff = Answer<"/v1/applications/{reference}/handoff", "post">;

/** A single-use, short-lived hand-off code for a QR code (on the server's PUBLIC_URL; never the access token). */
export function requestHandoff(session: Session, purpose: HandoffPurpose): Promise<Handoff> {
  return answer(
    client.POST("/v1/applications/{reference}/handoff", {
      params: applicationParams(session),
      body: { purpose },
    }),
  );
}

/** On the phone: the hand-off code from the URL's fragment, exchanged once for this tab's own session. */
export async function exchangeHandoff(reference: string, token: string): Promise<Session> {
  const exchanged = await answer(client.POST("/v1/handoff/exchange", { body: { reference, token } }));
  const session = { reference: exchanged.reference, token: exchanged.accessToken };
  saveSession(session);
  return session;
}

/**
 * The typed client of the API contract (@jitsumei/api-contract): paths, parameters, bodies and answers
 * generated from the server's OpenAPI document, and every JSON answer checked against its schema before a
 * page reads it. A problem answer becomes an ApiError; a request that did not reach the server one with
 * status 0 (`error.network` in the applicant's language).
 */
export const client = createContractClient({
  // The answers of every operation outside /v1/staff/ (the site calls no other): the staff's stay out of its bundle.
  answers: publicAnswers,
  problem: (problem, status) =>
    new ApiError({
      ...(problem as Partial<Problem>),
      status,
      code: typeof problem.code === "string" ? problem.code : `http_${status}`,
    }),
  unreachable: () => new ApiError({ status: 0, code: "network_error" }),
});

/**
 * The answer's data. An answer the contract does not allow (a server and a site of different versions)
 * becomes an ApiError coded `contract_violation`, which every page words in the applicant's
 * language (`error.contract`), instead of breaking the page further on; the violation names the operation
 * and the field for a developer (`detail`, and the error's cause).
 */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return await contractAnswer(call);
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    throw new ApiError({ status: error.status, code: "contract_violation", detail: error.message }, { cause: error });
  }
}

/** The Authorization header of an applicant's (or a subscriber's) request. */
export function bearer(session: Session | { token: string }): { Authorization: string } {
  return { Authorization: `Bearer ${session.token}` };
}

/**
 * The parameters of a call about the session's application (`/v1/applications/{reference}/…`): its
 * reference and bearer token, and a fresh Idempotency-Key where the request creates something.
 */
export function applicationParams(
  session: Session,
  options: { idempotent?: boolean } = {},
): { path: { reference: string }; header: { Authorization: string; "Idempotency-Key"?: string } } {
  return {
    path: { reference: session.reference },
    header: { ...bearer(session), ...(options.idempotent ? idempotencyKey() : {}) },
  };
}

/** A fresh Idempotency-Key: a retried request (a double click, a flaky network) is applied once. */
export function idempotencyKey(): { "Idempotency-Key": string } {
  return { "Idempotency-Key": crypto.randomUUID() };
}

/** Downloads one of the application's documents (the exact PDF issued) and hands it to the browser as a file. */
export async function download(session: Session, documentInfo: DocumentInfo): Promise<void> {
  const pdf = await answer(
    client.GET("/v1/applications/{reference}/documents/{documentId}.pdf", {
      params: { path: { reference: session.reference, documentId: documentInfo.id }, header: bearer(session) },
      parseAs: "blob",
    }),
  );
  const url = URL.createObjectURL(pdf);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${documentInfo.documentNumber}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- The shapes the site reads (a subset of /openapi.json) ----

export type { Language } from "./i18n/languages.ts";

// The answers' shapes come from the generated API contract (@jitsumei/api-contract), never copied here.
type Schemas = components["schemas"];

export type Plan = Schemas["Plan"];
export type ApplicationView = Schemas["Application"];
/** A check as the site shows it (a refused photo's checks come from the problem, without a language). */
export type Check = Omit<ApplicationView["checks"][number], "language">;
export type Particulars = NonNullable<ApplicationView["applicant"]>;
export type DocumentInfo = Schemas["Document"];
export type ContractView = Answer<"/v1/applications/{reference}/contract", "get">;
export type CreditView = Schemas["Credit"];
export type DepositView = Schemas["Deposit"];
export type KonbiniSlip = Schemas["KonbiniInstructions"];
/** A prepaid plan sold online: its price, paid before the SIM is released (GET …/purchase). */
export type PurchaseView = Schemas["PlanPurchase"];
export type Shipment = Schemas["Shipment"];
/** The number an application brings from another operator (MNP port-in). */
export type PortIn = NonNullable<Answer<"/v1/applications/{reference}/number-port", "get">["portIn"]>;

// The lists come from the domain package's browser-safe modules (no zod, no Node): one source of truth.
export { type DocumentType, documentTypes } from "@jitsumei/domain/document-types";
export { type ApplicationState, applicationStates } from "@jitsumei/domain/lifecycle";
