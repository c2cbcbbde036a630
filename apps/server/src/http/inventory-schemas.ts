import { z } from "zod";
import {
  esimProfileStatuses,
  lineStatuses,
  phoneNumberStatuses,
  simCardStatuses,
} from "../inventory/count-inventory.ts";
import { inventoryKinds } from "../inventory/import-inventory.ts";

/** Bodies of the inventory routes (staff: stock counts and CSV imports). */

const countsOf = (statuses: readonly string[]) =>
  z.object(Object.fromEntries(statuses.map((s) => [s, z.number().int()])));

export const inventoryCountsSchema = z
  .object({
    simCards: countsOf(simCardStatuses),
    esimProfiles: countsOf(esimProfileStatuses),
    phoneNumbers: z.object({ voice: countsOf(phoneNumberStatuses), data: countsOf(phoneNumberStatuses) }),
    lines: countsOf(lineStatuses).describe("Lines (a number with a SIM card or eSIM profile) by status"),
  })
  .meta({ id: "InventoryCounts" });

export const inventoryImportSchema = z
  .object({
    kind: z.enum(inventoryKinds, { error: `must be one of ${inventoryKinds.join(", ")}` }),
    csv: z
      .string()
      .min(1, "must hold the file's text")
      .describe(
        "The CSV file with its header row: iccid,imsi (sim); msisdn[,lineType] (msisdn); " +
          "smdpAddress,matchingId,iccid[,confirmationCodeRequired] (esim)",
      ),
    skipInvalid: z
      .boolean()
      .default(false)
      .describe("Import the valid rows of a file that has invalid ones (each still reported)"),
  })
  .strict()
  .meta({ id: "InventoryImport" });

export const inventoryImportedSchema = z
  .object({
    kind: z.enum(inventoryKinds),
    rows: z.number().int(),
    imported: z.number().int(),
    skipped: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), reason: z.string() })).describe("Every row left out, and why"),
    rejected: z.boolean(),
  })
  .meta({ id: "InventoryImported" });
