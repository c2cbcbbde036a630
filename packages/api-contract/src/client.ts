import createClient, { type Client } from "openapi-fetch";
import { type AnswerSchemas, answerChecker } from "./check-answer.ts";
import type { components, paths } from "./openapi.ts";

export { type AnswerSchemas, answerChecker, type CheckAnswer, ContractViolation } from "./check-answer.ts";
export type { components, paths } from "./openapi.ts";

/** An RFC 9457 problem as the API words it (components.schemas.Problem; servers may add members). */
export type ProblemBody = Partial<components["schemas"]["Problem"]> & Record<string, unknown>;

export type ContractClientOptions = {
  /** The answers this front end checks: `publicAnswers` (./answers/public) for the site, `allAnswers` for the console. */
  answers: AnswerSchemas;
  /** The front end's own error for an answer that is not 2xx (its problem body, or {} when it has none). */
  problem: (problem: ProblemBody, status: number) => Error;
  /** The front end's own error when the request did not reach the server. */
  unreachable: () => Error;
  /** Headers to add to a request (the console's CSRF token on those that change something). */
  headers?: (request: Request) => Record<string, string>;
  /** Where the API is; the front ends leave it out (same origin), tests name their server. */
  baseUrl?: string;
};

export type ContractClient = Client<paths, "application/json">;

/**
 * The typed client of the API (openapi-fetch on the generated paths): a problem answer becomes the front
 * end's own error, and every JSON answer is checked against the operation's schema before the caller
 * reads it (a ContractViolation names the operation and the field otherwise).
 */
export function createContractClient(options: ContractClientOptions): ContractClient {
  const checkAnswer = answerChecker(options.answers);
  const client = createClient<paths, "application/json">({
    credentials: "same-origin",
    headers: { accept: "application/json" },
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  client.use({
    onRequest({ request }) {
      for (const [name, value] of Object.entries(options.headers?.(request) ?? {})) request.headers.set(name, value);
      return request;
    },
    async onResponse({ request, response, schemaPath }) {
      const type = response.headers.get("content-type") ?? "";
      if (!response.ok) {
        const body = /json/.test(type) ? await response.json().catch(() => ({})) : {};
        throw options.problem(isObject(body) ? body : {}, response.status);
      }
      if (/^application\/json/.test(type)) {
        const text = await response.clone().text();
        if (text) checkAnswer(request.method, schemaPath, response.status, JSON.parse(text));
      }
      return undefined;
    },
    onError({ error }) {
      // Only a failed fetch arrives here (what onResponse throws goes straight to the caller).
      return error instanceof DOMException && error.name === "AbortError" ? error : options.unreachable();
    },
  });
  return client;
}

/** The answer's data; the client has already turned every failure into an error. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

function isObject(value: unknown): value is ProblemBody {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type Method = "get" | "put" | "post" | "delete" | "patch";

/** The JSON an operation answers with on success: `Answer<"/v1/plans", "get">`. */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? {
      [S in keyof R]: S extends 200 | 201 | 202
        ? R[S] extends { content: { "application/json": infer J } }
          ? J
          : never
        : never;
    }[keyof R]
  : never;

/** The JSON body an operation takes: `Body<"/v1/applications", "post">`. */
export type Body<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

/** The query parameters an operation takes: `Query<"/v1/staff/applications", "get">`. */
export type Query<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
