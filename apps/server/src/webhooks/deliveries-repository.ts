import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { WebhookAttempts, WebhookDeliveries, WebhookEndpoints, WebhookEvents } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * Webhook events, their deliveries to endpoints and the attempts of each (webhook_events,
 * webhook_deliveries, webhook_attempts): read and written only here.
 */

export const deliveryStatuses = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
const PENDING = sqlStatus<DeliveryStatus>("pending");
const DELIVERED = sqlStatus<DeliveryStatus>("delivered");
const FAILED = sqlStatus<DeliveryStatus>("failed");

export async function insertEvent(tx: Queryable, event: { id: string; type: string; payload: unknown }): Promise<void> {
  await tx.query("INSERT INTO webhook_events (id, type, payload) VALUES ($1, $2, $3)", [
    event.id,
    event.type,
    JSON.stringify(event.payload),
  ]);
}

/**
 * One delivery per enabled endpoint subscribed to the event's type (and created before the event);
 * returns the new deliveries' ids (none on a repeat: the unique (endpoint, event)).
 */
export async function insertDeliveriesOfEvent(tx: Queryable, eventId: string, attemptsLeft: number): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, attempts_left, next_attempt_at)
         SELECT gen_random_uuid(), e.id, ev.id, $2, now()
         FROM webhook_events ev
         JOIN webhook_endpoints e ON ev.type = ANY (e.event_types) AND e.disabled_at IS NULL
                                 AND e.created_at <= ev.created_at
         WHERE ev.id = $1
         ON CONFLICT (endpoint_id, event_id) DO NOTHING
         RETURNING id`,
    [eventId, attemptsLeft],
  );
  return rows.map((r) => r.id);
}

export type LockedDelivery = Pick<Selectable<WebhookDeliveries>, "attempts" | "attempts_left"> & {
  status: DeliveryStatus;
};

/** A delivery with its endpoint and event: what an attempt sends, and where. */
export type DeliveryTarget = Pick<Selectable<WebhookDeliveries>, "attempts" | "endpoint_id" | "event_id"> &
  Pick<Selectable<WebhookEndpoints>, "url" | "secret_enc" | "disabled_at"> &
  Pick<Selectable<WebhookEvents>, "type"> & {
    status: DeliveryStatus;
    /** The event's payload: always a JSON object. */
    payload: Record<string, unknown>;
    event_created_at: Selectable<WebhookEvents>["created_at"];
  };

export async function findDeliveryTarget(db: Queryable, deliveryId: string): Promise<DeliveryTarget | null> {
  const { rows } = await db.query<DeliveryTarget>(
    `SELECT d.status, d.attempts, d.endpoint_id, e.url, e.secret_enc, e.disabled_at,
              ev.id AS event_id, ev.type, ev.payload, ev.created_at AS event_created_at
       FROM webhook_deliveries d
       JOIN webhook_endpoints e ON e.id = d.endpoint_id
       JOIN webhook_events ev ON ev.id = d.event_id
       WHERE d.id = $1`,
    [deliveryId],
  );
  return rows[0] ?? null;
}

/** A pending delivery whose endpoint was disabled fails without an attempt. */
export async function failDeliveryOfDisabledEndpoint(db: Queryable, deliveryId: string): Promise<void> {
  await db.query(
    `UPDATE webhook_deliveries SET status = ${FAILED}, next_attempt_at = NULL,
           last_error = 'the endpoint was disabled' WHERE id = $1 AND status = ${PENDING}`,
    [deliveryId],
  );
}

export async function lockDelivery(tx: Queryable, deliveryId: string): Promise<LockedDelivery | null> {
  const { rows } = await tx.query<LockedDelivery>(
    "SELECT status, attempts, attempts_left FROM webhook_deliveries WHERE id = $1 FOR UPDATE",
    [deliveryId],
  );
  return rows[0] ?? null;
}

export async function insertAttempt(
  tx: Queryable,
  attempt: {
    deliveryId: string;
    attempt: number;
    at: Date;
    statusCode: number | null;
    durationMs: number;
    error: string | null;
    manual: boolean;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error, manual)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      attempt.deliveryId,
      attempt.attempt,
      attempt.at,
      attempt.statusCode,
      attempt.durationMs,
      attempt.error,
      attempt.manual,
    ],
  );
}

export async function markDelivered(
  tx: Queryable,
  deliveryId: string,
  change: { attempts: number; attemptsLeft: number; at: Date; statusCode: number | null },
): Promise<void> {
  await tx.query(
    `UPDATE webhook_deliveries SET status = ${DELIVERED}, attempts = $2, attempts_left = $3, delivered_at = $4,
           next_attempt_at = NULL, last_status_code = $5, last_error = NULL WHERE id = $1`,
    [deliveryId, change.attempts, change.attemptsLeft, change.at, change.statusCode],
  );
}

export async function setDeliveryAttempts(tx: Queryable, deliveryId: string, attempts: number): Promise<void> {
  await tx.query("UPDATE webhook_deliveries SET attempts = $2 WHERE id = $1", [deliveryId, attempts]);
}

export async function markDeliveryFailed(
  tx: Queryable,
  deliveryId: string,
  change: { attempts: number; statusCode: number | null; error: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE webhook_deliveries SET status = ${FAILED}, attempts = $2, attempts_left = 0, next_attempt_at = NULL,
           last_status_code = $3, last_error = $4 WHERE id = $1`,
    [deliveryId, change.attempts, change.statusCode, change.error],
  );
}

