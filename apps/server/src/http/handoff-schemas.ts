import { z } from "zod";
import { handoffPurposes } from "../handoff/handoff-tokens.ts";

/** Bodies and answers of the hand-off routes (a QR code from one device to another). */

export const handoffBodySchema = z
  .object({
    purpose: z
      .enum(handoffPurposes, { error: `must be one of ${handoffPurposes.join(", ")}` })
      .describe(
        "chip_reader: a native reader app on the phone reads the IC chip; continue_on_phone: the applicant goes on in the phone's browser",
      ),
  })
  .strict()
  .meta({ id: "HandoffRequest" });

export const handoffIssuedSchema = z
  .object({
    token: z.string().describe("Single-use hand-off token (jho_…); only its SHA-256 is stored"),
    url: z
      .string()
      .describe("What the QR code shows: PUBLIC_URL/reader/{reference}#token or PUBLIC_URL/continue/{reference}#token"),
    purpose: z.enum(handoffPurposes),
    expiresAt: z.string().describe("After this the token is refused (HANDOFF_TOKEN_MINUTES after issue)"),
  })
  .meta({ id: "HandoffIssued" });

export const handoffExchangeBodySchema = z
  .object({
    reference: z.string().min(1, "must not be empty").max(40).describe("The application the QR code named"),
    token: z
      .string()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .describe("The hand-off token from the QR code's URL (after #)"),
  })
  .strict()
  .meta({ id: "HandoffExchange" });

export const handoffSessionSchema = z
  .object({
    reference: z.string(),
    accessToken: z
      .string()
      .describe("A session on this application (jas_…): send it as 'Authorization: Bearer …' like the access token"),
    purpose: z.enum(handoffPurposes),
    expiresAt: z.string().describe("When the session ends (APPLICANT_SESSION_HOURS after the exchange)"),
  })
  .meta({ id: "HandoffSession" });
