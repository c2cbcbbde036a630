import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { setUpDigitalAuth } from "../src/digital-auth/setup.ts";
import { fillDemoTrust } from "../src/evidence/demo-trust.ts";
import { anna, particularsOf } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * `npm start --demo` fills the CSCA trust folder with the demo chips' country signing CAs, so a chip
 * read at the demo's counter passes its trust check; never outside development, and never over a
 * folder the operator filled.
 */
const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-demo-trust-"));
const trust = { cscaDir: join(dataDir, "trust", "csca"), jpkiDir: join(dataDir, "trust", "jpki") };
let server: TestServer;
let chipFile: string;

beforeAll(async () => {
  const made = await fillDemoTrust({ env: "development", dataDir, trust });
  expect(made).toMatchObject({ cscaDir: trust.cscaDir, filled: true });
  chipFile = made?.chipFile ?? "";
  server = await startTestServer({ JITSUMEI_CSCA_DIR: trust.cscaDir });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("the demo's trust folders", () => {
  it("trust the demo passport chip: its document signer chains to a CSCA in the folder", async () => {
    expect(readdirSync(trust.cscaDir).filter((f) => f.endsWith(".pem")).length).toBeGreaterThan(0);
    const read = JSON.parse(readFileSync(chipFile, "utf8")) as { sod: string; dataGroups: Record<string, string> };
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email: "anna@example.test" } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(anna) });
    const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "chip", sod: read.sod, dataGroups: read.dataGroups },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const checks = added.body.checks as { code: string; status: string }[];
    expect(checks.find((c) => c.code === "chip.document_signer_trusted")?.status).toBe("pass");
    expect(checks.filter((c) => c.code.startsWith("chip.")).every((c) => c.status === "pass")).toBe(true);
  });

  it("are left alone outside development and where the operator put certificates", async () => {
    expect(await fillDemoTrust({ env: "production", dataDir, trust })).toBeNull();
    const own = { cscaDir: mkdtempSync(join(tmpdir(), "jitsumei-own-csca-")), jpkiDir: trust.jpkiDir };
    writeFileSync(join(own.cscaDir, "operator.pem"), "-----BEGIN CERTIFICATE-----\n");
    const again = await fillDemoTrust({ env: "development", dataDir, trust: own });
    expect(again?.filled).toBe(false);
    expect(readdirSync(own.cscaDir)).toEqual(["operator.pem"]);
  });

  it("put the JPKI simulator's test CA in an empty JPKI folder, the one the server then trusts", async () => {
    const devDir = mkdtempSync(join(tmpdir(), "jitsumei-demo-jpki-"));
    const config = loadConfig({ NODE_ENV: "development", JITSUMEI_DATA_DIR: devDir });
    const warnings: string[] = [];
    const setup = await setUpDigitalAuth(
      config,
      () => "http://127.0.0.1:1",
      (m) => warnings.push(m),
    );
    expect(setup.jpkiTrustDir).toBe(config.trust.jpkiDir);
    expect(readdirSync(config.trust.jpkiDir).some((f) => /\.(pem|crt|cer|der)$/.test(f))).toBe(true);
    expect(warnings.join("\n")).toContain(config.trust.jpkiDir);
  }, 60_000);
});
