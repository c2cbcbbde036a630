import type { Queryable } from "../db/database.ts";
import type { ShipmentMethod } from "./delivery.ts";
import { type Shipment, shipmentFromRow, shipmentMethodFor } from "./shipments.ts";

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

/** Enough for a day's desk; the oldest come first, so nothing waits behind the limit for long. */
const LIMIT = 200;

export async function listShippingWork(db: Queryable): Promise<ShippingWork> {
  const waiting = await db.query<{
    reference: string;
    plan_id: string;
    channel: string;
    line_type: "voice" | "data";
    state_changed_at: Date;
    verification: string | null;
  }>(
    `SELECT a.reference, a.plan_id, a.channel, s.line_type, a.state_changed_at, m.params->>'method' AS verification
     FROM applications a
     JOIN sims s ON s.application_id = a.id AND s.status = 'assigned'
     LEFT JOIN check_results m ON m.application_id = a.id AND m.run = a.check_run AND m.code = 'policy.method_available'
     WHERE a.state = 'sim_assigned' AND a.form_factor = 'physical' AND a.channel IN ('online', 'post')
     ORDER BY a.state_changed_at, a.id
     LIMIT ${LIMIT}`,
  );
  const returned = await db.query<Record<string, unknown> & { reference: string }>(
    `SELECT DISTINCT ON (sh.application_id) sh.*, a.reference
     FROM shipments sh JOIN applications a ON a.id = sh.application_id
     WHERE a.state = 'sim_assigned' AND a.reference = ANY($1)
     ORDER BY sh.application_id, sh.created_at DESC, sh.id DESC`,
    [waiting.rows.map((r) => r.reference)],
  );
  const returnedOf = new Map(returned.rows.map((r) => [r.reference, shipmentFromRow(r)]));
  const inTransit = await db.query<Record<string, unknown> & { reference: string }>(
    `SELECT sh.*, a.reference FROM shipments sh JOIN applications a ON a.id = sh.application_id
     WHERE sh.status = 'in_transit'
     ORDER BY sh.created_at, sh.id
     LIMIT ${LIMIT}`,
  );
  return {
    waiting: waiting.rows.map((r) => ({
      reference: r.reference,
      planId: r.plan_id,
      lineType: r.line_type,
      method: shipmentMethodFor(r.verification, r.channel),
      waitingSince: new Date(r.state_changed_at).toISOString(),
      lastReturned: returnedOf.get(r.reference) ?? null,
    })),
    inTransit: inTransit.rows.map((r) => ({ reference: r.reference, shipment: shipmentFromRow(r) })),
  };
}
