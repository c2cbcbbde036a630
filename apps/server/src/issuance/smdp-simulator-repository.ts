import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { SmdpSimulatorOrders } from "../db/schema.ts";
import { sqlStatus, sqlStatuses } from "../db/sql-status.ts";

/** An order's states at the simulated SM-DP+ (the CHECK of migration 0037). */
export type SimulatedOrderState = "allocated" | "confirmed" | "released" | "downloaded" | "cancelled" | "available";
const ALLOCATED = sqlStatus<SimulatedOrderState>("allocated");
const CONFIRMED = sqlStatus<SimulatedOrderState>("confirmed");
const RELEASED = sqlStatus<SimulatedOrderState>("released");
const DOWNLOADED = sqlStatus<SimulatedOrderState>("downloaded");

/** The SQL of the local SM-DP+ simulator's orders (`smdp_simulator_orders`), used by smdp.ts. */

/** DownloadOrder: a new order, or the same ICCID's order started again. */
export async function allocateSimulatedOrder(tx: Queryable, iccid: string): Promise<void> {
  await tx.query(
    `INSERT INTO smdp_simulator_orders (iccid, state) VALUES ($1, ${ALLOCATED})
     ON CONFLICT (iccid) DO UPDATE SET state = ${ALLOCATED}, matching_id = NULL, confirmation_code_hash = NULL,
       updated_at = now()`,
    [iccid],
  );
}

/** ConfirmOrder: false when the ICCID has no order to confirm. */
export async function confirmSimulatedOrder(
  tx: Queryable,
  order: { iccid: string; matchingId: string; confirmationCodeHash: Buffer | null; releaseFlag: boolean },
): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE smdp_simulator_orders SET matching_id = $2, confirmation_code_hash = $3, updated_at = now(),
       state = CASE WHEN $4 THEN ${RELEASED} ELSE ${CONFIRMED} END
     WHERE iccid = $1 AND state IN (${sqlStatuses<SimulatedOrderState>("allocated", "confirmed")}) RETURNING iccid`,
    [order.iccid, order.matchingId, order.confirmationCodeHash, order.releaseFlag],
  );
  return rows.length > 0;
}

/** ReleaseProfile: false when the order is not confirmed. */
export async function releaseSimulatedOrder(tx: Queryable, iccid: string): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE smdp_simulator_orders SET state = ${RELEASED}, updated_at = now()
     WHERE iccid = $1 AND state IN (${sqlStatuses<SimulatedOrderState>("confirmed", "released")}) RETURNING iccid`,
    [iccid],
  );
  return rows.length > 0;
}

/** CancelOrder: `available` (back to the pool) or `cancelled`. */
export async function setSimulatedOrderState(tx: Queryable, iccid: string, state: string): Promise<void> {
  await tx.query("UPDATE smdp_simulator_orders SET state = $2, updated_at = now() WHERE iccid = $1", [iccid, state]);
}

export async function selectSimulatedOrderByMatchingId(
  db: Queryable,
  matchingId: string,
): Promise<Pick<Selectable<SmdpSimulatorOrders>, "iccid" | "state" | "confirmation_code_hash"> | null> {
  const { rows } = await db.query<Pick<Selectable<SmdpSimulatorOrders>, "iccid" | "state" | "confirmation_code_hash">>(
    "SELECT iccid, state, confirmation_code_hash FROM smdp_simulator_orders WHERE matching_id = $1",
    [matchingId],
  );
  return rows[0] ?? null;
}

export async function markSimulatedOrderDownloaded(db: Queryable, iccid: string): Promise<void> {
  await db.query(`UPDATE smdp_simulator_orders SET state = ${DOWNLOADED}, updated_at = now() WHERE iccid = $1`, [
    iccid,
  ]);
}