export async function scheduleNextAttempt(
  tx: Queryable,
  deliveryId: string,
  change: {
    attempts: number;
    attemptsLeft: number;
    nextAttemptAt: Date;
    statusCode: number | null;
    error: string | null;
  },
): Promise<void> {
  await tx.query(
    `UPDATE webhook_deliveries SET attempts = $2, attempts_left = $3, next_attempt_at = $4,
         last_status_code = $5, last_error = $6 WHERE id = $1`,
    [deliveryId, change.attempts, change.attemptsLeft, change.nextAttemptAt, change.statusCode, change.error],
  );
}

export type LockedDeliveryWithEndpoint = Pick<Selectable<WebhookDeliveries>, "attempts" | "endpoint_id" | "event_id"> &
  Pick<Selectable<WebhookEndpoints>, "disabled_at"> & { status: DeliveryStatus };

/** The delivery (locked, not its endpoint) and whether its endpoint is disabled. */
export async function lockDeliveryWithEndpoint(
  tx: Queryable,
  deliveryId: string,
): Promise<LockedDeliveryWithEndpoint | null> {
  const { rows } = await tx.query<LockedDeliveryWithEndpoint>(
    `SELECT d.status, d.attempts, d.endpoint_id, d.event_id, e.disabled_at
       FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.id = $1 FOR UPDATE OF d`,
    [deliveryId],
  );
  return rows[0] ?? null;
}

/** Pending again with a fresh round of attempts, the first due now. */
export async function restartDelivery(tx: Queryable, deliveryId: string, attemptsLeft: number): Promise<void> {
  await tx.query(
    `UPDATE webhook_deliveries SET status = ${PENDING}, attempts_left = $2, next_attempt_at = now(),
         delivered_at = NULL WHERE id = $1`,
    [deliveryId, attemptsLeft],
  );
}

/** A delivery as listed, with the cursor of keyset paging (computed). */
export type DeliveryListRow = Pick<
  Selectable<WebhookDeliveries>,
  "id" | "event_id" | "next_attempt_at" | "last_status_code" | "last_error" | "delivered_at" | "created_at"
> &
  Pick<Selectable<WebhookEvents>, "type"> & { status: DeliveryStatus; cursor_at: string };

export async function pageOfDeliveries(
  db: Queryable,
  input: {
    endpointId: string;
    status: DeliveryStatus | null;
    afterAt: string | null;
    afterId: string | null;
    limit: number;
  },
): Promise<DeliveryListRow[]> {
  const { rows } = await db.query<DeliveryListRow>(
    `SELECT d.id, d.event_id, ev.type, d.status, d.next_attempt_at, d.last_status_code, d.last_error,
            d.delivered_at, d.created_at,
            to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
     FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
     WHERE d.endpoint_id = $1
       AND ($2::text IS NULL OR d.status = $2)
       AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
     ORDER BY d.created_at DESC, d.id DESC
     LIMIT $5`,
    [input.endpointId, input.status, input.afterAt, input.afterId, input.limit],
  );
  return rows;
}

export type AttemptRow = Pick<
  Selectable<WebhookAttempts>,
  "delivery_id" | "attempt" | "at" | "status_code" | "duration_ms" | "error" | "manual"
>;

export async function attemptsOfDeliveries(db: Queryable, deliveryIds: readonly string[]): Promise<AttemptRow[]> {
  const { rows } = await db.query<AttemptRow>(
    `SELECT delivery_id, attempt, at, status_code, duration_ms, error, manual FROM webhook_attempts
     WHERE delivery_id = ANY ($1::uuid[]) ORDER BY delivery_id, attempt`,
    [deliveryIds],
  );
  return rows;
}
