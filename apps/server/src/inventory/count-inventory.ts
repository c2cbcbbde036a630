import { esimProfileStatuses, type PhoneNumberStatus, simCardStatuses, simStatuses } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { countPools } from "./inventory-repository.ts";

export { esimProfileStatuses, simCardStatuses };
/** The number pools counted: a number ported out left our stock for good. */
export const phoneNumberStatuses = [
  "available",
  "assigned",
  "quarantined",
] as const satisfies readonly PhoneNumberStatus[];
export const lineStatuses = simStatuses;

type Counts<S extends readonly string[]> = Record<S[number], number>;

export type InventoryCounts = {
  simCards: Counts<typeof simCardStatuses>;
  esimProfiles: Counts<typeof esimProfileStatuses>;
  phoneNumbers: { voice: Counts<typeof phoneNumberStatuses>; data: Counts<typeof phoneNumberStatuses> };
  lines: Counts<typeof lineStatuses>;
};

/** How much stock is left and in use (packaged: bound to a retail package): every pool by status (and numbers by line type), zeros included. */
export async function countInventory(db: Queryable): Promise<InventoryCounts> {
  const rows = await countPools(db);
  const counted = (pool: string, status: string) =>
    Number(rows.find((r) => r.pool === pool && r.status === status)?.n ?? 0);
  const of = <S extends readonly string[]>(pool: string, statuses: S) =>
    Object.fromEntries(statuses.map((s) => [s, counted(pool, s)])) as Counts<S>;
  return {
    simCards: of("sim_cards", simCardStatuses),
    esimProfiles: of("esim_profiles", esimProfileStatuses),
    phoneNumbers: {
      voice: of("numbers_voice", phoneNumberStatuses),
      data: of("numbers_data", phoneNumberStatuses),
    },
    lines: of("lines", lineStatuses),
  };
}
