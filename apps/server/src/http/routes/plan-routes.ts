import { isCoveredByLaw } from "@jitsumei/domain";
import type { z } from "zod";
import { listPlans } from "../../plans/plans-repository.ts";
import { decodeCursor, defineRoute, encodeCursor } from "../route.ts";
import { pageQuerySchema, planListSchema } from "../schemas.ts";

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
];
