import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "../src/db/database.ts";
import { localNetworkAdapter, type ProvisioningAdapter } from "../src/issuance/provisioning.ts";
import { loggedProvisioning } from "../src/issuance/provisioning-log.ts";
import { runPeriodicSweeps } from "../src/jobs/periodic-sweeps.ts";
import { activationCodeFromOutbox, draftApplication, somebody, submitAndPay } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Issue 25, the operation log and a crash (PostgreSQL only: PGlite's one connection is the caller's
 * transaction, where the entry is written there). The process dies while the network is taking an
 * activation: the entry written before the call is there (committed on its own), the console's case
 * view shows it, and the periodic sweep, under its lease, finds it in doubt and brings the network
 * back to our records (no line there: taken off the network again). The applicant then activates.
 *
 * The crash is played as a process dies: the call never returns (nothing after it runs) and the
 * database connection of the activating transaction is cut (so its work and its locks go).
 */
let server: TestServer;
/** Ends the call the crash left hanging, so that the pool can close (a dead process holds nothing). */
let endHungCall: (error: Error) => void = () => {};
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  endHungCall(new Error("the process is gone"));
  await server?.close();
});

type Op = { operation: string; outcome: string; error: string | null };

describe("a crash during a network call", () => {
  it("leaves the entry written before the call, shown to staff, and the sweep reconciles it with our records", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("sim_assigned");
    const db = server.services.db;
    const { rows } = await db.query<{ id: string; iccid: string; msisdn: string }>(
      "SELECT a.id, s.iccid, s.msisdn FROM applications a JOIN sims s ON s.application_id = a.id WHERE a.reference = $1",
      [reference],
    );
    const line = rows[0];
    if (!line) throw new Error("no line reserved");
    const request = {
      requestKey: line.id,
      imsi: null,
      msisdn: line.msisdn,
      iccid: line.iccid,
      lineType: "data" as const,
    };

    // The network takes the activation (committed on its side), and the process dies before the answer.
    let backend: (pid: number) => void = () => {};
    const dying = new Promise<number>((resolve) => {
      backend = resolve;
    });
    const inner = localNetworkAdapter();
    const crashing: ProvisioningAdapter = {
      ...inner,
      async activate(r, call) {
        await inner.activate(r, { ...call, tx: db });
        const pid = await call.tx.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        backend(Number(pid.rows[0]?.pid));
        return new Promise((_, reject) => {
          endHungCall = reject;
        });
      },
    };
    const provisioning = loggedProvisioning(crashing, db, { retryDelayMs: 0 });
    void db
      .transaction(async (tx: Queryable) => {
        await tx.query("SELECT 1 FROM applications WHERE id = $1 FOR UPDATE", [line.id]);
        await provisioning.activate(request, tx);
      })
      .catch(() => undefined);
    const pid = await dying;
    await db.query("SELECT pg_terminate_backend($1)", [pid]);

    const reviewer = await signInAs(server, "reviewer");
    const caseView = async () =>
      (await reviewer.api("GET", `/v1/staff/applications/${reference}`)).body.provisioning as Op[];
    // Written before the call and committed on its own: the crash did not take it away.
    expect(await caseView()).toMatchObject([{ operation: "activate", outcome: "pending" }]);
    const onNetwork = () =>
      db.query("SELECT 1 FROM network_simulator_subscribers WHERE request_key = $1", [line.id]).then((r) => r.rowCount);
    expect(await onNetwork()).toBe(1);

    // Not yet in doubt: a call may take a while.
    expect(await runPeriodicSweeps(server.services, "sweeper", 60, (m) => expect.fail(m))).toBe(true);
    expect(await caseView()).toMatchObject([{ operation: "activate", outcome: "pending" }]);

    // Ten minutes on, the sweep finds it in doubt; our records have no line, so the network gives it up.
    server.advanceClock(11 * 60_000);
    expect(await runPeriodicSweeps(server.services, "sweeper", 60, (m) => expect.fail(m))).toBe(true);
    const after = await caseView();
    expect(after.map((o) => [o.operation, o.outcome])).toEqual([
      ["activate", "rolled_back"],
      ["activate", "rolled_back"],
      ["terminate", "succeeded"],
    ]);
    expect(after[0]?.error).toContain("a crash left the activation in doubt");
    expect(await onNetwork()).toBe(0);
    // Run again, the sweep finds nothing to do.
    expect(await runPeriodicSweeps(server.services, "sweeper", 60, (m) => expect.fail(m))).toBe(true);
    expect(await caseView()).toHaveLength(3);

    // The applicant, whose application waited as it was, activates.
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const code = await activationCodeFromOutbox(server, reference);
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect(await onNetwork()).toBe(1);
    expect((await caseView()).map((o) => [o.operation, o.outcome]).at(-1)).toEqual(["activate", "succeeded"]);
  });
});
