import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import type { Database } from "../db/database.ts";
import { downloadProgressSchema, recordDownloadProgress } from "./esim-download-progress.ts";

/**
 * The operator's ES2+ endpoint, where the SM-DP+ calls HandleDownloadProgressInfo: its own HTTPS
 * listener with mutual TLS (only a client certificate from the SM-DP+'s CA is let in, and only the
 * function requesters configured), apart from the public API. Answers as SGP.22 §6.5 says: 204 No
 * Content when the report is taken, and a Failed function execution status naming the field and the
 * reason when it is not.
 */
export type Es2plusCallbackConfig = {
  port: number;
  host: string;
  cert: string | Buffer;
  key: string | Buffer;
  /** The CA that signs the SM-DP+'s client certificates. */
  ca: string | Buffer;
  /** The identifiers the SM-DP+ calls with (functionRequesterIdentifier); empty: any. */
  requesters: readonly string[];
};

const path = "/gsma/rsp2/es2plus/handleDownloadProgressInfo";
const maxBody = 64 * 1024;

function failed(subjectCode: string, reasonCode: string, message: string) {
  return {
    header: { functionExecutionStatus: { status: "Failed", statusCodeData: { subjectCode, reasonCode, message } } },
  };
}

export async function startEs2plusCallbackServer(
  db: Database,
  config: Es2plusCallbackConfig,
  warn: (message: string) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(
    { cert: config.cert, key: config.key, ca: config.ca, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const answer = (status: number, body?: unknown) => {
        if (body === undefined) {
          res.writeHead(status).end();
          return;
        }
        const json = JSON.stringify(body);
        res.writeHead(status, {
          "content-type": "application/json;charset=UTF-8",
          "x-admin-protocol": "gsma/rsp/v2.5.0",
        });
        res.end(json);
      };
      // rejectUnauthorized already refused any other certificate; this says so in the code too.
      if (!(req.socket as TLSSocket).authorized) return answer(403);
      if (req.method !== "POST" || req.url !== path) return answer(404);
      if (!/^application\/json/i.test(req.headers["content-type"] ?? "")) return answer(415);
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (c: Buffer) => {
        size += c.length;
        if (size > maxBody) req.destroy();
        else chunks.push(c);
      });
      req.on("end", () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return answer(400, failed("8.1", "2.1", "the body is not JSON"));
        }
        const parsed = downloadProgressSchema.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join(".") || "body";
          return answer(
            400,
            failed("8.1", issue?.code === "invalid_type" ? "2.2" : "2.1", `${field}: ${issue?.message}`),
          );
        }
        const requester = parsed.data.header.functionRequesterIdentifier;
        if (config.requesters.length > 0 && !config.requesters.includes(requester))
          return answer(200, failed("8.1", "1.2", "functionRequesterIdentifier is not allowed here"));
        recordDownloadProgress(db, parsed.data).then(
          (outcome) =>
            outcome === "unknown_iccid"
              ? answer(200, failed("8.2.1", "3.9", "iccid: no eSIM line has this ICCID"))
              : answer(204),
          (error: unknown) => {
            warn(
              `ES2+ HandleDownloadProgressInfo not recorded: ${error instanceof Error ? error.message : String(error)}`,
            );
            answer(500);
          },
        );
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
