/**
 * The onboarding load driver, in a worker thread of its own so that the ratio measures the server:
 * with the driver in the server's thread, its JSON and fetch work counted against the server on a
 * 2-core machine. It runs the journeys over HTTP and asks the main thread (which owns the database and
 * the keys, as the applicant's mailbox would) for each activation code.
 */
import { parentPort, workerData } from "node:worker_threads";
import { anna, particularsOf, td3 } from "../apps/server/test/support/journey.ts";

export const steps = ["create", "applicant", "evidence", "submit", "activationCode", "activation"] as const;
export type Step = (typeof steps)[number];
export type DriverInput = { url: string; clients: number };
/** From the main thread: an activation code asked for, a batch of journeys to run, or the end. */
export type DriverCommand =
  | { kind: "code"; id: number; code: string }
  | { kind: "run"; from: number; count: number; record: boolean }
  | { kind: "finish" };
export type DriverMessage =
  | { kind: "code"; id: number; reference: string }
  | { kind: "ran"; seconds: number }
  | { kind: "done"; latencies: Record<Step, number[]> }
  | { kind: "failed"; message: string };

async function drive({ url, clients }: DriverInput) {
  const port = parentPort;
  if (!port) throw new Error("onboarding-driver runs as a worker");
  const latencies = Object.fromEntries(steps.map((s) => [s, []])) as unknown as Record<Step, number[]>;
  const pending = new Map<number, (code: string) => void>();
  let nextId = 0;
  const fail = (error: unknown) => port.postMessage({ kind: "failed", message: String(error) } satisfies DriverMessage);
  const codeFor = (reference: string) =>
    new Promise<string>((resolve) => {
      const id = nextId++;
      pending.set(id, (code) => {
        pending.delete(id);
        resolve(code);
      });
      port.postMessage({ kind: "code", id, reference } satisfies DriverMessage);
    });

  let recording = false;
  const call = async (step: Step, method: string, path: string, token?: string, body?: unknown) => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (recording) latencies[step].push(performance.now() - started);
    if (response.status >= 400) throw new Error(`${step}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const journey = async (i: number) => {
    const person = { ...anna, documentNumber: `B${String(i).padStart(8, "0")}` };
    const created = await call("create", "POST", "/v1/applications", undefined, {
      planId: "prepaid-data-esim",
      language: "en",
      channel: "online",
      contact: { email: `bench${i}@example.test` },
    });
    const ref = String(created.reference);
    const token = String(created.accessToken);
    await call("applicant", "PUT", `/v1/applications/${ref}/applicant`, token, particularsOf(person));
    await call("evidence", "POST", `/v1/applications/${ref}/evidence`, token, { kind: "mrz", lines: td3(person) });
    const submitted = await call("submit", "POST", `/v1/applications/${ref}/submit`, token);
    if (submitted.state !== "sim_assigned") throw new Error(`submit: ${String(submitted.state)}`);
    await call("activationCode", "POST", `/v1/applications/${ref}/activation-code`, token);
    await call("activation", "POST", `/v1/applications/${ref}/activation`, token, { code: await codeFor(ref) });
  };

  const run = async (from: number, count: number) => {
    let next = from;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < from + count) await journey(next++);
      }),
    );
  };
  port.on("message", (m: DriverCommand) => {
    if (m.kind === "code") pending.get(m.id)?.(m.code);
    else if (m.kind === "finish") port.postMessage({ kind: "done", latencies } satisfies DriverMessage);
    else {
      recording = m.record;
      const started = performance.now();
      run(m.from, m.count).then(
        () => port.postMessage({ kind: "ran", seconds: (performance.now() - started) / 1000 } satisfies DriverMessage),
        fail,
      );
    }
  });
}

if (parentPort) {
  drive(workerData as DriverInput).catch((error: unknown) =>
    parentPort?.postMessage({ kind: "failed", message: String(error) } satisfies DriverMessage),
  );
}
