import {
  type FormFactor,
  keepAliveRulesSchema,
  type Plan,
  type PlanKind,
  type Service,
  type Translations,
} from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Plans } from "../db/schema.ts";

export type PlanRow = Omit<Selectable<Plans>, "kind" | "name" | "services" | "form_factors"> & {
  kind: PlanKind;
  name: Translations;
  services: Service[];
  form_factors: FormFactor[];
};

/** A plan as staff see it: also whether it is open to new applications. */
export type StaffPlan = Plan & { available: boolean };

export function toStaffPlan(r: PlanRow): StaffPlan {
  return { ...toPlan(r), available: r.available };
}

function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    services: r.services,
    formFactors: r.form_factors,
    priceJpy: r.price_jpy,
    validityDays: r.validity_days,
    dataGb: r.data_gb,
    minimumTermMonths: r.minimum_term_months,
    // Validated on the way out of the database: a hand-edited rule set fails here, naming the field.
    keepAlive: r.keep_alive == null ? null : keepAliveRulesSchema.parse(r.keep_alive),
  };
}

type PlanPage = { limit: number; after: { sortOrder: number; id: string } | null };

async function pageOfPlans(db: Queryable, page: PlanPage, onSaleOnly: boolean) {
  const { rows } = await db.query<PlanRow>(
    `SELECT * FROM plans WHERE (available OR NOT $4) AND ($1::int IS NULL OR (sort_order, id) > ($1::int, $2::text))
     ORDER BY sort_order, id LIMIT $3`,
    [page.after?.sortOrder ?? null, page.after?.id ?? null, page.limit + 1, onSaleOnly],
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? { sortOrder: last.sort_order, id: last.id } : null };
}

/** Plans on sale, in the operator's order, a page at a time (cursor = the last item's position). */
export async function listPlans(db: Queryable, page: PlanPage) {
  const { items, next } = await pageOfPlans(db, page, true);
  return { items: items.map(toPlan), next };
}

/** Every plan, on sale or withdrawn, for the staff console: the same order and cursor as listPlans. */
export async function listPlansForStaff(db: Queryable, page: PlanPage) {
  const { items, next } = await pageOfPlans(db, page, false);
  return { items: items.map(toStaffPlan), next };
}

/** A plan by id, on sale or not, locked until the transaction ends (the row an operator is changing). */
export async function lockPlan(tx: Queryable, id: string): Promise<StaffPlan | null> {
  const { rows } = await tx.query<PlanRow>("SELECT * FROM plans WHERE id = $1 FOR UPDATE", [id]);
  return rows[0] ? toStaffPlan(rows[0]) : null;
}

/**
 * A plan by id. New applications need one on sale; an application already under way keeps its plan
 * even after the operator withdraws it from sale.
 */
export async function findPlan(
  db: Queryable,
  id: string,
  options: { onSale: boolean } = { onSale: false },
): Promise<Plan | null> {
  const { rows } = await db.query<PlanRow>("SELECT * FROM plans WHERE id = $1 AND (available OR NOT $2)", [
    id,
    options.onSale,
  ]);
  return rows[0] ? toPlan(rows[0]) : null;
}

export async function upsertPlan(db: Queryable, plan: Plan, sortOrder: number): Promise<void> {
  await db.query(
    `INSERT INTO plans (id, kind, name, services, form_factors, price_jpy, validity_days, data_gb, minimum_term_months, sort_order, keep_alive)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO NOTHING`,
    [
      plan.id,
      plan.kind,
      JSON.stringify(plan.name),
      plan.services,
      plan.formFactors,
      plan.priceJpy,
      plan.validityDays,
      plan.dataGb,
      plan.minimumTermMonths,
      sortOrder,
      plan.keepAlive ? JSON.stringify(plan.keepAlive) : null,
    ],
  );
}

/** Changes what is given (null: unchanged) of a plan; null when there is no such plan. */
export async function updatePlanRow(
  tx: Queryable,
  planId: string,
  change: { available: boolean | null; priceJpy: number | null },
): Promise<PlanRow | null> {
  const { rows } = await tx.query<PlanRow>(
    `UPDATE plans SET available = coalesce($2::boolean, available), price_jpy = coalesce($3::int, price_jpy)
       WHERE id = $1 RETURNING *`,
    [planId, change.available, change.priceJpy],
  );
  return rows[0] ?? null;
}
