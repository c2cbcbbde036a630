import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/database.ts";
import {
  barSimulatedSubscriber,
  changeSimulatedNumber,
  deleteSimulatedSubscriber,
  insertSimulatedSubscriber,
  resumeSimulatedSubscriber,
  suspendSimulatedSubscriber,
} from "./network-simulator-repository.ts";

/**
 * The provisioning port: puts a line onto the network's subscriber database (HLR/HSS/UDM) through the
 * operator's or host MNO's provisioning API, the way an MVNE API or an HSS provisioning interface is
 * shaped. A real adapter (docs/provisioning-adapter.example.ts is one to copy) implements these six
 * operations; each gets an `idempotencyKey` to send to the network, which must do an operation once
 * however often it is asked. It throws `ProvisioningError` (transient: the answer never came, so
 * asking again is safe) or any other error (a refusal). Every call goes through `loggedProvisioning`
 * (provisioning-log.ts), which writes it to the operation log and retries the transient failures:
 * actions never call an adapter directly.
 */
export type LineOnNetwork = { networkRef: string; msisdn: string };

export type ActivationRequest = {
  /** The application's id: a retried activation provisions one line. */
  requestKey: string;
  /** From the SIM vendor's file for a physical SIM; an eSIM's IMSI lives in its profile (null). */
  imsi: string | null;
  msisdn: string;
  iccid: string;
  lineType: "voice" | "data";
};

type Call = { idempotencyKey: string; tx: Queryable };

export type ProvisioningAdapter = {
  readonly kind: "local-simulator" | "network";
  /** Creates the subscriber: the network's reference for the line, and whatever it answered besides. */
  activate(request: ActivationRequest, call: Call): Promise<{ networkRef: string; answer?: Record<string, unknown> }>;
  /** Outgoing calls, SMS and data stop (true) or work again (false); incoming still reach the line. */
  barOutgoing(line: LineOnNetwork, barred: boolean, call: Call): Promise<void>;
  /** Nothing works, the number stays the subscriber's. */
  suspend(line: LineOnNetwork, call: Call): Promise<void>;
  resume(line: LineOnNetwork, call: Call): Promise<void>;
  /** Takes the line off the network: the number and the SIM stop working. */
  terminate(line: LineOnNetwork, call: Call): Promise<void>;
  /** A ported-in number replaces the temporary one on the same SIM (MNP port-in). */
  changeNumber(line: LineOnNetwork, newMsisdn: string, call: Call): Promise<void>;
};

/** A failure whose answer never came (timeout, connection lost, 5xx): asking again is safe. */
export class ProvisioningError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "ProvisioningError";
  }
}

export type NetworkService = "full" | "receive_only" | "suspended";

/**
 * What actions call: the adapter's operations, logged and retried, and two shorthands the existing
 * sweeps use (`setService`, `deactivate`). `tx` is the caller's transaction: the simulator records in
 * it (on the embedded database a second connection would wait for this one); the operation log is
 * written outside it on PostgreSQL (provisioning-log.ts).
 */
export type Provisioning = {
  readonly kind: ProvisioningAdapter["kind"];
  activate(request: ActivationRequest, tx: Queryable): Promise<{ networkRef: string }>;
  barOutgoing(line: LineOnNetwork, barred: boolean, tx: Queryable): Promise<void>;
  suspend(line: LineOnNetwork, tx: Queryable): Promise<void>;
  resume(line: LineOnNetwork, tx: Queryable): Promise<void>;
  terminate(line: LineOnNetwork, tx: Queryable): Promise<void>;
  changeNumber(line: LineOnNetwork, newMsisdn: string, tx: Queryable): Promise<void>;
  /** Terminates the line: repeating it changes nothing. */
  deactivate(line: LineOnNetwork, tx: Queryable): Promise<void>;
  /** Everything, receive only (calls and SMS in), or nothing while suspended; repeating changes nothing. */
  setService(line: LineOnNetwork, service: NetworkService, tx: Queryable): Promise<void>;
  /**
   * After the activating transaction failed although the network had taken the activation: the line
   * is terminated on the network again and the activation is logged as rolled back.
   */
  rollBackActivation(request: ActivationRequest, networkRef: string, reason: string): Promise<void>;
  /**
   * The sweep (under the periodic-sweeps lease): entries a crash left `pending` become `in_doubt`, and
   * the network is brought back to what our records say (provisioning-log.ts).
   */
  reconcile(now: Date): Promise<{ inDoubt: number; reconciled: number }>;
};

/** The local network: subscribers in a table of its own, as an HSS would keep them. */
export function localNetworkAdapter(): ProvisioningAdapter {
  return {
    kind: "local-simulator",
    async activate(request, { tx }) {
      // Idempotent by request key: a retried activation gets the same answer, never a second line.
      const ref = await insertSimulatedSubscriber(tx, {
        msisdn: request.msisdn,
        iccid: request.iccid,
        imsi: request.imsi,
        networkRef: `SIM-${randomUUID()}`,
        requestKey: request.requestKey,
      });
      if (!ref) throw new Error("the network simulator returned no reference");
      return { networkRef: ref, answer: { subscriber: ref } };
    },
    async barOutgoing(line, barred, { tx }) {
      await barSimulatedSubscriber(tx, line.networkRef, barred);
    },
    async suspend(line, { tx }) {
      await suspendSimulatedSubscriber(tx, line.networkRef);
    },
    async resume(line, { tx }) {
      await resumeSimulatedSubscriber(tx, line.networkRef);
    },
    async terminate(line, { tx }) {
      await deleteSimulatedSubscriber(tx, line.networkRef);
    },
    async changeNumber(line, newMsisdn, { tx }) {
      await changeSimulatedNumber(tx, line.networkRef, newMsisdn);
    },
  };
}
