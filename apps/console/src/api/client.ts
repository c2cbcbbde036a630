/**
 * The console's one way to the JSON API: the typed client of the API contract (@jitsumei/api-contract:
 * paths, parameters, bodies and answers generated from the server's OpenAPI document, every answer checked
 * against its schema). Same origin, the session cookie rides along, and every request that changes
 * something repeats the session's CSRF token (the server refuses it otherwise).
 */
import { allAnswers } from "@jitsumei/api-contract/answers/all";
import { answerChecker, createContractClient } from "@jitsumei/api-contract/client";

export { answer, ContractViolation } from "@jitsumei/api-contract/client";

/** Checks an answer read outside the client (the upload with progress) against the contract. */
export const checkAnswer = answerChecker(allAnswers);

/** An RFC 9457 problem the API answered with: `field` names what was wrong where it can. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly field?: string,
    readonly errors: { field: string; reason: string }[] = [],
  ) {
    super(detail);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export const api = createContractClient({
  answers: allAnswers,
  problem: (problem, status) =>
    new ApiProblem(
      status,
      typeof problem.code === "string" ? problem.code : "error",
      typeof problem.detail === "string" ? problem.detail : `HTTP ${status}`,
      typeof problem.field === "string" ? problem.field : undefined,
      Array.isArray(problem.errors) ? problem.errors : [],
    ),
  unreachable: () => new ApiProblem(0, "network_error", "the server could not be reached"),
  headers: (request): Record<string, string> =>
    request.method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {},
});

/** A fresh idempotency key: a retried decision (a double click, a flaky network) is applied once. */
export function idempotencyKey(): { "Idempotency-Key": string } {
  return { "Idempotency-Key": crypto.randomUUID() };
}
