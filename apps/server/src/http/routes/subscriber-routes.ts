import { z } from "zod";
import { findApplicationById } from "../../applications/application-row.ts";
import { cipherFor } from "../../applications/load-application-data.ts";
import { readDocument } from "../../contracts/contract-documents.ts";
import { AppError } from "../../errors.ts";
import {
  requestSignInCode,
  subscriberDocumentOwner,
  subscriberDocuments,
  subscriberLines,
  verifySignInCode,
} from "../../subscribers/subscriber-access.ts";
import { defineRoute } from "../route.ts";
import { issuedPdf } from "./contract-routes.ts";

const msisdn = z
  .string()
  .trim()
  .regex(/^0[0-9-]{9,12}$/, "must be a Japanese phone number such as 070-1234-5678")
  .describe("The line's number");
const signInBody = z.object({ msisdn, email: z.email({ error: "must be an e-mail address" }).max(254) }).strict();
const verifyBody = z
  .object({ msisdn, code: z.string().regex(/^\d{6}$/, "must be the six digits mailed to you") })
  .strict();
const documentParams = z.object({ documentId: z.uuid({ error: "must be a document id" }) });

const lineSchema = z.object({
  msisdn: z.string(),
  planId: z.string(),
  formFactor: z.string(),
  status: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  reference: z.string(),
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
      "Ask for a sign-in code: the line's number and the e-mail address on file (the same answer whether they match or not)",
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
      await requestSignInCode({ ...services, mailFrom: services.config.mail.from }, body);
      return { status: 202, body: { sent: true } };
    },
  }),
  defineRoute<undefined, undefined, z.infer<typeof verifyBody>>({
    method: "POST",
    path: "/v1/subscriber/sign-in/verify",
    operationId: "verifySubscriberCode",
    summary: "The number and the mailed code give a bearer token (jst_…) for 30 minutes; five wrong codes spend it",
    tag: "subscriber",
    auth: "none",
    rateLimit: "sign-in",
    body: verifyBody,
    responses: { 200: { description: "Signed in", schema: z.object({ token: z.string(), expiresAt: z.string() }) } },
    async handler({ body }, services) {
      return { status: 200, body: await verifySignInCode({ ...services, mailFrom: services.config.mail.from }, body) };
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
    async handler({ subscriber }, { db }) {
      return { status: 200, body: { items: await subscriberLines(db, who(subscriber)) } };
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
            await cipherFor(services.keys, application),
            application.id,
            params.documentId,
          )
        : null;
      if (!found) throw new AppError("not_found", "No such document among yours");
      return issuedPdf(found);
    },
  }),
];
