import { Webhook } from "standardwebhooks";
import { fetch as undiciFetch } from "undici";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { enqueueJob, errorSummary, PermanentJobError } from "../jobs/jobs.ts";
import {
  failDeliveryOfDisabledEndpoint,
  findDeliveryTarget,
  insertAttempt,
  insertDeliveriesOfEvent,
  lockDelivery,
  markDelivered,
  markDeliveryFailed,
  scheduleNextAttempt,
  setDeliveryAttempts,
} from "./deliveries-repository.ts";
import { ForbiddenAddressError, forbiddenHostReason, guardedAgent, type Resolver } from "./outbound-address.ts";
import { readEndpointSecret } from "./webhook-endpoints.ts";

/**
 * The two jobs behind every webhook: the fan-out of an event to the endpoints subscribed to it, and
 * the delivery of one event to one endpoint, signed as Standard Webhooks asks (webhook-id,
 * webhook-timestamp, webhook-signature).
 *
 * Each delivery job makes one attempt; a failure schedules the next attempt as a new job with its
 * own run time. The retry schedule is the webhook's own, not the job queue's: the queue's back-off
 * gives up after about four minutes, while an integrator's endpoint may be down for hours.
 */

/** Attempts in one round: the first, then one after each delay below (about 28 hours in all). */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;

const TIMEOUT_MS = 10_000;
const USER_AGENT = "Jitsumei-Webhooks/0.1";

export type WebhookDeliveryDeps = {
  db: Database;
  keys: KeyManagement;
  clock?: () => Date;
  /** Receivers on loopback addresses (development and tests only: WEBHOOK_ALLOW_LOOPBACK). */
  allowLoopback?: boolean;
  /** Host names to addresses (default: the system's resolver); tests give their own. */
  resolver?: Resolver;
};

/** `attempt`: the number this job's attempt will have; a job whose number was already used is a repeat. */
export type DeliverWebhookPayload = { deliveryId: string; attempt: number; manual?: boolean };

/**
 * One delivery per enabled endpoint subscribed to the event's type (and created before the event).
 * Runs at least once: the unique (endpoint, event) makes a repeat create nothing and queue nothing.
 */
export function fanOutWebhookEventJob(deps: { db: Database }) {
  return async (payload: { eventId: string }) => {
    await deps.db.transaction(async (tx) => {
      const ids = await insertDeliveriesOfEvent(tx, payload.eventId, MAX_WEBHOOK_ATTEMPTS);
      for (const id of ids) {
        await enqueueJob(tx, "deliver_webhook", { deliveryId: id, attempt: 1 } satisfies DeliverWebhookPayload);
      }
    });
  };
}

type Outcome = { statusCode: number | null; error: string | null; delivered: boolean; permanent: boolean };

/**
 * Makes one attempt. 2xx: delivered. Anything else: logged, and the next attempt is scheduled, until
 * the round's attempts are used up or the receiver answers 410 Gone; then the delivery is failed and
 * the job fails too (PermanentJobError), so the operator's log shows it.
 */
export function deliverWebhookJob(deps: WebhookDeliveryDeps) {
  const clock = deps.clock ?? (() => new Date());
  const allowLoopback = deps.allowLoopback ?? false;
  // Every connection resolves its host itself and refuses private addresses (outbound-address.ts).
  const dispatcher = guardedAgent(allowLoopback, deps.resolver);
  const send = (url: string, init: RequestInit) => {
    const refused = forbiddenHostReason(new URL(url), allowLoopback);
    if (refused) throw new ForbiddenAddressError(`the endpoint's address ${refused}`);
    return undiciFetch(url, { ...(init as object), dispatcher } as never) as unknown as Promise<Response>;
  };
  return async (payload: DeliverWebhookPayload) => {
    const target = await findDeliveryTarget(deps.db, payload.deliveryId);
    // Delivered, failed, or this attempt was already made (a job that ran twice): nothing to do.
    if (target?.status !== "pending" || target.attempts !== payload.attempt - 1) return;
    if (target.disabled_at !== null) {
      await failDeliveryOfDisabledEndpoint(deps.db, payload.deliveryId);
      return;
    }

    // The body is the same on every attempt; only the timestamp header (and so the signature) moves.
    const body = JSON.stringify({
      type: target.type,
      timestamp: new Date(target.event_created_at).toISOString(),
      data: target.payload,
    });
    const secret = await readEndpointSecret(deps.keys, target.endpoint_id, target.secret_enc);
    const at = clock();
    const started = performance.now();
    const outcome = await post(send, target.url, body, {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      "webhook-id": target.event_id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(target.event_id, at, body),
    });
    const durationMs = Math.round(performance.now() - started);

    const failed = await recordAttempt(deps.db, clock, payload, { at, durationMs, ...outcome });
    if (failed) throw new PermanentJobError(`webhook delivery ${payload.deliveryId} failed: ${outcome.error}`);
  };
}

