import { type DepositReasonCode, depositReasonCodes, explainDepositReason } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";
import { findKonbiniInstructions } from "./konbini-repository.ts";
import type { KonbiniInstructions } from "./payment-gateway.ts";
import { findDepositDecision, listPayments, type PaymentRow } from "./payments-repository.ts";

export type DepositStatus = "not_decided" | "not_required" | "due" | "processing" | "paid" | "refunded";

export type PaymentView = {
  id: string;
  kind: PaymentRow["kind"];
  amountJpy: number;
  currency: "JPY";
  status: PaymentRow["status"];
  refundedJpy: number;
  failureCode: string | null;
  createdAt: string;
  receiptUrl: string | null;
};

export type DepositView = {
  reference: string;
  status: DepositStatus;
  required: boolean;
  amountJpy: number;
  currency: "JPY";
  reasons: { code: string; text: string }[];
  /** The slip of the konbini payment in flight, so a returning applicant sees it again. */
  konbini: KonbiniInstructions | null;
  payments: PaymentView[];
};

/** What the applicant sees of their deposit: whether one is owed, how much, why in plain words, and where it stands. */
export async function getDepositView(db: Queryable, application: ApplicationRow): Promise<DepositView> {
  const decision = await findDepositDecision(db, application.id);
  const payments = (await listPayments(db, application.id)).filter((p) => p.kind === "deposit");
  const live = payments.find((p) => ["pending", "authorized", "captured"].includes(p.status));
  const status: DepositStatus = !decision
    ? "not_decided"
    : live?.status === "captured"
      ? "paid"
      : live
        ? "processing"
        : payments.some((p) => p.status === "refunded" && p.refundedJpy > 0)
          ? "refunded"
          : decision.required
            ? "due"
            : "not_required";
  return {
    reference: application.reference,
    status,
    required: decision?.required ?? application.depositRequired,
    amountJpy: decision?.amountJpy ?? 0,
    currency: "JPY",
    reasons: (decision?.reasons ?? []).filter(isDepositReasonCode).map((code) => ({
      code,
      text: explainDepositReason(code, application.language),
    })),
    konbini:
      live?.method === "konbini" && live.status === "pending" ? await findKonbiniInstructions(db, live.id) : null,
    payments: payments.map((p) => paymentView(application.reference, p)),
  };
}

export function paymentView(reference: string, p: PaymentRow): PaymentView {
  return {
    id: p.id,
    kind: p.kind,
    amountJpy: p.amountJpy,
    currency: "JPY",
    status: p.status,
    refundedJpy: p.refundedJpy,
    failureCode: p.failureCode,
    createdAt: p.createdAt.toISOString(),
    receiptUrl:
      p.status === "captured" || p.status === "refunded"
        ? `/v1/applications/${reference}/payments/${p.id}/receipt.pdf`
        : null,
  };
}

export function isDepositReasonCode(code: string): code is DepositReasonCode {
  return (depositReasonCodes as readonly string[]).includes(code);
}
