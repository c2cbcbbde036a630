import type { PaymentStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { KonbiniPayments, Payments } from "../db/schema.ts";
import type { KonbiniInstructions } from "./payment-gateway.ts";

/** The konbini slips of payments (konbini_payments): stored, marked paid, read. */

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const PENDING: PaymentStatus = "pending";

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
  const { rows } = await db.query<
    Pick<Selectable<KonbiniPayments>, "payment_number" | "confirmation_number" | "barcode" | "expires_at">
  >("SELECT payment_number, confirmation_number, barcode, expires_at FROM konbini_payments WHERE payment_id = $1", [
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

/** Konbini payments still pending after their deadline, oldest deadline first. */
export async function overdueKonbiniPayments(
  db: Queryable,
  now: Date,
  limit: number,
): Promise<Pick<Selectable<Payments>, "id" | "idempotency_key">[]> {
  const { rows } = await db.query<Pick<Selectable<Payments>, "id" | "idempotency_key">>(
    `SELECT p.id, p.idempotency_key FROM konbini_payments k JOIN payments p ON p.id = k.payment_id
     WHERE k.paid_at IS NULL AND k.expires_at <= $1 AND p.status = $3 ORDER BY k.expires_at LIMIT $2`,
    [now, limit, PENDING],
  );
  return rows;
}
