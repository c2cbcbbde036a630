import type { Database, Queryable } from "../db/database.ts";
import type { KonbiniInstructions, PaymentGateway } from "./payment-gateway.ts";
import { recordGatewayAnswer } from "./record-gateway-answer.ts";

/** The slip's numbers and deadline, stored once (the first answer or notification that carries them). */
export async function storeKonbiniInstructions(
  tx: Queryable,
  paymentId: string,
  konbini: KonbiniInstructions,
): Promise<void> {
  await tx.query(
    `INSERT INTO konbini_payments (payment_id, payment_number, confirmation_number, barcode, expires_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (payment_id) DO NOTHING`,
    [paymentId, konbini.paymentNumber, konbini.confirmationNumber, konbini.barcode, new Date(konbini.expiresAt)],
  );
}

export async function markKonbiniPaid(tx: Queryable, paymentId: string, at: Date): Promise<void> {
  await tx.query("UPDATE konbini_payments SET paid_at = coalesce(paid_at, $2) WHERE payment_id = $1", [paymentId, at]);
}

export async function findKonbiniInstructions(db: Queryable, paymentId: string): Promise<KonbiniInstructions | null> {
  const { rows } = await db.query<{
    payment_number: string;
    confirmation_number: string | null;
    barcode: string;
    expires_at: Date;
  }>("SELECT payment_number, confirmation_number, barcode, expires_at FROM konbini_payments WHERE payment_id = $1", [
    paymentId,
  ]);
  const r = rows[0];
  return r
    ? {
        paymentNumber: r.payment_number,
        confirmationNumber: r.confirmation_number ?? "",
        barcode: r.barcode,
        expiresAt: new Date(r.expires_at).toISOString(),
      }
    : null;
}

/**
 * The expiry sweep: konbini payments still pending after their deadline. The gateway is asked first
 * (a payment made at the till a minute before the deadline may not have been notified yet); what it
 * says is recorded through `recordGatewayAnswer`, so an expired top-up or deposit moves exactly as a
 * notification would move it. A payment the gateway cannot tell about is left for the next sweep.
 */
export async function expireKonbiniPayments(
  deps: { db: Database; gateway: PaymentGateway; clock: () => Date },
  limit = 100,
): Promise<{ expired: number; paid: number }> {
  const { rows } = await deps.db.query<{ id: string; idempotency_key: string }>(
    `SELECT p.id, p.idempotency_key FROM konbini_payments k JOIN payments p ON p.id = k.payment_id
     WHERE k.paid_at IS NULL AND k.expires_at <= $1 AND p.status = 'pending' ORDER BY k.expires_at LIMIT $2`,
    [deps.clock(), limit],
  );
  let expired = 0;
  let paid = 0;
  for (const row of rows) {
    const answer = await deps.gateway.status(row.idempotency_key).catch(() => null);
    if (!answer) continue;
    const recorded = await deps.db.transaction((tx) => recordGatewayAnswer(tx, row.id, answer, "job"));
    if (recorded.payment.status === "expired") expired++;
    if (recorded.payment.status === "captured") paid++;
  }
  return { expired, paid };
}
