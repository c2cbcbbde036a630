import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runReaderConformance } from "../src/reader/reader-conformance.ts";
import { READER_CONTRACT_VERSION } from "../src/reader/reader-contract.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The chip reader contract (issue 19 §3): announced, in OpenAPI, and held by its conformance test, the
 * one a reader implementation runs (`npx jitsumei reader-conformance`). The conformance test must
 * also catch a server that breaks the contract: here a proxy that lets a hand-off token be used twice.
 */
const { chip } = inject("evidenceFixtures");
const readChip = () => ({
  sod: readFileSync(chip.chips.brainpool.sod),
  dataGroups: { "1": readFileSync(chip.chips.brainpool.dg1), "2": readFileSync(chip.chips.brainpool.dg2) },
});
const PUBLIC_URL = "https://apply.jitsumei.example";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    JITSUMEI_CSCA_DIR: chip.trustDir,
    READER_APP_IOS_URL: "https://apps.apple.com/jp/app/jitsumei-reader/id000000001",
    PUBLIC_URL,
  });
}, 180_000);
afterAll(async () => server?.close());

describe("reader contract", () => {
  it("is announced with its version, the hand-off, the upload, the errors and the store links, and tagged in OpenAPI", async () => {
    const contract = await server.api("GET", "/v1/reader/contract");
    expect(contract.status).toBe(200);
    expect(contract.body).toMatchObject({
      name: "jitsumei-reader",
      version: READER_CONTRACT_VERSION,
      publicUrl: PUBLIC_URL,
      handoff: {
        qrCode: `${PUBLIC_URL}/reader/{reference}#{token}`,
        singleUse: true,
        tokenMinutes: 10,
        exchange: { method: "POST", path: "/v1/handoff/exchange" },
      },
      evidence: {
        path: "/v1/applications/{reference}/evidence",
        kinds: ["chip", "residence_card_chip"],
        activeAuthentication: { challenge: { path: "/v1/applications/{reference}/chip-challenge", bytes: 8 } },
        notYet: [],
      },
      apps: { ios: "https://apps.apple.com/jp/app/jitsumei-reader/id000000001", android: null },
    });
    const errors = contract.body.errors as { code: string; status: number }[];
    expect(errors).toContainEqual(expect.objectContaining({ code: "handoff_used", status: 410 }));
    expect(errors).toContainEqual(expect.objectContaining({ code: "evidence_invalid", status: 422 }));
    const openapi = await server.api("GET", "/openapi.json");
    expect((openapi.body.info as Record<string, unknown>)["x-reader-contract"]).toBe(READER_CONTRACT_VERSION);
    const paths = openapi.body.paths as Record<string, Record<string, { operationId: string; tags: string[] }>>;
    const reader = Object.values(paths)
      .flatMap((ops) => Object.values(ops))
      .filter((op) => op.tags.includes("reader"))
      .map((op) => op.operationId)
      .sort();
    expect(reader).toEqual([
      "addEvidence",
      "exchangeHandoffToken",
      "getApplication",
      "getReaderContract",
      "issueChipChallenge",
    ]);
    expect((contract.body.operations as { operationId: string }[]).map((o) => o.operationId).sort()).toEqual(reader);
  });

  it("tells the site a reader app is configured, with its store link and the counters", async () => {
    const site = await server.api("GET", "/v1/site-config");
    expect(site.status).toBe(200);
    expect(site.body.chipReader).toEqual({
      available: true,
      ios: "https://apps.apple.com/jp/app/jitsumei-reader/id000000001",
      android: null,
    });
    expect((site.body.counters as { kind: string }[]).map((c) => c.kind)).toContain("airport");
  });

  it("passes its conformance test: every step, every chip check", async () => {
    const report = await runReaderConformance({ url: server.url, chip: readChip(), expectChecksPass: true });
    expect(report.steps.filter((s) => !s.ok)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.contractVersion).toBe(READER_CONTRACT_VERSION);
    expect(report.steps.length).toBeGreaterThanOrEqual(15);
  });

  it("the conformance test fails a server that lets a hand-off token be used twice", async () => {
    const first = new Map<string, { status: number; body: string }>();
    const proxy: Server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k, v]) => typeof v === "string" && k !== "host" && k !== "content-length"),
      ) as Record<string, string>;
      const upstream = await fetch(`${server.url}${req.url}`, {
        method: req.method,
        headers,
        body: body.length > 0 ? body : undefined,
      });
      let status = upstream.status;
      let text = await upstream.text();
      let type = upstream.headers.get("content-type") ?? "application/json";
      if (req.url === "/v1/handoff/exchange") {
        // The broken server: a used token opens the application again.
        const key = body.toString("utf8");
        const earlier = first.get(key);
        if (status === 201) first.set(key, { status, body: text });
        else if (earlier) {
          status = earlier.status;
          text = earlier.body;
          type = "application/json";
        }
      }
      const passed = Object.fromEntries(
        [...upstream.headers].filter(([k]) => !["content-length", "transfer-encoding", "connection"].includes(k)),
      );
      res.writeHead(status, { ...passed, "content-type": type });
      res.end(text);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const address = proxy.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const report = await runReaderConformance({ url, chip: readChip() });
      expect(report.passed).toBe(false);
      expect(report.steps.filter((s) => !s.ok).map((s) => s.step)).toEqual([
        "a second exchange is refused (410 handoff_used)",
      ]);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("runs from the command line as a reader developer runs it, exit 0 and a JSON report", async () => {
    const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [cli, "reader-conformance", "--url", server.url, "--chip", chip.chips.brainpool.dir, "--expect-pass"],
        { timeout: 110_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { passed: boolean; steps: { ok: boolean }[] };
    expect(report.passed).toBe(true);
    expect(result.stderr).toMatch(/ok {3}a second exchange is refused/);
  }, 120_000);
});
