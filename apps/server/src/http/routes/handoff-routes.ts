import type { z } from "zod";
import { exchangeHandoff } from "../../handoff/exchange-handoff.ts";
import { issueHandoff } from "../../handoff/issue-handoff.ts";
import {
  handoffBodySchema,
  handoffExchangeBodySchema,
  handoffIssuedSchema,
  handoffSessionSchema,
} from "../handoff-schemas.ts";
import { defineRoute } from "../route.ts";
import { referenceParamsSchema } from "../schemas.ts";
import { opened } from "./application-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

/** Hand-off to another device: a single-use token for the QR code, exchanged once for a session. */
export const handoffRoutes = [
  defineRoute<Ref, undefined, z.infer<typeof handoffBodySchema>>({
    method: "POST",
    path: "/v1/applications/{reference}/handoff",
    operationId: "issueHandoffToken",
    summary: "A single-use, short-lived hand-off token and the URL for the QR code (never the access token)",
    tag: "handoff",
    auth: "applicant",
    params: referenceParamsSchema,
    body: handoffBodySchema,
    responses: { 201: { description: "Issued; show `url` as a QR code", schema: handoffIssuedSchema } },
    async handler({ application, body }, services) {
      return { status: 201, body: await issueHandoff(services, opened(application), body.purpose) };
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof handoffExchangeBodySchema>>({
    method: "POST",
    path: "/v1/handoff/exchange",
    operationId: "exchangeHandoffToken",
    summary:
      "Exchange a hand-off token, once, for a session on its application (404 handoff_invalid, 410 handoff_used or handoff_expired)",
    tag: "handoff",
    alsoTags: ["reader"],
    auth: "none",
    body: handoffExchangeBodySchema,
    countsTokenGuesses: true,
    responses: { 201: { description: "A session on the application", schema: handoffSessionSchema } },
    async handler({ body }, services) {
      return { status: 201, body: await exchangeHandoff(services, body) };
    },
  }),
];
