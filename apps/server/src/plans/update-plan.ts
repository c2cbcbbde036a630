import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { lockPlan, type StaffPlan, toStaffPlan, updatePlanRow } from "./plans-repository.ts";

export type PlanChange = { available?: boolean; priceJpy?: number };

/**
 * An operator's day-to-day change to a plan: open or close it to new applications, or change its
 * price. Applications already made keep their plan (they look it up without the on-sale filter);
 * the price applies to what is charged from now on (top-ups, counter sales). The audit entry holds
 * the values before and after, in the same transaction as the change.
 */
export async function updatePlan(
  deps: { db: Database },
  input: { planId: string; change: PlanChange; actor: string },
): Promise<StaffPlan> {
  return deps.db.transaction(async (tx) => {
    const before = await lockPlan(tx, input.planId);
    if (!before) throw new AppError("not_found", `There is no plan "${input.planId}"`);
    const row = await updatePlanRow(tx, input.planId, {
      available: input.change.available ?? null,
      priceJpy: input.change.priceJpy ?? null,
    });
    if (!row) throw new Error(`plan ${input.planId} vanished while locked`);
    const after = toStaffPlan(row);
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "plan.updated",
      subject: `plan:${after.id}`,
      data: {
        planId: after.id,
        before: { available: before.available, priceJpy: before.priceJpy },
        after: { available: after.available, priceJpy: after.priceJpy },
      },
    });
    return after;
  });
}
