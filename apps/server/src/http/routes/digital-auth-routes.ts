import type { z } from "zod";
import { completeDigitalAuth, latestDigitalAuthOutcome } from "../../digital-auth/complete-digital-auth.ts";
import { startDigitalAuth } from "../../digital-auth/start-digital-auth.ts";
import { defineRoute } from "../route.ts";
import {
  digitalAuthAvailabilitySchema,
  digitalAuthCallbackQuerySchema,
  digitalAuthStartedSchema,
  digitalAuthStatusSchema,
  referenceParamsSchema,
} from "../schemas.ts";
import { opened } from "./application-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

/** JPKI through the Digital Agency's Digital Authentication App (デジタル認証アプリ). */
export const digitalAuthRoutes = [
  defineRoute({
    method: "GET",
    path: "/v1/digital-auth/availability",
    operationId: "getDigitalAuthAvailability",
    summary: "Whether this server offers signing with the Digital Authentication App",
    tag: "applications",
    auth: "none",
    responses: { 200: { description: "Offered or not", schema: digitalAuthAvailabilitySchema } },
    async handler(_input, services) {
      return { status: 200, body: { available: services.digitalAuth !== null } };
    },
  }),

  defineRoute<Ref>({
    method: "POST",
    path: "/v1/applications/{reference}/digital-auth/start",
    operationId: "startDigitalAuthSignature",
    summary:
      "Start a My Number card signature (NF_JPKI) through the Digital Authentication App over this application's payload",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    responses: {
      201: { description: "Send the browser to authorizationUrl", schema: digitalAuthStartedSchema },
      409: { description: "Not offered here, or the application can no longer change" },
      422: { description: "The particulars are not given yet" },
      502: { description: "The Digital Authentication App service refused" },
    },
    async handler({ application }, services) {
      return { status: 201, body: await startDigitalAuth(services, opened(application)) };
    },
  }),

  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/digital-auth",
    operationId: "getDigitalAuthStatus",
    summary: "How the latest signature through the Digital Authentication App ended (a PC page polls it)",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    responses: { 200: { description: "The latest outcome", schema: digitalAuthStatusSchema } },
    async handler({ application }, services) {
      const latest = await latestDigitalAuthOutcome(services, opened(application));
      return { status: 200, body: { available: services.digitalAuth !== null, ...latest } };
    },
  }),

  defineRoute<undefined, z.infer<typeof digitalAuthCallbackQuerySchema>>({
    method: "GET",
    path: "/v1/digital-auth/callback",
    operationId: "completeDigitalAuthSignature",
    summary:
      "The redirect URI: the app's answer (code and state, or error) is verified and the browser sent back to the application",
    tag: "applications",
    auth: "none",
    query: digitalAuthCallbackQuerySchema,
    responses: {
      303: { description: "Back to the application's page, with the outcome in digitalAuth=" },
      404: { description: "The state is unknown or was already used" },
    },
    async handler({ query }, services) {
      const { reference, outcome } = await completeDigitalAuth(services, query);
      const to = `/application/${encodeURIComponent(reference)}?digitalAuth=${outcome}`;
      return { status: 303, headers: { location: to, "cache-control": "no-store" } };
    },
  }),
];
