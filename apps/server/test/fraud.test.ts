import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anna, draftApplication, submitAndPay } from "./support/journey.ts";
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
      const submitted = await submitAndPay(server, reference, token);
      expect(submitted.body.state).toBe("in_review");
      const limit = (submitted.body.checks as Check[]).find((c) => c.code === "fraud.line_limit");
      expect(limit).toMatchObject({ status: "pass", params: { limit: 5, lines: i + 1 } });
    }
    const { reference, token } = await draftApplication(server, "prepaid-voice-sim", anna, { address });
    const sixth = await submitAndPay(server, reference, token);
    expect(sixth.body.state).toBe("rejected");
    const limit = (sixth.body.checks as Check[]).find((c) => c.code === "fraud.line_limit");
    expect(limit).toMatchObject({ status: "fail", params: { limit: 5, lines: 6 } });
    expect(limit?.message).toMatch(/at most 5 voice lines/);
    // Data-only SIMs are not lines under the limit.
    const data = await draftApplication(server, "prepaid-data-esim", anna);
    const dataSubmitted = await submitAndPay(server, data.reference, data.token);
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
    const submitted = await submitAndPay(server, second.reference, second.token);
    expect(submitted.body.state).toBe("in_review");
    expect((submitted.body.checks as Check[]).find((c) => c.code === "fraud.document_reused")?.status).toBe("review");
  });
});

describe("blocklist, velocity and throw-away mailboxes", () => {
  it("rejects an application whose document is on the blocklist, and lets it through once removed", async () => {
    const { spawnSync } = await import("node:child_process");
    const { join } = await import("node:path");
    const { localKeyManagement } = await import("../src/crypto/key-management.ts");
    const { documentIndexValue } = await import("../src/applications/update-particulars.ts");
    const blocked = { ...anna, documentNumber: "Z77777777" };
    // The CLI writes the same blind index as this (tested on its own below); here the entry goes in directly.
    const index = localKeyManagement(server.masterKey).blindIndex(
      "document",
      documentIndexValue({ type: "passport", issuingCountry: "UTO", number: "Z77777777" }) ?? "",
    );
    await server.services.db.query(
      "INSERT INTO blocklist_entries (id, kind, value_index, reason, added_by) VALUES (gen_random_uuid(), 'document', $1, 'reported stolen', 'test')",
      [index],
    );
    const first = await draftApplication(server, "prepaid-data-esim", blocked);
    const submitted = await submitAndPay(server, first.reference, first.token);
    expect(submitted.body.state).toBe("rejected");
    expect((submitted.body.checks as Check[]).find((c) => c.code === "fraud.blocklist")).toMatchObject({
      status: "fail",
      params: { matched: "document" },
    });
    await server.services.db.query("UPDATE blocklist_entries SET removed_at = now(), removed_by = 'test'");
    const second = await draftApplication(server, "prepaid-data-esim", blocked);
    const again = await submitAndPay(server, second.reference, second.token);
    expect((again.body.checks as Check[]).find((c) => c.code === "fraud.blocklist")?.status).toBe("pass");

    const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
    const usage = spawnSync(
      process.execPath,
      [cli, "blocklist", "add", "--kind", "document", "--reason", "x", "--by", "y"],
      {
        encoding: "utf8",
      },
    );
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--document-type, --document-number and --country/);
  });

  it("sends a burst of applications from one e-mail address to review", async () => {
    const limited = await startTestServer({ JITSUMEI_VELOCITY_LIMITS: "email=2,ip=1000" });
    try {
      const states: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { reference, token } = await draftApplication(limited, "prepaid-data-esim", {
          ...anna,
          documentNumber: `V${i}0000000`,
        });
        const submitted = await limited.api("POST", `/v1/applications/${reference}/submit`, { token });
        states.push(String(submitted.body.state));
        const velocity = (submitted.body.checks as Check[]).find((c) => c.code === "fraud.velocity");
        if (i === 2) expect(velocity).toMatchObject({ status: "review", params: { over: "contact" } });
      }
      // The first two are approved (their price to pay), the third goes to a person.
      expect(states).toEqual(["payment_pending", "payment_pending", "in_review"]);
    } finally {
      await limited.close();
    }
  });

  it("sends a throw-away mailbox to review", async () => {
    const created = await server.api("POST", "/v1/applications", {
      body: {
        planId: "prepaid-data-esim",
        language: "en",
        channel: "online",
        contact: { email: "someone@mailinator.com" },
      },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const { particularsOf, td3 } = await import("./support/journey.ts");
    const other = { ...anna, documentNumber: "M12345678" };
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(other) });
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(other) },
    });
    const submitted = await submitAndPay(server, reference, token);
    expect((submitted.body.checks as Check[]).find((c) => c.code === "fraud.disposable_email")?.status).toBe("review");
    expect(submitted.body.state).toBe("in_review");
  });
});
