import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Es2plusError, es2plusSmdp } from "../src/issuance/smdp-es2plus.ts";
import {
  type Es2plusPki,
  es2plusServerEnv,
  type LocalSmdp,
  makeEs2plusPki,
  startSmdpOf,
} from "./support/es2plus-server.ts";
import { activeLine, draftApplication, runEveryJobNow, somebody, submitAndPay } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * The real ES2+ adapter (SGP.22 v2.5) against a local SM-DP+ over mutual TLS, with certificates
 * openssl makes here: the operator's orders in the specification's shapes, the SM-DP+'s download
 * reports on the operator's mTLS endpoint, a re-download, and the bad answers an SM-DP+ gives.
 */
let smdp: LocalSmdp;
let server: TestServer;
let pki: Es2plusPki;
const requester = "jitsumei.example.jp";

beforeAll(async () => {
  pki = makeEs2plusPki("es2plus");
  smdp = await startSmdpOf(pki);
  server = await startTestServer(es2plusServerEnv(pki, smdp, requester));
});
afterAll(async () => {
  await server?.close();
  await smdp?.close();
});

/** An adapter of its own, for the bad answers (no waiting between retries). */
function adapter(baseUrl = smdp.url) {
  return es2plusSmdp({
    baseUrl,
    functionRequesterIdentifier: requester,
    clientCert: readFileSync(pki.operatorClient.cert),
    clientKey: readFileSync(pki.operatorClient.key),
    ca: readFileSync(pki.ca),
    retryDelayMs: 0,
  });
}

async function esimApplication() {
  const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
  const submitted = await submitAndPay(server, reference, token);
  expect(submitted.body.state).toBe("sim_assigned");
  await runEveryJobNow(server);
  const view = await server.api("GET", `/v1/applications/${reference}`, { token });
  const line = view.body.line as { iccid: string; esimActivationCode: string };
  return { reference, token, iccid: line.iccid, code: line.esimActivationCode };
}

let reports = 0;
function progress(iccid: string, point: number, status: string, extra: Record<string, unknown> = {}) {
  reports += 1;
  return {
    header: { functionRequesterIdentifier: "smdp.test", functionCallIdentifier: `hdpi-${reports}` },
    iccid,
    profileType: "jitsumei-data",
    timestamp: new Date(Date.now() + reports * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    notificationPointId: point,
    notificationPointStatus:
      status === "Executed-Success"
        ? { status }
        : { status, statusCodeData: { subjectCode: "8.1", reasonCode: "4.8" } },
    ...extra,
  };
}

const eid = "89049032123451234512345678901235";

describe("ES2+ to the SM-DP+ (mutual TLS)", () => {
  it("orders, confirms and releases an assigned eSIM with requests in the specification's shapes", async () => {
    const { iccid, code } = await esimApplication();
    const mine = smdp.calls.filter((c) => c.body.iccid === iccid);
    expect(mine.map((c) => c.fn)).toEqual(["downloadOrder", "confirmOrder", "releaseProfile"]);
    for (const call of mine) {
      expect(call.violation).toBeNull();
      expect(call.clientSubject).toBe("operator.test");
      expect(call.headers["x-admin-protocol"]).toBe("gsma/rsp/v2.5.0");
      expect((call.body.header as { functionRequesterIdentifier: string }).functionRequesterIdentifier).toBe(requester);
    }
    const ids = mine.map((c) => (c.body.header as { functionCallIdentifier: string }).functionCallIdentifier);
    expect(new Set(ids).size).toBe(3);
    // The inventory's matching ID, the one the QR code carries, and released in a step of its own.
    expect(mine[1]?.body).toMatchObject({ releaseFlag: false, matchingId: code.split("$")[2] });
    expect(smdp.orders.get(iccid)?.state).toBe("released");
  });

  it("takes the SM-DP+'s download reports on its mTLS endpoint: downloaded, installed on the phone, the EID", async () => {
    const { reference, token, iccid } = await esimApplication();
    const url = String(server.es2plusCallbackUrl);
    expect((await smdp.reportProgress(url, progress(iccid, 3, "Executed-Success"))).status).toBe(204);
    const installed = progress(iccid, 4, "Executed-Success", { eid });
    expect((await smdp.reportProgress(url, installed)).status).toBe(204);
    // The same report again (the SM-DP+ retried): taken, recorded once.
    expect((await smdp.reportProgress(url, installed)).status).toBe(204);

    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((view.body.line as Record<string, unknown>).esimDownload).toMatchObject({
      state: "installed",
      redownloadOffered: false,
    });
    const { rows } = await server.services.db.query<{ n: number; eid: string }>(
      `SELECT (SELECT count(*)::int FROM esim_download_events WHERE iccid = $1) AS n,
         (SELECT esim_eid FROM sims WHERE iccid = $1) AS eid`,
      [iccid],
    );
    expect(rows[0]).toEqual({ n: 2, eid });
  });

  it("refuses a report without the SM-DP+'s client certificate, from another requester, or malformed", async () => {
    const { iccid } = await esimApplication();
    const url = String(server.es2plusCallbackUrl);
    await expect(
      smdp.reportProgress(url, progress(iccid, 4, "Executed-Success"), { withoutCertificate: true }),
    ).rejects.toThrow();
    const stranger = progress(iccid, 4, "Executed-Success");
    stranger.header.functionRequesterIdentifier = "someone.else";
    expect(await smdp.reportProgress(url, stranger)).toMatchObject({
      status: 200,
      body: { header: { functionExecutionStatus: { status: "Failed" } } },
    });
    const malformed = await smdp.reportProgress(url, { ...progress(iccid, 4, "Executed-Success"), iccid: "12" });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain("iccid");
    const unknown = await smdp.reportProgress(url, progress("8981000000000000000", 4, "Executed-Success"));
    expect(unknown.body).toMatchObject({
      header: {
        functionExecutionStatus: { status: "Failed", statusCodeData: { subjectCode: "8.2.1", reasonCode: "3.9" } },
      },
    });
    const { rows } = await server.services.db.query("SELECT 1 FROM esim_download_events WHERE iccid = $1", [iccid]);
    expect(rows).toHaveLength(0);
  });

  it("offers a re-download after a failed one: the old order is cancelled, the SM-DP+ makes a new matching ID", async () => {
    const { reference, token, iccid, code } = await esimApplication();
    const before = smdp.calls.length;
    const early = await server.api("POST", `/v1/applications/${reference}/esim/redownload`, { token });
    expect(early.status).toBe(409);

    const url = String(server.es2plusCallbackUrl);
    expect((await smdp.reportProgress(url, progress(iccid, 3, "Failed"))).status).toBe(204);
    const failed = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect((failed.body.line as Record<string, unknown>).esimDownload).toMatchObject({
      state: "failed",
      redownloadOffered: true,
    });

    const again = await server.api("POST", `/v1/applications/${reference}/esim/redownload`, { token });
    expect(again.status).toBe(204);
    await runEveryJobNow(server);
    const calls = smdp.calls.slice(before).filter((c) => c.body.iccid === iccid);
    expect(calls.map((c) => c.fn)).toEqual(["cancelOrder", "downloadOrder", "confirmOrder", "releaseProfile"]);
    expect(calls[0]?.body.finalProfileStatusIndicator).toBe("Available");
    expect(calls[2]?.body).not.toHaveProperty("matchingId");
    for (const call of calls) expect(call.violation).toBeNull();

    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    const line = view.body.line as { esimActivationCode: string; esimDownload: Record<string, unknown> };
    const generated = smdp.orders.get(iccid)?.matchingId;
    expect(generated).toMatch(/^GEN-/);
    expect(line.esimActivationCode).toBe(code.replace(code.split("$")[2] ?? "", generated ?? ""));
    expect(line.esimDownload).toMatchObject({ state: null, redownloadOffered: false });
    expect(smdp.orders.get(iccid)?.state).toBe("released");
  });
});

describe("the operation log in the console", () => {
  it("shows every provisioning call of the journey in the case view, with request, answer and outcome", async () => {
    const { reference, msisdn } = await activeLine(server, somebody());
    const reviewer = await signInAs(server, "reviewer");
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.status).toBe(200);
    const ops = view.body.provisioning as {
      operation: string;
      outcome: string;
      request: { msisdn: string };
      answer: { networkRef: string };
    }[];
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      operation: "activate",
      outcome: "succeeded",
      adapter: "local-simulator",
      attempts: 1,
    });
    expect(ops[0]?.request.msisdn).toBe(msisdn);
    const { rows } = await server.services.db.query<{ network_ref: string }>(
      "SELECT network_ref FROM subscriptions WHERE msisdn = $1 AND status = 'active'",
      [msisdn],
    );
    expect(ops[0]?.answer.networkRef).toBe(rows[0]?.network_ref);
  });
});

