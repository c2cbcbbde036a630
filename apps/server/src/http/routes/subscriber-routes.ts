import { lineStates, portOutStates } from "@jitsumei/domain";
import { z } from "zod";
import { findApplicationById, findApplicationByReference } from "../../applications/application-row.ts";
import { cipherFor } from "../../applications/load-application-data.ts";
import { readDocument } from "../../contracts/contract-documents.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import {
  type LineKey,
  queueSignInRequest,
  subscriberDocumentOwner,
  subscriberDocuments,
  subscriberLineApplication,
  subscriberLines,
  verifySignInCode,
} from "../../subscribers/subscriber-access.ts";
import { terminateLineIn, terminationReasons } from "../../subscribers/terminate-line.ts";
import { defineRoute } from "../route.ts";
import { issuedPdf } from "./contract-routes.ts";

const msisdn = z
  .string()
  .trim()
  .regex(/^0[0-9-]{9,12}$/, "must be a Japanese phone number such as 070-1234-5678")
  .optional()
  .describe("The line's number (or give reference instead)");
const reference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^JT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/, "must be a reference such as JT-7K3M-Q9TZ-4")
  .optional()
  .describe(
    "The reference of the application the line came from (JT-…, in every mail and on the status page), instead of msisdn: a data-only line's holder has no number to give",
  );

/** One key to the line: its number or its application's reference, exactly one. */
function oneLineKey(body: { msisdn?: string; reference?: string }, ctx: z.RefinementCtx): void {
  if (body.msisdn !== undefined && body.reference !== undefined) {
    ctx.addIssue({ code: "custom", path: ["reference"], message: "give either msisdn or reference, not both" });
  } else if (body.msisdn === undefined && body.reference === undefined) {
    ctx.addIssue({ code: "custom", path: ["msisdn"], message: "required: the line's number, or give reference" });
  }
}

const signInBody = z
  .object({ msisdn, reference, email: z.email({ error: "must be an e-mail address" }).max(254) })
  .strict()
  .superRefine(oneLineKey)
  .meta({ id: "SubscriberSignInRequest" });
const verifyBody = z
  .object({ msisdn, reference, code: z.string().regex(/^\d{6}$/, "must be the six digits mailed to you") })
  .strict()
  .superRefine(oneLineKey)
  .meta({ id: "SubscriberSignInVerify" });

/** The key given, as the sign-in steps take it (the refinement above made sure there is exactly one). */
const lineKeyOf = (body: { msisdn?: string; reference?: string }): LineKey =>
  body.reference !== undefined ? { reference: body.reference } : { msisdn: body.msisdn ?? "" };
const documentParams = z.object({ documentId: z.uuid({ error: "must be a document id" }) });
const lineParams = z.object({ msisdn: z.string().regex(/^0\d{9,10}$/, "must be the line's number, digits only") });
const endedSchema = z.object({
  reference: z.string(),
  msisdn: z.string(),
  endedAt: z.string(),
  refundsQueued: z.number().int().describe("Deposits being refunded"),
  purgeAfter: z.string().nullable().describe("When the verification record is destroyed (the Act keeps it 3 years)"),
});
const staffTerminationBody = z
  .object({
    reason: z.enum(
      // Non-payment, expiry and porting out have their own paths (credit, the keep-alive sweep, MNP).
      terminationReasons.filter((r) => r !== "nonpayment" && r !== "validity_expired" && r !== "ported_out") as [
        "subscriber_request",
        "fraud",
        "operator_decision",
      ],
    ),
  })
  .strict();

const lineSchema = z.object({
  msisdn: z
    .string()
    .describe("The line's number; a data-only line's (020) is the network's and not shown to the holder"),
  lineType: z
    .enum(["voice", "data"])
    .describe("voice: a phone number the holder uses (and can take elsewhere); data: a data-only line"),
  planId: z.string(),
  formFactor: z.string(),
  status: z.string(),
  state: z
    .enum(lineStates)
    .describe(
      "The line's state: everything works, receive only or suspended (prepaid validity ended), suspended after a police request, or ended (terminated, transferred)",
    ),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  validUntil: z.string().nullable().describe("Prepaid: the end of validity; a top-up moves it on"),
  terminatesAt: z
    .string()
    .nullable()
    .describe("Prepaid: when the line ends without a top-up (the keep-alive rules of its plan)"),
  reference: z.string(),
  portOut: z
    .object({
      reservationNumber: z.string(),
      state: z.enum(portOutStates),
      issuedOn: z.string(),
      expiresOn: z.string().describe("The last day the reservation number is valid (Japan)"),
    })
    .nullable()
    .describe(
      "The line's latest port-out reservation number: issued (valid), expired (ask again), ported or cancelled",
    ),
  leaving: z
    .object({
      minimumTermEndsOn: z.string().nullable().describe("The plan's minimum term ends (Japan date); null: none"),
      earlyTerminationFeeJpy: z
        .number()
        .int()
        .describe("The contract's early-termination fee if the line ended today (0 after the minimum term, or none)"),
      depositRefundJpy: z.number().int().describe("The deposit given back when the line ends (0: none held)"),
    })
    .describe("What ending the line today (by port-out or termination) means, as the contract states it"),
});
const vaultDocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  documentNumber: z.string(),
  language: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  issuedAt: z.string(),
  reference: z.string(),
  url: z.string(),
});

function who<T>(value: T | null): T {
  if (!value) throw new Error("route declared auth 'subscriber' but nobody signed in");
  return value;
}

