import { randomBytes, randomUUID } from "node:crypto";
import {
  CODE_RANDOM_BYTES,
  type CodeRefusalReason,
  codeRefusalMessage,
  daysPerTopUp,
  parseRegistrationCode,
  registrationCodeFromBytes,
  registrationCodeHint,
} from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { lockApplication } from "../applications/application-row.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { extendValidity } from "../payments/top-up-credit.ts";
import { activeSubscriptionOf, getTopUp, type TopUpView } from "../payments/top-ups.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { clientIndex, recordCodeFailure, withCodeAttempt } from "./code-throttle.ts";
import { voucherIndex } from "./registration-codes.ts";
import { findVoucherByCode, insertVoucher, lockVoucher, redeemVoucher } from "./vouchers-repository.ts";

/**
 * Prepaid top-up vouchers sold in shops (the code on a card or a till receipt): worth one top-up of a
 * plan (its price, its days). Codes have the registration code's format and strength; only a blind
 * index and a hint are stored, so the codes exist only in the CSV made at creation.
 */
export async function createTopUpVouchers(
  deps: { db: Database; keys: KeyManagement },
  input: { planId: string; count: number; actor: string },
): Promise<{ planId: string; codes: string[] }> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > 100_000) {
    throw AppError.validation([{ field: "count", reason: "must be a whole number from 1 to 100000" }]);
  }
  const plan = await findPlan(deps.db, input.planId, { onSale: true });
  const days = plan ? daysPerTopUp(plan) : null;
  if (!plan || !days) {
    throw new AppError("plan_not_found", `There is no prepaid plan "${input.planId}" on sale`, {
      errors: [{ field: "planId", reason: "is not a prepaid plan on sale" }],
    });
  }
  const codes: string[] = [];
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < input.count; i++) {
      const code = registrationCodeFromBytes(randomBytes(CODE_RANDOM_BYTES));
      const plain = code.replaceAll("-", "");
      await insertVoucher(tx, {
        id: randomUUID(),
        planId: plan.id,
        codeIndex: voucherIndex(deps.keys, plain),
        codeHint: registrationCodeHint(plain),
        amountJpy: plan.priceJpy,
        validityDays: days,
        createdBy: input.actor,
      });
      codes.push(code);
    }
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "retail.vouchers_created",
      subject: plan.id,
      data: { count: input.count, amountJpy: plan.priceJpy, validityDays: days },
    });
  });
  return { planId: plan.id, codes };
}

/**
 * The subscriber redeems a voucher on their active prepaid line: the voucher is used and the line
 * extended in one transaction, under the voucher's lock (a code works once). Wrong codes count
 * against the client's address as registration codes do.
 */
export async function redeemTopUpVoucher(
  deps: { db: Database; keys: KeyManagement; clock: () => Date },
  application: ApplicationRow,
  input: { code: string; ip: string },
): Promise<TopUpView> {
  const client = clientIndex(deps.keys, input.ip);
  return withCodeAttempt(deps.db, client, deps.clock(), (attemptId) =>
    redeemWithCode(deps, application, input, attemptId),
  );
}

async function redeemWithCode(
  deps: { db: Database; keys: KeyManagement; clock: () => Date },
  application: ApplicationRow,
  input: { code: string; ip: string },
  attemptId: string,
): Promise<TopUpView> {
  const subscription = await activeSubscriptionOf(deps.db, application);
  const refuse = async (reason: CodeRefusalReason, voucherId?: string): Promise<never> => {
    await recordCodeFailure(deps.db, { attemptId, reason, kind: "voucher", packageId: voucherId });
    const text = {
      mistyped: "has a typing mistake",
      unknown: "is not a voucher we issued",
      already_registered: "has already been used",
      void: "was withdrawn",
      throttled: "too many wrong codes",
    }[reason];
    throw new AppError(
      reason === "already_registered" ? "voucher_already_redeemed" : "voucher_code_invalid",
      `The voucher code ${text}`,
      {
        errors: [{ field: "code", reason: text, code: reason }],
        reason,
        message: codeRefusalMessage(reason, application.language),
      },
    );
  };
  const parsed = parseRegistrationCode(input.code);
  if (!parsed.ok) return refuse("mistyped");
  const voucher = await findVoucherByCode(deps.db, voucherIndex(deps.keys, parsed.code));
  if (!voucher) return refuse("unknown");
  if (voucher.plan_id !== subscription.planId) {
    throw new AppError("top_up_not_possible", "This voucher is for another plan", {
      errors: [{ field: "code", reason: `is a voucher for ${voucher.plan_id}, not for this line's plan` }],
    });
  }
  let refused: CodeRefusalReason | null = null;
  const topUpId = randomUUID();
  try {
    await deps.db.transaction(async (tx) => {
      await lockApplication(tx, application.id);
      const v = await lockVoucher(tx, voucher.id);
      if (v?.status !== "issued") {
        refused = v?.status === "void" ? "void" : "already_registered";
        throw new Error("voucher not usable");
      }
      await redeemVoucher(tx, voucher.id, deps.clock(), {
        id: topUpId,
        subscriptionId: subscription.id,
        amountJpy: Number(v.amount_jpy),
        validityDays: Number(v.validity_days),
      });
      await extendValidity(
        tx,
        { id: topUpId, subscription_id: subscription.id, validity_days: Number(v.validity_days) },
        application.reference,
        { voucherId: voucher.id },
        deps.clock(),
      );
    });
  } catch (error) {
    if (refused) return refuse(refused, voucher.id);
    throw error;
  }
  return getTopUp(deps.db, application, topUpId);
}
