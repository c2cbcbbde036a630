import { randomUUID } from "node:crypto";
import { Agent, request } from "node:https";
import type { SmdpPlus } from "./smdp.ts";

/**
 * The real SM-DP+ adapter: GSMA SGP.22 v2.5 ES2+ (§5.3 functions, §6.5 JSON binding). Each function
 * is an HTTPS POST of a JSON body to `<base>/gsma/rsp2/es2plus/<function>` over mutually
 * authenticated TLS (the operator's client certificate, the SM-DP+'s certificate checked against
 * the configured CA), with `X-Admin-Protocol: gsma/rsp/v2.5.0`. The body's `header` names the
 * function requester (the identifier agreed with the SM-DP+) and the call; the answer's header says
 * how it went (`functionExecutionStatus`), with a subject and a reason code when it failed.
 *
 * Retries: a call whose answer never came (connection refused, reset or dropped, a timeout, a 5xx)
 * is sent again with the same function call identifier, up to `attempts` times. What the SM-DP+
 * already did is then answered as done: a DownloadOrder repeated after its first answer was lost
 * meets "Profile ICCID — already in use" (8.2.1/3.3), which is the order it took. A refusal that
 * came back is never retried. So every function is safe to repeat for one ICCID.
 */
export type Es2plusConfig = {
  /** https://smdp.example.com (the path /gsma/rsp2/es2plus/… is added). */
  baseUrl: string;
  functionRequesterIdentifier: string;
  clientCert: string | Buffer;
  clientKey: string | Buffer;
  /** The CA that signed the SM-DP+'s TLS certificate. */
  ca: string | Buffer;
  attempts?: number;
  timeoutMs?: number;
  /** Waits between attempts (ms), doubled each time. Tests set 0. */
  retryDelayMs?: number;
};

export const ES2PLUS_PROTOCOL = "gsma/rsp/v2.5.0";

/** Stable codes for what an SM-DP+ answers, so callers and operators read one word, not an OID. */
export type Es2plusErrorCode =
  | "iccid_unknown"
  | "profile_in_use"
  | "matching_id_in_use"
  | "eid_mismatch"
  | "confirmation_code_refused"
  | "not_allowed"
  | "refused"
  | "expired"
  | "tls_refused"
  | "unreachable"
  | "bad_answer";

export class Es2plusError extends Error {
  readonly code: Es2plusErrorCode;
  readonly subjectCode: string | null;
  readonly reasonCode: string | null;
  /** Whether sending the same call again may succeed (the answer never came). */
  readonly transient: boolean;
  constructor(
    code: Es2plusErrorCode,
    message: string,
    detail: { subjectCode?: string | null; reasonCode?: string | null; transient?: boolean } = {},
  ) {
    super(message);
    this.name = "Es2plusError";
    this.code = code;
    this.subjectCode = detail.subjectCode ?? null;
    this.reasonCode = detail.reasonCode ?? null;
    this.transient = detail.transient ?? false;
  }
}

type StatusCodeData = { subjectCode: string; reasonCode: string; subjectIdentifier?: string; message?: string };
type FunctionExecutionStatus = {
  status: "Executed-Success" | "Executed-WithWarning" | "Failed" | "Expired";
  statusCodeData?: StatusCodeData;
};
type Answer = { header: { functionExecutionStatus: FunctionExecutionStatus } } & Record<string, unknown>;

// Subject codes (SGP.22 §5.2.6 / §5.3): 8.1.1 EID, 8.2.1 Profile ICCID, 8.2.5 Profile Type,
// 8.2.6 Matching ID, 8.2.7 Confirmation Code. Reason codes: 3.3 already in use, 3.5 not allowed
// (the profile is not in a state for it), 3.8 refused, 3.9 unknown, 3.10 invalid association.
const known: Record<string, { code: Es2plusErrorCode; says: string }> = {
  "8.2.1/3.9": { code: "iccid_unknown", says: "the SM-DP+ does not know the profile's ICCID" },
  "8.2.1/3.3": { code: "profile_in_use", says: "the profile is already ordered or in use" },
  "8.2.1/3.5": { code: "not_allowed", says: "the profile is not in a state that allows this" },
  "8.2.5/3.9": { code: "iccid_unknown", says: "the SM-DP+ does not know the profile type" },
  "8.2.6/3.3": { code: "matching_id_in_use", says: "the matching ID is already used by another order" },
  "8.2.6/3.10": { code: "not_allowed", says: "the matching ID does not belong to this order" },
  "8.1.1/3.10": { code: "eid_mismatch", says: "the order is bound to another eUICC (EID)" },
  "8.2.7/3.8": { code: "confirmation_code_refused", says: "the confirmation code was refused" },
};

function failure(fn: string, iccid: string, status: FunctionExecutionStatus): Es2plusError {
  const data = status.statusCodeData;
  if (status.status === "Expired") return new Es2plusError("expired", `ES2+ ${fn} for ICCID ${iccid} expired`);
  if (!data) return new Es2plusError("refused", `ES2+ ${fn} for ICCID ${iccid} failed without a status code`);
  const hit = known[`${data.subjectCode}/${data.reasonCode}`];
  const words = hit?.says ?? (data.message ? `refused: ${data.message}` : "refused");
  return new Es2plusError(
    hit?.code ?? "refused",
    `ES2+ ${fn} for ICCID ${iccid}: ${words} (subject ${data.subjectCode}, reason ${data.reasonCode})`,
    { subjectCode: data.subjectCode, reasonCode: data.reasonCode },
  );
}

