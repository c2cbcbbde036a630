import { type OperatorDetails, renderReceipt } from "@jitsumei/documents";
import type { ApplicationRow } from "../applications/application-row.ts";
import { cipherFor, loadApplicantDetails } from "../applications/load-application-data.ts";
import { printedName } from "../applications/printed-name.ts";
import type { Config } from "../config/config.ts";
import { readDocument, storeDocument } from "../contracts/contract-documents.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { findPayment, findReceiptDocumentId, paymentOrdinal, paymentsWithoutReceipt } from "./payments-repository.ts";

type ReceiptDeps = {
  db: Database;
  keys: KeyManagement;
  operator: OperatorDetails;
  config: Pick<Config, "invoiceRegistrationNumber">;
  clock: () => Date;
  documents: DocumentStorage;
};

/**
 * Issues the receipt of every payment of the application that took money and has none yet, so the
 * applicant's documents list every receipt. Called when the documents are listed: a receipt is made
 * when someone may look at it, not for every payment in the background.
 */
export async function issueMissingReceipts(deps: ReceiptDeps, application: ApplicationRow): Promise<void> {
  for (const id of await paymentsWithoutReceipt(deps.db, application.id))
    await paymentReceiptPdf(deps, application, id);
}

/**
 * The receipt (領収書) for one payment of the application, as a PDF: made once (the first time it or
 * the documents are asked for) and kept with its SHA-256 in the application's documents, so every
 * later download is the exact PDF issued. It names the operator with its
 * qualified invoice registration number (登録番号) and the consumption tax included in the amount.
 */
export async function paymentReceiptPdf(
  deps: ReceiptDeps,
  application: ApplicationRow,
  paymentId: string,
): Promise<{ pdf: Buffer; documentNumber: string; sha256: string }> {
  const payment = await findPayment(deps.db, paymentId);
  if (!payment || payment.applicationId !== application.id) {
    throw new AppError("not_found", "The application has no such payment");
  }
  if (payment.status !== "captured" && payment.status !== "refunded") {
    throw new AppError("not_found", "There is no receipt for a payment that took no money");
  }
  const cipher = await cipherFor(deps.keys, application);
  const issuedId = await findReceiptDocumentId(deps.db, payment.id);
  if (issuedId) {
    const found = await readDocument(deps.db, deps.documents, cipher, application.id, issuedId);
    if (found) return { pdf: found.pdf, documentNumber: found.document.documentNumber, sha256: found.document.sha256 };
  }
  const { particulars } = await loadApplicantDetails(deps.keys, application);
  const plan = await findPlan(deps.db, application.planId);
  const documentNumber = `R-${application.reference}-${payment.id.slice(0, 8).toUpperCase()}`;
  // The payment as a person quotes it: the application's reference and which of its payments (1, 2…).
  const paymentNumber = `${application.reference}-${String(await paymentOrdinal(deps.db, payment.id)).padStart(2, "0")}`;
  const pdf = await renderReceipt({
    language: application.language,
    receiptNumber: documentNumber,
    date: payment.updatedAt,
    operator: deps.operator,
    invoiceRegistrationNumber: deps.config.invoiceRegistrationNumber,
    payer: { name: printedName(particulars?.name) },
    applicationReference: application.reference,
    paymentNumber,
    amountJpy: payment.amountJpy,
    purpose: payment.kind === "deposit" ? "deposit" : "plan_purchase",
    plan: {
      name: plan?.name ?? {
        ja: application.planId,
        en: application.planId,
        "zh-Hans": "",
        "zh-Hant": "",
        ko: "",
        vi: "",
      },
    },
  });
  try {
    const stored = await deps.db.transaction((tx) =>
      storeDocument(tx, deps.documents, cipher, {
        applicationId: application.id,
        kind: "receipt",
        documentNumber,
        language: application.language,
        pdf,
        paymentId: payment.id,
      }),
    );
    return { pdf, documentNumber, sha256: stored.sha256 };
  } catch (error) {
    // Two first downloads at once: the other one's receipt was stored first, and is the one issued.
    if ((error as { code?: string }).code !== "23505") throw error;
    return paymentReceiptPdf(deps, application, paymentId);
  }
}
