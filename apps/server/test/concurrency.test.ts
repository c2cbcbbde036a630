import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { anna, draftApplication, submitAndPay } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * What the row locks, SKIP LOCKED and the audit head lock promise, under real concurrency (on
 * PostgreSQL requests run in parallel on several connections; on PGlite they queue).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("concurrent requests", () => {
  it("give parallel approvals distinct SIMs, and the audit chain stays whole", async () => {
    const drafts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        draftApplication(server, "prepaid-data-esim", { ...anna, documentNumber: `P${i}0000000` }),
      ),
    );
    const submitted = await Promise.all(drafts.map(({ reference, token }) => submitAndPay(server, reference, token)));
    const iccids = submitted.map((r) => (r.body.line as { iccid: string } | null)?.iccid);
    expect(submitted.map((r) => r.body.state)).toEqual(Array(8).fill("sim_assigned"));
    expect(new Set(iccids).size).toBe(8);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  });

  it("let one of two simultaneous submissions through, and answer the other 409", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", {
      ...anna,
      documentNumber: "Q11111111",
    });
    const [a, b] = await Promise.all([submitAndPay(server, reference, token), submitAndPay(server, reference, token)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await server.api("GET", `/v1/applications/${reference}/events`, { token });
    expect((events.body.items as { event: string }[]).filter((e) => e.event === "submit")).toHaveLength(1);
  });

  it("count every one of many simultaneous wrong codes, locking at five", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", {
      ...anna,
      documentNumber: "R22222222",
    });
    await submitAndPay(server, reference, token);
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code: "000000" } }),
      ),
    );
    // (A 1-in-a-million chance that 000000 is the real code is not worth guarding against here.)
    expect(answers.filter((r) => r.status === 422)).toHaveLength(4);
    expect(answers.filter((r) => r.status === 423)).toHaveLength(4);
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.activation).toEqual({ locked: true, attemptsRemaining: 0 });
  });
});
