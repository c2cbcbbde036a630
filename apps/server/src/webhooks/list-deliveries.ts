import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";

/** The delivery log of one endpoint: newest delivery first, each with every attempt made. */

export const deliveryStatuses = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

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
  const endpoint = await db.query("SELECT 1 FROM webhook_endpoints WHERE id = $1", [input.endpointId]);
  if (endpoint.rows.length === 0) throw new AppError("not_found", "No such webhook endpoint");

  // One row more than asked for says whether another page follows.
  const { rows } = await db.query<{
    id: string;
    event_id: string;
    type: string;
    status: DeliveryStatus;
    next_attempt_at: Date | null;
    last_status_code: number | null;
    last_error: string | null;
    delivered_at: Date | null;
    created_at: Date;
    cursor_at: string;
  }>(
    `SELECT d.id, d.event_id, ev.type, d.status, d.next_attempt_at, d.last_status_code, d.last_error,
            d.delivered_at, d.created_at,
            to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
     FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
     WHERE d.endpoint_id = $1
       AND ($2::text IS NULL OR d.status = $2)
       AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
     ORDER BY d.created_at DESC, d.id DESC
     LIMIT $5`,
    [input.endpointId, input.status ?? null, input.after?.at ?? null, input.after?.id ?? null, input.limit + 1],
  );
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
  const { rows } = await db.query<{
    delivery_id: string;
    attempt: number;
    at: Date;
    status_code: number | null;
    duration_ms: number;
    error: string | null;
    manual: boolean;
  }>(
    `SELECT delivery_id, attempt, at, status_code, duration_ms, error, manual FROM webhook_attempts
     WHERE delivery_id = ANY ($1::uuid[]) ORDER BY delivery_id, attempt`,
    [deliveryIds],
  );
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
