import type { z } from "zod";
import type { ApplicationRow } from "../../applications/application-row.ts";
import { findApplicationById } from "../../applications/application-row.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { getDepositView, paymentView } from "../../payments/get-deposit.ts";
import { getPurchaseView } from "../../payments/get-purchase.ts";
import { type PaidCharge, type PayChargeInput, payDeposit, payPurchase } from "../../payments/pay-charge.ts";
import { SIGNATURE_HEADER } from "../../payments/payment-notifications.ts";
import { paymentReceiptPdf } from "../../payments/payment-receipt.ts";
import { receivePaymentNotification } from "../../payments/receive-notification.ts";
import { listTransferRefunds, markTransferRefundPaid } from "../../payments/transfer-refunds.ts";
import {
  depositSchema,
  notificationReceiptSchema,
  paidDepositSchema,
  paidPurchaseSchema,
  payDepositSchema,
  paymentParamsSchema,
  payPurchaseSchema,
  purchaseSchema,
  transferRefundListSchema,
  transferRefundPaidSchema,
  transferRefundParamsSchema,
  transferRefundQuerySchema,
  transferRefundSchema,
} from "../payment-schemas.ts";
import { defineRoute, pdfAnswer } from "../route.ts";
import { referenceParamsSchema } from "../schemas.ts";
import { signedIn } from "./staff-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;
type PaymentRef = z.infer<typeof paymentParamsSchema>;

function opened(application: ApplicationRow | null): ApplicationRow {
  if (!application) throw new Error("route declared auth 'applicant' but no application was opened");
  return application;
}

/** The test gateway takes no money: in production it would hand out SIMs for nothing. */
function assertRealGateway(config: { env: string }, gatewayName: string, what: string): void {
  if (config.env === "production" && gatewayName === "local-test") {
    throw new AppError("not_implemented", `No payment gateway is configured: ${what} cannot be taken yet`);
  }
}

/** 201 with what was paid (or the konbini slip), 200 when it was paid already and nothing was charged. */
async function paidAnswer(db: Database, applicant: ApplicationRow, paid: PaidCharge) {
  // The state the payment's own transaction left, when it recorded one; else as it stands now.
  const state = paid.state ?? (await findApplicationById(db, applicant.id))?.state ?? applicant.state;
  return {
    status: paid.alreadyPaid ? 200 : 201,
    body: {
      payment: paymentView(applicant.reference, paid.payment),
      state,
      ...(paid.konbini ? { konbini: paid.konbini } : {}),
    },
  };
}

