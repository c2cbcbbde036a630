import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, request } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecureContext, type TLSSocket } from "node:tls";
import { z } from "zod";
import { createRootAuthority, issue } from "../../../../packages/evidence/src/fixtures/openssl.ts";

/**
 * A local SM-DP+ for tests: the function provider side of GSMA SGP.22 v2.5 ES2+ over mutual TLS. It
 * checks every request against the specification's shapes (§5.3, §6.5: the JSON body, its header,
 * the content type and X-Admin-Protocol) and answers as an SM-DP+ does, refusals included, keeping
 * its orders per ICCID. It can present an expired certificate (to a client that asks for the name
 * `localhost`), drop the connection after taking an order, and call the operator's
 * HandleDownloadProgressInfo endpoint with its own client certificate.
 */
export type Es2plusCall = {
  fn: string;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  clientSubject: string;
  /** Why the request broke the specification, or null. */
  violation: string | null;
};

type OrderState = "allocated" | "confirmed" | "released" | "Available" | "Unavailable";

const header = z.strictObject({
  functionRequesterIdentifier: z.string().min(1),
  functionCallIdentifier: z.string().min(1),
});
const iccid = z.string().regex(/^[0-9]{19}[0-9F]?$/);
const eid = z.string().regex(/^[0-9]{32}$/);
const shapes: Record<string, z.ZodType> = {
  downloadOrder: z.strictObject({
    header,
    eid: eid.optional(),
    iccid: iccid.optional(),
    profileType: z.string().optional(),
  }),
  confirmOrder: z.strictObject({
    header,
    iccid,
    eid: eid.optional(),
    matchingId: z.string().min(1).optional(),
    confirmationCode: z.string().min(1).optional(),
    smdsAddress: z.string().optional(),
    releaseFlag: z.boolean(),
  }),
  cancelOrder: z.strictObject({
    header,
    iccid,
    eid: eid.optional(),
    matchingId: z.string().optional(),
    finalProfileStatusIndicator: z.enum(["Available", "Unavailable"]),
  }),
  releaseProfile: z.strictObject({ header, iccid }),
};

const executed = { header: { functionExecutionStatus: { status: "Executed-Success" } } };
const failed = (subjectCode: string, reasonCode: string, message: string) => ({
  header: { functionExecutionStatus: { status: "Failed", statusCodeData: { subjectCode, reasonCode, message } } },
});

