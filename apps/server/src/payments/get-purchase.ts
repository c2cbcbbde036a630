import { consumptionTaxIncluded } from "@jitsumei/domain";
import { type ApplicationRow, purchaseDue } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";
import { paymentView } from "./get-deposit.ts";
import { findKonbiniInstructions } from "./konbini-repository.ts";
import type { KonbiniInstructions } from "./payment-gateway.ts";
import { listPayments } from "./payments-repository.ts";

export type PurchaseStatus = "not_due" | "due" | "processing" | "paid" | "refunding" | "refunded";

export type PurchaseView = {
  reference: string;
  status: PurchaseStatus;
  /** The plan's price, consumption tax included, and the tax in it (10%). */
  amountJpy: number;
  consumptionTaxJpy: number;
  currency: "JPY";
  /** The day the application expires unpaid (payment_pending only). */
  payBy: string | null;
  /** The konbini slip of the payment in flight, so a returning applicant sees it again. */
  konbini: KonbiniInstructions | null;
  payments: ReturnType<typeof paymentView>[];
};

/** What the applicant owes for a prepaid plan sold online, and where its payment stands. */
export async function getPurchaseView(
  db: Queryable,
  application: ApplicationRow,
  options: { paymentDays: number },
): Promise<PurchaseView> {
  const payments = (await listPayments(db, application.id)).filter(
    (p) => p.kind === "purchase" && p.method !== "counter",
  );
  const live = payments.find((p) => ["pending", "authorized", "captured"].includes(p.status));
  const owed = application.state === "payment_pending";
  // Asked back (the application was cancelled or expired): the refund job gives it back shortly.
  const status: PurchaseStatus =
    live?.refundRequestedAt && live.status === "captured"
      ? "refunding"
      : live?.status === "captured"
        ? "paid"
        : live
          ? "processing"
          : payments.some((p) => p.status === "refunded" && p.refundedJpy > 0)
            ? "refunded"
            : owed
              ? "due"
              : "not_due";
  const amountJpy = live?.amountJpy ?? (purchaseDue(application) ? application.planPriceJpy : 0);
  const payBy = owed ? new Date(application.stateChangedAt.getTime() + options.paymentDays * 86_400_000) : null;
  return {
    reference: application.reference,
    status,
    amountJpy,
    consumptionTaxJpy: consumptionTaxIncluded(amountJpy),
    currency: "JPY",
    payBy: payBy?.toISOString() ?? null,
    konbini:
      live?.method === "konbini" && live.status === "pending" ? await findKonbiniInstructions(db, live.id) : null,
    payments: payments.map((p) => paymentView(application.reference, p)),
  };
}
