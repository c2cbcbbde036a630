import { z } from "zod";
import { exportApplicantData } from "../../applications/export-applicant-data.ts";
import {
  decideDeletionRequest,
  fileDeletionRequest,
  openDeletionRequests,
  ownDeletionRequest,
} from "../../privacy/deletion-requests.ts";
import { exportSubscriberData } from "../../privacy/export-subscriber-data.ts";
import type { SubscriberPrincipal } from "../../subscribers/subscriber-access.ts";
import { defineRoute } from "../route.ts";
import { referenceParamsSchema as params, type referenceParamsSchema } from "../schemas.ts";
import { opened } from "./application-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

const requestParams = z.object({ id: z.uuid({ error: "must be a deletion request id" }) });
const deletionRequestSchema = z.object({
  id: z.string(),
  status: z.enum(["filed", "decided"]),
  filedAt: z.string(),
  decidedAt: z.string().nullable(),
  outcome: z
    .object({
      kept: z.array(
        z.object({
          reference: z.string(),
          because: z.enum(["contract_in_force", "verification_record_retention", "legal_hold"]),
          until: z
            .string()
            .nullable()
            .describe("When the kept data is destroyed (null: 3 years after the contract ends)"),
          alsoDeleted: z.record(z.string(), z.number()).describe("What the retention duty does not cover, deleted now"),
        }),
      ),
      deleted: z.array(z.object({ reference: z.string(), destroyed: z.record(z.string(), z.unknown()) })),
    })
    .nullable(),
});

function signedIn(who: SubscriberPrincipal | null): SubscriberPrincipal {
  if (!who) throw new Error("route declared auth 'subscriber' but nobody signed in");
  return who;
}

/** The data subject's rights (個人情報保護法): what is held about them, as a file. */
export const privacyRoutes = [
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/data-export",
    operationId: "exportApplicantData",
    summary:
      "Everything held about the applicant through this application as JSON (particulars, evidence, history, checks, credit queries and answers, payments, documents, line); audited",
    tag: "privacy",
    auth: "applicant",
    params,
    responses: { 200: { description: "The export (format jitsumei-applicant-data/1)" } },
    async handler({ application }, services) {
      const app = opened(application);
      const body = await exportApplicantData(services, app);
      return {
        status: 200,
        body,
        headers: { "content-disposition": `attachment; filename="jitsumei-${app.reference}.json"` },
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/subscriber/data-export",
    operationId: "exportSubscriberData",
    summary:
      "Everything held about the signed-in subscriber as JSON: every application (as the per-application export), lines, documents with their SHA-256, top-ups, notices, deletion requests; audited",
    tag: "privacy",
    auth: "subscriber",
    responses: { 200: { description: "The export (format jitsumei-subscriber-data/1)" } },
    async handler({ subscriber }, services) {
      return {
        status: 200,
        body: await exportSubscriberData(services, signedIn(subscriber)),
        headers: { "content-disposition": 'attachment; filename="jitsumei-subscriber-data.json"' },
      };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/subscriber/deletion-requests",
    operationId: "fileDeletionRequest",
    summary:
      "Ask for your personal data to be deleted; compliance decides what the law's retention duty keeps (one open request at a time)",
    tag: "privacy",
    auth: "subscriber",
    responses: { 201: { description: "Filed (or the open request)", schema: deletionRequestSchema } },
    async handler({ subscriber }, services) {
      return { status: 201, body: await fileDeletionRequest(services, signedIn(subscriber)) };
    },
  }),
  defineRoute<z.infer<typeof requestParams>>({
    method: "GET",
    path: "/v1/subscriber/deletion-requests/{id}",
    operationId: "getOwnDeletionRequest",
    summary: "One of your deletion requests, with the answer: what was deleted, what is kept, why and until when",
    tag: "privacy",
    auth: "subscriber",
    params: requestParams,
    responses: { 200: { description: "The request", schema: deletionRequestSchema } },
    async handler({ subscriber, params }, { db }) {
      return { status: 200, body: await ownDeletionRequest(db, signedIn(subscriber), params.id) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/staff/deletion-requests",
    operationId: "listDeletionRequests",
    summary: "Deletion requests waiting for a decision, oldest first",
    tag: "privacy",
    auth: "staff",
    permission: "privacy.deletion_requests",
    responses: { 200: { description: "Open requests", schema: z.object({ items: z.array(deletionRequestSchema) }) } },
    async handler(_input, { db }) {
      return { status: 200, body: { items: await openDeletionRequests(db) } };
    },
  }),
  defineRoute<z.infer<typeof requestParams>>({
    method: "POST",
    path: "/v1/staff/deletion-requests/{id}/decision",
    operationId: "decideDeletionRequest",
    summary:
      "Decide a deletion request: what a contract in force or the verification record's retention needs is kept (the answer says until when), the rest is crypto-shredded; the subscriber is mailed",
    tag: "privacy",
    auth: "staff",
    permission: "privacy.deletion_requests",
    params: requestParams,
    responses: { 200: { description: "Decided", schema: deletionRequestSchema } },
    async handler({ params, staff }, services) {
      const decided = await decideDeletionRequest(
        { ...services, mailFrom: services.config.mail.from },
        { id: params.id, actor: `staff:${staff?.id ?? "unknown"}` },
      );
      return { status: 200, body: decided };
    },
  }),
];
