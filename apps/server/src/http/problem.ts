import { AppError, type ErrorCode, errorCodes } from "../errors.ts";
import type { RouteResult } from "./route.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** An AppError as RFC 9457 problem details, with the stable code and the first offending field. */
export function problemResult(error: AppError, instance: string): RouteResult {
  const { status, title } = errorCodes[error.code];
  const { errors, ...extra } = error.extra;
  const body: Record<string, unknown> = {
    type: `urn:jitsumei:problem:${error.code}`,
    title,
    status,
    detail: error.message,
    code: error.code,
    instance,
    ...extra,
  };
  if (errors && errors.length > 0) {
    body.field = errors[0]?.field;
    body.errors = errors;
  }
  const headers: Record<string, string> = { "content-type": PROBLEM_CONTENT_TYPE };
  if (status === 503) headers["retry-after"] = "5";
  if (status === 429 && typeof extra.retryAfterSeconds === "number")
    headers["retry-after"] = String(extra.retryAfterSeconds);
  return { status, body, headers };
}

export function problem(code: ErrorCode, detail: string, instance: string): RouteResult {
  return problemResult(new AppError(code, detail), instance);
}
