import type { ActivationRequest, LineOnNetwork, ProvisioningAdapter } from "./provisioning.ts";
import { ProvisioningError } from "./provisioning.ts";

/**
 * An example provisioning adapter to copy: an MVNE's REST API (the shape most host networks offer
 * their MVNOs; an HSS provisioning interface asks for the same things). An adapter module
 * (JITSUMEI_ADAPTERS_MODULE, docs/adapters.md) exports `provisioning` as a factory of one, as this file
 * does, and Jitsumei uses it at start instead of the network simulator; every call it makes goes
 * through the operation log and its retries
 * (provisioning-log.ts), so the adapter only talks to the network:
 *
 * - send `idempotency-key` with every request: Jitsumei repeats a call whose answer was lost;
 * - throw `ProvisioningError(message, true)` when no answer came (timeout, connection lost, 5xx),
 *   any other error when the network refused (the message is logged and shown to staff);
 * - never log or send anything but numbers and SIM identifiers.
 *
 * The endpoints below are an MVNE's made-up API: rename them to your network's.
 */
function createProvisioningAdapter(env: Readonly<Record<string, string | undefined>>): ProvisioningAdapter {
  const base = env.MVNE_API_URL ?? "";
  const token = env.MVNE_API_TOKEN ?? "";
  if (!base || !token) throw new Error("MVNE_API_URL and MVNE_API_TOKEN are required by the MVNE adapter");

  async function call(path: string, idempotencyKey: string, body: unknown): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": idempotencyKey,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new ProvisioningError(`no answer from the MVNE (${(error as Error).name})`, true);
    }
    if (response.status >= 500) throw new ProvisioningError(`the MVNE answered HTTP ${response.status}`, true);
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new Error(`the MVNE refused: ${String(answer.message ?? response.status)}`);
    return answer;
  }

  const line = (l: LineOnNetwork) => `/subscribers/${encodeURIComponent(l.networkRef)}`;
  return {
    kind: "network",
    async activate(request: ActivationRequest, { idempotencyKey }) {
      const answer = await call("/subscribers", idempotencyKey, {
        imsi: request.imsi,
        msisdn: request.msisdn,
        iccid: request.iccid,
        services: request.lineType === "voice" ? ["voice", "sms", "data"] : ["data"],
      });
      if (typeof answer.subscriberId !== "string") throw new Error("the MVNE returned no subscriber id");
      return { networkRef: answer.subscriberId, answer };
    },
    async barOutgoing(l, barred, { idempotencyKey }) {
      await call(`${line(l)}/barring`, idempotencyKey, { outgoing: barred });
    },
    async suspend(l, { idempotencyKey }) {
      await call(`${line(l)}/suspend`, idempotencyKey, {});
    },
    async resume(l, { idempotencyKey }) {
      await call(`${line(l)}/resume`, idempotencyKey, {});
    },
    async terminate(l, { idempotencyKey }) {
      await call(`${line(l)}/terminate`, idempotencyKey, {});
    },
    async changeNumber(l, newMsisdn, { idempotencyKey }) {
      await call(`${line(l)}/msisdn`, idempotencyKey, { msisdn: newMsisdn });
    },
  };
}

/** The factory an adapter module exports under the port's name (adapters/adapters.ts); a module exports nothing else. */
export const provisioning = (): ProvisioningAdapter => createProvisioningAdapter(process.env);
