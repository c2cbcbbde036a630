import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * One log line per request at `info`, and none for a read that succeeded: the status page polls the
 * application every two seconds, and each poll wrote two lines.
 */
describe("the request log", () => {
  let server: TestServer;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    let partial = "";
    stream.on("data", (chunk: Buffer) => {
      const text = partial + chunk.toString("utf8");
      const complete = text.split("\n");
      partial = complete.pop() ?? "";
      for (const line of complete) if (line) lines.push(JSON.parse(line));
    });
    server = await startTestServer({ LOG_LEVEL: "info" }, { logStream: stream });
  });
  afterAll(async () => server?.close());

  const requestLines = () => lines.filter((l) => l.msg === "request");

  it("writes one line for a write or a refusal, none for a successful read", async () => {
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email: "log@example.test" } },
    });
    expect(created.status).toBe(201);
    const { reference, accessToken: token } = created.body as { reference: string; accessToken: string };
    await new Promise((r) => setTimeout(r, 50)); // the stream is written after the answer
    expect(requestLines()).toHaveLength(1);
    expect(requestLines()[0]).toMatchObject({
      req: { method: "POST", url: "/v1/applications" },
      res: { statusCode: 201 },
      responseTime: expect.any(Number),
    });

    for (let i = 0; i < 5; i++) {
      expect((await server.api("GET", `/v1/applications/${reference}`, { token })).status).toBe(200);
    }
    const missing = await server.api("GET", "/v1/applications/J-NOPE-NOPE", { token });
    expect(missing.status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 50));
    expect(requestLines()).toHaveLength(2);
    expect(requestLines()[1]).toMatchObject({ req: { method: "GET" }, res: { statusCode: missing.status } });
    expect(lines.filter((l) => l.msg === "incoming request" || l.msg === "request completed")).toEqual([]);
  });
});