// Node's names for a connection that failed or was lost before the answer came.
const lostConnection = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

function transportError(fn: string, error: NodeJS.ErrnoException): Es2plusError {
  const code = error.code ?? "";
  if (code === "CERT_HAS_EXPIRED")
    return new Es2plusError("tls_refused", `ES2+ ${fn}: the SM-DP+'s TLS certificate has expired`);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code))
    return new Es2plusError("tls_refused", `ES2+ ${fn}: mutual TLS with the SM-DP+ failed (${code})`);
  const transient = lostConnection.has(code) || error.message === "socket hang up";
  return new Es2plusError("unreachable", `ES2+ ${fn}: no answer from the SM-DP+ (${code || error.message})`, {
    transient,
  });
}

const isIccid = (s: string) => /^[0-9]{19}[0-9F]?$/.test(s);

export function es2plusSmdp(config: Es2plusConfig): SmdpPlus & { close(): void } {
  const agent = new Agent({
    cert: config.clientCert,
    key: config.clientKey,
    ca: config.ca,
    keepAlive: true,
    maxSockets: 4,
  });
  const attempts = config.attempts ?? 3;
  const timeoutMs = config.timeoutMs ?? 15_000;
  const base = config.baseUrl.replace(/\/+$/, "");

  function post(fn: string, body: Record<string, unknown>): Promise<Answer> {
    const json = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${base}/gsma/rsp2/es2plus/${fn}`,
        {
          method: "POST",
          agent,
          timeout: timeoutMs,
          headers: {
            "content-type": "application/json;charset=UTF-8",
            accept: "application/json",
            "x-admin-protocol": ES2PLUS_PROTOCOL,
            "content-length": Buffer.byteLength(json),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", (e) => reject(transportError(fn, e)));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status >= 500)
              return reject(new Es2plusError("unreachable", `ES2+ ${fn}: HTTP ${status}`, { transient: true }));
            if (status !== 200)
              return reject(new Es2plusError("bad_answer", `ES2+ ${fn}: HTTP ${status} instead of 200`));
            try {
              const answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Answer;
              if (typeof answer?.header?.functionExecutionStatus?.status !== "string") throw new Error("no header");
              resolve(answer);
            } catch {
              reject(new Es2plusError("bad_answer", `ES2+ ${fn}: the answer is not an ES2+ response`));
            }
          });
        },
      );
      req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      req.on("error", (e) => reject(transportError(fn, e)));
      req.end(json);
    });
  }

  /**
   * One function call, retried while its answer is lost. `doneOnRetry` names the refusal that, on a
   * repeat, means the SM-DP+ had already done what the lost call asked.
   */
  async function call(
    fn: string,
    iccid: string,
    fields: Record<string, unknown>,
    doneOnRetry?: string,
  ): Promise<Answer | null> {
    if (!isIccid(iccid)) throw new Es2plusError("bad_answer", `ES2+ ${fn}: "${iccid}" is not an ICCID`);
    const header = {
      functionRequesterIdentifier: config.functionRequesterIdentifier,
      functionCallIdentifier: `${fn}-${randomUUID()}`,
    };
    let lost = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await post(fn, { header, iccid, ...fields });
        const status = answer.header.functionExecutionStatus;
        if (status.status === "Executed-Success" || status.status === "Executed-WithWarning") return answer;
        const data = status.statusCodeData;
        if (lost && doneOnRetry && data && `${data.subjectCode}/${data.reasonCode}` === doneOnRetry) return null;
        throw failure(fn, iccid, status);
      } catch (error) {
        if (!(error instanceof Es2plusError) || !error.transient || attempt >= attempts) throw error;
        lost = true;
        const wait = (config.retryDelayMs ?? 250) * 2 ** (attempt - 1);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  return {
    kind: "es2plus",
    async downloadOrder(order) {
      await call("downloadOrder", order.iccid, {}, "8.2.1/3.3");
      return { iccid: order.iccid };
    },
    async confirmOrder(order) {
      const answer = await call(
        "confirmOrder",
        order.iccid,
        {
          ...(order.matchingId ? { matchingId: order.matchingId } : {}),
          ...(order.confirmationCode ? { confirmationCode: order.confirmationCode } : {}),
          releaseFlag: order.releaseFlag,
        },
        // Confirmed already by the lost call: the matching ID we sent is in use by that very order.
        order.matchingId ? "8.2.6/3.3" : undefined,
      );
      const matchingId = answer ? answer.matchingId : order.matchingId;
      if (typeof matchingId !== "string" || matchingId === "")
        throw new Es2plusError("bad_answer", `ES2+ confirmOrder for ICCID ${order.iccid}: no matchingId in the answer`);
      return { matchingId };
    },
    async releaseProfile(order) {
      // Released already by the lost call: the profile is no longer in the state that allows it.
      await call("releaseProfile", order.iccid, {}, "8.2.1/3.5");
    },
    async cancelOrder(order) {
      await call(
        "cancelOrder",
        order.iccid,
        { finalProfileStatusIndicator: order.finalProfileStatusIndicator ?? "Unavailable" },
        "8.2.1/3.5",
      );
    },
    close() {
      agent.destroy();
    },
  };
}
