import { creditOutcomes, creditReasonCodes } from "@jitsumei/domain";
import { z } from "zod";
import { cardTokenSchema } from "./payment-schemas.ts";

/** Bodies and answers of the credit routes (consent, payment method, non-payment). */

export const creditConsentBodySchema = z
  .object({
    accept: z.literal(true, { error: "must be true: the consent is given by accepting the text" }),
    textVersion: z.string().min(1, "must not be empty").max(100).describe("The version of the text the applicant read"),
  })
  .strict()
  .meta({ id: "CreditConsent" });

export const creditConsentResultSchema = z.object({
  textVersion: z.string(),
  givenAt: z.string(),
  reassessed: z.boolean().describe("The application was in review: its credit was assessed again at once"),
});

const digits = (n: number, what: string) =>
  z.string().regex(new RegExp(`^\\d{${n}}$`), `must be the ${n}-digit ${what}`);

export const paymentMethodBodySchema = z
  .discriminatedUnion(
    "type",
    [
      z
        .object({
          type: z.literal("card"),
          cardToken: cardTokenSchema,
        })
        .strict(),
      z
        .object({
          type: z.literal("bank"),
          bankCode: digits(4, "bank code (金融機関コード)"),
          branchCode: digits(3, "branch code (支店コード)"),
          accountType: z.enum(["ordinary", "current"], { error: "must be ordinary (普通) or current (当座)" }),
          accountNumber: digits(7, "account number"),
          holderKana: z
            .string()
            .trim()
            .min(1, "must not be empty")
            .max(60)
            .regex(/^[\p{Script=Katakana}ー・\s（）()．.]+$/u, "must be written in katakana, as the bank holds it"),
        })
        .strict(),
    ],
    { error: "must be card or bank" },
  )
  .meta({ id: "PaymentMethod" });

export const paymentMethodResultSchema = z.object({
  type: z.enum(["card", "bank"]),
  status: z.literal("verified"),
  display: z.string(),
});

export const creditViewSchema = z
  .object({
    required: z.boolean().describe("Postpaid plans only"),
    consent: z.object({
      given: z.boolean(),
      textVersion: z.string(),
      text: z.string().describe("The consent text in the application's language"),
      language: z.string(),
      givenAt: z.string().nullable(),
    }),
    paymentMethod: z.object({ type: z.string(), status: z.string(), display: z.string() }).nullable(),
    assessment: z
      .object({
        outcome: z.enum(creditOutcomes),
        assessedAt: z.string(),
        summary: z.string(),
        reasons: z.array(z.object({ code: z.enum(creditReasonCodes), message: z.string() })),
      })
      .nullable()
      .describe("In plain words; never what other carriers registered"),
  })
  .meta({ id: "Credit" });

export const nonpaymentTerminationBodySchema = z
  .object({ unpaidJpy: z.number().int().min(1, "must be at least 1").max(10_000_000) })
  .strict();
export const nonpaymentSettlementBodySchema = z
  .object({ paidJpy: z.number().int().min(1, "must be at least 1").max(10_000_000) })
  .strict();
