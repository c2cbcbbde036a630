import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { type DeliverWebhookPayload, MAX_WEBHOOK_ATTEMPTS } from "./deliver-webhooks.ts";
import { lockDeliveryWithEndpoint, restartDelivery } from "./deliveries-repository.ts";

/**
 * Sends a delivery again, whatever its status (an integrator lost an event, or fixed their endpoint
 * after we gave up): the delivery is pending again with a fresh round of attempts, the first of them
 * due now and logged as manual. Any retry still queued from before finds its attempt number taken
 * and does nothing.
 */
export async function redeliverWebhook(
  deps: { db: Database },
  input: { deliveryId: string; actor: string },
): Promise<{ deliveryId: string; status: "pending" }> {
  return deps.db.transaction(async (tx) => {
    const delivery = await lockDeliveryWithEndpoint(tx, input.deliveryId);
    if (!delivery) throw new AppError("not_found", "No such webhook delivery");
    if (delivery.disabled_at !== null) {
      throw AppError.validation([
        { field: "deliveryId", reason: "its endpoint is disabled: enable the endpoint first" },
      ]);
    }
    await restartDelivery(tx, input.deliveryId, MAX_WEBHOOK_ATTEMPTS);
    await enqueueJob(tx, "deliver_webhook", {
      deliveryId: input.deliveryId,
      attempt: delivery.attempts + 1,
      manual: true,
    } satisfies DeliverWebhookPayload);
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "webhook.redelivery_requested",
      subject: `webhook:${delivery.endpoint_id}`,
      data: { deliveryId: input.deliveryId, eventId: delivery.event_id, previousStatus: delivery.status },
    });
    return { deliveryId: input.deliveryId, status: "pending" as const };
  });
}
