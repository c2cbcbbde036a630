import { randomBytes, randomUUID } from "node:crypto";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { decryptStandalone, encryptStandalone } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError, type FieldError } from "../errors.ts";
import {
  type EndpointRow,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  updateEndpoint,
} from "./endpoints-repository.ts";
import { ForbiddenAddressError, forbiddenHostReason, resolveAllowed } from "./outbound-address.ts";

/**
 * Integrators' webhook endpoints: where events are POSTed, which types each one wants, and the
 * secret they are signed with (Standard Webhooks). The secret is shown once, at creation, and kept
 * sealed under a data key of its own.
 */

/** Every event type an endpoint may subscribe to. */
export const webhookEventTypes = ["application.state_changed"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  disabledAt: string | null;
  createdBy: string;
  createdAt: string;
};

const MAX_URL_LENGTH = 2048;

export async function createWebhookEndpoint(
  deps: { db: Database; keys: KeyManagement; allowLoopback?: boolean },
  input: { url: string; description?: string; eventTypes: readonly string[]; actor: string },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const allowLoopback = deps.allowLoopback ?? false;
  const problems = [...urlProblems(input.url, "url", allowLoopback), ...eventTypeProblems(input.eventTypes)];
  if (problems.length === 0) problems.push(...(await resolvedProblems(input.url, allowLoopback)));
  if (problems.length > 0) throw AppError.validation(problems);
  const id = randomUUID();
  // 32 random bytes, in the whsec_<base64> form receivers' Standard Webhooks libraries expect.
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const sealed = await encryptStandalone(deps.keys, secretContext(id), Buffer.from(secret, "utf8"));
  const endpoint = await deps.db.transaction(async (tx) => {
    const created = fromRow(
      await insertEndpoint(tx, {
        id,
        url: input.url,
        description: input.description ?? "",
        eventTypes: uniqueTypes(input.eventTypes),
        secretEnc: sealed,
        createdBy: input.actor,
      }),
    );
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "webhook.endpoint_created",
      subject: `webhook:${id}`,
      data: { url: auditableUrl(created.url), eventTypes: created.eventTypes },
    });
    return created;
  });
  return { endpoint, secret };
}

export async function listWebhookEndpoints(db: Queryable): Promise<WebhookEndpoint[]> {
  return (await listEndpoints(db)).map(fromRow);
}

export async function getWebhookEndpoint(db: Queryable, endpointId: string): Promise<WebhookEndpoint> {
  const row = await findEndpoint(db, endpointId);
  if (!row) throw new AppError("not_found", "No such webhook endpoint");
  return fromRow(row);
}

/** Enables or disables an endpoint, or changes what it subscribes to. A disabled endpoint gets nothing more. */
export async function updateWebhookEndpoint(
  deps: { db: Database },
  input: {
    endpointId: string;
    enabled?: boolean;
    eventTypes?: readonly string[];
    description?: string;
    actor: string;
  },
): Promise<WebhookEndpoint> {
  if (input.eventTypes !== undefined) {
    const problems = eventTypeProblems(input.eventTypes);
    if (problems.length > 0) throw AppError.validation(problems);
  }
  return deps.db.transaction(async (tx) => {
    const row = await updateEndpoint(tx, input.endpointId, {
      enabled: input.enabled ?? null,
      eventTypes: input.eventTypes ? uniqueTypes(input.eventTypes) : null,
      description: input.description ?? null,
    });
    if (!row) throw new AppError("not_found", "No such webhook endpoint");
    const updated = fromRow(row);
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "webhook.endpoint_updated",
      subject: `webhook:${updated.id}`,
      // What was asked for, by name; the description is free text and stays out.
      data: {
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: updated.eventTypes } : {}),
        ...(input.description !== undefined ? { description: "changed" } : {}),
      },
    });
    return updated;
  });
}

/** The endpoint's signing secret (whsec_…), for the delivery job. */
export async function readEndpointSecret(keys: KeyManagement, endpointId: string, sealed: unknown): Promise<string> {
  return (await decryptStandalone(keys, secretContext(endpointId), toBuffer(sealed))).toString("utf8");
}

/** http or https, absolute, with no credentials in it (they would be stored and shown in clear). */
export function urlProblems(value: string, field = "url", allowLoopback = false): FieldError[] {
  if (value.length > MAX_URL_LENGTH) return [{ field, reason: `must be at most ${MAX_URL_LENGTH} characters` }];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [{ field, reason: "must be an absolute URL such as https://example.com/webhooks" }];
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return [{ field, reason: "must be an http or https URL" }];
  if (url.username !== "" || url.password !== "") {
    return [{ field, reason: "must not contain a user name or password: authenticate with the signature" }];
  }
  if (url.hash !== "") return [{ field, reason: "must not have a fragment (#…)" }];
  const forbidden = forbiddenHostReason(url, allowLoopback);
  if (forbidden) return [{ field, reason: `must be a public address: the host ${forbidden}` }];
  return [];
}

/** The host's addresses as DNS gives them now: refused if any is private (checked again at delivery). */
async function resolvedProblems(value: string, allowLoopback: boolean, field = "url"): Promise<FieldError[]> {
  const host = new URL(value).hostname;
  return new Promise((resolve) =>
    resolveAllowed(host, allowLoopback, (error) => {
      // A name that does not resolve yet is the integrator's to fix; delivery checks it again.
      if (error instanceof ForbiddenAddressError) {
        resolve([{ field, reason: `must be a public address: ${error.message}` }]);
      } else resolve([]);
    }),
  );
}

function eventTypeProblems(types: readonly string[], field = "eventTypes"): FieldError[] {
  if (types.length === 0) return [{ field, reason: "must name at least one event type" }];
  const known: readonly string[] = webhookEventTypes;
  return types.flatMap((type, i) =>
    known.includes(type) ? [] : [{ field: `${field}.${i}`, reason: `must be one of ${webhookEventTypes.join(", ")}` }],
  );
}

function uniqueTypes(types: readonly string[]): string[] {
  return [...new Set(types)].sort();
}

/** Scheme, host and path: a query string may carry the integrator's own token. */
function auditableUrl(value: string): string {
  const url = new URL(value);
  return `${url.origin}${url.pathname}`;
}

function secretContext(endpointId: string): string {
  return `webhook-secret:${endpointId}`;
}

function fromRow(r: EndpointRow): WebhookEndpoint {
  const disabledAt = r.disabled_at == null ? null : new Date(r.disabled_at).toISOString();
  return {
    id: String(r.id),
    url: String(r.url),
    description: String(r.description),
    eventTypes: r.event_types as WebhookEventType[],
    enabled: disabledAt === null,
    disabledAt,
    createdBy: String(r.created_by),
    createdAt: new Date(r.created_at).toISOString(),
  };
}