/** Subscribers after activation: sign-in by a code mailed to the address on file, their lines, the documents vault. */
export const subscriberRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof signInBody>>({
    method: "POST",
    path: "/v1/subscriber/sign-in",
    operationId: "requestSubscriberCode",
    summary:
      "Ask for a sign-in code: the line's number (or its application's reference) and the e-mail address on file (the same answer whether they match or not)",
    tag: "subscriber",
    auth: "none",
    rateLimit: "sign-in",
    body: signInBody,
    responses: {
      202: {
        description: "If they match an active line, a code was mailed",
        schema: z.object({ sent: z.literal(true) }),
      },
    },
    async handler({ body }, services) {
      await queueSignInRequest(services, { ...lineKeyOf(body), email: body.email });
      return { status: 202, body: { sent: true } };
    },
  }),
  defineRoute<undefined, undefined, z.infer<typeof verifyBody>>({
    method: "POST",
    path: "/v1/subscriber/sign-in/verify",
    operationId: "verifySubscriberCode",
    summary:
      "The number (or the reference) and the mailed code give a bearer token (jst_…) for 30 minutes; five wrong codes spend it",
    tag: "subscriber",
    auth: "none",
    rateLimit: "sign-in",
    body: verifyBody,
    responses: { 200: { description: "Signed in", schema: z.object({ token: z.string(), expiresAt: z.string() }) } },
    async handler({ body }, services) {
      return {
        status: 200,
        body: await verifySignInCode(
          { ...services, mailFrom: services.config.mail.from },
          { ...lineKeyOf(body), code: body.code },
        ),
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/subscriber/lines",
    operationId: "listSubscriberLines",
    summary: "The subscriber's lines (active and ended)",
    tag: "subscriber",
    auth: "subscriber",
    responses: { 200: { description: "Lines", schema: z.object({ items: z.array(lineSchema) }) } },
    async handler({ subscriber }, { db, clock }) {
      return { status: 200, body: { items: await subscriberLines(db, who(subscriber), clock()) } };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/subscriber/documents",
    operationId: "listSubscriberDocuments",
    summary: "The documents vault: every contract, explanation and receipt issued, each with its SHA-256",
    tag: "subscriber",
    auth: "subscriber",
    responses: { 200: { description: "Documents", schema: z.object({ items: z.array(vaultDocumentSchema) }) } },
    async handler({ subscriber }, { db }) {
      return { status: 200, body: { items: await subscriberDocuments(db, who(subscriber)) } };
    },
  }),
  defineRoute<z.infer<typeof documentParams>>({
    method: "GET",
    path: "/v1/subscriber/documents/{documentId}.pdf",
    operationId: "downloadSubscriberDocument",
    summary: "A document as the exact PDF issued",
    tag: "subscriber",
    auth: "subscriber",
    params: documentParams,
    responses: { 200: { description: "The PDF", file: "application/pdf" } },
    async handler({ subscriber, params }, services) {
      const owner = await subscriberDocumentOwner(services.db, who(subscriber), params.documentId);
      const application = owner ? await findApplicationById(services.db, owner) : null;
      const found = application
        ? await readDocument(
            services.db,
            services.documents,
            await cipherFor(services.keys, application),
            application.id,
            params.documentId,
          )
        : null;
      if (!found) throw new AppError("not_found", "No such document among yours");
      return issuedPdf(found);
    },
  }),
  defineRoute<z.infer<typeof lineParams>>({
    method: "POST",
    path: "/v1/subscriber/lines/{msisdn}/termination",
    operationId: "terminateOwnLine",
    summary: "End one of your lines (解約): off the network at once, any deposit refunded",
    tag: "subscriber",
    auth: "subscriber",
    params: lineParams,
    responses: { 200: { description: "Ended", schema: endedSchema } },
    async handler({ subscriber, params }, services) {
      const applicationId = await subscriberLineApplication(services.db, who(subscriber), params.msisdn);
      if (!applicationId) throw new AppError("not_found", "None of your active lines has this number");
      const ended = await services.db.transaction((tx) =>
        terminateLineIn(tx, lineEndingDeps(services), {
          applicationId,
          reason: "subscriber_request",
          actor: "subscriber",
          at: services.clock(),
        }),
      );
      return { status: 200, body: endedView(ended) };
    },
  }),
  defineRoute<{ reference: string }, undefined, z.infer<typeof staffTerminationBody>>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/termination",
    operationId: "terminateLine",
    summary: "End a line for the operator (a subscriber's request by phone, fraud, an operator decision)",
    tag: "subscriber",
    auth: "staff",
    permission: "subscriptions.terminate",
    params: z.object({ reference: z.string().max(40) }),
    body: staffTerminationBody,
    idempotent: true,
    responses: { 200: { description: "Ended", schema: endedSchema } },
    async handler({ params, body, staff }, services) {
      const application = await findApplicationByReference(services.db, params.reference);
      if (!application) throw new AppError("application_not_found", `No application ${params.reference}`);
      const ended = await services.db.transaction((tx) =>
        terminateLineIn(tx, lineEndingDeps(services), {
          applicationId: application.id,
          reason: body.reason,
          actor: `staff:${who(staff).id}`,
          at: services.clock(),
        }),
      );
      return { status: 200, body: endedView(ended) };
    },
  }),
];

function lineEndingDeps(services: Services) {
  return {
    provisioning: services.provisioning,
    quarantineDays: services.config.numberQuarantineDays,
    keys: services.keys,
    mailFrom: services.config.mail.from,
  };
}

function endedView(ended: Awaited<ReturnType<typeof terminateLineIn>>) {
  return {
    reference: ended.reference,
    msisdn: ended.msisdn,
    endedAt: ended.endedAt,
    refundsQueued: ended.refundsQueued,
    purgeAfter: ended.purgeAfter,
  };
}
