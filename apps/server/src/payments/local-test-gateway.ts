import { randomInt, randomUUID } from "node:crypto";
import {
  type AuthorizeRequest,
  type GatewayPayment,
  type PaymentGateway,
  PaymentGatewayError,
  PaymentGatewayTimeout,
} from "./payment-gateway.ts";
import { type PaymentNotification, SIGNATURE_HEADER, signNotification } from "./payment-notifications.ts";

/**
 * A payment gateway in process, for development and tests. It keeps its payments in memory, honours
 * idempotency keys as a real PSP does, and is steered by the card token:
 */
export const testCardTokens = {
  /** Authorised and captured. */
  ok: "tok_test_ok",
  /** Declined by the card issuer. */
  decline: "tok_test_decline",
  /** Never answers: the call hangs for `timeoutMs`, then throws PaymentGatewayTimeout. Nothing is charged. */
  timeout: "tok_test_timeout",
  /** Authorised, but the capture fails. */
  captureFails: "tok_test_capture_fails",
} as const;

/** A notification as sent: the exact bytes and the signature header, for tests to deliver again. */
export type SentNotification = {
  notification: PaymentNotification;
  rawBody: string;
  headers: Record<string, string>;
  /** The HTTP status our server answered, or null when it was not delivered over HTTP. */
  deliveredStatus: number | null;
};

export type LocalTestGateway = PaymentGateway & {
  /** Authorisations the gateway made (each is one charge on a card). */
  readonly charges: readonly GatewayPayment[];
  readonly notifications: readonly SentNotification[];
  /**
   * The convenience store's till: the payer hands over cash for this payment number. Captured and
   * notified, as a real provider's 入金通知; after the deadline the till refuses (PaymentGatewayError
   * "konbini_expired"), and an unknown number is refused too ("payment_not_found").
   */
  payAtKonbini(paymentNumber: string, store?: string): Promise<GatewayPayment>;
  /** What the till shows once the payment number is keyed in (null: no slip has this number). */
  findKonbiniSlip(paymentNumber: string): GatewayPayment | null;
  /** Waits for every notification in flight. */
  settle(): Promise<void>;
};

export type LocalTestGatewayOptions = {
  /** Signs the notifications (the gateway's shared secret). */
  secret: string;
  /**
   * Where to POST notifications (our server's /v1/payments/notifications), read at each send: the
   * server's address is known only once it listens. null or absent: notifications are only kept in
   * `notifications` for a test to deliver.
   */
  notifyUrl?: () => string | null;
  /** How long a call may take before it times out (default 10 s, as a real adapter's HTTP timeout). */
  timeoutMs?: number;
  clock?: () => Date;
  fetch?: typeof fetch;
};

type Stored = GatewayPayment & { token: string };

/** Konbini slips are valid for three days unless the request asks otherwise (providers allow 1–60). */
const DEFAULT_KONBINI_HOURS = 72;

