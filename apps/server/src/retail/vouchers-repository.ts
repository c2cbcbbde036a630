import type { TopUpStatus, VoucherStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { TopUpVouchers } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/** Top-up vouchers (top_up_vouchers) and the top-ups they pay: read and written only here. */

const REDEEMED = sqlStatus<VoucherStatus>("redeemed");
const TOP_UP_PENDING = sqlStatus<TopUpStatus>("pending");

export async function insertVoucher(
  tx: Queryable,
  voucher: {
    id: string;
    planId: string;
    codeIndex: Buffer;
    codeHint: string;
    amountJpy: number;
    validityDays: number;
    createdBy: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO top_up_vouchers (id, plan_id, code_index, code_hint, amount_jpy, validity_days, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      voucher.id,
      voucher.planId,
      voucher.codeIndex,
      voucher.codeHint,
      voucher.amountJpy,
      voucher.validityDays,
      voucher.createdBy,
    ],
  );
}

export async function findVoucherByCode(
  db: Queryable,
  codeIndex: Buffer,
): Promise<{ id: string; plan_id: string } | null> {
  const { rows } = await db.query<Pick<Selectable<TopUpVouchers>, "id" | "plan_id">>(
    "SELECT id, plan_id FROM top_up_vouchers WHERE code_index = $1",
    [codeIndex],
  );
  return rows[0] ?? null;
}

export type LockedVoucher = Pick<Selectable<TopUpVouchers>, "status" | "amount_jpy" | "validity_days">;

export async function lockVoucher(tx: Queryable, voucherId: string): Promise<LockedVoucher | null> {
  const { rows } = await tx.query<LockedVoucher>(
    "SELECT status, amount_jpy, validity_days FROM top_up_vouchers WHERE id = $1 FOR UPDATE",
    [voucherId],
  );
  return rows[0] ?? null;
}

/** Redeems the voucher and records the (pending) top-up it pays, in this order. */
export async function redeemVoucher(
  tx: Queryable,
  voucherId: string,
  at: Date,
  topUp: { id: string; subscriptionId: string; amountJpy: number; validityDays: number },
): Promise<void> {
  await tx.query(`UPDATE top_up_vouchers SET status = ${REDEEMED}, redeemed_at = $2 WHERE id = $1`, [voucherId, at]);
  await tx.query(
    `INSERT INTO top_ups (id, subscription_id, amount_jpy, validity_days, voucher_id, status)
         VALUES ($1, $2, $3, $4, $5, ${TOP_UP_PENDING})`,
    [topUp.id, topUp.subscriptionId, topUp.amountJpy, topUp.validityDays, voucherId],
  );
}
