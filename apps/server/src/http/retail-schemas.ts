import { languages, packageStatuses, retailChannels, voidReasons } from "@jitsumei/domain";
import { z } from "zod";
import { contactSchema } from "./schemas.ts";

/** Bodies and answers of the retail routes: package batches, sales, registrations. */

export const createBatchSchema = z
  .object({
    planId: z.string().min(1, "must not be empty").max(100),
    channel: z.enum(retailChannels, { error: `must be one of ${retailChannels.join(", ")}` }),
    count: z
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(10_000, "must be at most 10000 (larger batches: the CLI)"),
  })
  .strict()
  .meta({ id: "CreatePackageBatch" });

export const batchSummarySchema = z
  .object({
    batchId: z.string(),
    planId: z.string(),
    channel: z.enum(retailChannels),
    formFactor: z.enum(["physical", "esim"]),
    count: z.number().int(),
    createdAt: z.string(),
    statuses: z.record(z.enum(packageStatuses), z.number().int()),
  })
  .meta({ id: "PackageBatch" });

export const batchListSchema = z.object({ items: z.array(batchSummarySchema) }).meta({ id: "PackageBatchList" });

export const batchListQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(20),
});

export const batchCodesSchema = z
  .object({
    batchId: z.string(),
    planId: z.string(),
    channel: z.enum(retailChannels),
    formFactor: z.enum(["physical", "esim"]),
    items: z.array(
      z.object({
        serial: z.number().int(),
        code: z.string().describe("The registration code as printed on the package"),
        link: z.string().describe("The registration link its QR code opens"),
        iccid: z.string().nullable(),
        status: z.enum(packageStatuses),
      }),
    ),
  })
  .meta({ id: "PackageBatchCodes" });

export const batchParamsSchema = z.object({ batchId: z.uuid({ error: "must be a batch id (UUID)" }) });
export const packageParamsSchema = z.object({ packageId: z.uuid({ error: "must be a package id (UUID)" }) });

export const voidPackageSchema = z
  .object({ reason: z.enum(voidReasons, { error: `must be one of ${voidReasons.join(", ")}` }) })
  .strict()
  .meta({ id: "VoidPackage" });

export const sellPackageSchema = z
  .object({ code: z.string().min(1, "must not be empty").max(64, "must be at most 64 characters") })
  .strict()
  .meta({ id: "SellPackage" });

export const packageViewSchema = z
  .object({
    packageId: z.string(),
    batchId: z.string(),
    serial: z.number().int(),
    codeHint: z.string().describe("The code's first group, to find the package by eye"),
    planId: z.string(),
    channel: z.string(),
    status: z.enum(packageStatuses),
    soldAt: z.string().nullable(),
  })
  .meta({ id: "RetailPackage" });

export const registerPackageSchema = z
  .object({
    code: z
      .string()
      .min(1, "must not be empty")
      .max(64, "must be at most 64 characters")
      .describe("As printed or typed: case, spaces and hyphens do not matter; O reads as 0, I and L as 1"),
    language: z
      .enum(languages, { error: `must be one of ${languages.join(", ")}` })
      .optional()
      .describe("Default: the browser's Accept-Language, else English"),
    contact: contactSchema,
  })
  .strict()
  .meta({ id: "RegisterPackage" });

export const registeredPackageSchema = z
  .object({
    reference: z.string(),
    accessToken: z.string().describe("Secret bearer token: the applicant's only key to the application"),
    state: z.literal("draft"),
    formFactor: z.enum(["physical", "esim"]),
    planId: z.string(),
    language: z.enum(languages),
    packageHint: z.string(),
  })
  .meta({ id: "RegisteredPackage" });

export const konbiniSimulatorSchema = z
  .object({ paymentNumber: z.string().min(1, "must not be empty").max(64) })
  .strict()
  .meta({ id: "KonbiniSimulatorPayment" });

export const counterParamsSchema = z.object({ reference: z.string().min(1).max(40) });

export const counterSaleSchema = registeredPackageSchema
  .extend({ paymentId: z.string().describe("The price taken at the counter's till, for the receipt") })
  .meta({ id: "CounterSale" });

export const counterActivatedSchema = z
  .object({ reference: z.string(), state: z.literal("active"), msisdn: z.string(), iccid: z.string() })
  .meta({ id: "CounterActivation" });
