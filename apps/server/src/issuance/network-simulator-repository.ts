import type { Queryable } from "../db/database.ts";
import { sqlStatus } from "../db/sql-status.ts";

/** A simulated subscriber's service, as `status` reads (see above). */
export type SimulatedServiceStatus = "active" | "receive_only" | "suspended";
const ACTIVE = sqlStatus<SimulatedServiceStatus>("active");
const RECEIVE_ONLY = sqlStatus<SimulatedServiceStatus>("receive_only");
const SUSPENDED = sqlStatus<SimulatedServiceStatus>("suspended");

/**
 * The SQL of the local network simulator (`network_simulator_subscribers`, the subscriber database an
 * HSS would keep), written in the caller's transaction by provisioning.ts's local adapter.
 * `status` reads as before the operations were split: active, receive_only or suspended.
 */

/** Idempotent by request key: a retried activation gets the same reference, never a second line. */
export async function insertSimulatedSubscriber(
  tx: Queryable,
  subscriber: { msisdn: string; iccid: string; imsi: string | null; networkRef: string; requestKey: string },
): Promise<string | null> {
  const { rows } = await tx.query<{ network_ref: string }>(
    `INSERT INTO network_simulator_subscribers (msisdn, iccid, imsi, network_ref, request_key, status)
     VALUES ($1, $2, $3, $4, $5, ${ACTIVE})
     ON CONFLICT (request_key) DO UPDATE SET request_key = EXCLUDED.request_key
     RETURNING network_ref`,
    [subscriber.msisdn, subscriber.iccid, subscriber.imsi, subscriber.networkRef, subscriber.requestKey],
  );
  return rows[0]?.network_ref ?? null;
}

export async function barSimulatedSubscriber(tx: Queryable, networkRef: string, barred: boolean): Promise<void> {
  await tx.query(
    `UPDATE network_simulator_subscribers SET outgoing_barred = $2,
       status = CASE WHEN status = ${SUSPENDED} THEN status WHEN $2 THEN ${RECEIVE_ONLY} ELSE ${ACTIVE} END
     WHERE network_ref = $1`,
    [networkRef, barred],
  );
}

export async function suspendSimulatedSubscriber(tx: Queryable, networkRef: string): Promise<void> {
  await tx.query(`UPDATE network_simulator_subscribers SET status = ${SUSPENDED} WHERE network_ref = $1`, [networkRef]);
}

export async function resumeSimulatedSubscriber(tx: Queryable, networkRef: string): Promise<void> {
  await tx.query(
    `UPDATE network_simulator_subscribers SET status = CASE WHEN outgoing_barred THEN ${RECEIVE_ONLY} ELSE ${ACTIVE} END
     WHERE network_ref = $1`,
    [networkRef],
  );
}

export async function deleteSimulatedSubscriber(tx: Queryable, networkRef: string): Promise<void> {
  await tx.query("DELETE FROM network_simulator_subscribers WHERE network_ref = $1", [networkRef]);
}

export async function changeSimulatedNumber(tx: Queryable, networkRef: string, msisdn: string): Promise<void> {
  await tx.query("UPDATE network_simulator_subscribers SET msisdn = $2 WHERE network_ref = $1", [networkRef, msisdn]);
}
