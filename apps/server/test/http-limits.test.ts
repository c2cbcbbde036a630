import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * What a client that sends too much, too slowly or too often meets, over raw sockets: Node's parser
 * and timeouts answer before Fastify sees a request, so fetch cannot show it.
 */
let server: TestServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer({
    HEADERS_TIMEOUT_SECONDS: "1",
    REQUEST_TIMEOUT_SECONDS: "2",
    MAX_CONNECTIONS_PER_ADDRESS: "5",
  });
  port = Number(new URL(server.url).port);
}, 60_000);
afterAll(async () => server?.close());

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Everything the server writes until it closes the connection (or `ms` pass). */
function readUntilClosed(socket: Socket, ms = 10_000): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    let text = "";
    const timer = setTimeout(() => resolve({ text, closed: false }), ms);
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    socket.once("close", () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
    socket.once("error", () => {});
  });
}

function problemOf(text: string): { status: number; contentType: string; body: Record<string, unknown> } {
  const [head = "", body = ""] = text.split("\r\n\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const contentType = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? "";
  return { status, contentType, body: JSON.parse(body) as Record<string, unknown> };
}

describe("HTTP limits", () => {
  it("answers headers larger than the server accepts with 431 problem+json", async () => {
    const socket = await open();
    const answer = readUntilClosed(socket);
    socket.write(`GET /healthz HTTP/1.1\r\nhost: x\r\nx-padding: ${"a".repeat(20_000)}\r\n\r\n`);
    const problem = problemOf((await answer).text);
    expect(problem.status).toBe(431);
    expect(problem.contentType).toMatch(/^application\/problem\+json/);
    expect(problem.body).toMatchObject({ code: "headers_too_large", status: 431 });
  });

  it("answers a body over the route's limit with 413 problem+json", async () => {
    const response = await fetch(`${server.url}/v1/applications`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ planId: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: "payload_too_large", status: 413 });
  });

  it("drops a body that stops half-way once the request's time is up, with 408", async () => {
    const socket = await open();
    const answer = readUntilClosed(socket);
    const started = Date.now();
    socket.write(
      'POST /v1/applications HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"planId":',
    );
    const { text, closed } = await answer;
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(6_000); // two seconds allowed, checked every second
    const problem = problemOf(text);
    expect(problem.status).toBe(408);
    expect(problem.body).toMatchObject({ code: "request_timeout" });
  });

  it("closes connections beyond the per-address limit as they open, and serves the others", async () => {
    const held = await Promise.all(Array.from({ length: 5 }, () => open()));
    try {
      const extra = await open();
      expect((await readUntilClosed(extra, 5_000)).closed).toBe(true);
      // The five held ones still work.
      const first = held[0] as Socket;
      const answer = readUntilClosed(first);
      first.write("GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
      expect((await answer).text).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      for (const socket of held) socket.destroy();
    }
    // Once they are gone, a new one is served.
    await new Promise((r) => setTimeout(r, 100));
    const later = await open();
    const served = readUntilClosed(later);
    later.write("GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
    expect((await served).text).toMatch(/^HTTP\/1\.1 200/);
  });
});
