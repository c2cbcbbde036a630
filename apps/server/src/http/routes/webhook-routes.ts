import type { z } from "zod";
import type { StaffPrincipal } from "../../staff/staff-sessions.ts";
import { isDeliveryCursor, listWebhookDeliveries } from "../../webhooks/list-deliveries.ts";
import { redeliverWebhook } from "../../webhooks/redeliver.ts";
import {
  createWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from "../../webhooks/webhook-endpoints.ts";
import { decodeCursor, defineRoute, encodeCursor } from "../route.ts";
import {
  createdWebhookSchema,
  createWebhookSchema,
  deliveryQuerySchema,
  redeliveryQueuedSchema,
  updateWebhookSchema,
  webhookDeliveryListSchema,
  webhookDeliveryParamsSchema,
  webhookEndpointParamsSchema,
  webhookEndpointSchema,
  webhookListSchema,
} from "../webhook-schemas.ts";

type EndpointParams = z.infer<typeof webhookEndpointParamsSchema>;

/** Routes with auth "staff" always receive the staff member; this makes that visible to the compiler. */
function actorOf(staff: StaffPrincipal | null): string {
  if (!staff) throw new Error("route declared auth 'staff' but no staff member was signed in");
  return `staff:${staff.id}`;
}

const access = { tag: "webhooks", auth: "staff", permission: "webhooks.manage" } as const;

export const webhookRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof createWebhookSchema>>({
    ...access,
    method: "POST",
    path: "/v1/staff/webhooks",
    operationId: "createWebhookEndpoint",
    summary: "Subscribe an integrator's endpoint to event types; the signing secret is shown only in this answer",
    body: createWebhookSchema,
    idempotent: true,
    responses: { 201: { description: "Created; keep the secret", schema: createdWebhookSchema } },
    async handler({ body, staff }, services) {
      const created = await createWebhookEndpoint(
        { ...services, allowLoopback: services.config.webhookAllowLoopback },
        { ...body, actor: actorOf(staff) },
      );
      return { status: 201, body: created, headers: { location: `/v1/staff/webhooks/${created.endpoint.id}` } };
    },
  }),

  defineRoute({
    ...access,
    method: "GET",
    path: "/v1/staff/webhooks",
    operationId: "listWebhookEndpoints",
    summary: "Every webhook endpoint, oldest first (never their secrets)",
    responses: { 200: { description: "The endpoints", schema: webhookListSchema } },
    async handler(_input, { db }) {
      return { status: 200, body: { items: await listWebhookEndpoints(db) } };
    },
  }),

  defineRoute<EndpointParams>({
    ...access,
    method: "GET",
    path: "/v1/staff/webhooks/{endpointId}",
    operationId: "getWebhookEndpoint",
    summary: "One webhook endpoint (never its secret)",
    params: webhookEndpointParamsSchema,
    responses: { 200: { description: "The endpoint", schema: webhookEndpointSchema } },
    async handler({ params }, { db }) {
      return { status: 200, body: await getWebhookEndpoint(db, params.endpointId) };
    },
  }),

  defineRoute<EndpointParams, undefined, z.infer<typeof updateWebhookSchema>>({
    ...access,
    method: "PUT",
    path: "/v1/staff/webhooks/{endpointId}",
    operationId: "updateWebhookEndpoint",
    summary: "Enable or disable an endpoint, or change the event types it receives",
    params: webhookEndpointParamsSchema,
    body: updateWebhookSchema,
    responses: { 200: { description: "The endpoint as it is now", schema: webhookEndpointSchema } },
    async handler({ params, body, staff }, services) {
      const updated = await updateWebhookEndpoint(services, {
        ...body,
        endpointId: params.endpointId,
        actor: actorOf(staff),
      });
      return { status: 200, body: updated };
    },
  }),

  defineRoute<EndpointParams, z.infer<typeof deliveryQuerySchema>>({
    ...access,
    method: "GET",
    path: "/v1/staff/webhooks/{endpointId}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "The endpoint's delivery log, newest first, with every attempt",
    params: webhookEndpointParamsSchema,
    query: deliveryQuerySchema,
    responses: { 200: { description: "A page of deliveries", schema: webhookDeliveryListSchema } },
    async handler({ params, query }, { db }) {
      const page = await listWebhookDeliveries(db, {
        endpointId: params.endpointId,
        status: query.status,
        after: decodeCursor(query.cursor, isDeliveryCursor),
        limit: query.limit,
      });
      return { status: 200, body: { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null } };
    },
  }),

  defineRoute<z.infer<typeof webhookDeliveryParamsSchema>>({
    ...access,
    method: "POST",
    path: "/v1/staff/webhooks/deliveries/{deliveryId}/redeliver",
    operationId: "redeliverWebhook",
    summary: "Send a delivery again, whatever its status (a new round of attempts, logged as manual)",
    params: webhookDeliveryParamsSchema,
    responses: { 202: { description: "Queued", schema: redeliveryQueuedSchema } },
    async handler({ params, staff }, services) {
      const queued = await redeliverWebhook(services, { deliveryId: params.deliveryId, actor: actorOf(staff) });
      services.jobs.kick();
      return { status: 202, body: queued };
    },
  }),
];
