import { z } from "zod";

/** Bodies of the deposit and payment routes. */

export const paymentParamsSchema = z.object({ reference: z.string().max(40), paymentId: z.uuid() });

export const payDepositSchema = z
  .object({
    method: z.literal("card", { error: "must be card (the only method for now)" }),
    cardToken: z
      .string()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .describe("The token the payment provider's card form gave; never a card number"),
  })
  .strict()
  .meta({ id: "PayDeposit" });

export const paymentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["deposit", "top_up"]),
    amountJpy: z.number().int(),
    currency: z.literal("JPY"),
    status: z.enum(["pending", "authorized", "captured", "declined", "refunded", "failed"]),
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
    payments: z.array(paymentSchema),
  })
  .meta({ id: "Deposit" });

export const paidDepositSchema = z
  .object({ payment: paymentSchema, state: z.string().describe("The application's state now") })
  .meta({ id: "PaidDeposit" });

export const notificationReceiptSchema = z
  .object({ received: z.literal(true), applied: z.boolean() })
  .meta({ id: "PaymentNotificationReceipt" });
