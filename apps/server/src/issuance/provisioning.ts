import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/database.ts";

/**
 * The provisioning port: puts a line onto the network's subscriber database (HLR/HSS/UDM) through the
 * operator's or host MNO's provisioning API. A real adapter posts msisdn, iccid (and the IMSI the
 * SIM vendor's file gives) with `requestKey` as the idempotency key, returns the network's
 * reference, and throws on refusal. The local simulator keeps subscribers in a table of its own.
 */
export type ProvisioningRequest = { requestKey: string; msisdn: string; iccid: string; lineType: "voice" | "data" };

export type Provisioning = {
  readonly kind: "local-simulator" | "network";
  /**
   * `tx` is the activating transaction: the simulator records in it (on the embedded database a second
   * connection would wait for this one); an adapter to a real network ignores it.
   */
  activate(request: ProvisioningRequest, tx: Queryable): Promise<{ networkRef: string }>;
  /** Takes a line off the network (terminated): the number and the SIM stop working. Repeating it changes nothing. */
  deactivate(line: { networkRef: string; msisdn: string }, tx: Queryable): Promise<void>;
  /**
   * What a live line may do (prepaid keep-alive): everything, receive only (calls and SMS in), or
   * nothing while suspended. The number stays the subscriber's. Repeating it changes nothing.
   */
  setService(line: { networkRef: string; msisdn: string }, service: NetworkService, tx: Queryable): Promise<void>;
};

export type NetworkService = "full" | "receive_only" | "suspended";

export function localNetworkSimulator(): Provisioning {
  return {
    kind: "local-simulator",
    async activate(request, db) {
      // Idempotent by request key: a retried activation gets the same answer, never a second line.
      const { rows } = await db.query<{ network_ref: string }>(
        `INSERT INTO network_simulator_subscribers (msisdn, iccid, network_ref, request_key, status)
         VALUES ($1, $2, $3, $4, 'active')
         ON CONFLICT (request_key) DO UPDATE SET request_key = EXCLUDED.request_key
         RETURNING network_ref`,
        [request.msisdn, request.iccid, `SIM-${randomUUID()}`, request.requestKey],
      );
      const ref = rows[0]?.network_ref;
      if (!ref) throw new Error("the network simulator returned no reference");
      return { networkRef: ref };
    },
    async deactivate(line, db) {
      await db.query("DELETE FROM network_simulator_subscribers WHERE network_ref = $1", [line.networkRef]);
    },
    async setService(line, service, db) {
      await db.query("UPDATE network_simulator_subscribers SET status = $2 WHERE network_ref = $1", [
        line.networkRef,
        service === "full" ? "active" : service,
      ]);
    },
  };
}
