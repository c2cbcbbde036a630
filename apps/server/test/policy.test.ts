import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requiredChecksFor, resolvePolicy, todayInJapan } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { loadPolicies, PolicyLoadError } from "../src/policy/load-policies.ts";
import { startServer } from "../src/server.ts";
import { runCli } from "./support/cli.ts";
import { anna, draftApplication, submitAndPay } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
const shipped = loadPolicies(loadConfig({}).policyDirs);
const statutoryOnly = shipped.filter((p) => p.kind === "statutory");

async function explain(args: string[]) {
  const r = await runCli(["policy", "explain", ...args]);
  return { status: r.status, json: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

describe("the law as versioned policy files", () => {
  it("gives the same online voice application other methods on 2026-03-31 and on 2026-04-01, each citing its policy", async () => {
    const before = resolvePolicy(shipped, {
      at: "2026-03-31",
      service: "voice",
      channel: "online",
      applicant: "resident",
    });
    const after = resolvePolicy(shipped, {
      at: "2026-04-01",
      service: "voice",
      channel: "online",
      applicant: "resident",
    });
    expect(before.statutory).toMatchObject({ id: "jp-mobile-act", version: "2006-04-01" });
    expect(after.statutory).toMatchObject({ id: "jp-mobile-act", version: "2026-04-01" });
    expect(before.methods).toContain("NF_IMAGE_SELFIE");
    expect(after.methods).not.toContain("NF_IMAGE_SELFIE");
    expect(after.methods).toEqual(["NF_IC_SELFIE", "NF_JPKI", "NF_SMARTPHONE_JPKI"]);
    expect(after.explanation[0]).toMatch(/jp-mobile-act@2026-04-01/);
  });

  it("asks a shop to read the chip from 2027-04-01", async () => {
    const before = resolvePolicy(shipped, {
      at: "2027-03-31",
      service: "voice",
      channel: "shop",
      applicant: "resident",
    });
    const after = resolvePolicy(shipped, {
      at: "2027-04-01",
      service: "voice",
      channel: "shop",
      applicant: "resident",
    });
    expect(before.methods).toEqual(["F2F_PRESENT", "F2F_IC"]);
    expect(after.methods).toEqual(["F2F_IC"]);
  });

  it("from 2027-04-01 F2F_IC asks each document for what its chip can prove: card-face checks of a My Number card, ICAO ones of a passport", () => {
    const after = resolvePolicy(shipped, {
      at: "2027-04-01",
      service: "voice",
      channel: "shop",
      applicant: "resident",
    });
    expect(requiredChecksFor(after, "F2F_IC", "my_number_card")).toEqual([
      "card_face.signature_valid",
      "card_face.particulars_match_form",
    ]);
    expect(requiredChecksFor(after, "F2F_IC", "passport")).toEqual([
      "chip.sod_signature",
      "chip.data_group_hashes",
      "chip.document_signer_trusted",
      "chip.document_signer_valid",
      "chip.document_signer_not_revoked",
    ]);
    // A house policy narrowing the methods keeps the law's checks by document.
    expect(requiredChecksFor(after, "F2F_IC", null)).toEqual(requiredChecksFor(after, "F2F_IC", "passport"));
  });

  it("keeps the content hash of a policy that names no checks by document (the field has no default)", () => {
    const earlier = shipped.find((p) => p.id === "jp-mobile-act" && p.version === "2026-04-01");
    const methods = earlier?.rules.flatMap((r) => r.methods) ?? [];
    expect(methods.length).toBeGreaterThan(0);
    for (const m of methods) expect(Object.keys(m)).not.toContain("requiredChecksByDocument");
  });

  it("refuses checks by document for a document the method does not accept, naming the file and the path", () => {
    const dir = mkdtempSync(join(tmpdir(), "jitsumei-policy-"));
    writeFileSync(
      join(dir, "by-document.json"),
      JSON.stringify({
        id: "house-by-document",
        version: "1",
        kind: "house",
        title: "Checks for a document the method does not take",
        effectiveFrom: "2026-01-01",
        effectiveUntil: null,
        rules: [
          {
            services: ["voice"],
            channels: ["shop"],
            applicants: ["resident"],
            verificationRequired: true,
            methods: [
              {
                method: "F2F_IC",
                documents: ["passport"],
                requiredChecks: ["chip.sod_signature"],
                requiredChecksByDocument: { my_number_card: ["card_face.signature_valid"] },
              },
            ],
          },
        ],
      }),
    );
    expect(() => loadPolicies([dir])).toThrow(
      /by-document\.json at rules\.0\.methods\.0\.requiredChecksByDocument\.my_number_card: my_number_card is not one of this method's documents \(passport\)/,
    );
    writeFileSync(
      join(dir, "by-document.json"),
      JSON.stringify({
        id: "house-by-document",
        version: "1",
        kind: "house",
        title: "A check code that is none",
        effectiveFrom: "2026-01-01",
        effectiveUntil: null,
        rules: [
          {
            services: ["voice"],
            channels: ["shop"],
            applicants: ["resident"],
            verificationRequired: true,
            methods: [
              {
                method: "F2F_IC",
                documents: ["my_number_card"],
                requiredChecksByDocument: { my_number_card: ["Card Face"] },
              },
            ],
          },
        ],
      }),
    );
    expect(() => loadPolicies([dir])).toThrow(
      /by-document\.json at rules\.0\.methods\.0\.requiredChecksByDocument\.my_number_card\.0: must be a check code/,
    );
  });

  it("needs no legal verification for a data-only SIM, but the shipped house policy asks for it", async () => {
    const situation = { at: "2026-11-24", service: "data", channel: "online", applicant: "visitor" } as const;
    const law = resolvePolicy(statutoryOnly, situation);
    expect(law).toMatchObject({ verificationRequired: false, legallyRequired: false, methods: [] });
    const withHouse = resolvePolicy(shipped, situation);
    expect(withHouse).toMatchObject({ verificationRequired: true, legallyRequired: false });
    expect(withHouse.methods).toContain("DOC_REGISTRATION");
    expect(withHouse.house.map((h) => h.id).sort()).toEqual([
      "house-face-match-thresholds",
      "house-visitor-data-registration",
    ]);
  });

  it("takes the strictest face-match thresholds of the policies in force", async () => {
    const situation = { at: "2026-11-24", service: "voice", channel: "online", applicant: "resident" } as const;
    expect(resolvePolicy(shipped, situation).faceThresholds).toEqual({
      match: 0.75,
      reject: 0.5,
      liveness: 0.6,
      antiSpoof: 0.6,
    });
    const stricter = {
      ...(shipped.find((p) => p.id === "house-face-match-thresholds") as (typeof shipped)[number]),
      id: "house-stricter-faces",
      faceThresholds: { match: 0.9, reject: 0.4, liveness: 0.7, antiSpoof: 0.6 },
    };
    expect(resolvePolicy([...shipped, stricter], situation).faceThresholds).toEqual({
      match: 0.9,
      reject: 0.5,
      liveness: 0.7,
      antiSpoof: 0.6,
    });
  });

  it("checks chips' Active Authentication when offered by default; the strictest house policy in force decides", async () => {
    const situation = { at: "2026-11-24", service: "voice", channel: "online", applicant: "resident" } as const;
    expect(resolvePolicy(shipped, situation).chipAuthentication).toBe("when_offered");
    const base = shipped.find((p) => p.id === "house-face-match-thresholds") as (typeof shipped)[number];
    const off = { ...base, id: "house-aa-off", faceThresholds: null, chipAuthentication: "off" as const };
    const required = {
      ...base,
      id: "house-aa-required",
      faceThresholds: null,
      chipAuthentication: "required" as const,
    };
    expect(resolvePolicy([...shipped, off], situation).chipAuthentication).toBe("off");
    expect(resolvePolicy([...shipped, off, required], situation).chipAuthentication).toBe("required");
    // Not in force (ended yesterday): says nothing.
    const ended = { ...required, effectiveUntil: "2026-11-23" };
    expect(resolvePolicy([...shipped, ended], situation).chipAuthentication).toBe("when_offered");
  });

  it("keeps the industry line limit, minimum age and record retention in the statutory policy", async () => {
    const r = resolvePolicy(shipped, { at: "2026-11-24", service: "voice", channel: "online", applicant: "minor" });
    expect(r).toMatchObject({
      lineLimit: 5,
      minimumAge: 18,
      retentionYearsAfterContractEnd: 3,
      guardianConsentRequired: true,
    });
  });
});

describe("npx jitsumei policy", () => {
  it("explains what applies, as JSON", async () => {
    const r = await explain([
      "--at",
      "2026-04-01",
      "--service",
      "voice",
      "--channel",
      "online",
      "--applicant",
      "resident",
    ]);
    expect(r.status).toBe(0);
    expect(r.json).toMatchObject({
      policy: { id: "jp-mobile-act", version: "2026-04-01" },
      verificationRequired: true,
      methods: ["NF_IC_SELFIE", "NF_JPKI", "NF_SMARTPHONE_JPKI"],
      lineLimit: 5,
    });
    expect(r.json.policy.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("exits 2 on an impossible date or an unknown value", async () => {
    expect(
      (await explain(["--at", "2026-02-30", "--service", "voice", "--channel", "online", "--applicant", "resident"]))
        .status,
    ).toBe(2);
    const unknown = await explain([
      "--at",
      "2026-04-01",
      "--service",
      "fax",
      "--channel",
      "online",
      "--applicant",
      "resident",
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--service must be one of voice, data, sms-data/);
    expect(
      (await explain(["--at", "1999-01-01", "--service", "voice", "--channel", "online", "--applicant", "resident"]))
        .stderr,
    ).toMatch(/no statutory policy is in force on 1999-01-01/);
  });

  it("lists every loaded policy", async () => {
    const r = await runCli(["policy", "list"]);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout).policies as { id: string; version: string }[];
    expect(list.map((p) => `${p.id}@${p.version}`)).toEqual([
      "house-transfer-verification@2026-04-01",
      "house-face-match-thresholds@2026-11-24",
      "house-visitor-data-registration@2026-04-01",
      "jp-mobile-act@2006-04-01",
      "jp-mobile-act@2026-04-01",
      "jp-mobile-act@2027-04-01",
    ]);
  });
});

describe("a broken policy stops start-up", () => {
  const houseDir = () => mkdtempSync(join(tmpdir(), "jitsumei-policy-"));

  it("names the file, the path in it and the reason", async () => {
    const dir = houseDir();
    writeFileSync(
      join(dir, "broken.json"),
      JSON.stringify({
        id: "house-broken",
        version: "1",
        kind: "house",
        title: "Broken",
        effectiveFrom: "2026-01-01",
        effectiveUntil: null,
        rules: [
          {
            services: ["voice"],
            channels: ["online"],
            applicants: ["resident"],
            verificationRequired: true,
            methods: [{ method: "NF_TELEPATHY", documents: ["passport"] }],
          },
        ],
      }),
    );
    expect(() => loadPolicies([dir])).toThrow(PolicyLoadError);
    try {
      loadPolicies([dir]);
    } catch (error) {
      expect(error).toMatchObject({ path: "rules.0.methods.0.method" });
      expect((error as PolicyLoadError).file).toMatch(/broken\.json$/);
    }
    const r = spawnSync(process.execPath, [cli, "policy", "list"], {
      encoding: "utf8",
      env: { ...process.env, JITSUMEI_POLICY_DIR: dir },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json at rules\.0\.methods\.0\.method: /);
  });

  it("refuses statutory policies that overlap, and a server will not start on them", async () => {
    const dir = houseDir();
    const overlapping = { ...statutoryOnly[2], version: "2027-06-01", effectiveFrom: "2027-06-01" };
    const {
      file: _file,
      contentHash: _hash,
      ...content
    } = overlapping as typeof overlapping & { file: string; contentHash: string };
    writeFileSync(join(dir, "overlap.json"), JSON.stringify(content));
    expect(() => loadPolicies([...loadConfig({}).policyDirs, dir])).toThrow(/overlaps/);
    await expect(
      startServer({ config: loadConfig({ JITSUMEI_POLICY_DIR: dir, LOG_LEVEL: "silent" }), listen: false }),
    ).rejects.toThrow(PolicyLoadError);
  });
});

describe("pinning", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it("pins the policy in force at submission to the application and its submit event", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", anna);
    await submitAndPay(server, reference, token);
    const { rows } = await server.services.db.query<{ policy_id: string; policy_version: string; policy_hash: string }>(
      "SELECT policy_id, policy_version, policy_hash FROM applications WHERE reference = $1",
      [reference],
    );
    // Whatever day the test runs, the pin is the statutory policy in force on it.
    const today = resolvePolicy(shipped, {
      at: todayInJapan(),
      service: "data",
      channel: "online",
      applicant: "visitor",
    });
    const law = statutoryOnly.find((p) => p.version === today.statutory.version);
    expect(rows[0]).toEqual({
      policy_id: "jp-mobile-act",
      policy_version: today.statutory.version,
      policy_hash: law?.contentHash,
    });
    const events = await server.api("GET", `/v1/applications/${reference}/events`, { token });
    const submit = (events.body.items as { event: string; data: { policy: { id: string; version: string } } }[])[0];
    expect(submit?.data.policy).toMatchObject({ id: "jp-mobile-act", version: today.statutory.version });
  });
});
