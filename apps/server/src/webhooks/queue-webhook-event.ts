import { randomBytes } from "node:crypto";
import type { Queryable } from "../db/database.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { insertEvent } from "./deliveries-repository.ts";
import { anyEndpointSubscribed } from "./endpoints-repository.ts";
import type { WebhookEventType } from "./webhook-endpoints.ts";

/**
 * What each event type carries in `data`. No personal data: references, states, events and
 * versions only; an integrator who needs more asks the API with its own credentials.
 */
export type WebhookEventData = {
  "application.state_changed": {
    reference: string;
    event: string;
    from: string;
    to: string;
    version: number;
  };
};

/**
 * Records an event in the caller's transaction and queues its fan-out to the subscribed endpoints:
 * the event exists if and only if the change it reports committed. When no enabled endpoint
 * subscribes to the type, nothing is stored (every transition calls this) and null is returned.
 */
export async function queueWebhookEvent<T extends WebhookEventType>(
  tx: Queryable,
  event: { type: T; data: WebhookEventData[T] },
): Promise<string | null> {
  if (!(await anyEndpointSubscribed(tx, event.type))) return null;
  // The webhook-id header: one per event, the same for every endpoint and every retry.
  const id = `msg_${randomBytes(16).toString("base64url")}`;
  await insertEvent(tx, { id, type: event.type, payload: event.data });
  await enqueueJob(tx, "fan_out_webhook_event", { eventId: id });
  return id;
}
