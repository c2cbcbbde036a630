import { randomUUID } from "node:crypto";
import { findApplicationByReference } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Delivery, ShipmentMethod } from "./delivery.ts";
import {
  insertShipment,
  latestShipment,
  markShipmentDelivered,
  markShipmentReturned,
  type Shipment,
  selectShipmentByTrackingNumber,
  selectVerificationMethod,
  shipmentFromRow,
} from "./shipments-repository.ts";

export { latestShipment, type Shipment, shipmentFromRow };

/**
 * A physical SIM travels by post: 特定事項伝達型本人限定受取郵便 where the verification method is the
 * restricted delivery itself (NF_RESTRICTED_DELIVERY: the post office checks the ID at the door),
 * registered non-forwardable mail (書留・転送不要) otherwise. Delivered moves the application on; a
 * returned parcel fails that verification and blocks activation until someone ships again.
 */

export function shipmentMethodFor(verification: string | null, channel: string): ShipmentMethod {
  return verification === "NF_RESTRICTED_DELIVERY" || (verification === null && channel === "post")
    ? "restricted_delivery"
    : "registered_non_forwardable";
}

export async function shipSim(
  deps: { db: Database; delivery: Delivery },
  input: { reference: string; actor: { kind: "staff" | "system"; id?: string } },
): Promise<Shipment> {
  const application = await findApplicationByReference(deps.db, input.reference);
  if (!application) throw new AppError("application_not_found", `No application ${input.reference}`);
  if (application.formFactor !== "physical") {
    throw new AppError("transition_not_allowed", "An eSIM is not shipped: the applicant scans its QR code", {
      state: application.state,
      event: "ship",
    });
  }
  const method = shipmentMethodFor(
    await selectVerificationMethod(deps.db, application.id, application.checkRun),
    application.channel,
  );
  const id = randomUUID();
  // Booked before the transaction: a carrier booking cannot roll back. A booking whose transaction
  // then fails leaves an unused tracking number at the carrier, never a shipment without one.
  const { trackingNumber } = await deps.delivery.book({ shipmentId: id, method });
  await deps.db.transaction(async (tx) => {
    await applyEvent(
      tx,
      { applicationId: application.id, event: "ship", actor: input.actor, data: { trackingNumber, method } },
      async () => {
        await insertShipment(tx, {
          id,
          applicationId: application.id,
          method,
          carrier: deps.delivery.carrier,
          trackingNumber,
          createdBy: actorName(input.actor),
        });
        return undefined;
      },
    );
  });
  return (await latestShipment(deps.db, application.id)) as Shipment;
}

/** The carrier's word on a parcel: delivered to the addressee in person, or returned. */
export async function recordShipmentEvent(
  deps: { db: Database },
  input: {
    trackingNumber: string;
    type: "delivered" | "returned";
    reason?: string;
    actor: { kind: "staff" | "system"; id?: string };
  },
): Promise<Shipment> {
  const shipment = await selectShipmentByTrackingNumber(deps.db, input.trackingNumber);
  if (!shipment) throw new AppError("not_found", `No shipment with tracking number ${input.trackingNumber}`);
  if (shipment.status !== "in_transit") {
    throw new AppError("transition_not_allowed", `The shipment is already ${shipment.status}`, {
      state: shipment.status,
      event: input.type,
    });
  }
  await deps.db.transaction(async (tx) => {
    await applyEvent(
      tx,
      {
        applicationId: shipment.application_id,
        event: input.type === "delivered" ? "deliver" : "delivery_failed",
        actor: input.actor,
        data: { trackingNumber: input.trackingNumber, ...(input.reason ? { reason: input.reason } : {}) },
      },
      async () => {
        if (input.type === "delivered") await markShipmentDelivered(tx, shipment.id);
        else await markShipmentReturned(tx, shipment.id, input.reason ?? null);
        return undefined;
      },
    );
  });
  return (await latestShipment(deps.db, shipment.application_id)) as Shipment;
}

function actorName(actor: { kind: string; id?: string }): string {
  return actor.id ? `${actor.kind}:${actor.id}` : actor.kind;
}
