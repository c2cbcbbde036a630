/**
 * The payment gateway port: the only way Jitsumei takes or returns money. Implementations:
 * `local-test-gateway.ts` (in process, steerable by magic card tokens, for development and tests).
 *
 * The shape follows how Japanese payment service providers (決済代行会社) work, so a real adapter is
 * a thin translation. For GMO Payment Gateway's card API, for example:
 * - `authorize` → EntryTran (OrderID = our `idempotencyKey`, Amount, JobCd=AUTH) then ExecTran with
 *   the card token from the PSP's JavaScript (we never see a card number: PCI DSS stays with the
 *   PSP). EntryTran refuses an OrderID it has seen (E01040010); the adapter then calls SearchTrade
 *   with the OrderID and returns what that payment became: the same key never charges twice.
 * - `capture` → AlterTran JobCd=SALES; `refund` → AlterTran JobCd=VOID (same day, or before
 *   capture) or RETURN, ChangeTran for a partial amount; `status` → SearchTrade.
 * - Declines come back as ErrInfo codes (e.g. 42G…): they map to `{ status: "declined", declineCode }`,
 *   not exceptions. Only a missing answer is an exception (`PaymentGatewayTimeout`), because then we
 *   do not know whether money moved.
 * - The PSP's result notification (結果通知プログラム) becomes a POST to /v1/payments/notifications;
 *   the adapter's receiving side verifies it as `verifyNotification` does (PSPs that sign with their
 *   own scheme, or only by a shared secret and source IP, get their own verifier) and translates the
 *   body into a `PaymentNotification`.
 * Stripe (PaymentIntents with capture_method=manual, Idempotency-Key, Stripe-Signature) maps the same way.
 */

/**
 * How the payer pays. `konbini` (コンビニ決済): no card; the gateway answers `pending` with a payment
 * number, a barcode and a deadline; the payer pays cash at a convenience store's till and the
 * gateway's signed notification reports it `captured`, or it becomes `expired` when unpaid by the
 * deadline (no money moved).
 *
 * A real konbini adapter (GMO-PG's CvsEntryTran/CvsExecTran, SB Payment Service, Stripe's
 * `konbini` payment method) maps the same way:
 * - `authorize` with `{ kind: "konbini" }` → the entry + execute calls with our `idempotencyKey` as the
 *   order id and the payment deadline (PaymentTermDay); the answer's receipt number (受付番号 /
 *   払込票番号), confirmation number (確認番号) and the slip URL or barcode data become `konbini`;
 * - the result notification (入金通知) with the paid store and time → `captured` (one call only:
 *   cash is taken, there is no separate capture); the deadline passing → `expired`;
 * - `refund` of a konbini payment is not possible through the till: the adapter throws
 *   PaymentGatewayError("not_refundable") and the operator refunds by bank transfer.
 */
export type PaymentMethodInput = { kind: "card"; token: string } | { kind: "konbini"; deadlineHours?: number };

/** What the payer takes to the convenience store. */
export type KonbiniInstructions = {
  /** The number typed at the till or the store's kiosk (払込票番号 / お客様番号). */
  paymentNumber: string;
  /** The second number some chains ask for (確認番号). */
  confirmationNumber: string;
  /** The payment slip's barcode data (GS1-128 コンビニ収納用, 44 digits), for the till's scanner. */
  barcode: string;
  expiresAt: string;
};

export type AuthorizeRequest = {
  amountJpy: number;
  /** Our key for this payment (the merchant's order id). The same key always gives the same payment. */
  idempotencyKey: string;
  method: PaymentMethodInput;
  /** Shown in the gateway's console: the application reference, never personal data. */
  reference: string;
};

export type GatewayPaymentStatus =
  | "pending"
  | "authorized"
  | "captured"
  | "declined"
  | "refunded"
  | "failed"
  | "expired";

export type GatewayPayment = {
  paymentId: string;
  idempotencyKey: string;
  status: GatewayPaymentStatus;
  amountJpy: number;
  refundedJpy: number;
  /** Why a card was declined or a step failed, in the gateway's words (e.g. "card_declined"). */
  failureCode: string | null;
  /** Konbini payments: what the payer takes to the store. */
  konbini?: KonbiniInstructions;
};

export type PaymentGateway = {
  /** Stored with each payment: which gateway its id belongs to. */
  readonly name: string;
  /** Reserves the amount on the card. A decline is an answer (`status: "declined"`), not an exception. */
  authorize(request: AuthorizeRequest): Promise<GatewayPayment>;
  /** Takes the reserved amount. A failure is an answer (`status: "failed"`). Capturing twice changes nothing. */
  capture(paymentId: string): Promise<GatewayPayment>;
  /** Gives back `amountJpy` (default: all that is left). An authorised payment is released instead. */
  refund(paymentId: string, amountJpy?: number): Promise<GatewayPayment>;
  /** What the gateway knows of a payment, by its id or our idempotency key; null when it knows none. */
  status(paymentIdOrKey: string): Promise<GatewayPayment | null>;
};

/** No answer in time: the payment may or may not have happened; ask `status` (or wait for the notification). */
export class PaymentGatewayTimeout extends Error {
  constructor(operation: string, ms: number) {
    super(`The payment gateway did not answer ${operation} within ${ms} ms`);
    this.name = "PaymentGatewayTimeout";
  }
}

/** The gateway refused the request itself (unknown payment, amount too large): a bug or a race, not a decline. */
export class PaymentGatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "PaymentGatewayError";
  }
}