async function post(
  send: (url: string, init: RequestInit) => Promise<Response>,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<Outcome> {
  try {
    const response = await send(url, {
      method: "POST",
      headers,
      body,
      // A redirect is an answer, not a delivery: following it would POST to an address nobody configured.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // The receiver's answer is not kept; reading it only frees the connection.
    await response.body?.cancel().catch(() => {});
    const delivered = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      error: delivered ? null : `HTTP ${response.status}`,
      delivered,
      permanent: response.status === 410,
    };
  } catch (error) {
    // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, a TLS error) in `cause`.
    const cause = (error as { cause?: unknown }).cause;
    // A private address is no passing failure: retrying would only knock on the same door.
    const forbidden = error instanceof ForbiddenAddressError || cause instanceof ForbiddenAddressError;
    return { statusCode: null, error: errorSummary(cause ?? error), delivered: false, permanent: forbidden };
  }
}

/**
 * Logs the attempt and moves the delivery on, under the delivery's row lock. Returns true when the
 * delivery has just failed for good.
 */
async function recordAttempt(
  db: Database,
  clock: () => Date,
  payload: DeliverWebhookPayload,
  result: Outcome & { at: Date; durationMs: number },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const current = await lockDelivery(tx, payload.deliveryId);
    if (!current) return false;
    const attempt = current.attempts + 1;
    const left = Math.max(current.attempts_left - 1, 0);
    await insertAttempt(tx, {
      deliveryId: payload.deliveryId,
      attempt,
      at: result.at,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      manual: !!payload.manual,
    });
    if (result.delivered) {
      await markDelivered(tx, payload.deliveryId, {
        attempts: attempt,
        attemptsLeft: left,
        at: result.at,
        statusCode: result.statusCode,
      });
      return false;
    }
    // Another job made an attempt meanwhile (a manual re-delivery overtook a retry): it owns the round.
    if (current.status !== "pending" || current.attempts !== payload.attempt - 1) {
      await setDeliveryAttempts(tx, payload.deliveryId, attempt);
      return false;
    }
    if (result.permanent || left === 0) {
      await markDeliveryFailed(tx, payload.deliveryId, {
        attempts: attempt,
        statusCode: result.statusCode,
        error: result.error,
      });
      return true;
    }
    const delaySeconds =
      WEBHOOK_RETRY_DELAYS_SECONDS[MAX_WEBHOOK_ATTEMPTS - left - 1] ?? WEBHOOK_RETRY_DELAYS_SECONDS[0];
    const nextAttemptAt = new Date(clock().getTime() + delaySeconds * 1000);
    await scheduleNextAttempt(tx, payload.deliveryId, {
      attempts: attempt,
      attemptsLeft: left,
      nextAttemptAt,
      statusCode: result.statusCode,
      error: result.error,
    });
    await enqueueJob(
      tx,
      "deliver_webhook",
      { deliveryId: payload.deliveryId, attempt: attempt + 1 } satisfies DeliverWebhookPayload,
      { runAt: nextAttemptAt },
    );
    return false;
  });
}