export type LocalSmdp = {
  url: string;
  /** The same server reached by the name `localhost`: it presents the expired certificate there. */
  expiredUrl: string;
  calls: Es2plusCall[];
  orders: Map<string, { state: OrderState; matchingId: string | null }>;
  /** ICCIDs the SM-DP+ does not hold. */
  unknown: Set<string>;
  /** ICCIDs another order holds. */
  inUse: Set<string>;
  /** Process the next call for this ICCID, then drop the connection without answering. */
  dropAfterTaking: Set<string>;
  /** Posts HandleDownloadProgressInfo to the operator with the SM-DP+'s client certificate. */
  reportProgress(
    url: string,
    body: Record<string, unknown>,
    options?: { withoutCertificate?: boolean },
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
};

export async function startLocalSmdp(tls: {
  ca: string;
  cert: string;
  key: string;
  expiredCert: string;
  expiredKey: string;
  clientCert: string;
  clientKey: string;
}): Promise<LocalSmdp> {
  const calls: Es2plusCall[] = [];
  const orders = new Map<string, { state: OrderState; matchingId: string | null }>();
  const unknown = new Set<string>();
  const inUse = new Set<string>();
  const dropAfterTaking = new Set<string>();
  const ca = readFileSync(tls.ca);
  const expired = createSecureContext({ cert: readFileSync(tls.expiredCert), key: readFileSync(tls.expiredKey) });

  function perform(fn: string, body: Record<string, unknown>): Record<string, unknown> {
    const id = String(body.iccid ?? "");
    if (unknown.has(id)) return failed("8.2.1", "3.9", "Profile ICCID unknown");
    const order = orders.get(id);
    switch (fn) {
      case "downloadOrder":
        if (inUse.has(id) || (order && ["allocated", "confirmed", "released"].includes(order.state)))
          return failed("8.2.1", "3.3", "Profile ICCID already in use");
        orders.set(id, { state: "allocated", matchingId: null });
        return { ...executed, iccid: id };
      case "confirmOrder": {
        if (!order || order.state === "Unavailable") return failed("8.2.1", "3.9", "Profile ICCID unknown");
        const given = body.matchingId as string | undefined;
        const taken = [...orders.entries()].some(
          ([other, o]) =>
            o.matchingId === given && given !== undefined && (other !== id || order.state !== "allocated"),
        );
        if (taken) return failed("8.2.6", "3.3", "Matching ID already in use");
        if (order.state !== "allocated") return failed("8.2.1", "3.5", "Profile not in allocated state");
        const matchingId = given ?? `GEN-${randomUUID().slice(0, 8).toUpperCase()}`;
        orders.set(id, { state: body.releaseFlag ? "released" : "confirmed", matchingId });
        return { ...executed, matchingId };
      }
      case "releaseProfile":
        if (!order) return failed("8.2.1", "3.9", "Profile ICCID unknown");
        if (order.state !== "confirmed") return failed("8.2.1", "3.5", "Profile not in confirmed state");
        order.state = "released";
        return executed;
      case "cancelOrder":
        if (!order) return failed("8.2.1", "3.9", "Profile ICCID unknown");
        if (order.state === "Available" || order.state === "Unavailable")
          return failed("8.2.1", "3.5", "Profile has no order to cancel");
        orders.set(id, { state: body.finalProfileStatusIndicator as OrderState, matchingId: null });
        return executed;
      default:
        return failed("8.1", "2.1", "unknown function");
    }
  }

  const server = createServer(
    {
      cert: readFileSync(tls.cert),
      key: readFileSync(tls.key),
      ca,
      requestCert: true,
      rejectUnauthorized: true,
      SNICallback: (name, done) => done(null, name === "localhost" ? expired : undefined),
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const fn = (req.url ?? "").replace(/^\/gsma\/rsp2\/es2plus\//, "");
        let body: Record<string, unknown> = {};
        let violation: string | null = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          violation = "the body is not JSON";
        }
        const shape = shapes[fn];
        if (req.method !== "POST") violation = `method ${req.method}`;
        else if (!shape) violation = `no ES2+ function at ${req.url}`;
        else if (req.headers["content-type"] !== "application/json;charset=UTF-8")
          violation = `content-type ${req.headers["content-type"]}`;
        else if (!/^gsma\/rsp\/v2\.\d+\.\d+$/.test(String(req.headers["x-admin-protocol"])))
          violation = `X-Admin-Protocol ${req.headers["x-admin-protocol"]}`;
        else if (!violation) {
          const parsed = shape.safeParse(body);
          if (!parsed.success)
            violation = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
        }
        const cert = (req.socket as TLSSocket).getPeerCertificate();
        calls.push({ fn, body, headers: req.headers, clientSubject: String(cert?.subject?.CN ?? ""), violation });
        const answer = violation ? failed("8.1", "2.1", violation) : perform(fn, body);
        const id = String(body.iccid ?? "");
        if (dropAfterTaking.has(id)) {
          dropAfterTaking.delete(id);
          req.socket.destroy();
          return;
        }
        res.writeHead(200, { "content-type": "application/json;charset=UTF-8", "x-admin-protocol": "gsma/rsp/v2.5.0" });
        res.end(JSON.stringify(answer));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const clientCert = readFileSync(tls.clientCert);
  const clientKey = readFileSync(tls.clientKey);
  function reportProgress(url: string, body: Record<string, unknown>, options: { withoutCertificate?: boolean } = {}) {
    const json = JSON.stringify(body);
    return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const req = request(
        `${url}/gsma/rsp2/es2plus/handleDownloadProgressInfo`,
        {
          method: "POST",
          ca,
          ...(options.withoutCertificate ? {} : { cert: clientCert, key: clientKey }),
          agent: false,
          headers: { "content-type": "application/json;charset=UTF-8", "x-admin-protocol": "gsma/rsp/v2.5.0" },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () => {
            const text = Buffer.concat(parts).toString("utf8");
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          });
        },
      );
      req.on("error", reject);
      req.end(json);
    });
  }

  return {
    url: `https://127.0.0.1:${port}`,
    expiredUrl: `https://localhost:${port}`,
    calls,
    orders,
    unknown,
    inUse,
    dropAfterTaking,
    reportProgress,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The ES2+ tests' certificates, made by openssl: a CA, the SM-DP+'s (and an expired one), the operator's. */
export function makeEs2plusPki(name: string) {
  const root = mkdtempSync(join(tmpdir(), `jitsumei-${name}-`));
  const ca = createRootAuthority(root, "ca", "/CN=ES2 test CA", "p256");
  const tlsServer =
    "basicConstraints = CA:false\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = IP:127.0.0.1, DNS:localhost";
  const tlsClient = "basicConstraints = CA:false\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth";
  const leaf = (file: string, subject: string, extensions: string) =>
    issue(ca, file, { subject, keyType: "p256", extensions });
  return {
    ca: ca.cert,
    smdpServer: leaf("smdp-server", "/CN=smdp.test", tlsServer),
    smdpExpired: issue(ca, "smdp-expired", {
      subject: "/CN=smdp.test",
      keyType: "p256",
      extensions: tlsServer,
      startDate: "20200101000000Z",
      endDate: "20210101000000Z",
    }),
    smdpClient: leaf("smdp-client", "/CN=smdp.test", tlsClient),
    operatorClient: leaf("operator-client", "/CN=operator.test", tlsClient),
    operatorServer: leaf("operator-es2", "/CN=es2.operator.test", tlsServer),
  };
}
export type Es2plusPki = ReturnType<typeof makeEs2plusPki>;

/** The local SM-DP+ on the PKI's certificates. */
export function startSmdpOf(pki: Es2plusPki): Promise<LocalSmdp> {
  return startLocalSmdp({
    ca: pki.ca,
    cert: pki.smdpServer.cert,
    key: pki.smdpServer.key,
    expiredCert: pki.smdpExpired.cert,
    expiredKey: pki.smdpExpired.key,
    clientCert: pki.smdpClient.cert,
    clientKey: pki.smdpClient.key,
  });
}

/** A test server's settings for that SM-DP+ over ES2+, with its download-report endpoint (mTLS). */
export function es2plusServerEnv(pki: Es2plusPki, smdp: LocalSmdp, requester: string): Record<string, string> {
  return {
    SMDP_ES2PLUS_URL: smdp.url,
    SMDP_FUNCTION_REQUESTER_ID: requester,
    SMDP_CLIENT_CERT: pki.operatorClient.cert,
    SMDP_CLIENT_KEY: pki.operatorClient.key,
    SMDP_CA: pki.ca,
    ES2PLUS_CALLBACK_PORT: "0",
    ES2PLUS_CALLBACK_HOST: "127.0.0.1",
    ES2PLUS_CALLBACK_CERT: pki.operatorServer.cert,
    ES2PLUS_CALLBACK_KEY: pki.operatorServer.key,
    ES2PLUS_CALLBACK_CA: pki.ca,
    ES2PLUS_CALLBACK_REQUESTERS: "smdp.test",
  };
}
