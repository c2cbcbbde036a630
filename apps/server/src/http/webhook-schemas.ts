import { z } from "zod";
import { deliveryStatuses } from "../webhooks/list-deliveries.ts";
import { webhookEventTypes } from "../webhooks/webhook-endpoints.ts";
import { pageQuerySchema } from "./schemas.ts";

/** Bodies of the webhook routes (staff: integrators' endpoints and their delivery log). */

const eventTypeSchema = z.enum(webhookEventTypes, { error: `must be one of ${webhookEventTypes.join(", ")}` });
const eventTypesSchema = z
  .array(eventTypeSchema)
  .min(1, "must name at least one event type")
  .max(webhookEventTypes.length * 2);

export const createWebhookSchema = z
  .object({
    url: z
      .string()
      .max(2048, "must be at most 2048 characters")
      .describe("http or https; no user name or password in it"),
    description: z.string().trim().max(200, "must be at most 200 characters").optional(),
    eventTypes: eventTypesSchema,
  })
  .strict()
  .meta({ id: "CreateWebhookEndpoint" });

export const updateWebhookSchema = z
  .object({
    enabled: z.boolean().optional().describe("false stops deliveries to the endpoint; pending ones fail"),
    eventTypes: eventTypesSchema.optional(),
    description: z.string().trim().max(200, "must be at most 200 characters").optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "must change something: enabled, eventTypes or description")
  .meta({ id: "UpdateWebhookEndpoint" });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(eventTypeSchema),
    enabled: z.boolean(),
    disabledAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookEndpoint" });

export const createdWebhookSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z
    .string()
    .describe(
      "The signing secret (whsec_…), shown only now: verify webhook-signature with a Standard Webhooks library",
    ),
});

export const webhookListSchema = z.object({ items: z.array(webhookEndpointSchema) });

export const webhookEndpointParamsSchema = z.object({ endpointId: z.uuid("must be a webhook endpoint id") });
export const webhookDeliveryParamsSchema = z.object({ deliveryId: z.uuid("must be a webhook delivery id") });

export const deliveryQuerySchema = pageQuerySchema.extend({
  status: z.enum(deliveryStatuses, { error: `must be one of ${deliveryStatuses.join(", ")}` }).optional(),
});

export const webhookDeliveryListSchema = z.object({
  items: z.array(
    z
      .object({
        id: z.string(),
        eventId: z.string().describe("The webhook-id header sent"),
        eventType: z.string(),
        status: z.enum(deliveryStatuses),
        nextAttemptAt: z.string().nullable(),
        lastStatusCode: z.number().int().nullable(),
        lastError: z.string().nullable(),
        deliveredAt: z.string().nullable(),
        createdAt: z.string(),
        attempts: z.array(
          z.object({
            attempt: z.number().int(),
            at: z.string(),
            statusCode: z.number().int().nullable().describe("null when no answer came"),
            durationMs: z.number().int(),
            error: z.string().nullable(),
            manual: z.boolean().describe("made because someone asked for a re-delivery"),
          }),
        ),
      })
      .meta({ id: "WebhookDelivery" }),
  ),
  nextCursor: z.string().nullable(),
});

export const redeliveryQueuedSchema = z.object({ deliveryId: z.string(), status: z.literal("pending") });
