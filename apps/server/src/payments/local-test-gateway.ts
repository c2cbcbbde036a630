import { randomUUID } from "node:crypto";
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

export function localTestGateway(options: LocalTestGatewayOptions): LocalTestGateway {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const clock = options.clock ?? (() => new Date());
  const send = options.fetch ?? fetch;
  const byId = new Map<string, Stored>();
  const byKey = new Map<string, Stored>();
  const charges: GatewayPayment[] = [];
  const notifications: SentNotification[] = [];
  const inFlight = new Set<Promise<void>>();

  const view = (p: Stored): GatewayPayment => ({
    paymentId: p.paymentId,
    idempotencyKey: p.idempotencyKey,
    status: p.status,
    amountJpy: p.amountJpy,
    refundedJpy: p.refundedJpy,
    failureCode: p.failureCode,
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

    async capture(paymentId) {
      const payment = find(paymentId);
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
      return payment ? view(payment) : null;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
