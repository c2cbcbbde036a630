import type { Queryable } from "../db/database.ts";
import type { ShipmentMethod } from "./delivery.ts";
import { shipmentMethodFor } from "./shipments.ts";
import {
  type Shipment,
  selectLatestShipmentsWaiting,
  selectShipmentsInTransit,
  selectWaitingToShip,
  shipmentFromRow,
} from "./shipments-repository.ts";

/**
 * What the shipping desk has to do: physical SIMs assigned to online and postal applications and not
 * sent yet (a returned parcel brings its application back here), and the parcels the carrier has not
 * reported on. SIMs sold at a counter or in a retail package are already in the applicant's hand.
 * No personal data: the carrier's booking carries the address, the desk works by reference.
 */
export type ShippingWork = {
  waiting: {
    reference: string;
    planId: string;
    lineType: "voice" | "data";
    method: ShipmentMethod;
    waitingSince: string;
    lastReturned: Shipment | null;
  }[];
  inTransit: { reference: string; shipment: Shipment }[];
};

export async function listShippingWork(db: Queryable): Promise<ShippingWork> {
  const waiting = await selectWaitingToShip(db);
  const returned = await selectLatestShipmentsWaiting(
    db,
    waiting.map((r) => r.reference),
  );
  const returnedOf = new Map(returned.map((r) => [r.reference, shipmentFromRow(r)]));
  const inTransit = await selectShipmentsInTransit(db);
  return {
    waiting: waiting.map((r) => ({
      reference: r.reference,
      planId: r.plan_id,
      lineType: r.line_type,
      method: shipmentMethodFor(r.verification, r.channel),
      waitingSince: new Date(r.state_changed_at).toISOString(),
      lastReturned: returnedOf.get(r.reference) ?? null,
    })),
    inTransit: inTransit.map((r) => ({ reference: r.reference, shipment: shipmentFromRow(r) })),
  };
}
