import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseAdapters } from "../src/adapters/choose-adapters.ts";
import { loadConfig } from "../src/config/config.ts";
import { migrate } from "../src/db/migrate.ts";
import {
  type ActivationRequest,
  type LineOnNetwork,
  localNetworkAdapter,
  type ProvisioningAdapter,
  ProvisioningError,
} from "../src/issuance/provisioning.ts";
import { loggedProvisioning } from "../src/issuance/provisioning-log.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

/**
 * The operation log of the provisioning door, on a real database: each call written with its request,
 * answer and outcome; transient failures retried with one idempotency key; a refusal kept on record
 * when the caller's transaction rolls back (PostgreSQL); an activation undone.
 */
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await migrate(test.db);
});
afterAll(async () => test?.drop());

type Op = {
  operation: string;
  outcome: string;
  attempts: number;
  request: unknown;
  answer: unknown;
  error: string | null;
};
async function log(applicationId: string): Promise<Op[]> {
  const { rows } = await test.db.query<Op & { idempotency_key: string }>(
    "SELECT operation, outcome, attempts, request, answer, error FROM provisioning_operations WHERE application_id = $1 ORDER BY id",
    [applicationId],
  );
  return rows;
}

function request(): ActivationRequest {
  return {
    requestKey: randomUUID(),
    imsi: "440991234567890",
    msisdn: `070${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
    iccid: "8981100000000000017",
    lineType: "voice",
  };
}

/** Reads until `done` holds (the failure copy is written after the transaction ends), for up to 5 s. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read();
    if (done(value) || i >= 250) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The simulator, failing the first `lost` calls of an operation as a network whose answer is lost. */
function flaky(lost: number, keys: string[]): ProvisioningAdapter {
  const inner = localNetworkAdapter();
  let left = lost;
  return {
    ...inner,
    async activate(r, call) {
      keys.push(call.idempotencyKey);
      if (left-- > 0) throw new ProvisioningError("HTTP 503 from the MVNE", true);
      return inner.activate(r, call);
    },
  };
}

describe("the provisioning operation log", () => {
  it("writes the request, the network's answer and the outcome; retries a lost answer with the same key", async () => {
    const keys: string[] = [];
    const provisioning = loggedProvisioning(flaky(1, keys), test.db, { retryDelayMs: 0 });
    const r = request();
    const { networkRef } = await test.db.transaction((tx) => provisioning.activate(r, tx));
    expect(keys).toEqual([`activate:${r.requestKey}`, `activate:${r.requestKey}`]);
    expect(await log(r.requestKey)).toEqual([
      {
        operation: "activate",
        outcome: "succeeded",
        attempts: 2,
        request: { ...r },
        answer: { networkRef, subscriber: networkRef },
        error: null,
      },
    ]);
    const subscriber = await test.db.query(
      "SELECT imsi, status FROM network_simulator_subscribers WHERE network_ref = $1",
      [networkRef],
    );
    expect(subscriber.rows).toEqual([{ imsi: r.imsi, status: "active" }]);
  });

  it("logs a refusal as failed, not retried", async () => {
    const keys: string[] = [];
    const refusing: ProvisioningAdapter = {
      ...localNetworkAdapter(),
      async activate(_r, call) {
        keys.push(call.idempotencyKey);
        throw new Error("MSISDN already provisioned on another subscriber");
      },
    };
    const provisioning = loggedProvisioning(refusing, test.db, { retryDelayMs: 0 });
    const r = request();
    await expect(test.db.transaction((tx) => provisioning.activate(r, tx))).rejects.toThrow("already provisioned");
    expect(keys).toHaveLength(1);
    // Kept outside the rolled-back transaction: the network was asked, and refused.
    expect(
      await eventually(
        () => log(r.requestKey),
        (ops) => ops.length > 0,
      ),
    ).toMatchObject([
      {
        operation: "activate",
        outcome: "failed",
        attempts: 1,
        error: "MSISDN already provisioned on another subscriber",
      },
    ]);
  });

  it("keeps one failed row when the caller handles the refusal and commits", async () => {
    const refusing: ProvisioningAdapter = {
      ...localNetworkAdapter(),
      async suspend() {
        throw new Error("subscriber locked by the network operator");
      },
    };
    const provisioning = loggedProvisioning(refusing, test.db, { retryDelayMs: 0 });
    const networkRef = `SIM-${randomUUID()}`;
    await test.db.transaction(async (tx) => {
      await provisioning.suspend({ networkRef, msisdn: "07000000000" }, tx).catch(() => undefined);
    });
    const read = () =>
      test.db.query<{ outcome: string; error: string }>(
        "SELECT outcome, error FROM provisioning_operations WHERE idempotency_key = $1",
        [`suspend:${networkRef}:1`],
      );
    // The copy kept outside the transaction has the committed row's id: it cannot add a second one.
    expect((await read()).rows).toEqual([{ outcome: "failed", error: "subscriber locked by the network operator" }]);
  });

  it("bars, suspends, resumes, changes the number of and terminates a line, each call logged", async () => {
    const provisioning = loggedProvisioning(localNetworkAdapter(), test.db, { retryDelayMs: 0 });
    const r = request();
    const { networkRef } = await test.db.transaction((tx) => provisioning.activate(r, tx));
    const line: LineOnNetwork = { networkRef, msisdn: r.msisdn };
    const status = async () =>
      (
        await test.db.query<{ status: string; outgoing_barred: boolean }>(
          "SELECT status, outgoing_barred FROM network_simulator_subscribers WHERE network_ref = $1",
          [networkRef],
        )
      ).rows[0] ?? null;
    await test.db.transaction((tx) => provisioning.setService(line, "receive_only", tx));
    expect(await status()).toEqual({ status: "receive_only", outgoing_barred: true });
    await test.db.transaction((tx) => provisioning.setService(line, "suspended", tx));
    expect(await status()).toEqual({ status: "suspended", outgoing_barred: true });
    await test.db.transaction((tx) => provisioning.setService(line, "full", tx));
    expect(await status()).toEqual({ status: "active", outgoing_barred: false });
    await test.db.transaction((tx) => provisioning.changeNumber(line, "07099998888", tx));
    await test.db.transaction((tx) => provisioning.terminate({ ...line, msisdn: "07099998888" }, tx));
    expect(await status()).toBeNull();
    const ops = await test.db.query<{ operation: string; outcome: string }>(
      "SELECT operation, outcome FROM provisioning_operations WHERE idempotency_key LIKE $1 ORDER BY id",
      [`%${networkRef}%`],
    );
    expect(ops.rows).toEqual([
      { operation: "bar_outgoing", outcome: "succeeded" },
      { operation: "suspend", outcome: "succeeded" },
      { operation: "unbar_outgoing", outcome: "succeeded" },
      { operation: "resume", outcome: "succeeded" },
      { operation: "change_number", outcome: "succeeded" },
      { operation: "terminate", outcome: "succeeded" },
    ]);
  });

  it("gives a suspension asked again after a resume its own idempotency key, and a retry the same one", async () => {
    const keys: string[] = [];
    let lose = 0;
    const inner = localNetworkAdapter();
    const recording: ProvisioningAdapter = {
      ...inner,
      async suspend(l, call) {
        keys.push(call.idempotencyKey);
        if (lose-- > 0) throw new ProvisioningError("HTTP 503 from the MVNE", true);
        return inner.suspend(l, call);
      },
      async resume(l, call) {
        keys.push(call.idempotencyKey);
        return inner.resume(l, call);
      },
    };
    const provisioning = loggedProvisioning(recording, test.db, { retryDelayMs: 0 });
    const r = request();
    const { networkRef } = await test.db.transaction((tx) => provisioning.activate(r, tx));
    const line: LineOnNetwork = { networkRef, msisdn: r.msisdn };
    await test.db.transaction((tx) => provisioning.suspend(line, tx));
    await test.db.transaction((tx) => provisioning.resume(line, tx));
    lose = 1; // the second suspension's first answer is lost: its retry carries the same key
    await test.db.transaction((tx) => provisioning.suspend(line, tx));
    // A network that does each key once would have ignored a second suspension sent as the first.
    expect(keys).toEqual([
      `suspend:${networkRef}:1`,
      `resume:${networkRef}:1`,
      `suspend:${networkRef}:2`,
      `suspend:${networkRef}:2`,
    ]);
    const simulated = await test.db.query<{ status: string }>(
      "SELECT status FROM network_simulator_subscribers WHERE network_ref = $1",
      [networkRef],
    );
    expect(simulated.rows).toEqual([{ status: "suspended" }]);
  });

  it("undoes an activation the network took when the activating transaction fails", async () => {
    const provisioning = loggedProvisioning(localNetworkAdapter(), test.db, { retryDelayMs: 0 });
    const r = request();
    let taken = "";
    // The simulator writes in the caller's transaction, so activate in one that commits, as a real
    // network (which no rollback reaches) would have the line.
    await test.db.transaction(async (tx) => {
      taken = (await provisioning.activate(r, tx)).networkRef;
    });
    await provisioning.rollBackActivation(r, taken, "the verification record could not be written");
    const left = await test.db.query("SELECT 1 FROM network_simulator_subscribers WHERE network_ref = $1", [taken]);
    expect(left.rows).toHaveLength(0);
    expect((await log(r.requestKey)).map((o) => [o.operation, o.outcome])).toEqual([
      ["activate", "rolled_back"],
      ["terminate", "succeeded"],
    ]);
  });

  it("takes the example MVNE adapter as an adapter module's `provisioning`, which refuses to start unconfigured", async () => {
    const example = new URL("../src/issuance/provisioning-adapter.example.ts", import.meta.url).pathname;
    const config = loadConfig({ JITSUMEI_ADAPTERS_MODULE: example });
    const context = { env: "test" as const, publicUrl: () => "", clock: () => new Date(), warn: () => {} };
    await expect(chooseAdapters(config, context, ["provisioning"])).rejects.toThrow("MVNE_API_URL");
    process.env.MVNE_API_URL = "https://mvne.example";
    process.env.MVNE_API_TOKEN = "t";
    try {
      const { chosen, simulators } = await chooseAdapters(config, context, ["provisioning"]);
      expect(simulators).toEqual([]);
      expect(loggedProvisioning(chosen.provisioning as ProvisioningAdapter, test.db).kind).toBe("network");
    } finally {
      delete process.env.MVNE_API_URL;
      delete process.env.MVNE_API_TOKEN;
    }
  });
});
