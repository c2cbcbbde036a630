import type { z } from "zod";
import type { ApplicationRow } from "../applications/application-row.ts";
import type { Services } from "../services.ts";
import type { Permission } from "../staff/permissions.ts";
import type { StaffPrincipal } from "../staff/staff-sessions.ts";
import type { SubscriberPrincipal } from "../subscribers/subscriber-access.ts";

/**
 * A route, described once: its schemas feed both validation and the OpenAPI document. Handlers stay
 * thin: take the parsed input, call one action, shape the answer.
 */
export type RouteInput<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  /** The application the bearer token opened (routes with auth "applicant"). */
  application: ApplicationRow | null;
  /** The body's exact bytes (routes with rawBody: true, e.g. signed notifications). */
  rawBody: Buffer | null;
  headers: Readonly<Record<string, string | undefined>>;
  /** The signed-in staff member (routes with auth "staff"). */
  staff: StaffPrincipal | null;
  /** The signed-in subscriber (routes with auth "subscriber"). */
  subscriber: SubscriberPrincipal | null;
  client: { ip: string; userAgent: string | null; deviceId: string | null };
};

export type RouteResult = { status: number; body?: unknown; headers?: Record<string, string> };

export type RouteSpec<P = unknown, Q = unknown, B = unknown> = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string; // OpenAPI style: /v1/applications/{reference}
  operationId: string;
  summary: string;
  tag: string;
  /** More OpenAPI tags, e.g. "reader" on the operations the reader contract names. */
  alsoTags?: readonly string[];
  auth: "none" | "applicant" | "staff" | "subscriber";
  /**
   * Staff routes: the permission the caller's role must hold (staff/permissions.ts), or "signed_in"
   * for routes every signed-in staff member may use (their own session and password).
   */
  permission?: Permission | "signed_in";
  /** Staff routes usable before a first-sign-in password change (the session, the change itself). */
  beforePasswordChange?: boolean;
  /** Limited per client address per minute, to the configured number (JITSUMEI_RATE_LIMITS). */
  rateLimit?: "sign-in" | "lookup";
  /**
   * The body carries a bearer-like secret (a hand-off token): a 404 answer counts as a wrong token
   * guess from the client's address (JITSUMEI_RATE_LIMITS token=), and beyond the limit it is refused first.
   */
  countsTokenGuesses?: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The handler receives the body's exact bytes (a signature covers them), not parsed JSON. */
  rawBody?: boolean;
  /**
   * Body fields that carry a number someone else issued (a konbini payment number: 12 digits, which
   * pass the Individual Number check one time in ten), left out of the My Number guard.
   */
  issuedNumberFields?: readonly string[];
  /** POSTs that create something honour Idempotency-Key. */
  idempotent?: boolean;
  /** Largest body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Only outside production (developer tools). */
  devOnly?: boolean;
  /** A response with a schema is JSON; with `file`, a file of that media type; with neither, a problem. */
  responses: Record<number, { description: string; schema?: z.ZodType; file?: string }>;
  handler: (input: RouteInput<P, Q, B>, services: Services) => Promise<RouteResult>;
};

export function defineRoute<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T>(cursor: string | undefined, isValid: (v: unknown) => v is T): T | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (isValid(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw new CursorError();
}

export class CursorError extends Error {}

/** A keyset cursor of a row's time to the microsecond (UTC, as PostgreSQL stores it) and its uuid. */
export const isTimeAndIdCursor = (v: unknown): v is { at: string; id: string } =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as { at?: unknown }).at === "string" &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test((v as { at: string }).at) &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(String((v as { id?: unknown }).id));

/**
 * A PDF answer: never cached, named, and where the document was recorded when issued, its SHA-256 in
 * `x-content-sha256` so the reader can check the bytes are the ones on record.
 */
export function pdfAnswer(
  pdf: Buffer,
  file: { name: string; disposition: "inline" | "attachment"; sha256?: string },
): RouteResult {
  return {
    status: 200,
    body: pdf,
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${file.disposition}; filename="${file.name}"`,
      "cache-control": "no-store",
      ...(file.sha256 ? { "x-content-sha256": file.sha256 } : {}),
    },
  };
}
