import type { z } from "zod";
import { AppError } from "../../errors.ts";
import { countInventory } from "../../inventory/count-inventory.ts";
import { importInventory } from "../../inventory/import-inventory.ts";
import { inventoryCountsSchema, inventoryImportedSchema, inventoryImportSchema } from "../inventory-schemas.ts";
import { defineRoute } from "../route.ts";
import { signedIn } from "./staff-routes.ts";

const access = { tag: "inventory", auth: "staff", permission: "inventory.manage" } as const;

export const inventoryRoutes = [
  defineRoute({
    ...access,
    method: "GET",
    path: "/v1/staff/inventory",
    operationId: "getInventory",
    summary: "Stock by pool and status: SIM cards, eSIM profiles, phone numbers (voice, data) and lines",
    responses: { 200: { description: "The counts", schema: inventoryCountsSchema } },
    async handler(_input, { db }) {
      return { status: 200, body: await countInventory(db) };
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof inventoryImportSchema>>({
    ...access,
    method: "POST",
    path: "/v1/staff/inventory/import",
    operationId: "importInventory",
    summary: "Add stock from a CSV file; a file with an invalid row imports nothing unless skipInvalid",
    body: inventoryImportSchema,
    // A CSV of some hundred thousand rows, as JSON text.
    bodyLimit: 10 * 1024 * 1024,
    responses: {
      200: { description: "Imported; rows left out (skipInvalid) are listed", schema: inventoryImportedSchema },
      422: { description: "Invalid rows (each with its line number and reason): nothing was imported" },
    },
    async handler({ body, staff }, { db }) {
      const report = await importInventory(db, { ...body, actor: `staff:${signedIn(staff).id}` });
      if (report.rejected) {
        throw new AppError("validation_failed", `${report.errors.length} invalid rows: nothing was imported`, {
          errors: report.errors.map((e) => ({ field: `csv line ${e.line}`, reason: e.reason })),
          rows: report.rows,
        });
      }
      return { status: 200, body: report };
    },
  }),
];
