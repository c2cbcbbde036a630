/**
 * An example adapter module (docs/adapters.md): SMS and parcel booking over two providers' JSON HTTP
 * APIs. Start a server with it:
 *
 *   JITSUMEI_ADAPTERS_MODULE=./examples/adapters/http-adapters.ts \
 *   EXAMPLE_SMS_API=https://sms.example/v1 EXAMPLE_SMS_TOKEN=… \
 *   EXAMPLE_DELIVERY_API=https://parcels.example/v1 EXAMPLE_DELIVERY_TOKEN=… npm run jitsumei -- serve
 *
 * Every port this module does not export (SM-DP+, network, payment…) keeps its simulator, which
 * production refuses unless ALLOW_SIMULATORS lists it. The APIs here are made up: a real adapter
 * follows its provider's documentation, but keeps the same contract with the server.
 */
import { type AdapterContext, type Adapters, PermanentJobError } from "@jitsumei/server/adapters";

type Api = { url: string; token: string };

/** A factory reads its own settings at start: a missing one stops the server, not the first message. */
function api(name: string): Api {
  const url = process.env[`EXAMPLE_${name}_API`];
  const token = process.env[`EXAMPLE_${name}_TOKEN`];
  if (!url || !URL.canParse(url)) throw new Error(`EXAMPLE_${name}_API must be the provider's https:// URL`);
  if (!token) throw new Error(`EXAMPLE_${name}_TOKEN is required`);
  return { url: url.replace(/\/$/, ""), token };
}

async function post(target: Api, path: string, body: unknown): Promise<Response> {
  return fetch(`${target.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    // A provider that hangs fails the job, which the worker retries later.
    signal: AbortSignal.timeout(10_000),
  });
}

export function sms(_context: AdapterContext): Adapters["sms"] {
  const target = api("SMS");
  return {
    kind: "provider",
    async send(message) {
      // Our id as the provider's client reference: a retried job is not a second message.
      const response = await post(target, "/messages", { to: message.to, text: message.text, reference: message.id });
      // The provider refused the number (invalid, opted out): retrying cannot help.
      if (response.status === 400 || response.status === 422) {
        throw new PermanentJobError(`the SMS provider refused the message (${response.status})`);
      }
      if (!response.ok) throw new Error(`the SMS provider answered ${response.status}`);
      const answer = (await response.json()) as { id?: unknown };
      return { providerMessageId: typeof answer.id === "string" ? answer.id : null };
    },
  };
}

export function delivery(_context: AdapterContext): Adapters["delivery"] {
  const target = api("DELIVERY");
  return {
    carrier: "example-parcels",
    async book(request) {
      const response = await post(target, "/bookings", {
        reference: request.shipmentId,
        // 本人限定受取郵便 or 書留 (転送不要): the recipient must prove who they are at the door.
        service: request.method === "restricted_delivery" ? "restricted" : "registered-no-forwarding",
      });
      if (!response.ok) throw new Error(`the carrier answered ${response.status}`);
      const answer = (await response.json()) as { trackingNumber?: unknown };
      if (typeof answer.trackingNumber !== "string") throw new Error("the carrier gave no tracking number");
      return { trackingNumber: answer.trackingNumber };
    },
  };
}
