import { describe, expect, it } from "vitest";
import { mayMovePayment, paymentStatuses } from "./payment.ts";

// Written out independently of the table: `from -> to` pairs the gateway's answers may make.
const expected = new Set(
  `pending authorized, pending captured, pending declined, pending failed, pending refunded, pending expired,
   authorized captured, authorized failed, authorized refunded,
   captured refunded,
   failed authorized, failed captured, failed refunded`
    .split(",")
    .map((pair) => pair.trim()),
);

describe("a payment's table", () => {
  it("allows exactly the moves written above (nothing leaves declined, refunded or expired)", () => {
    for (const from of paymentStatuses) {
      for (const to of paymentStatuses) {
        expect(mayMovePayment(from, to), `${from} -> ${to}`).toBe(expected.has(`${from} ${to}`));
      }
    }
  });
});