export function localTestGateway(options: LocalTestGatewayOptions): LocalTestGateway {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const clock = options.clock ?? (() => new Date());
  const send = options.fetch ?? fetch;
  const byId = new Map<string, Stored>();
  const byKey = new Map<string, Stored>();
  const charges: GatewayPayment[] = [];
  const notifications: SentNotification[] = [];
  const inFlight = new Set<Promise<void>>();

  const byNumber = new Map<string, Stored>();

  // An unpaid konbini slip past its deadline is expired the moment anyone looks, as at a provider.
  const expireIfDue = (p: Stored): void => {
    if (p.konbini && p.status === "pending" && Date.parse(p.konbini.expiresAt) <= clock().getTime()) {
      p.status = "expired";
      p.failureCode = "konbini_expired";
      notify(p);
    }
  };

  const view = (p: Stored): GatewayPayment => ({
    paymentId: p.paymentId,
    idempotencyKey: p.idempotencyKey,
    status: p.status,
    amountJpy: p.amountJpy,
    refundedJpy: p.refundedJpy,
    failureCode: p.failureCode,
    ...(p.konbini ? { konbini: { ...p.konbini } } : {}),
  });

  function notify(payment: Stored): void {
    const notification: PaymentNotification = {
      id: `evt_${randomUUID()}`,
      type: "payment.updated",
      createdAt: clock().toISOString(),
      payment: view(payment),
    };
    const rawBody = JSON.stringify(notification);
    const headers = {
      "content-type": "application/json",
      [SIGNATURE_HEADER]: signNotification(options.secret, rawBody, Math.floor(clock().getTime() / 1000)),
    };
    const sent: SentNotification = { notification, rawBody, headers, deliveredStatus: null };
    notifications.push(sent);
    const url = options.notifyUrl?.() ?? null;
    if (!url) return;
    // Delivered after the call that caused it has answered, as a real gateway's webhook arrives:
    // it may overtake our own recording of the answer, which the receiving side must allow.
    const delivery = (async () => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const response = await send(url, { method: "POST", headers, body: rawBody });
          sent.deliveredStatus = response.status;
          await response.arrayBuffer();
          if (response.ok || response.status === 401) return;
        } catch {
          // The server may be stopping (tests) or restarting: try again shortly.
        }
        await sleep(50 * attempt);
      }
    })();
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  }

  function find(idOrKey: string): Stored {
    const payment = byId.get(idOrKey) ?? byKey.get(idOrKey);
    if (!payment) throw new PaymentGatewayError("payment_not_found", `The gateway knows no payment ${idOrKey}`);
    return payment;
  }

  return {
    name: "local-test",
    charges,
    notifications,
    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },

    async authorize(request: AuthorizeRequest) {
      const known = byKey.get(request.idempotencyKey);
      if (known) {
        if (known.amountJpy !== request.amountJpy) {
          throw new PaymentGatewayError("idempotency_mismatch", "This key was used with another amount");
        }
        return view(known);
      }
      if (request.method.kind === "konbini") {
        const hours = request.method.deadlineHours ?? DEFAULT_KONBINI_HOURS;
        const paymentNumber = digits(12);
        const payment: Stored = {
          paymentId: `pay_${randomUUID()}`,
          idempotencyKey: request.idempotencyKey,
          status: "pending",
          amountJpy: request.amountJpy,
          refundedJpy: 0,
          failureCode: null,
          token: "konbini",
          konbini: {
            paymentNumber,
            confirmationNumber: digits(6),
            barcode: konbiniBarcode(paymentNumber, request.amountJpy, clock(), hours),
            expiresAt: new Date(clock().getTime() + hours * 3_600_000).toISOString(),
          },
        };
        byId.set(payment.paymentId, payment);
        byKey.set(payment.idempotencyKey, payment);
        byNumber.set(paymentNumber, payment);
        notify(payment);
        return view(payment);
      }
      const token = request.method.token;
      if (token === testCardTokens.timeout) {
        await sleep(timeoutMs);
        throw new PaymentGatewayTimeout("authorize", timeoutMs);
      }
      const declined = token === testCardTokens.decline || !token.startsWith("tok_test_");
      const payment: Stored = {
        paymentId: `pay_${randomUUID()}`,
        idempotencyKey: request.idempotencyKey,
        status: declined ? "declined" : "authorized",
        amountJpy: request.amountJpy,
        refundedJpy: 0,
        failureCode: declined ? (token === testCardTokens.decline ? "card_declined" : "invalid_card_token") : null,
        token,
      };
      byId.set(payment.paymentId, payment);
      byKey.set(payment.idempotencyKey, payment);
      if (!declined) charges.push(view(payment));
      notify(payment);
      return view(payment);
    },

    findKonbiniSlip(paymentNumber) {
      const payment = byNumber.get(paymentNumber);
      if (!payment) return null;
      expireIfDue(payment);
      return view(payment);
    },

    async payAtKonbini(paymentNumber) {
      const payment = byNumber.get(paymentNumber);
      if (!payment) throw new PaymentGatewayError("payment_not_found", "No konbini payment has this number");
      expireIfDue(payment);
      if (payment.status === "expired")
        throw new PaymentGatewayError("konbini_expired", "The payment slip has expired");
      if (payment.status === "pending") {
        payment.status = "captured";
        charges.push(view(payment));
        notify(payment);
      }
      return view(payment);
    },

    async capture(paymentId) {
      const payment = find(paymentId);
      if (payment.konbini) return view(payment);
      if (payment.status === "captured" || payment.status === "refunded") return view(payment);
      if (payment.status !== "authorized") {
        throw new PaymentGatewayError("not_capturable", `A ${payment.status} payment cannot be captured`);
      }
      if (payment.token === testCardTokens.captureFails) {
        payment.status = "failed";
        payment.failureCode = "capture_failed";
      } else {
        payment.status = "captured";
      }
      notify(payment);
      return view(payment);
    },

    async refund(paymentId, amountJpy) {
      const payment = find(paymentId);
      if (payment.konbini) {
        throw new PaymentGatewayError(
          "not_refundable",
          "Konbini payments are refunded by bank transfer, not by the till",
        );
      }
      if (payment.status === "refunded") return view(payment);
      if (payment.status === "authorized") {
        // Releasing a hold: nothing was taken, so nothing is paid back.
        payment.status = "refunded";
        notify(payment);
        return view(payment);
      }
      if (payment.status !== "captured") {
        throw new PaymentGatewayError("not_refundable", `A ${payment.status} payment cannot be refunded`);
      }
      const left = payment.amountJpy - payment.refundedJpy;
      const amount = amountJpy ?? left;
      if (amount <= 0 || amount > left) {
        throw new PaymentGatewayError("refund_too_large", `At most ${left} JPY can be refunded`);
      }
      payment.refundedJpy += amount;
      if (payment.refundedJpy === payment.amountJpy) payment.status = "refunded";
      notify(payment);
      return view(payment);
    },

    async status(idOrKey) {
      const payment = byId.get(idOrKey) ?? byKey.get(idOrKey);
      if (payment) expireIfDue(payment);
      return payment ? view(payment) : null;
    },
  };
}

function digits(n: number): string {
  return Array.from({ length: n }, () => String(randomInt(10))).join("");
}

/**
 * The shape of a GS1-128 convenience-store slip (コンビニ収納用バーコード, 44 digits): AI 91, a made-up
 * collector code, the payment number, the deadline (YYMMDD), a stamp-duty flag and the amount, then a
 * modulus-10 weight-3 check digit as GS1 uses. The digits only need to read back in tests.
 */
function konbiniBarcode(paymentNumber: string, amountJpy: number, now: Date, hours: number): string {
  const deadline = new Date(now.getTime() + hours * 3_600_000).toISOString().slice(2, 10).replaceAll("-", "");
  const body = `91${"909999"}${paymentNumber.padStart(20, "0")}${deadline}0${String(amountJpy).padStart(6, "0")}`
    .padEnd(43, "0")
    .slice(0, 43);
  let sum = 0;
  for (const [i, c] of [...body].reverse().entries()) sum += Number(c) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
