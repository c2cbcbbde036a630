import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { problemResult } from "../http/problem.ts";
import { httpTimeStampAuthority } from "./contract-signer.ts";

const digest = createHash("sha256").update("a contract").digest();

async function stampError(url: string): Promise<AppError> {
  const error = await httpTimeStampAuthority(url)
    .timestamp(digest, "sha256")
    .then(
      () => null,
      (e: unknown) => e,
    );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("the time-stamp authority over HTTP", () => {
  it("unreachable: a retryable 503 with Retry-After, not a 500", async () => {
    const error = await stampError("http://127.0.0.1:9/tsa");
    expect(error.code).toBe("timestamp_unavailable");
    const answer = problemResult(error, "/v1/applications/JT-X/contract/signature");
    expect(answer.status).toBe(503);
    expect(answer.headers?.["retry-after"]).toMatch(/^\d+$/);
    expect(JSON.stringify(answer.body)).not.toContain("127.0.0.1");
  });

  it("answering an error or nonsense: the same 503", async () => {
    let status = 500;
    const tsa = createServer((_request, response) => {
      response.writeHead(status, { "content-type": "application/timestamp-reply" }).end("not DER");
    });
    await new Promise<void>((resolve) => tsa.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(tsa.address() as { port: number }).port}/`;
    try {
      expect((await stampError(url)).code).toBe("timestamp_unavailable");
      status = 200;
      expect((await stampError(url)).code).toBe("timestamp_unavailable");
    } finally {
      tsa.close();
    }
  });
});
