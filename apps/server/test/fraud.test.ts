import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anna, draftApplication } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
type Check = { code: string; status: string; message: string; params?: Record<string, unknown> };

describe("fraud controls on the blind indexes", () => {
  it("refuses a sixth voice line for one person, naming the limit", async () => {
    // Five voice applications pending review hold five lines (the MRZ alone sends them to review).
    for (let i = 0; i < 5; i++) {
      const { reference, token } = await draftApplication(server, "prepaid-voice-sim", anna, { address });
      const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
      expect(submitted.body.state).toBe("in_review");
      const limit = (submitted.body.checks as Check[]).find((c) => c.code === "fraud.line_limit");
      expect(limit).toMatchObject({ status: "pass", params: { limit: 5, lines: i + 1 } });
    }
    const { reference, token } = await draftApplication(server, "prepaid-voice-sim", anna, { address });
    const sixth = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(sixth.body.state).toBe("rejected");
    const limit = (sixth.body.checks as Check[]).find((c) => c.code === "fraud.line_limit");
    expect(limit).toMatchObject({ status: "fail", params: { limit: 5, lines: 6 } });
    expect(limit?.message).toMatch(/at most 5 voice lines/);
    // Data-only SIMs are not lines under the limit.
    const data = await draftApplication(server, "prepaid-data-esim", anna);
    const dataSubmitted = await server.api("POST", `/v1/applications/${data.reference}/submit`, { token: data.token });
    expect((dataSubmitted.body.checks as Check[]).some((c) => c.code === "fraud.line_limit")).toBe(false);
  });

  it("sends the same passport under another name to review", async () => {
    const other = { ...anna, family: "NORDMANN", given: "BERIT", documentNumber: "X99999999" };
    const first = await draftApplication(server, "prepaid-data-esim", other);
    const firstSubmitted = await server.api("POST", `/v1/applications/${first.reference}/submit`, {
      token: first.token,
    });
    expect((firstSubmitted.body.checks as Check[]).find((c) => c.code === "fraud.document_reused")?.status).toBe(
      "pass",
    );

    const impostor = { ...other, family: "HANSEN", given: "KARI" };
    const second = await draftApplication(server, "prepaid-data-esim", impostor);
    const submitted = await server.api("POST", `/v1/applications/${second.reference}/submit`, { token: second.token });
    expect(submitted.body.state).toBe("in_review");
    expect((submitted.body.checks as Check[]).find((c) => c.code === "fraud.document_reused")?.status).toBe("review");
  });
});
