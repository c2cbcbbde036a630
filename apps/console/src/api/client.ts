/**
 * The console's one way to the JSON API: same origin, the session cookie rides along, and every
 * request that changes something repeats the session's CSRF token (the server refuses it otherwise).
 */

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

export async function api<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiProblem(
      response.status,
      String(json.code ?? "error"),
      String(json.detail ?? response.statusText),
      typeof json.field === "string" ? json.field : undefined,
      Array.isArray(json.errors) ? (json.errors as { field: string; reason: string }[]) : [],
    );
  }
  return json as T;
}

/** A fresh idempotency key: a retried decision (a double click, a flaky network) is applied once. */
export function idempotencyKey(): Record<string, string> {
  return { "idempotency-key": crypto.randomUUID() };
}

export function getCsrfToken(): string | null {
  return csrfToken;
}
