import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  attemptsOfDeliveries,
  type DeliveryStatus,
  deliveryStatuses,
  pageOfDeliveries,
} from "./deliveries-repository.ts";
import { endpointExists } from "./endpoints-repository.ts";

/** The delivery log of one endpoint: newest delivery first, each with every attempt made. */

export { type DeliveryStatus, deliveryStatuses };

export type WebhookAttempt = {
  attempt: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  manual: boolean;
};

export type WebhookDelivery = {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attempts: WebhookAttempt[];
};

/** Where a page ends: the last delivery's creation time (to the microsecond, as text) and id. */
export type DeliveryCursor = { at: string; id: string };

export function isDeliveryCursor(value: unknown): value is DeliveryCursor {
  const v = value as DeliveryCursor;
  return (
    typeof v?.at === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v.at) &&
    typeof v.id === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v.id)
  );
}

export async function listWebhookDeliveries(
  db: Queryable,
  input: { endpointId: string; status?: DeliveryStatus; after: DeliveryCursor | null; limit: number },
): Promise<{ items: WebhookDelivery[]; next: DeliveryCursor | null }> {
  if (!(await endpointExists(db, input.endpointId))) throw new AppError("not_found", "No such webhook endpoint");

  // One row more than asked for says whether another page follows.
  const rows = await pageOfDeliveries(db, {
    endpointId: input.endpointId,
    status: input.status ?? null,
    afterAt: input.after?.at ?? null,
    afterId: input.after?.id ?? null,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const attempts = await attemptsOf(
    db,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.type,
      status: r.status,
      nextAttemptAt: iso(r.next_attempt_at),
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      deliveredAt: iso(r.delivered_at),
      createdAt: new Date(r.created_at).toISOString(),
      attempts: attempts.get(r.id) ?? [],
    })),
    next: rows.length > input.limit && last ? { at: last.cursor_at, id: last.id } : null,
  };
}

async function attemptsOf(db: Queryable, deliveryIds: string[]): Promise<Map<string, WebhookAttempt[]>> {
  const byDelivery = new Map<string, WebhookAttempt[]>();
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await attemptsOfDeliveries(db, deliveryIds);
  for (const r of rows) {
    const list = byDelivery.get(r.delivery_id) ?? [];
    list.push({
      attempt: r.attempt,
      at: new Date(r.at).toISOString(),
      statusCode: r.status_code,
      durationMs: r.duration_ms,
      error: r.error,
      manual: r.manual,
    });
    byDelivery.set(r.delivery_id, list);
  }
  return byDelivery;
}

function iso(value: Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
