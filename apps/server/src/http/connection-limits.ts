import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { errorCodes } from "../errors.ts";

/** How long a client may take, and how many connections one address may hold (config.http). */
export type ConnectionLimits = {
  /** The headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (a half-sent body is dropped). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections one client address may hold at once; 0 = no limit (behind a proxy that limits). */
  maxConnectionsPerAddress: number;
};

/**
 * The HTTP server Fastify runs on: Node's timeouts set (its defaults let a half-sent body hold a
 * connection for 300 s, and 1,000 of them from one host were held) and checked every second rather
 * than every 30, and connections beyond the per-address limit closed as they open.
 */
export function limitedServerFactory(limits: ConnectionLimits) {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void): Server => {
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
      },
      handler,
    );
    if (limits.maxConnectionsPerAddress > 0) capConnectionsPerAddress(server, limits.maxConnectionsPerAddress);
    return server;
  };
}

function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/**
 * Errors Node's parser meets before Fastify sees a request (headers too large, a request that timed
 * out, bytes that are not HTTP) answered as problem+json like everything else, then the connection
 * is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const code =
    error.code === "HPE_HEADER_OVERFLOW"
      ? "headers_too_large"
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "request_timeout"
        : "malformed_request";
  const { status, title } = errorCodes[code];
  const detail =
    code === "headers_too_large"
      ? "The request's headers are larger than this server accepts"
      : code === "request_timeout"
        ? "The request did not arrive in time"
        : "The request is not valid HTTP";
  const body = JSON.stringify({ type: `urn:jitsumei:problem:${code}`, title, status, detail, code });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