export const paymentRoutes = [
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/deposit",
    operationId: "getDeposit",
    summary: "Whether a deposit is owed, how much and why, and where its payment stands",
    tag: "payments",
    auth: "applicant",
    params: referenceParamsSchema,
    responses: { 200: { description: "The deposit", schema: depositSchema } },
    async handler({ application }, { db }) {
      return { status: 200, body: await getDepositView(db, opened(application)) };
    },
  }),

  defineRoute<Ref, undefined, PayChargeInput>({
    method: "POST",
    path: "/v1/applications/{reference}/deposit/payments",
    operationId: "payDeposit",
    summary:
      "Pay the deposit by card (a token from the payment provider's card form; 402 when declined) or at a convenience store (201 with the slip; paid when the store reports it)",
    tag: "payments",
    auth: "applicant",
    params: referenceParamsSchema,
    body: payDepositSchema,
    idempotent: true,
    responses: {
      201: {
        description: "Card: paid, the application is ready for its SIM. Konbini: the slip to pay at the store",
        schema: paidDepositSchema,
      },
      200: { description: "Already paid (nothing was charged again)", schema: paidDepositSchema },
    },
    async handler({ application, body }, { db, payments, config }) {
      const applicant = opened(application);
      assertRealGateway(config, payments.gateway.name, "deposits");
      return paidAnswer(db, applicant, await payDeposit({ db, gateway: payments.gateway }, applicant, body));
    },
  }),

  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/purchase",
    operationId: "getPlanPurchase",
    summary:
      "What a prepaid plan sold online costs (tax included, the tax shown), by when to pay it, and where its payment stands",
    tag: "payments",
    auth: "applicant",
    params: referenceParamsSchema,
    responses: { 200: { description: "The plan's purchase", schema: purchaseSchema } },
    async handler({ application }, { db, config }) {
      const view = await getPurchaseView(db, opened(application), { paymentDays: config.review.prepaidPaymentDays });
      return { status: 200, body: view };
    },
  }),

  defineRoute<Ref, undefined, PayChargeInput>({
    method: "POST",
    path: "/v1/applications/{reference}/purchase/payments",
    operationId: "payPlanPurchase",
    summary:
      "Pay for a prepaid plan sold online, before its SIM or eSIM is released: by card (402 when declined; paid, the SIM is reserved at once) or at a convenience store (201 with the slip; paid when the store reports it)",
    tag: "payments",
    auth: "applicant",
    params: referenceParamsSchema,
    body: payPurchaseSchema,
    idempotent: true,
    responses: {
      201: {
        description: "Card: paid, the SIM or eSIM is reserved. Konbini: the slip to pay at the store",
        schema: paidPurchaseSchema,
      },
      200: { description: "Already paid (nothing was charged again)", schema: paidPurchaseSchema },
    },
    async handler({ application, body }, { db, payments, config }) {
      const applicant = opened(application);
      assertRealGateway(config, payments.gateway.name, "payments");
      return paidAnswer(db, applicant, await payPurchase({ db, gateway: payments.gateway }, applicant, body));
    },
  }),

  defineRoute<PaymentRef>({
    method: "GET",
    path: "/v1/applications/{reference}/payments/{paymentId}/receipt.pdf",
    operationId: "getPaymentReceipt",
    summary:
      "The receipt (領収書) for a payment, as a PDF: the same bytes every time (its SHA-256 is in the documents list)",
    tag: "payments",
    auth: "applicant",
    params: paymentParamsSchema,
    responses: { 200: { description: "The receipt", file: "application/pdf" } },
    async handler({ application, params }, services) {
      const receipt = await paymentReceiptPdf(services, opened(application), params.paymentId);
      return pdfAnswer(receipt.pdf, {
        name: `${receipt.documentNumber}.pdf`,
        disposition: "inline",
        sha256: receipt.sha256,
      });
    },
  }),

  defineRoute({
    method: "POST",
    path: "/v1/payments/notifications",
    operationId: "receivePaymentNotification",
    summary: `The payment gateway's signed notifications (${SIGNATURE_HEADER}: t=…,v1=HMAC-SHA256 over "t.body")`,
    tag: "payments",
    auth: "none",
    rawBody: true,
    bodyLimit: 64 * 1024,
    responses: { 200: { description: "Received", schema: notificationReceiptSchema } },
    async handler({ rawBody, headers }, { db, clock, payments }) {
      const receipt = await receivePaymentNotification(
        { db, clock, notifications: payments.notifications },
        { rawBody: rawBody ?? Buffer.alloc(0), signatureHeader: headers[SIGNATURE_HEADER] },
      );
      return { status: 200, body: { received: true, applied: receipt.applied } };
    },
  }),
  defineRoute<undefined, z.infer<typeof transferRefundQuerySchema>>({
    tag: "payments",
    auth: "staff",
    permission: "payments.refund_transfers",
    method: "GET",
    path: "/v1/staff/refunds/transfers",
    operationId: "listTransferRefunds",
    summary: "Refunds owed by bank transfer (konbini cash cannot go back through the till), oldest first",
    query: transferRefundQuerySchema,
    responses: { 200: { description: "The refunds", schema: transferRefundListSchema } },
    async handler({ query }, { db }) {
      return { status: 200, body: { items: await listTransferRefunds(db, { owedOnly: query.status === "owed" }) } };
    },
  }),

  defineRoute<z.infer<typeof transferRefundParamsSchema>, undefined, z.infer<typeof transferRefundPaidSchema>>({
    tag: "payments",
    auth: "staff",
    permission: "payments.refund_transfers",
    method: "POST",
    path: "/v1/staff/refunds/transfers/{paymentId}/paid",
    operationId: "markTransferRefundPaid",
    summary: "Record that the operator's bank transfer paid a refund back: the payment is refunded (audited)",
    params: transferRefundParamsSchema,
    body: transferRefundPaidSchema,
    responses: { 200: { description: "The refund, paid", schema: transferRefundSchema } },
    async handler({ params, body, staff }, { db }) {
      const refund = await markTransferRefundPaid(db, {
        paymentId: params.paymentId,
        transferReference: body.transferReference,
        actor: `staff:${signedIn(staff).id}`,
      });
      return { status: 200, body: refund };
    },
  }),
];
