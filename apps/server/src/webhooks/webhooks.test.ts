import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import { type KeyManagement, localKeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { AppError } from "../errors.ts";
import { type JobWorker, startJobWorker } from "../jobs/jobs.ts";
import {
  deliverWebhookJob,
  fanOutWebhookEventJob,
  MAX_WEBHOOK_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_SECONDS,
} from "./deliver-webhooks.ts";
import { type DeliveryCursor, isDeliveryCursor, listWebhookDeliveries } from "./list-deliveries.ts";
import type { Resolver } from "./outbound-address.ts";
import { queueWebhookEvent } from "./queue-webhook-event.ts";
import { redeliverWebhook } from "./redeliver.ts";
import {
  createWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  readEndpointSecret,
  updateWebhookEndpoint,
} from "./webhook-endpoints.ts";

/** A real HTTP receiver on a free port: it records what it got and answers with the codes it is given. */
type Received = { headers: Record<string, string>; body: string };
type Receiver = { url: string; received: Received[]; answers: number[]; close(): Promise<void> };

async function startReceiver(answers: number[] = [204]): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { received, answers } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: flatten(req.headers), body: Buffer.concat(chunks).toString("utf8") });
      // The last code given repeats: [500] fails for ever, [500, 500, 200] succeeds at the third try.
      const status = receiver.answers.length > 1 ? (receiver.answers.shift() ?? 500) : (receiver.answers[0] ?? 500);
      res.writeHead(status).end("ignored");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks?token=abc`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v ?? "")]),
  );
}

let database: TestDatabase;
let db: Database;
let keys: KeyManagement;
let worker: JobWorker;
const receivers: Receiver[] = [];
const actor = "staff:00000000-0000-4000-8000-000000000001";

beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
  db = database.db;
  await migrate(db);
  keys = localKeyManagement(randomBytes(32));
  // The receivers listen on 127.0.0.1: loopback allowed, as WEBHOOK_ALLOW_LOOPBACK does in development.
  const deps = { db, keys, allowLoopback: true };
  worker = startJobWorker(
    db,
    { fan_out_webhook_event: fanOutWebhookEventJob(deps), deliver_webhook: deliverWebhookJob(deps) },
    { autostart: false },
  );
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all(receivers.map((r) => r.close()));
  await database?.drop();
});

// Each test starts with no endpoint listening and no job waiting.
beforeEach(async () => {
  await db.query("UPDATE webhook_endpoints SET disabled_at = now() WHERE disabled_at IS NULL");
  await db.query("UPDATE jobs SET status = 'done' WHERE status = 'pending'");
});

async function receiverWithEndpoint(answers?: number[]) {
  const receiver = await startReceiver(answers);
  receivers.push(receiver);
  const created = await createWebhookEndpoint(
    { db, keys, allowLoopback: true },
    { url: receiver.url, eventTypes: ["application.state_changed"], actor },
  );
  return { receiver, ...created };
}

let version = 0;
async function stateChanged(reference = "JT-TEST-0001") {
  version++;
  const id = await db.transaction((tx) =>
    queueWebhookEvent(tx, {
      type: "application.state_changed",
      data: { reference, event: "submit", from: "draft", to: "checking", version },
    }),
  );
  if (!id) throw new Error("no endpoint was listening");
  return id;
}

/** Runs every due job, then makes the retries scheduled for later due now, until nothing is left. */
async function runJobs(rounds = 1): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await worker.drain();
    await db.query("UPDATE jobs SET run_at = now() WHERE status = 'pending'");
  }
}

async function deliveryOf(endpointId: string) {
  const { rows } = await db.query<{
    id: string;
    status: string;
    attempts: number;
    next_attempt_at: Date | null;
    last_status_code: number | null;
  }>("SELECT id, status, attempts, next_attempt_at, last_status_code FROM webhook_deliveries WHERE endpoint_id = $1", [
    endpointId,
  ]);
  return rows;
}

async function attemptsOf(deliveryId: string) {
  const { rows } = await db.query<{ attempt: number; status_code: number | null; manual: boolean; error: string }>(
    "SELECT attempt, status_code, manual, error FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt",
    [deliveryId],
  );
  return rows;
}

describe("webhook endpoints", () => {
  it("refuses URLs that are not http(s), carry credentials, and unknown event types, naming the field", async () => {
    const attempt = (url: string, eventTypes = ["application.state_changed"]) =>
      createWebhookEndpoint({ db, keys }, { url, eventTypes, actor }).then(
        () => null,
        (e: unknown) => (e instanceof AppError ? e.extra.errors : e),
      );
    expect(await attempt("ftp://example.com/hooks")).toEqual([
      { field: "url", reason: "must be an http or https URL" },
    ]);
    expect(await attempt("https://user:pw@example.com/hooks")).toEqual([
      { field: "url", reason: expect.stringContaining("user name or password") },
    ]);
    expect(await attempt("not a url")).toEqual([{ field: "url", reason: expect.stringContaining("absolute URL") }]);
    expect(await attempt("https://example.com/hooks", ["application.deleted"])).toEqual([
      { field: "eventTypes.0", reason: expect.stringContaining("application.state_changed") },
    ]);
    expect(await attempt("https://example.com/hooks", [])).toEqual([
      { field: "eventTypes", reason: "must name at least one event type" },
    ]);
  });

  it("refuses private, loopback, link-local and reserved addresses, naming the field (issue #21, finding 13)", async () => {
    const attempt = (url: string) =>
      createWebhookEndpoint({ db, keys }, { url, eventTypes: ["application.state_changed"], actor }).then(
        () => null,
        (e: unknown) => (e instanceof AppError ? e.extra.errors : e),
      );
    for (const url of [
      "http://127.0.0.1:8080/hooks",
      "http://localhost/hooks",
      "http://api.localhost./hooks",
      "http://10.1.2.3/hooks",
      "http://172.16.0.9/hooks",
      "http://192.168.1.10/hooks",
      "http://100.64.0.1/hooks",
      "http://169.254.169.254/latest/meta-data",
      "http://0.0.0.0/hooks",
      "http://[::1]/hooks",
      "http://[fe80::1]/hooks",
      "http://[fd00::5]/hooks",
      "http://[::ffff:192.168.0.1]/hooks",
      "http://[::ffff:7f00:1]/hooks",
    ]) {
      expect(await attempt(url), url).toEqual([
        { field: "url", reason: expect.stringContaining("must be a public address") },
      ]);
    }
  });

  it("checks every address again at delivery: a host that resolves to loopback gets nothing", async () => {
    // Registered where loopback was allowed (development); delivered by a worker where it is not.
    const receiver = await startReceiver([200]);
    receivers.push(receiver);
    const { endpoint } = await createWebhookEndpoint(
      { db, keys, allowLoopback: true },
      {
        url: receiver.url.replace("127.0.0.1", "hooks.example.test"),
        eventTypes: ["application.state_changed"],
        actor,
      },
    );
    // The name now resolves to this machine (as a rebinding DNS server would answer).
    const resolver: Resolver = (_hostname, _options, callback) => callback(null, [{ address: "127.0.0.1", family: 4 }]);
    const strict = { db, keys, resolver };
    const strictWorker = startJobWorker(
      db,
      { fan_out_webhook_event: fanOutWebhookEventJob(strict), deliver_webhook: deliverWebhookJob(strict) },
      { autostart: false },
    );
    try {
      await stateChanged();
      await strictWorker.drain();
    } finally {
      await strictWorker.stop();
    }
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveryOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
    const [tried] = await attemptsOf(delivery?.id ?? "");
    expect(tried?.error).toMatch(/hooks\.example\.test resolves to 127\.0\.0\.1, which is a loopback address/);
  });

  it("keeps the secret sealed: not in the table, the audit trail, or any listing", async () => {
    const { endpoint, secret } = await receiverWithEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const rawKey = Buffer.from(secret.slice("whsec_".length), "base64");

    const table = await db.query<{ row: string; secret_hex: string }>(
      "SELECT t::text AS row, encode(t.secret_enc, 'hex') AS secret_hex FROM webhook_endpoints t WHERE id = $1",
      [endpoint.id],
    );
    const stored = table.rows[0];
    expect(stored).toBeDefined();
    for (const text of [stored?.row ?? "", stored?.secret_hex ?? ""]) {
      expect(text).not.toContain(secret.slice("whsec_".length));
      expect(text).not.toContain(Buffer.from(secret, "utf8").toString("hex"));
      expect(text).not.toContain(rawKey.toString("hex"));
    }
    // It is there, sealed: the delivery job can open it.
    expect(await readEndpointSecret(keys, endpoint.id, Buffer.from(stored?.secret_hex ?? "", "hex"))).toBe(secret);

    const audit = await db.query<{ data: string }>(
      "SELECT data::text AS data FROM audit_entries WHERE subject = $1 AND action = 'webhook.endpoint_created'",
      [`webhook:${endpoint.id}`],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.data).not.toContain(secret.slice("whsec_".length));
    expect(audit.rows[0]?.data).not.toContain("token=abc"); // the URL's query string stays out
    expect(JSON.stringify(await listWebhookEndpoints(db))).not.toContain(secret.slice("whsec_".length));
    expect(JSON.stringify(await getWebhookEndpoint(db, endpoint.id))).not.toContain(secret.slice("whsec_".length));
  });
});

describe("webhook delivery", () => {
  it("fans an event out only to enabled endpoints subscribed to its type", async () => {
    const subscribed = await receiverWithEndpoint();
    const disabled = await receiverWithEndpoint();
    await updateWebhookEndpoint({ db }, { endpointId: disabled.endpoint.id, enabled: false, actor });
    // Subscribed to another type (there will be more than one).
    const elsewhere = await receiverWithEndpoint();
    await db.query("UPDATE webhook_endpoints SET event_types = ARRAY['application.other'] WHERE id = $1", [
      elsewhere.endpoint.id,
    ]);

    const eventId = await stateChanged();
    await runJobs();

    expect(subscribed.receiver.received).toHaveLength(1);
    expect(subscribed.receiver.received[0]?.headers["webhook-id"]).toBe(eventId);
    expect(disabled.receiver.received).toHaveLength(0);
    expect(elsewhere.receiver.received).toHaveLength(0);
    expect(await deliveryOf(subscribed.endpoint.id)).toMatchObject([{ status: "delivered", attempts: 1 }]);
    expect(await deliveryOf(disabled.endpoint.id)).toHaveLength(0);
    expect(await deliveryOf(elsewhere.endpoint.id)).toHaveLength(0);
  });

  it("signs as Standard Webhooks: the receiver's library verifies it, and refuses a tampered body", async () => {
    const { receiver, secret } = await receiverWithEndpoint();
    const eventId = await stateChanged("JT-SIGN-0001");
    await runJobs();

    const got = receiver.received[0];
    if (!got) throw new Error("nothing was delivered");
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["user-agent"]).toBe("Jitsumei-Webhooks/0.1");
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(secret).verify(got.body, got.headers);
    expect(verified).toEqual({
      type: "application.state_changed",
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      data: { reference: "JT-SIGN-0001", event: "submit", from: "draft", to: "checking", version },
    });
    expect(got.headers["webhook-id"]).toBe(eventId);

    const tampered = got.body.replace("JT-SIGN-0001", "JT-SIGN-0002");
    expect(tampered).not.toBe(got.body);
    expect(() => new Webhook(secret).verify(tampered, got.headers)).toThrow(WebhookVerificationError);
    const otherSecret = `whsec_${randomBytes(32).toString("base64")}`;
    expect(() => new Webhook(otherSecret).verify(got.body, got.headers)).toThrow(WebhookVerificationError);
  });

  it("retries a failing receiver on the webhook schedule until it answers 2xx, logging every attempt", async () => {
    const { receiver, endpoint } = await receiverWithEndpoint([500, 500, 200]);
    await stateChanged();

    const before = Date.now();
    await worker.drain();
    // One attempt, and the next one waits for its time: draining again sends nothing.
    await worker.drain();
    expect(receiver.received).toHaveLength(1);
    const [pending] = await deliveryOf(endpoint.id);
    expect(pending).toMatchObject({ status: "pending", attempts: 1, last_status_code: 500 });
    const wait = new Date(pending?.next_attempt_at ?? 0).getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(WEBHOOK_RETRY_DELAYS_SECONDS[0] * 1000 - 1000);
    expect(wait).toBeLessThan(WEBHOOK_RETRY_DELAYS_SECONDS[0] * 1000 + 5000);

    await runJobs(4);
    expect(receiver.received).toHaveLength(3);
    // Same message each time: the receiver can discard repeats by webhook-id.
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const [delivered] = await deliveryOf(endpoint.id);
    expect(delivered).toMatchObject({ status: "delivered", attempts: 3, next_attempt_at: null });
    expect(await attemptsOf(delivered?.id ?? "")).toMatchObject([
      { attempt: 1, status_code: 500, manual: false, error: "HTTP 500" },
      { attempt: 2, status_code: 500, manual: false },
      { attempt: 3, status_code: 200, manual: false, error: null },
    ]);
  });

  it("fails a delivery after the last attempt of its round, and the job with it", async () => {
    const { receiver, endpoint } = await receiverWithEndpoint([503]);
    await stateChanged();
    await runJobs(MAX_WEBHOOK_ATTEMPTS + 2);

    expect(receiver.received).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
    const [failed] = await deliveryOf(endpoint.id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_WEBHOOK_ATTEMPTS, next_attempt_at: null });
    expect(await attemptsOf(failed?.id ?? "")).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
    const jobs = await db.query<{ status: string }>(
      "SELECT status FROM jobs WHERE kind = 'deliver_webhook' AND payload->>'deliveryId' = $1 ORDER BY id",
      [failed?.id],
    );
    expect(jobs.rows.map((j) => j.status)).toEqual([...Array(MAX_WEBHOOK_ATTEMPTS - 1).fill("done"), "failed"]);
  });

  it("gives up at once on 410 Gone, and logs a refused connection without a status code", async () => {
    const { receiver, endpoint } = await receiverWithEndpoint([410]);
    await stateChanged();
    await runJobs(3);
    expect(receiver.received).toHaveLength(1);
    expect(await deliveryOf(endpoint.id)).toMatchObject([{ status: "failed", attempts: 1, last_status_code: 410 }]);

    const closed = await receiverWithEndpoint([200]);
    await updateWebhookEndpoint({ db }, { endpointId: endpoint.id, enabled: false, actor });
    await closed.receiver.close();
    receivers.splice(receivers.indexOf(closed.receiver), 1);
    await stateChanged();
    await worker.drain();
    const [refused] = await deliveryOf(closed.endpoint.id);
    expect(refused).toMatchObject({ status: "pending", attempts: 1, last_status_code: null });
    expect(await attemptsOf(refused?.id ?? "")).toMatchObject([{ status_code: null, error: /ECONNREFUSED/ }]);
  });

  it("re-delivers a failed delivery on request, logs the attempt as manual, and audits the request", async () => {
    const { receiver, endpoint } = await receiverWithEndpoint([410]);
    await stateChanged();
    await runJobs(2);
    const [failed] = await deliveryOf(endpoint.id);
    expect(failed?.status).toBe("failed");

    receiver.answers.splice(0, receiver.answers.length, 200);
    expect(await redeliverWebhook({ db }, { deliveryId: failed?.id ?? "", actor })).toEqual({
      deliveryId: failed?.id,
      status: "pending",
    });
    await runJobs();

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.headers["webhook-id"]).toBe(receiver.received[0]?.headers["webhook-id"]);
    expect(await deliveryOf(endpoint.id)).toMatchObject([{ status: "delivered", attempts: 2 }]);
    expect(await attemptsOf(failed?.id ?? "")).toMatchObject([
      { attempt: 1, status_code: 410, manual: false },
      { attempt: 2, status_code: 200, manual: true },
    ]);
    const audit = await db.query<{ actor: string; data: { deliveryId: string; previousStatus: string } }>(
      "SELECT actor, data FROM audit_entries WHERE action = 'webhook.redelivery_requested' AND subject = $1",
      [`webhook:${endpoint.id}`],
    );
    expect(audit.rows).toMatchObject([{ actor, data: { deliveryId: failed?.id, previousStatus: "failed" } }]);

    // The delivery log shows it the same way.
    const page = await listWebhookDeliveries(db, { endpointId: endpoint.id, after: null, limit: 10 });
    expect(page.items[0]?.attempts.map((a) => a.manual)).toEqual([false, true]);
  });

  it("creates each delivery once when the fan-out job runs twice", async () => {
    const first = await receiverWithEndpoint();
    const second = await receiverWithEndpoint();
    const eventId = await stateChanged();
    const fanOut = fanOutWebhookEventJob({ db });
    await fanOut({ eventId });
    await fanOut({ eventId });

    const deliveries = await db.query<{ endpoint_id: string }>(
      "SELECT endpoint_id FROM webhook_deliveries WHERE event_id = $1",
      [eventId],
    );
    expect(deliveries.rows.map((d) => d.endpoint_id).sort()).toEqual([first.endpoint.id, second.endpoint.id].sort());
    const jobs = await db.query(
      `SELECT 1 FROM jobs WHERE kind = 'deliver_webhook'
       AND payload->>'deliveryId' IN (SELECT id::text FROM webhook_deliveries WHERE event_id = $1)`,
      [eventId],
    );
    expect(jobs.rows).toHaveLength(2);
    // The queued fan-out job, run a third time by the worker, adds nothing either.
    await runJobs();
    expect(first.receiver.received).toHaveLength(1);
    expect(second.receiver.received).toHaveLength(1);
  });

  it("skips a delivery attempt that was already made (a job that ran twice)", async () => {
    const { receiver, endpoint } = await receiverWithEndpoint([500]);
    await stateChanged();
    await worker.drain();
    const [pending] = await deliveryOf(endpoint.id);
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    // The first attempt's job again, while the delivery waits for its second: nothing is sent.
    await deliverWebhookJob({ db, keys })({ deliveryId: pending?.id ?? "", attempt: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(await deliveryOf(endpoint.id)).toMatchObject([{ status: "pending", attempts: 1 }]);
  });

  it("pages the delivery log newest first", async () => {
    const { endpoint } = await receiverWithEndpoint([200]);
    for (let i = 0; i < 3; i++) await stateChanged(`JT-PAGE-000${i}`);
    await runJobs();
    const seen: string[] = [];
    let after: DeliveryCursor | null = null;
    for (;;) {
      const page = await listWebhookDeliveries(db, {
        endpointId: endpoint.id,
        after,
        limit: 2,
      });
      seen.push(...page.items.map((d) => d.createdAt));
      if (!page.next) break;
      expect(isDeliveryCursor(page.next)).toBe(true);
      after = page.next;
    }
    expect(seen).toHaveLength(3);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("stores no event when no endpoint listens", async () => {
    const id = await db.transaction((tx) =>
      queueWebhookEvent(tx, {
        type: "application.state_changed",
        data: { reference: "JT-NONE-0001", event: "submit", from: "draft", to: "checking", version: 1 },
      }),
    );
    expect(id).toBeNull();
  });
});
