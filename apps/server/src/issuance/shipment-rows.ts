import type { Queryable } from "../db/database.ts";
import type { ShipmentMethod } from "./delivery.ts";

/** The shipments table read as the API shows it; shipments.ts changes it. */
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

export async function latestShipment(db: Queryable, applicationId: string): Promise<Shipment | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    "SELECT * FROM shipments WHERE application_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1",
    [applicationId],
  );
  const r = rows[0];
  return r ? shipmentFromRow(r) : null;
}

export function shipmentFromRow(r: Record<string, unknown>): Shipment {
  const iso = (v: unknown) => (v ? new Date(v as Date).toISOString() : null);
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
