import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors.ts";

/**
 * The gateway's notifications (webhooks to us): POST /v1/payments/notifications with the header
 *
 *   x-payment-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * as Stripe and most PSPs sign theirs. The signature covers the raw bytes (a re-serialised body
 * would not match) and the timestamp, so a captured notification cannot be replayed after
 * `toleranceSeconds`. Several v1= values may be sent while a secret is being rotated; one match is enough.
 */
export const SIGNATURE_HEADER = "x-payment-signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export const paymentNotificationSchema = z.object({
  /** The gateway's id for this notification: the same on every redelivery. */
  id: z.string().min(1).max(200),
  type: z.literal("payment.updated"),
  createdAt: z.string(),
  /** The payment as the gateway now sees it. */
  payment: z.object({
    paymentId: z.string().min(1).max(200),
    idempotencyKey: z.string().min(1).max(255),
    status: z.enum(["pending", "authorized", "captured", "declined", "refunded", "failed", "expired"]),
    amountJpy: z.number().int().min(0),
    refundedJpy: z.number().int().min(0),
    failureCode: z.string().nullable(),
    konbini: z
      .object({
        paymentNumber: z.string().max(64),
        confirmationNumber: z.string().max(64),
        barcode: z.string().max(128),
        expiresAt: z.string(),
      })
      .optional(),
  }),
});
export type PaymentNotification = z.infer<typeof paymentNotificationSchema>;

export function signNotification(secret: string, rawBody: Buffer | string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmac(secret, timestampSeconds, rawBody)}`;
}

/**
 * Checks the signature and the timestamp, then reads the body. Every refusal is the same 401 to the
 * caller (which part failed is only in the message, for our log): a forger learns nothing.
 */
export function verifyNotification(
  input: { rawBody: Buffer; signatureHeader: string | undefined; secret: string; now: Date },
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): PaymentNotification {
  const parts = (input.signatureHeader ?? "").split(",").map((p) => p.trim().split("="));
  const timestamp = parts.find(([k]) => k === "t")?.[1];
  const signatures = parts.filter(([k]) => k === "v1").map(([, v]) => v ?? "");
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) {
    throw refused(`The ${SIGNATURE_HEADER} header is missing or malformed`);
  }
  const seconds = Number(timestamp);
  if (Math.abs(input.now.getTime() / 1000 - seconds) > toleranceSeconds) {
    throw refused(`The notification's timestamp is more than ${toleranceSeconds} s away from ours`);
  }
  const expected = Buffer.from(hmac(input.secret, seconds, input.rawBody), "hex");
  const matches = signatures.some((s) => {
    const given = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, "hex") : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw refused("The notification's signature does not match");

  let json: unknown;
  try {
    json = JSON.parse(input.rawBody.toString("utf8"));
  } catch {
    throw new AppError("malformed_request", "The notification body is not JSON");
  }
  const parsed = paymentNotificationSchema.safeParse(json);
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "body", reason: i.message })),
    );
  }
  return parsed.data;
}

function hmac(secret: string, timestampSeconds: number, rawBody: Buffer | string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.`).update(rawBody).digest("hex");
}

function refused(detail: string): AppError {
  return new AppError("payment_signature_invalid", detail);
}
