import { z } from "zod";

/** A card as the payment provider's form gave it: a token, never a card number. */
export const cardTokenSchema = z
  .string()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .describe("The token the payment provider's card form gave; never a card number");

/** Bodies of the deposit and payment routes. */

export const paymentParamsSchema = z.object({ reference: z.string().max(40), paymentId: z.uuid() });

export const payDepositSchema = z
  .discriminatedUnion(
    "method",
    [
      z
        .object({
          method: z.literal("card"),
          cardToken: cardTokenSchema,
        })
        .strict(),
      z.object({ method: z.literal("konbini") }).strict(),
    ],
    { error: "must be card or konbini" },
  )
  .meta({ id: "PayDeposit" });

export const konbiniInstructionsSchema = z
  .object({
    paymentNumber: z.string().describe("Typed at the till or the store's kiosk (払込票番号)"),
    confirmationNumber: z.string().describe("Asked for by some chains (確認番号)"),
    barcode: z.string().describe("The slip's GS1-128 barcode data (44 digits)"),
    expiresAt: z.string().describe("Pay before this; afterwards the slip expires and nothing is owed"),
  })
  .meta({ id: "KonbiniInstructions" });

export const paymentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["deposit", "top_up", "purchase"]),
    amountJpy: z.number().int(),
    currency: z.literal("JPY"),
    status: z.enum(["pending", "authorized", "captured", "declined", "refunded", "failed", "expired"]),
    refundedJpy: z.number().int(),
    failureCode: z.string().nullable(),
    createdAt: z.string(),
    receiptUrl: z.string().nullable().describe("A PDF receipt, once money was taken"),
  })
  .meta({ id: "Payment" });

export const depositSchema = z
  .object({
    reference: z.string(),
    status: z.enum(["not_decided", "not_required", "due", "processing", "paid", "refunded"]),
    required: z.boolean(),
    amountJpy: z.number().int(),
    currency: z.literal("JPY"),
    reasons: z.array(z.object({ code: z.string(), text: z.string() })).describe("Why, in the applicant's language"),
    konbini: konbiniInstructionsSchema.nullable().describe("The slip of the konbini payment waiting for the till"),
    payments: z.array(paymentSchema),
  })
  .meta({ id: "Deposit" });

export const paidDepositSchema = z
  .object({
    payment: paymentSchema,
    state: z.string().describe("The application's state now"),
    konbini: konbiniInstructionsSchema.optional().describe("Konbini: what to take to the store"),
  })
  .meta({ id: "PaidDeposit" });

/** The plan purchase's routes take and answer what the deposit's do, under their own names. */
export const payPurchaseSchema = payDepositSchema.meta({ id: "PayPlanPurchase" });
export const paidPurchaseSchema = paidDepositSchema.meta({ id: "PaidPlanPurchase" });

export const purchaseSchema = z
  .object({
    reference: z.string(),
    status: z
      .enum(["not_due", "due", "processing", "paid", "refunding", "refunded"])
      .describe(
        "due: pay now; processing: a konbini slip waits for the till; refunding, refunded: given back on cancellation or expiry",
      ),
    amountJpy: z.number().int().describe("The plan's price, consumption tax included"),
    consumptionTaxJpy: z.number().int().describe("The consumption tax (10%) included in amountJpy"),
    currency: z.literal("JPY"),
    payBy: z.string().nullable().describe("Unpaid by then, the application expires"),
    konbini: konbiniInstructionsSchema.nullable().describe("The slip of the konbini payment waiting for the till"),
    payments: z.array(paymentSchema),
  })
  .meta({ id: "PlanPurchase" });

export const notificationReceiptSchema = z
  .object({ received: z.literal(true), applied: z.boolean() })
  .meta({ id: "PaymentNotificationReceipt" });

export const topUpSchema = z
  .object({
    id: z.string(),
    status: z.enum(["pending", "credited", "expired"]),
    amountJpy: z.number().int(),
    validityDays: z.number().int(),
    validUntil: z.string().nullable().describe("The line's validity after this top-up was credited"),
    paymentId: z.string().nullable(),
    paymentStatus: paymentSchema.shape.status.nullable(),
    konbini: konbiniInstructionsSchema.nullable(),
  })
  .meta({ id: "TopUp" });

export const requestTopUpSchema = z
  .discriminatedUnion(
    "method",
    [
      z.object({ method: z.literal("konbini") }).strict(),
      z
        .object({
          method: z.literal("voucher"),
          code: z.string().min(1, "must not be empty").max(64, "must be at most 64 characters"),
        })
        .strict(),
    ],
    { error: "must be konbini or voucher" },
  )
  .meta({ id: "RequestTopUp" });

export const topUpParamsSchema = z.object({ reference: z.string().max(40), topUpId: z.uuid() });

export const transferRefundSchema = z
  .object({
    paymentId: z.string(),
    reference: z.string(),
    kind: z.enum(["deposit", "top_up", "purchase"]),
    amountJpy: z.number().int(),
    paidAt: z.string().describe("When the applicant's payment was made"),
    owedSince: z.string().describe("When the refund was found to need a bank transfer"),
    transferredAt: z.string().nullable(),
    transferReference: z.string().nullable(),
  })
  .meta({ id: "TransferRefund" });

export const transferRefundListSchema = z
  .object({ items: z.array(transferRefundSchema) })
  .meta({ id: "TransferRefundList" });

export const transferRefundParamsSchema = z.object({ paymentId: z.uuid({ error: "must be a payment id (UUID)" }) });

export const transferRefundQuerySchema = z.object({
  status: z.enum(["owed", "all"], { error: "must be owed or all" }).default("owed"),
});

export const transferRefundPaidSchema = z
  .object({
    transferReference: z
      .string({ error: "must be a text" })
      .trim()
      .min(1, "must not be empty: the bank's reference of the transfer")
      .max(100, "must be at most 100 characters"),
  })
  .strict()
  .meta({ id: "TransferRefundPaid" });
