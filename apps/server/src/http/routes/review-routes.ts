import type { z } from "zod";
import { lockApplication } from "../../applications/application-row.ts";
import { unlockActivation } from "../../applications/unlock-activation.ts";
import { getCaseView, listQueue, lookupStatus, queueStates } from "../../review/case-view.ts";
import { claimCase, releaseClaim } from "../../review/claims.ts";
import { type Decision, decideCase } from "../../review/decide.ts";
import { openCaseImage } from "../../review/evidence-images.ts";
import { requireApplication } from "../../review/require-application.ts";
import { decodeCursor, defineRoute, encodeCursor, isTimeAndIdCursor } from "../route.ts";
import {
  caseImageParamsSchema,
  caseViewSchema,
  claimResultSchema,
  decisionBodySchema,
  decisionResultSchema,
  languageQuerySchema,
  queueQuerySchema,
  queueSchema,
  referenceParamsSchema,
  statusLookupSchema,
  unlockActivationBodySchema,
  unlockActivationResultSchema,
} from "../schemas.ts";
import { signedIn } from "./staff-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;
type LanguageQuery = z.infer<typeof languageQuerySchema>;

export const reviewRoutes = [
  defineRoute<undefined, z.infer<typeof queueQuerySchema>>({
    method: "GET",
    path: "/v1/staff/applications",
    operationId: "listReviewQueue",
    summary: "The review queue: oldest first, with SLA age, claims and case tags",
    tag: "review",
    auth: "staff",
    permission: "applications.queue",
    query: queueQuerySchema,
    responses: { 200: { description: "A page of cases", schema: queueSchema } },
    async handler({ query, staff }, services) {
      const page = await listQueue(services, signedIn(staff), {
        states: query.state ?? queueStates,
        tag: query.tag,
        assignee: query.assignee,
        overdueOnly: query.overdueOnly,
        after: decodeCursor(query.cursor, isTimeAndIdCursor) ?? undefined,
        limit: query.limit,
      });
      return { status: 200, body: { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null } };
    },
  }),

  defineRoute<Ref, LanguageQuery>({
    method: "GET",
    path: "/v1/staff/applications/{reference}",
    operationId: "getCase",
    summary: "The whole case: particulars, evidence, checks, the decision's explanation, corrections, history",
    tag: "review",
    auth: "staff",
    permission: "applications.case",
    params: referenceParamsSchema,
    query: languageQuerySchema,
    responses: { 200: { description: "The case", schema: caseViewSchema } },
    async handler({ params, query }, services) {
      return {
        status: 200,
        body: await getCaseView(services, params.reference, query.language),
        headers: { "cache-control": "no-store" },
      };
    },
  }),

  defineRoute<Ref, LanguageQuery>({
    method: "GET",
    path: "/v1/staff/lookup/{reference}",
    operationId: "lookupStatus",
    summary: "Status by reference for the call centre and the counter (personal data masked)",
    tag: "review",
    auth: "staff",
    permission: "applications.lookup",
    params: referenceParamsSchema,
    query: languageQuerySchema,
    rateLimit: "lookup",
    responses: { 200: { description: "Where the application stands", schema: statusLookupSchema } },
    async handler({ params, query }, services) {
      return {
        status: 200,
        body: await lookupStatus(services, params.reference, query.language),
        headers: { "cache-control": "no-store" },
      };
    },
  }),

  defineRoute<z.infer<typeof caseImageParamsSchema>>({
    method: "GET",
    path: "/v1/staff/applications/{reference}/images/{image}",
    operationId: "getCaseImage",
    summary: "A face to compare with the particulars: the chip's photo or the selfie (each opening audited)",
    tag: "review",
    auth: "staff",
    permission: "applications.images",
    params: caseImageParamsSchema,
    responses: {
      200: { description: "The image as stored (JPEG; a chip's may be JPEG 2000)", file: "image/jpeg" },
      404: { description: "The application has no such image" },
    },
    async handler({ params, staff }, services) {
      const image = await openCaseImage(services, {
        reference: params.reference,
        image: params.image,
        staffId: signedIn(staff).id,
      });
      return {
        status: 200,
        body: image.bytes,
        // Biometric data: never kept in the browser's cache, nor anywhere between.
        headers: { "content-type": image.contentType, "cache-control": "no-store", pragma: "no-cache" },
      };
    },
  }),

  defineRoute<Ref, undefined, z.infer<typeof unlockActivationBodySchema>>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/activation-unlock",
    operationId: "unlockActivation",
    summary:
      "Unlock activation after five wrong codes, with the reason (audited); the applicant then asks for a new code",
    tag: "review",
    auth: "staff",
    permission: "applications.unlock_activation",
    params: referenceParamsSchema,
    body: unlockActivationBodySchema,
    responses: {
      200: { description: "Unlocked", schema: unlockActivationResultSchema },
      409: { description: "Activation is not locked" },
    },
    async handler({ params, body, staff }, services) {
      return {
        status: 200,
        body: await unlockActivation(services, {
          reference: params.reference,
          staffId: signedIn(staff).id,
          reason: body.reason,
        }),
      };
    },
  }),

  defineRoute<Ref>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/claim",
    operationId: "claimCase",
    summary: "Claim a case (or renew your claim); one reviewer at a time, until the claim lapses",
    tag: "review",
    auth: "staff",
    permission: "applications.claim",
    params: referenceParamsSchema,
    responses: { 200: { description: "Claimed", schema: claimResultSchema } },
    async handler({ params, staff }, services) {
      const me = signedIn(staff);
      const application = await requireApplication(services.db, params.reference);
      const claim = await services.db.transaction(async (tx) => {
        await lockApplication(tx, application.id);
        return claimCase(tx, {
          applicationId: application.id,
          reference: application.reference,
          staffId: me.id,
          now: services.clock(),
          minutes: services.config.review.claimMinutes,
        });
      });
      return { status: 200, body: { reference: application.reference, expiresAt: claim.expiresAt.toISOString() } };
    },
  }),

  defineRoute<Ref>({
    method: "DELETE",
    path: "/v1/staff/applications/{reference}/claim",
    operationId: "dropClaim",
    summary: "Give up your own claim on a case",
    tag: "review",
    auth: "staff",
    permission: "applications.claim",
    params: referenceParamsSchema,
    responses: { 204: { description: "Released (or there was no claim)" } },
    async handler({ params, staff }, services) {
      await release(services, params.reference, signedIn(staff).id, false);
      return { status: 204 };
    },
  }),

  defineRoute<Ref>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/claim/release",
    operationId: "releaseClaim",
    summary: "Release whoever's claim is on a case (admins)",
    tag: "review",
    auth: "staff",
    permission: "applications.release_claim",
    params: referenceParamsSchema,
    responses: { 204: { description: "Released (or there was no claim)" } },
    async handler({ params, staff }, services) {
      await release(services, params.reference, signedIn(staff).id, true);
      return { status: 204 };
    },
  }),

  defineRoute<Ref, undefined, z.infer<typeof decisionBodySchema>>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/events",
    operationId: "decideCase",
    summary:
      "Decide a claimed case: approve, reject, request_correction, escalate; confirm_override or decline_override (a second senior reviewer)",
    tag: "review",
    auth: "staff",
    permission: "applications.decide",
    params: referenceParamsSchema,
    body: decisionBodySchema,
    idempotent: true,
    responses: { 200: { description: "The event was applied", schema: decisionResultSchema } },
    async handler({ params, body, staff }, services) {
      return { status: 200, body: await decideCase(services, signedIn(staff), params.reference, body as Decision) };
    },
  }),
];

async function release(
  services: Parameters<(typeof reviewRoutes)[number]["handler"]>[1],
  reference: string,
  staffId: string,
  mayReleaseOthers: boolean,
) {
  const application = await requireApplication(services.db, reference);
  await services.db.transaction(async (tx) => {
    await lockApplication(tx, application.id);
    await releaseClaim(tx, {
      applicationId: application.id,
      reference,
      staffId,
      now: services.clock(),
      mayReleaseOthers,
    });
  });
}
