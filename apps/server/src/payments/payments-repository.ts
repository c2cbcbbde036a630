import { type DepositDecision, mayMovePayment, type PaymentStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import { forgetLockedApplications } from "../applications/applications-repository.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import type { Applications, DepositDecisions, Payments } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * The payments tables, read and written only here: payments, their events, deposit decisions.
 */
export type { PaymentStatus };
export type PaymentMethod = "card" | "konbini" | "counter";
export type PaymentKind = "deposit" | "top_up" | "purchase";
export type PaymentSource = "request" | "notification" | "job" | "system" | "staff";

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
/** A payment still under way or holding the money (one live deposit or purchase per application). */
const LIVE: readonly PaymentStatus[] = ["pending", "authorized", "captured"];
/** A payment that took money (a receipt is owed for it). */
const TOOK_MONEY: readonly PaymentStatus[] = ["captured", "refunded"];
/** A new payment starts pending (a literal of its INSERT). */
const PENDING = sqlStatus<PaymentStatus>("pending");

export type PaymentRow = {
  id: string;
  applicationId: string;
  kind: PaymentKind;
  amountJpy: number;
  currency: "JPY";
  method: PaymentMethod;
  status: PaymentStatus;
  gateway: string;
  gatewayPaymentId: string | null;
  idempotencyKey: string;
  refundedJpy: number;
  refundRequestedAt: Date | null;
  failureCode: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Where a payment may go: the domain's table (packages/domain/src/lifecycles/payment.ts). */
export function mayMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return mayMovePayment(from, to);
}

/** A row of `payments` as the generated schema types it; `fromRaw` narrows it to a PaymentRow. */
type Raw = Selectable<Payments>;

function fromRaw(r: Raw): PaymentRow {
  return {
    id: String(r.id),
    applicationId: String(r.application_id),
    kind: r.kind as PaymentKind,
    amountJpy: Number(r.amount_jpy),
    currency: "JPY",
    method: r.method as PaymentMethod,
    status: r.status as PaymentStatus,
    gateway: r.gateway,
    gatewayPaymentId: r.gateway_payment_id ?? null,
    idempotencyKey: r.idempotency_key,
    refundedJpy: Number(r.refunded_jpy),
    refundRequestedAt: r.refund_requested_at ?? null,
    failureCode: r.failure_code ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertPayment(
  tx: Queryable,
  input: {
    id: string;
    applicationId: string;
    kind: PaymentKind;
    amountJpy: number;
    gateway: string;
    idempotencyKey: string;
    method?: PaymentMethod;
  },
): Promise<PaymentRow> {
  const { rows } = await tx.query<Raw>(
    `INSERT INTO payments (id, application_id, kind, amount_jpy, method, status, gateway, idempotency_key)
     VALUES ($1, $2, $3, $4, $7, ${PENDING}, $5, $6) RETURNING *`,
    [
      input.id,
      input.applicationId,
      input.kind,
      input.amountJpy,
      input.gateway,
      input.idempotencyKey,
      input.method ?? "card",
    ],
  );
  const payment = fromRaw(rows[0] as Raw); // RETURNING * of the row just inserted
  await logPaymentEvent(tx, payment.id, { kind: "created", to: "pending", source: "request" });
  return payment;
}

export async function findPayment(db: Queryable, id: string): Promise<PaymentRow | null> {
  const { rows } = await db.query<Raw>("SELECT * FROM payments WHERE id = $1", [id]);
  return rows[0] ? fromRaw(rows[0]) : null;
}

export async function findPaymentByKey(db: Queryable, idempotencyKey: string): Promise<PaymentRow | null> {
  const { rows } = await db.query<Raw>("SELECT * FROM payments WHERE idempotency_key = $1", [idempotencyKey]);
  return rows[0] ? fromRaw(rows[0]) : null;
}

export async function lockPayment(tx: Queryable, id: string): Promise<PaymentRow | null> {
  const { rows } = await tx.query<Raw>("SELECT * FROM payments WHERE id = $1 FOR UPDATE", [id]);
  return rows[0] ? fromRaw(rows[0]) : null;
}

/**
 * The deposit's (or the online purchase's) payment in flight or paid, if any: at most one of each
 * (payments_one_live_deposit, payments_one_live_purchase).
 */
export async function liveApplicationPayment(
  db: Queryable,
  applicationId: string,
  kind: "deposit" | "purchase",
): Promise<PaymentRow | null> {
  const { rows } = await db.query<Raw>(
    `SELECT * FROM payments WHERE application_id = $1 AND kind = $2 AND method <> 'counter'
       AND status = ANY($3::text[])`,
    [applicationId, kind, LIVE],
  );
  return rows[0] ? fromRaw(rows[0]) : null;
}

export async function listPayments(db: Queryable, applicationId: string): Promise<PaymentRow[]> {
  const { rows } = await db.query<Raw>("SELECT * FROM payments WHERE application_id = $1 ORDER BY created_at, id", [
    applicationId,
  ]);
  return rows.map(fromRaw);
}

export type PaymentChange = {
  to: PaymentStatus;
  gatewayPaymentId?: string | null;
  refundedJpy?: number;
  failureCode?: string | null;
  source: PaymentSource;
  notificationId?: string;
  /** The application's reference, for the audit entry (never personal data). */
  reference: string;
};

/**
 * Moves a locked payment to what the gateway says, logs the event and audits it. Returns the row as
 * it now is and whether its status changed; a move the table does not allow changes nothing (a late
 * or repeated notification).
 */
export async function movePayment(
  tx: Queryable,
  payment: PaymentRow,
  change: PaymentChange,
): Promise<{ payment: PaymentRow; moved: boolean }> {
  const statusMoves = change.to !== payment.status && mayMove(payment.status, change.to);
  const refundedJpy = Math.max(payment.refundedJpy, change.refundedJpy ?? payment.refundedJpy);
  const refundMoves = refundedJpy !== payment.refundedJpy && (statusMoves || change.to === payment.status);
  if (!statusMoves && !refundMoves) return { payment, moved: false };
  const to = statusMoves ? change.to : payment.status;
  const { rows } = await tx.query<Raw>(
    `UPDATE payments SET status = $2, gateway_payment_id = coalesce($3, gateway_payment_id), refunded_jpy = $4,
       failure_code = coalesce($5, failure_code), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [payment.id, to, change.gatewayPaymentId ?? null, refundedJpy, change.failureCode ?? null],
  );
  const updated = fromRaw(rows[0] as Raw); // RETURNING * of the locked row
  await logPaymentEvent(tx, payment.id, {
    kind: statusMoves ? "status_changed" : "partially_refunded",
    from: payment.status,
    to,
    source: change.source,
    data: { refundedJpy, failureCode: change.failureCode ?? null },
  });
  await appendAuditEntry(tx, {
    actor: "system",
    action: "payment.status_changed",
    subject: change.reference,
    data: {
      paymentId: payment.id,
      kind: payment.kind,
      from: payment.status,
      to,
      amountJpy: payment.amountJpy,
      refundedJpy,
      source: change.source,
    },
  });
  return { payment: updated, moved: statusMoves };
}

export async function logPaymentEvent(
  tx: Queryable,
  paymentId: string,
  event: {
    kind: string;
    from?: PaymentStatus;
    to?: PaymentStatus;
    source: PaymentSource;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO payment_events (payment_id, kind, from_status, to_status, source, data)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [paymentId, event.kind, event.from ?? null, event.to ?? null, event.source, JSON.stringify(event.data ?? {})],
  );
}

/** Records a notification's arrival; false when this notification id was recorded before (a redelivery). */
export async function recordNotification(
  tx: Queryable,
  paymentId: string,
  notificationId: string,
  data: Record<string, unknown>,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO payment_events (payment_id, kind, source, notification_id, data)
     VALUES ($1, 'notification_received', 'notification', $2, $3)
     ON CONFLICT (notification_id) DO NOTHING`,
    [paymentId, notificationId, JSON.stringify(data)],
  );
  return rowCount > 0;
}

/**
 * Marks the application's live deposit and online purchase payments for refund, once; returns the
 * ones newly marked. A counter sale's price was taken by the shop's till, which gives it back.
 */
export async function markChargesForRefund(
  tx: Queryable,
  applicationId: string,
  kinds: readonly ("deposit" | "purchase")[],
): Promise<PaymentRow[]> {
  const { rows } = await tx.query<Raw>(
    `UPDATE payments SET refund_requested_at = now(), updated_at = now()
     WHERE application_id = $1 AND kind = ANY($2::text[]) AND method <> 'counter'
       AND status = ANY($3::text[]) AND refund_requested_at IS NULL
     RETURNING *`,
    [applicationId, kinds, LIVE],
  );
  return rows.map(fromRaw);
}

export type StoredDepositDecision = {
  required: boolean;
  amountJpy: number;
  reasons: string[];
  rulesVersion: string;
  decidedAt: Date;
};

export async function findDepositDecision(db: Queryable, applicationId: string): Promise<StoredDepositDecision | null> {
  const { rows } = await db.query<Selectable<DepositDecisions>>(
    "SELECT * FROM deposit_decisions WHERE application_id = $1",
    [applicationId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    required: r.required,
    amountJpy: Number(r.amount_jpy),
    reasons: r.reasons ?? [],
    rulesVersion: r.rules_version,
    decidedAt: r.decided_at,
  };
}

/**
 * Stores the decision and sets applications.deposit_required, the lifecycle guard that sends a signed
 * contract to deposit_pending. A later decision (new billing method, extended stay) replaces it.
 */
export async function storeDepositDecision(
  tx: Queryable,
  applicationId: string,
  decision: DepositDecision,
): Promise<void> {
  await tx.query(
    `INSERT INTO deposit_decisions (application_id, required, amount_jpy, reasons, rules_version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (application_id) DO UPDATE SET required = EXCLUDED.required, amount_jpy = EXCLUDED.amount_jpy,
       reasons = EXCLUDED.reasons, rules_version = EXCLUDED.rules_version, decided_at = now()`,
    [applicationId, decision.required, decision.amountJpy, decision.reasons, decision.rulesVersion],
  );
  forgetLockedApplications(tx);
  await tx.query("UPDATE applications SET deposit_required = $2, updated_at = now() WHERE id = $1", [
    applicationId,
    decision.required,
  ]);
}

/** Marks the payment for refund (once) before the refund job is queued. */
export async function requestRefund(tx: Queryable, paymentId: string): Promise<void> {
  await tx.query(
    "UPDATE payments SET refund_requested_at = coalesce(refund_requested_at, now()), updated_at = now() WHERE id = $1",
    [paymentId],
  );
}

/** A refund owed by bank transfer, as read for staff: computed columns beside the payment's. */
export type TransferRefundRow = Pick<Raw, "id" | "amount_jpy" | "created_at"> &
  Pick<Selectable<Applications>, "reference"> & {
    kind: PaymentKind;
    owed_since: Date;
    transferred_at: Date | null;
    transfer_reference: string | null;
  };

export async function selectTransferRefunds(db: Queryable, owedOnly: boolean): Promise<TransferRefundRow[]> {
  const { rows } = await db.query<TransferRefundRow>(
    `SELECT p.id, a.reference, p.kind, p.amount_jpy, p.created_at, needed.created_at AS owed_since,
            paid.created_at AS transferred_at, paid.data->>'transferReference' AS transfer_reference
       FROM payments p
       JOIN applications a ON a.id = p.application_id
       JOIN LATERAL (SELECT min(created_at) AS created_at FROM payment_events
                      WHERE payment_id = p.id AND kind = 'refund_by_transfer_needed') needed ON needed.created_at IS NOT NULL
       LEFT JOIN LATERAL (SELECT created_at, data FROM payment_events
                           WHERE payment_id = p.id AND kind = 'refund_transfer_paid' ORDER BY id LIMIT 1) paid ON true
      WHERE ($1::boolean IS FALSE OR paid.created_at IS NULL)
      ORDER BY paid.created_at IS NOT NULL, needed.created_at, p.id
      LIMIT 200`,
    [owedOnly],
  );
  return rows;
}

/** Which of the two bank-transfer refund events the payment has. */
export async function transferRefundEventKinds(db: Queryable, paymentId: string): Promise<string[]> {
  const { rows } = await db.query<{ kind: string }>(
    "SELECT kind FROM payment_events WHERE payment_id = $1 AND kind IN ('refund_by_transfer_needed', 'refund_transfer_paid')",
    [paymentId],
  );
  return rows.map((r) => r.kind);
}

/** The application's reference (for audit subjects), or null when there is no such application. */
export async function applicationReferenceOf(db: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await db.query<{ reference: string }>("SELECT reference FROM applications WHERE id = $1", [
    applicationId,
  ]);
  return rows[0]?.reference ?? null;
}

/** The application's payments that took money and have no receipt yet, oldest first. */
export async function paymentsWithoutReceipt(db: Queryable, applicationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM payments p
     WHERE p.application_id = $1 AND p.status = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM contract_documents d WHERE d.kind = 'receipt' AND d.payment_id = p.id)
     ORDER BY p.created_at, p.id`,
    [applicationId, TOOK_MONEY],
  );
  return rows.map((r) => r.id);
}

/** The receipt document issued for the payment, if any. */
export async function findReceiptDocumentId(db: Queryable, paymentId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM contract_documents WHERE kind = 'receipt' AND payment_id = $1",
    [paymentId],
  );
  return rows[0]?.id ?? null;
}

/** Which of its application's payments this one is (1, 2…), by creation. */
export async function paymentOrdinal(db: Queryable, paymentId: string): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM payments p JOIN payments me ON me.id = $1
      WHERE p.application_id = me.application_id AND (p.created_at, p.id) <= (me.created_at, me.id)`,
    [paymentId],
  );
  return Number(rows[0]?.n ?? 1);
}

/** The counter sale's payment of the application (the first, if several). */
export async function findCounterPaymentId(db: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM payments WHERE application_id = $1 AND kind = 'purchase' AND method = 'counter' ORDER BY created_at LIMIT 1",
    [applicationId],
  );
  return rows[0]?.id ?? null;
}
