import type { z } from "zod";
import { cipherFor } from "../../applications/load-application-data.ts";
import { listDocuments, readDocument, type StoredDocument } from "../../contracts/contract-documents.ts";
import { signContract } from "../../contracts/sign-contract.ts";
import { AppError } from "../../errors.ts";
import { issueMissingReceipts } from "../../payments/payment-receipt.ts";
import { defineRoute, pdfAnswer } from "../route.ts";
import {
  contractViewSchema,
  documentParamsSchema,
  referenceParamsSchema as params,
  type referenceParamsSchema,
  signatureBodySchema,
  signedSchema,
} from "../schemas.ts";
import { opened } from "./application-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

const withUrl = (reference: string, d: StoredDocument) => ({
  ...d,
  url: `/v1/applications/${reference}/documents/${d.id}.pdf`,
});

/** The contract to read and sign, and every document issued (contracts, receipts) to download. */
export const contractRoutes = [
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/contract",
    operationId: "getContract",
    summary: "The important-matters explanation and the contract to read (with their SHA-256), and whether signed",
    tag: "contract",
    auth: "applicant",
    params,
    responses: { 200: { description: "The contract documents", schema: contractViewSchema } },
    async handler({ application }, services) {
      const app = opened(application);
      const documents = (await listDocuments(services.db, app.id)).filter((d) => d.kind !== "receipt");
      if (documents.length === 0) throw new AppError("not_found", "No contract has been offered yet");
      return {
        status: 200,
        body: {
          state: app.state,
          documents: documents.map((d) => withUrl(app.reference, d)),
          signed: documents.some((d) => d.kind === "signed_contract"),
        },
      };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof signatureBodySchema>>({
    method: "POST",
    path: "/v1/applications/{reference}/contract/signature",
    operationId: "signContract",
    summary: "Sign: consent to the documents shown (by their SHA-256); the contract is sealed by the operator",
    tag: "contract",
    auth: "applicant",
    params,
    body: signatureBodySchema,
    idempotent: true,
    responses: { 200: { description: "Signed", schema: signedSchema } },
    async handler({ application, body, client }, services) {
      const app = opened(application);
      const signed = await signContract(services, app, body, client);
      return {
        status: 200,
        body: { state: signed.state, signedContract: withUrl(app.reference, signed.signedContract) },
      };
    },
  }),
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/documents",
    operationId: "listDocuments",
    summary: "Every document issued to the application: explanation, contract, signed contract, receipts",
    tag: "contract",
    auth: "applicant",
    params,
    responses: {
      200: { description: "Documents", schema: contractViewSchema.pick({ documents: true }) },
    },
    async handler({ application }, services) {
      const app = opened(application);
      // Every payment that took money has its receipt (領収書) here, made the first time it is listed.
      await issueMissingReceipts(services, app);
      const documents = await listDocuments(services.db, app.id);
      return { status: 200, body: { documents: documents.map((d) => withUrl(app.reference, d)) } };
    },
  }),
  defineRoute<z.infer<typeof documentParamsSchema>>({
    method: "GET",
    path: "/v1/applications/{reference}/documents/{documentId}.pdf",
    operationId: "downloadDocument",
    summary: "A document as the exact PDF issued (its SHA-256 is in the list)",
    tag: "contract",
    auth: "applicant",
    params: documentParamsSchema,
    responses: { 200: { description: "The PDF", file: "application/pdf" } },
    async handler({ application, params: p }, services) {
      const app = opened(application);
      const found = await readDocument(
        services.db,
        services.documents,
        await cipherFor(services.keys, app),
        app.id,
        p.documentId,
      );
      if (!found) throw new AppError("not_found", "No such document for this application");
      return issuedPdf(found);
    },
  }),
];

/** A document as the exact PDF issued, with the SHA-256 recorded when it was issued. */
export function issuedPdf(found: { document: StoredDocument; pdf: Buffer }) {
  return pdfAnswer(found.pdf, {
    name: `${found.document.documentNumber}.pdf`,
    disposition: "attachment",
    sha256: found.document.sha256,
  });
}