describe("the bad answers of an SM-DP+", () => {
  it("names an unknown ICCID and a profile in use", async () => {
    const es2 = adapter();
    smdp.unknown.add("8981000000000000010");
    const unknown = await es2.downloadOrder({ iccid: "8981000000000000010" }, server.services.db).catch((e) => e);
    expect(unknown).toBeInstanceOf(Es2plusError);
    expect(unknown).toMatchObject({ code: "iccid_unknown", subjectCode: "8.2.1", reasonCode: "3.9" });

    smdp.inUse.add("8981000000000000028");
    const inUse = await es2.downloadOrder({ iccid: "8981000000000000028" }, server.services.db).catch((e) => e);
    expect(inUse).toMatchObject({ code: "profile_in_use", reasonCode: "3.3" });
    expect(inUse.message).toContain("already ordered or in use");
    es2.close();
  });

  it("refuses an SM-DP+ whose certificate has expired, and sends it nothing", async () => {
    const es2 = adapter(smdp.expiredUrl);
    const before = smdp.calls.length;
    const error = await es2.downloadOrder({ iccid: "8981000000000000036" }, server.services.db).catch((e) => e);
    expect(error).toMatchObject({ code: "tls_refused" });
    expect(error.message).toContain("expired");
    expect(smdp.calls.length).toBe(before);
    es2.close();
  });

  it("after a dropped connection, asks again and takes the order the SM-DP+ already made as done", async () => {
    const es2 = adapter();
    const iccid = "8981000000000000044";
    smdp.dropAfterTaking.add(iccid);
    await expect(es2.downloadOrder({ iccid }, server.services.db)).resolves.toEqual({ iccid });
    const tries = smdp.calls.filter((c) => c.body.iccid === iccid);
    expect(tries.map((c) => c.fn)).toEqual(["downloadOrder", "downloadOrder"]);
    // The same call, sent twice: one function call identifier.
    expect(new Set(tries.map((c) => JSON.stringify(c.body.header))).size).toBe(1);
    expect(smdp.orders.get(iccid)?.state).toBe("allocated");

    // A refusal that came back is not retried, and is not taken as done.
    const again = await es2.downloadOrder({ iccid }, server.services.db).catch((e) => e);
    expect(again).toMatchObject({ code: "profile_in_use" });
    es2.close();
  });
});
