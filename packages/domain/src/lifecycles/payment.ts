/**
 * A payment's statuses and the moves the gateway's answers may make. A payment moves to what the
 * gateway says, so its events are the statuses it reports; a move not listed changes nothing (a late
 * or repeated notification). The server's one door is `movePayment` (apps/server/src/payments/
 * payments-repository.ts).
 */
export const paymentStatuses = [
  "pending",
  "authorized",
  "captured",
  "declined",
  "refunded",
  "failed",
  "expired",
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentMoves: Record<PaymentStatus, readonly PaymentStatus[]> = {
  // A konbini payment stays pending until the till reports it, or expires unpaid.
  pending: ["authorized", "captured", "declined", "failed", "refunded", "expired"],
  authorized: ["captured", "failed", "refunded"],
  captured: ["refunded"],
  // A payment we marked failed (the gateway had no record of it yet) may still be authorised or
  // captured by a late answer: the money is real, and an ended application queues its refund.
  failed: ["authorized", "captured", "refunded"],
  declined: [],
  refunded: [],
  expired: [],
};

export function mayMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentMoves[from].includes(to);
}
