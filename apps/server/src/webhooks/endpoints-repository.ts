import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { WebhookEndpoints } from "../db/schema.ts";

/** Integrators' webhook endpoints (webhook_endpoints): read and written only here. */

/** An endpoint as read back (never its sealed secret). */
export type EndpointRow = Pick<
  Selectable<WebhookEndpoints>,
  "id" | "url" | "description" | "event_types" | "disabled_at" | "created_by" | "created_at"
>;

const columns = "id, url, description, event_types, disabled_at, created_by, created_at";

export async function insertEndpoint(
  tx: Queryable,
  endpoint: {
    id: string;
    url: string;
    description: string;
    eventTypes: readonly string[];
    secretEnc: Buffer;
    createdBy: string;
  },
): Promise<EndpointRow> {
  const { rows } = await tx.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (id, url, description, event_types, secret_enc, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
    [endpoint.id, endpoint.url, endpoint.description, endpoint.eventTypes, endpoint.secretEnc, endpoint.createdBy],
  );
  const row = rows[0];
  if (!row) throw new Error("INSERT … RETURNING gave no row");
  return row;
}

export async function listEndpoints(db: Queryable): Promise<EndpointRow[]> {
  const { rows } = await db.query<EndpointRow>(`SELECT ${columns} FROM webhook_endpoints ORDER BY created_at, id`);
  return rows;
}

export async function findEndpoint(db: Queryable, endpointId: string): Promise<EndpointRow | null> {
  const { rows } = await db.query<EndpointRow>(`SELECT ${columns} FROM webhook_endpoints WHERE id = $1`, [endpointId]);
  return rows[0] ?? null;
}

export async function endpointExists(db: Queryable, endpointId: string): Promise<boolean> {
  const endpoint = await db.query("SELECT 1 FROM webhook_endpoints WHERE id = $1", [endpointId]);
  return endpoint.rows.length > 0;
}

/** Whether any enabled endpoint subscribes to the event type. */
export async function anyEndpointSubscribed(tx: Queryable, eventType: string): Promise<boolean> {
  const { rows } = await tx.query(
    "SELECT 1 FROM webhook_endpoints WHERE disabled_at IS NULL AND $1 = ANY (event_types) LIMIT 1",
    [eventType],
  );
  return rows.length > 0;
}

/** Each change is applied when given (null: unchanged); null when there is no such endpoint. */
export async function updateEndpoint(
  tx: Queryable,
  endpointId: string,
  change: { enabled: boolean | null; eventTypes: readonly string[] | null; description: string | null },
): Promise<EndpointRow | null> {
  const { rows } = await tx.query<EndpointRow>(
    `UPDATE webhook_endpoints SET
         disabled_at = CASE WHEN $2::boolean IS NULL THEN disabled_at
                            WHEN $2::boolean THEN NULL ELSE coalesce(disabled_at, now()) END,
         event_types = coalesce($3::text[], event_types),
         description = coalesce($4::text, description)
       WHERE id = $1 RETURNING ${columns}`,
    [endpointId, change.enabled, change.eventTypes, change.description],
  );
  return rows[0] ?? null;
}
