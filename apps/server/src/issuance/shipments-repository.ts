import type { ApplicationState, SimStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Applications, Shipments } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";
import type { ShipmentMethod } from "./delivery.ts";

/**
 * The SQL of `shipments` (a physical SIM's parcel) and of the shipping desk's lists. shipments.ts
 * changes a shipment (through the application's door, apply-event.ts); shipping-work.ts lists the desk's
 * work.
 */

const ASSIGNED_SIM = sqlStatus<SimStatus>("assigned");

/** The shipments table read as the API shows it. */
export type Shipment = {
  id: string;
  method: ShipmentMethod;
  carrier: string;
  trackingNumber: string;
  status: "in_transit" | "delivered" | "returned";
  createdAt: string;
  deliveredAt: string | null;
  returnedAt: string | null;
  returnReason: string | null;
};

export type ShipmentRow = Selectable<Shipments>;

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
// A shipment's status has no lifecycle table yet: `Shipment["status"]`, as the API shows it, types it.
const SIM_ASSIGNED: ApplicationState = "sim_assigned";
const DELIVERED: Shipment["status"] = "delivered";
const RETURNED: Shipment["status"] = "returned";
const IN_TRANSIT: Shipment["status"] = "in_transit";

export async function latestShipment(db: Queryable, applicationId: string): Promise<Shipment | null> {
  const { rows } = await db.query<ShipmentRow>(
    "SELECT * FROM shipments WHERE application_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1",
    [applicationId],
  );
  const r = rows[0];
  return r ? shipmentFromRow(r) : null;
}

export function shipmentFromRow(r: ShipmentRow): Shipment {
  const iso = (v: Date | null) => (v ? new Date(v).toISOString() : null);
  return {
    id: String(r.id),
    method: r.method as ShipmentMethod,
    carrier: String(r.carrier),
    trackingNumber: String(r.tracking_number),
    status: r.status as Shipment["status"],
    createdAt: iso(r.created_at) ?? "",
    deliveredAt: iso(r.delivered_at),
    returnedAt: iso(r.returned_at),
    returnReason: r.return_reason ? String(r.return_reason) : null,
  };
}

/** The verification method the application's check run found (`policy.method_available`). */
export async function selectVerificationMethod(
  db: Queryable,
  applicationId: string,
  checkRun: number,
): Promise<string | null> {
  const { rows } = await db.query<{ params: { method?: string } }>(
    "SELECT params FROM check_results WHERE application_id = $1 AND run = $2 AND code = 'policy.method_available'",
    [applicationId, checkRun],
  );
  return rows[0]?.params.method ?? null;
}

export async function insertShipment(
  tx: Queryable,
  shipment: {
    id: string;
    applicationId: string;
    method: ShipmentMethod;
    carrier: string;
    trackingNumber: string;
    createdBy: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO shipments (id, application_id, method, carrier, tracking_number, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      shipment.id,
      shipment.applicationId,
      shipment.method,
      shipment.carrier,
      shipment.trackingNumber,
      shipment.createdBy,
    ],
  );
}

export async function selectShipmentByTrackingNumber(
  db: Queryable,
  trackingNumber: string,
): Promise<Pick<ShipmentRow, "id" | "application_id" | "status"> | null> {
  const { rows } = await db.query<Pick<ShipmentRow, "id" | "application_id" | "status">>(
    "SELECT id, application_id, status FROM shipments WHERE tracking_number = $1",
    [trackingNumber],
  );
  return rows[0] ?? null;
}

export async function markShipmentDelivered(tx: Queryable, id: string): Promise<void> {
  await tx.query("UPDATE shipments SET status = $2, delivered_at = now() WHERE id = $1", [id, DELIVERED]);
}

export async function markShipmentReturned(tx: Queryable, id: string, reason: string | null): Promise<void> {
  await tx.query("UPDATE shipments SET status = $3, returned_at = now(), return_reason = $2 WHERE id = $1", [
    id,
    reason,
    RETURNED,
  ]);
}

/** Enough for a day's desk; the oldest come first, so nothing waits behind the limit for long. */
const LIMIT = 200;

export type WaitingRow = Pick<Selectable<Applications>, "reference" | "plan_id" | "channel" | "state_changed_at"> & {
  line_type: "voice" | "data";
  /** The verification method the checks found (check_results' params). */
  verification: string | null;
};

/** Physical SIMs assigned to online and postal applications and not sent yet, oldest first. */
export async function selectWaitingToShip(db: Queryable): Promise<WaitingRow[]> {
  const { rows } = await db.query<WaitingRow>(
    `SELECT a.reference, a.plan_id, a.channel, s.line_type, a.state_changed_at, m.params->>'method' AS verification
     FROM applications a
     JOIN sims s ON s.application_id = a.id AND s.status = ${ASSIGNED_SIM}
     LEFT JOIN check_results m ON m.application_id = a.id AND m.run = a.check_run AND m.code = 'policy.method_available'
     WHERE a.state = $1 AND a.form_factor = 'physical' AND a.channel IN ('online', 'post')
     ORDER BY a.state_changed_at, a.id
     LIMIT ${LIMIT}`,
    [SIM_ASSIGNED],
  );
  return rows;
}

/** The latest shipment of each of these applications still waiting with their SIM assigned. */
export async function selectLatestShipmentsWaiting(
  db: Queryable,
  references: string[],
): Promise<(ShipmentRow & { reference: string })[]> {
  const { rows } = await db.query<ShipmentRow & { reference: string }>(
    `SELECT DISTINCT ON (sh.application_id) sh.*, a.reference
     FROM shipments sh JOIN applications a ON a.id = sh.application_id
     WHERE a.state = $2 AND a.reference = ANY($1)
     ORDER BY sh.application_id, sh.created_at DESC, sh.id DESC`,
    [references, SIM_ASSIGNED],
  );
  return rows;
}

/** Parcels the carrier has not reported on, oldest first. */
export async function selectShipmentsInTransit(db: Queryable): Promise<(ShipmentRow & { reference: string })[]> {
  const { rows } = await db.query<ShipmentRow & { reference: string }>(
    `SELECT sh.*, a.reference FROM shipments sh JOIN applications a ON a.id = sh.application_id
     WHERE sh.status = $1
     ORDER BY sh.created_at, sh.id
     LIMIT ${LIMIT}`,
    [IN_TRANSIT],
  );
  return rows;
}
