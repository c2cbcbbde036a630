import { isCoveredByLaw } from "@jitsumei/domain";
import type { z } from "zod";
import { listPlans, listPlansForStaff } from "../../plans/plans-repository.ts";
import { updatePlan } from "../../plans/update-plan.ts";
import { decodeCursor, defineRoute, encodeCursor } from "../route.ts";
import {
  pageQuerySchema,
  planListSchema,
  planParamsSchema,
  staffPlanListSchema,
  staffPlanSchema,
  updatePlanSchema,
} from "../schemas.ts";
import { signedIn } from "./staff-routes.ts";

const planCursor = (v: unknown): v is { sortOrder: number; id: string } =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as { sortOrder?: unknown }).sortOrder === "number" &&
  typeof (v as { id?: unknown }).id === "string";

export const planRoutes = [
  defineRoute<undefined, z.infer<typeof pageQuerySchema>>({
    method: "GET",
    path: "/v1/plans",
    operationId: "listPlans",
    summary: "Plans on sale, with what verification each needs",
    tag: "plans",
    auth: "none",
    query: pageQuerySchema,
    responses: { 200: { description: "A page of plans", schema: planListSchema } },
    async handler({ query }, { db }) {
      const page = await listPlans(db, { limit: query.limit, after: decodeCursor(query.cursor, planCursor) });
      return {
        status: 200,
        body: {
          items: page.items.map((p) => ({ ...p, coveredByLaw: isCoveredByLaw(p) })),
          nextCursor: page.next ? encodeCursor(page.next) : null,
        },
      };
    },
  }),
  defineRoute<undefined, z.infer<typeof pageQuerySchema>>({
    method: "GET",
    path: "/v1/staff/plans",
    operationId: "listStaffPlans",
    summary: "Every plan, withdrawn ones too, with whether it is on sale",
    tag: "plans",
    auth: "staff",
    permission: "policies.view",
    query: pageQuerySchema,
    responses: { 200: { description: "A page of plans", schema: staffPlanListSchema } },
    async handler({ query }, { db }) {
      const page = await listPlansForStaff(db, { limit: query.limit, after: decodeCursor(query.cursor, planCursor) });
      return {
        status: 200,
        body: {
          items: page.items.map((p) => ({ ...p, coveredByLaw: isCoveredByLaw(p) })),
          nextCursor: page.next ? encodeCursor(page.next) : null,
        },
      };
    },
  }),
  defineRoute<z.infer<typeof planParamsSchema>, undefined, z.infer<typeof updatePlanSchema>>({
    method: "PATCH",
    path: "/v1/staff/plans/{id}",
    operationId: "updatePlan",
    summary: "Open or close a plan to new applications, or change its price; applications made keep their plan",
    tag: "plans",
    auth: "staff",
    permission: "plans.manage",
    params: planParamsSchema,
    body: updatePlanSchema,
    responses: {
      200: { description: "The plan as it is now", schema: staffPlanSchema },
      404: { description: "No such plan" },
    },
    async handler({ params, body, staff }, services) {
      const plan = await updatePlan(services, {
        planId: params.id,
        change: body,
        actor: `staff:${signedIn(staff).id}`,
      });
      return { status: 200, body: { ...plan, coveredByLaw: isCoveredByLaw(plan) } };
    },
  }),
];
