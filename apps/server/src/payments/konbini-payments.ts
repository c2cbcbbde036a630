import type { Database } from "../db/database.ts";
import { overdueKonbiniPayments } from "./konbini-repository.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { recordGatewayAnswer } from "./record-gateway-answer.ts";

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
  const rows = await overdueKonbiniPayments(deps.db, deps.clock(), limit);
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
