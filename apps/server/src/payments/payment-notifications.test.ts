import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { signNotification, verifyNotification } from "./payment-notifications.ts";

const secret = "whsec_test_0123456789abcdef0123456789abcdef";
const now = new Date("2025-06-10T03:00:00Z");
const t = Math.floor(now.getTime() / 1000);
const body = JSON.stringify({
  id: "evt_1",
  type: "payment.updated",
  createdAt: now.toISOString(),
  payment: {
    paymentId: "pay_1",
    idempotencyKey: "deposit_1",
    status: "captured",
    amountJpy: 10000,
    refundedJpy: 0,
    failureCode: null,
  },
});

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
}

describe("payment notification signatures", () => {
  it("accepts the signature over the raw body and timestamp", () => {
    const verified = verifyNotification({
      rawBody: Buffer.from(body),
      signatureHeader: signNotification(secret, body, t),
      secret,
      now,
    });
    expect(verified.payment.status).toBe("captured");
  });

  it("accepts any one matching v1 while a secret is rotated", () => {
    const header = `${signNotification("whsec_old_secret_value_000000000000000", body, t)},${signNotification(secret, body, t).split(",")[1]}`;
    expect(code(() => verifyNotification({ rawBody: Buffer.from(body), signatureHeader: header, secret, now }))).toBe(
      null,
    );
  });

  it.each([
    ["a changed body", body.replace("10000", "1"), signNotification(secret, body, t)],
    ["the same JSON re-spaced", JSON.stringify(JSON.parse(body), null, 1), signNotification(secret, body, t)],
    ["another secret", body, signNotification("whsec_someone_else_0000000000000000000", body, t)],
    ["a timestamp moved", body, signNotification(secret, body, t).replace(`t=${t}`, `t=${t + 1}`)],
    ["a stale timestamp (301 s)", body, signNotification(secret, body, t - 301)],
    ["a future timestamp (301 s)", body, signNotification(secret, body, t + 301)],
    ["no header", body, undefined],
    ["a malformed header", body, "sha256=abc"],
    ["a short signature", body, `t=${t},v1=abcd`],
  ])("refuses %s with payment_signature_invalid", (_name, raw, header) => {
    expect(code(() => verifyNotification({ rawBody: Buffer.from(raw), signatureHeader: header, secret, now }))).toBe(
      "payment_signature_invalid",
    );
  });

  it("accepts a timestamp just inside the tolerance", () => {
    const header = signNotification(secret, body, t - 300);
    expect(code(() => verifyNotification({ rawBody: Buffer.from(body), signatureHeader: header, secret, now }))).toBe(
      null,
    );
  });

  it("a well-signed body that is not a notification is a validation error, not a 401", () => {
    const raw = JSON.stringify({ hello: "world" });
    const header = signNotification(secret, raw, t);
    expect(code(() => verifyNotification({ rawBody: Buffer.from(raw), signatureHeader: header, secret, now }))).toBe(
      "validation_failed",
    );
  });
});
