/**
 * The onboarding load driver, a process of its own (started by onboarding.ts with an IPC channel), so
 * that neither the server nor the floor shares its thread or its heap. It runs the journeys over HTTP
 * as the site and the apps do (an Idempotency-Key on every POST) and asks the bench process, which
 * holds the database and the keys as the applicant's mailbox would, for each activation code.
 */
import { randomUUID } from "node:crypto";
import { anna, particularsOf, td3 } from "../apps/server/test/support/journey.ts";

export const steps = ["create", "applicant", "evidence", "submit", "pay", "activationCode", "activation"] as const;
export type Step = (typeof steps)[number];
/** From the bench process: an activation code asked for, a batch of journeys to run, or the end. */
export type DriverCommand =
  | { kind: "code"; id: number; code: string }
  | { kind: "run"; from: number; count: number; record: boolean }
  | { kind: "finish" };
export type DriverMessage =
  | { kind: "code"; id: number; reference: string; email: string }
  | { kind: "ran"; seconds: number }
  | { kind: "done"; latencies: Record<Step, number[]> }
  | { kind: "failed"; message: string };

/** `urls`: the servers, comma-separated; client c talks to server c mod N (`npm run bench -- --servers N`). */
async function drive(urls: string, clients: number, send: (m: DriverMessage) => void) {
  const servers = urls.split(",");
  const latencies = Object.fromEntries(steps.map((s) => [s, []])) as unknown as Record<Step, number[]>;
  const pending = new Map<number, (code: string) => void>();
  let nextId = 0;
  const codeFor = (reference: string, email: string) =>
    new Promise<string>((resolve) => {
      const id = nextId++;
      pending.set(id, (code) => {
        pending.delete(id);
        resolve(code);
      });
      send({ kind: "code", id, reference, email });
    });

  let recording = false;
  const callOn = async (url: string, step: Step, method: string, path: string, token?: string, body?: unknown) => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
        // What the site and the apps send, so that a retried request cannot act twice.
        ...(method === "POST" ? { "idempotency-key": randomUUID() } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (recording) latencies[step].push(performance.now() - started);
    if (response.status >= 400) throw new Error(`${step}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const journey = async (i: number, url: string) => {
    const call = (step: Step, method: string, path: string, token?: string, body?: unknown) =>
      callOn(url, step, method, path, token, body);
    const person = { ...anna, documentNumber: `B${String(i).padStart(8, "0")}` };
    const email = `bench${i}@example.test`;
    const created = await call("create", "POST", "/v1/applications", undefined, {
      planId: "prepaid-data-esim",
      language: "en",
      channel: "online",
      contact: { email },
    });
    const ref = String(created.reference);
    const token = String(created.accessToken);
    await call("applicant", "PUT", `/v1/applications/${ref}/applicant`, token, particularsOf(person));
    await call("evidence", "POST", `/v1/applications/${ref}/evidence`, token, { kind: "mrz", lines: td3(person) });
    const submitted = await call("submit", "POST", `/v1/applications/${ref}/submit`, token);
    if (submitted.state !== "payment_pending") throw new Error(`submit: ${String(submitted.state)}`);
    // The prepaid plan's price, by card, as the status page pays it.
    await call("pay", "POST", `/v1/applications/${ref}/purchase/payments`, token, {
      method: "card",
      cardToken: "tok_test_ok",
    });
    await call("activationCode", "POST", `/v1/applications/${ref}/activation-code`, token);
    await call("activation", "POST", `/v1/applications/${ref}/activation`, token, { code: await codeFor(ref, email) });
  };

  const run = async (from: number, count: number) => {
    let next = from;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        while (next < from + count) await journey(next++, servers[c % servers.length] as string);
      }),
    );
  };
  process.on("message", (m: DriverCommand) => {
    if (m.kind === "code") pending.get(m.id)?.(m.code);
    else if (m.kind === "finish") send({ kind: "done", latencies });
    else {
      recording = m.record;
      const started = performance.now();
      run(m.from, m.count).then(
        () => send({ kind: "ran", seconds: (performance.now() - started) / 1000 }),
        (error: unknown) => send({ kind: "failed", message: String(error) }),
      );
    }
  });
}

// Started by onboarding.ts: `node --import tsx bench/onboarding-driver.ts <url>[,<url>…] <clients>` with IPC.
if (process.send && process.argv[2]) {
  const send = (m: DriverMessage) => process.send?.(m);
  // The bench process gone (finished or failed): nothing left to drive.
  process.on("disconnect", () => process.exit(0));
  drive(process.argv[2], Number(process.argv[3] ?? 8), send).catch((error: unknown) =>
    send({ kind: "failed", message: String(error) }),
  );
}
