import { readFileSync } from "node:fs";
import { todayInJapan } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestHolderChange } from "../src/holder-changes/request-holder-change.ts";
import { allRoutes } from "../src/http/app.ts";
import { batchWithCodes } from "../src/retail/batch-packages.ts";
import { type StaffRole, staffRoles } from "../src/staff/permissions.ts";
import {
  activeLine,
  draftApplication,
  konbiniRefundOwed,
  particularsOf,
  payAfterApproval,
  somebody,
  submitAndPay,
  td3,
  throwawayEmail,
  tokyoAddress,
} from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Every staff route × every role, written out by hand (not read from the permission table, so a
 * route that loses or widens its check fails here): allowed → 2xx, denied → 403, anonymous → 401.
 */
const syntheticFace = new URL("../../../packages/evidence/src/face/fixtures/synthetic-face-a.jpg", import.meta.url);
const all = staffRoles;
const deciders: StaffRole[] = ["reviewer", "senior_reviewer"];
const caseReaders: StaffRole[] = ["reviewer", "senior_reviewer", "compliance"];
const admin: StaffRole[] = ["admin"];

const expected: Record<string, readonly StaffRole[]> = {
  getStaffSession: all,
  staffSignOut: all,
  changeStaffPassword: all,
  listStaff: admin,
  createStaff: admin,
  setStaffDisabled: admin,
  listReviewQueue: caseReaders,
  getCase: caseReaders,
  getCaseImage: deciders,
  unlockActivation: ["agent", "reviewer", "senior_reviewer"],
  lookupStatus: all,
  claimCase: deciders,
  dropClaim: deciders,
  releaseClaim: admin,
  decideCase: deciders,
  createWebhookEndpoint: admin,
  listWebhookEndpoints: admin,
  getWebhookEndpoint: admin,
  updateWebhookEndpoint: admin,
  listWebhookDeliveries: admin,
  redeliverWebhook: admin,
  shipSim: ["clerk", "admin"],
  recordShipmentEvent: ["clerk", "admin"],
  listShippingWork: ["clerk", "admin"],
  getInventory: admin,
  importInventory: admin,
  terminateForNonpayment: admin,
  settleNonpayment: admin,
  publishAnnouncement: ["compliance", "admin"],
  terminateLine: admin,
  createPackageBatch: admin,
  getPackageBatch: admin,
  listPackageBatches: admin,
  getPackageBatchCodes: admin,
  listTransferRefunds: admin,
  markTransferRefundPaid: admin,
  getPackageBatchCsv: admin,
  getPackageLabels: admin,
  voidPackage: admin,
  sellPackage: ["clerk", "admin"],
  sellAtCounter: ["clerk", "admin"],
  activateAtCounter: ["clerk", "admin"],
  getCounterReceipt: ["clerk", "admin"],
  listHolderChanges: deciders,
  getHolderChange: deciders,
  decideHolderChange: deciders,
  listTransfers: caseReaders,
  recordPoliceRequest: ["compliance"],
  reportPoliceRequests: ["compliance"],
  reverifyAtCounter: ["clerk", "admin"],
  listDeletionRequests: ["compliance"],
  decideDeletionRequest: ["compliance"],
  getDashboard: ["reviewer", "senior_reviewer", "compliance", "admin"],
  listPolicies: ["compliance", "admin"],
  getPolicy: ["compliance", "admin"],
  listStaffPlans: ["compliance", "admin"],
  updatePlan: admin,
  exportVerificationRecords: ["compliance"],
  verifyAuditChain: ["compliance", "admin"],
};

type Call = { method: string; path: string; body?: unknown };

let server: TestServer;
let clients: Record<StaffRole, StaffClient>;
let inReview: string;
let endpointId: string;
let deliveryId: string;
let batchId: string;
let unique = 0;

/**
 * An application waiting for review that a reviewer may lawfully approve: a voice line signed with the
 * My Number card (NF_JPKI complete), sent to a person by its throwaway e-mail address.
 */
async function caseInReview(): Promise<string> {
  const { reference, token } = await draftApplication(
    server,
    "prepaid-voice-sim",
    somebody(),
    { address: tokyoAddress },
    { contact: { email: throwawayEmail() }, evidence: "jpki" },
  );
  const submitted = await submitAndPay(server, reference, token);
  if (submitted.body.state !== "in_review") throw new Error(`expected in_review: ${JSON.stringify(submitted.body)}`);
  applicantTokens.set(reference, token);
  return reference;
}

/** The applicants' tokens of the cases made here, to pay for the plans a reviewer approves. */
const applicantTokens = new Map<string, string>();

/** A physical prepaid SIM approved by a reviewer and assigned, waiting to be sent. */
async function simToShip(): Promise<string> {
  const reference = await caseInReview();
  await clients.reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  const approved = await clients.reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
    body: { type: "approve" },
  });
  const state = await payAfterApproval(server, reference, applicantTokens.get(reference) ?? "", approved);
  if (state !== "sim_assigned") throw new Error(`expected sim_assigned: ${state}`);
  return reference;
}

/** A draft with a selfie: a face a reviewer may open. */
async function draftWithSelfie(): Promise<string> {
  const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
  const selfie = await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "selfie", image: readFileSync(syntheticFace).toString("base64") },
  });
  if (selfie.status !== 201) throw new Error(`selfie refused: ${JSON.stringify(selfie.body)}`);
  return reference;
}

/** An application whose activation five wrong codes locked (set directly: activation.test.ts locks it for real). */
async function lockedActivation(): Promise<string> {
  const { reference } = await draftApplication(server, "prepaid-data-esim", somebody());
  await server.services.db.query(
    "UPDATE applications SET activation_failures = 5, activation_locked_at = now() WHERE reference = $1",
    [reference],
  );
  return reference;
}

/** A package still in stock (one batch of one), with its code. */
async function freshPackage(): Promise<{ packageId: string; code: string }> {
  const made = await clients.admin.api("POST", "/v1/staff/package-batches", {
    body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
  });
  const id = String(made.body.batchId);
  const { services } = server;
  const batch = await batchWithCodes({ ...services, publicUrl: services.config.publicUrl }, id);
  const { rows } = await services.db.query<{ id: string }>("SELECT id FROM retail_packages WHERE batch_id = $1", [id]);
  return { packageId: String(rows[0]?.id), code: String(batch.packages[0]?.code) };
}

/** A subscriber's filed deletion request (their line signed in with the mailed code). */
async function deletionRequest(): Promise<string> {
  const line = await activeLine(server, somebody());
  const token = await subscriberSignIn(server, line.msisdn, "anna@example.test");
  const filed = await server.api("POST", "/v1/subscriber/deletion-requests", { token });
  return String(filed.body.id);
}

/** A data eSIM package sold at a counter (by an admin), and, when `approved`, filled in and approved. */
async function counterSale(approved: boolean): Promise<string> {
  const made = await clients.admin.api("POST", "/v1/staff/package-batches", {
    body: { planId: "prepaid-data-esim", channel: "airport", count: 1 },
  });
  const { services } = server;
  const batch = await batchWithCodes({ ...services, publicUrl: services.config.publicUrl }, String(made.body.batchId));
  const sold = await clients.admin.api("POST", "/v1/staff/counter/sales", {
    body: { code: batch.packages[0]?.code, language: "en", contact: { email: "visitor@example.test" } },
  });
  const reference = String(sold.body.reference);
  if (!approved) return reference;
  const token = String(sold.body.accessToken);
  const person = somebody();
  await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(person) });
  await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "mrz", lines: td3(person) },
  });
  const submitted = await submitAndPay(server, reference, token);
  if (submitted.body.state !== "sim_assigned")
    throw new Error(`expected sim_assigned: ${JSON.stringify(submitted.body)}`);
  return reference;
}

/** A subscriber's pending change of contact details on a fresh line (asked for directly, not over HTTP). */
async function pendingHolderChange(): Promise<string> {
  const line = await activeLine(server, somebody());
  const { rows } = await server.services.db.query<{ id: string; identity_index: Buffer }>(
    `SELECT s.id, a.identity_index FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE a.reference = $1`,
    [line.reference],
  );
  const principal = {
    subscriptionId: String(rows[0]?.id),
    identityIndex: rows[0]?.identity_index as Buffer,
    signedInAt: new Date(),
  };
  const change = await requestHolderChange(server.services, principal, line.msisdn, {
    kind: "contact",
    contact: { email: `moved.${++unique}@example.test` },
    evidence: [],
  });
  return change.id;
}

/** A request that succeeds for a role allowed to make it (setting up what it needs first). */
async function example(operationId: string, client: StaffClient): Promise<Call> {
  switch (operationId) {
    case "getStaffSession":
      return { method: "GET", path: "/v1/staff/session" };
    case "staffSignOut":
      return { method: "DELETE", path: "/v1/staff/session" };
    case "changeStaffPassword": {
      const next = `another-long-password-${++unique}`;
      const call = {
        method: "POST",
        path: "/v1/staff/password",
        body: { currentPassword: client.password, newPassword: next },
      };
      client.password = next;
      return call;
    }
    case "listStaff":
      return { method: "GET", path: "/v1/staff/accounts" };
    case "createStaff":
      return {
        method: "POST",
        path: "/v1/staff/accounts",
        body: { email: `new.${++unique}@operator.test`, displayName: "New Member", role: "agent" },
      };
    case "setStaffDisabled":
      return { method: "PUT", path: `/v1/staff/accounts/${clients.agent.id}/disabled`, body: { disabled: false } };
    case "listReviewQueue":
      return { method: "GET", path: "/v1/staff/applications" };
    case "getDashboard":
      return { method: "GET", path: "/v1/staff/dashboard?from=2026-01-01&to=2026-01-31" };
    case "getCase":
      return { method: "GET", path: `/v1/staff/applications/${inReview}` };
    case "getCaseImage":
      return { method: "GET", path: `/v1/staff/applications/${await draftWithSelfie()}/images/selfie` };
    case "unlockActivation":
      return {
        method: "POST",
        path: `/v1/staff/applications/${await lockedActivation()}/activation-unlock`,
        body: { reason: "Caller identified on the phone" },
      };
    case "listShippingWork":
      return { method: "GET", path: "/v1/staff/shipments" };
    case "lookupStatus":
      return { method: "GET", path: `/v1/staff/lookup/${inReview}` };
    case "claimCase":
      return { method: "POST", path: `/v1/staff/applications/${await caseInReview()}/claim` };
    case "dropClaim": {
      const reference = await caseInReview();
      if (deciders.includes(client.role)) await client.api("POST", `/v1/staff/applications/${reference}/claim`);
      return { method: "DELETE", path: `/v1/staff/applications/${reference}/claim` };
    }
    case "releaseClaim": {
      const reference = await caseInReview();
      await clients.reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
      return { method: "POST", path: `/v1/staff/applications/${reference}/claim/release` };
    }
    case "decideCase": {
      const reference = await caseInReview();
      if (deciders.includes(client.role)) await client.api("POST", `/v1/staff/applications/${reference}/claim`);
      return {
        method: "POST",
        path: `/v1/staff/applications/${reference}/events`,
        body: { type: "escalate", note: "Needs a senior look" },
      };
    }
    case "createWebhookEndpoint":
      return {
        method: "POST",
        path: "/v1/staff/webhooks",
        body: { url: "http://127.0.0.1:9/hooks", eventTypes: ["application.state_changed"] },
      };
    case "listWebhookEndpoints":
      return { method: "GET", path: "/v1/staff/webhooks" };
    case "getWebhookEndpoint":
      return { method: "GET", path: `/v1/staff/webhooks/${endpointId}` };
    case "updateWebhookEndpoint":
      return { method: "PUT", path: `/v1/staff/webhooks/${endpointId}`, body: { description: `changed ${++unique}` } };
    case "listWebhookDeliveries":
      return { method: "GET", path: `/v1/staff/webhooks/${endpointId}/deliveries` };
    case "redeliverWebhook":
      return { method: "POST", path: `/v1/staff/webhooks/deliveries/${deliveryId}/redeliver` };
    case "shipSim":
      return { method: "POST", path: `/v1/staff/applications/${await simToShip()}/shipment` };
    case "recordShipmentEvent": {
      const shipped = await clients.admin.api("POST", `/v1/staff/applications/${await simToShip()}/shipment`);
      return {
        method: "POST",
        path: `/v1/staff/shipments/${String(shipped.body.trackingNumber)}/events`,
        body: { type: "delivered" },
      };
    }
    case "getInventory":
      return { method: "GET", path: "/v1/staff/inventory" };
    case "importInventory":
      return {
        method: "POST",
        path: "/v1/staff/inventory/import",
        body: { kind: "msisdn", csv: `msisdn\n0709${String(++unique).padStart(7, "0")}\n` },
      };
    case "terminateLine": {
      const line = await activeLine(server, somebody());
      return {
        method: "POST",
        path: `/v1/staff/applications/${line.reference}/termination`,
        body: { reason: "operator_decision" },
      };
    }
    case "publishAnnouncement": {
      const t = { ja: "告知", en: "Notice", "zh-Hans": "通知", "zh-Hant": "通知", ko: "공지", vi: "Thông báo" };
      return { method: "POST", path: "/v1/staff/announcements", body: { title: t, body: t } };
    }
    case "terminateForNonpayment": {
      const line = await activeLine(server, somebody());
      return {
        method: "POST",
        path: `/v1/staff/applications/${line.reference}/nonpayment-termination`,
        body: { unpaidJpy: 3300 },
      };
    }
    case "settleNonpayment": {
      const line = await activeLine(server, somebody());
      const path = `/v1/staff/applications/${line.reference}/nonpayment-termination`;
      await clients.admin.api("POST", path, { body: { unpaidJpy: 3300 } });
      return { method: "POST", path: `${path}/settlement`, body: { paidJpy: 3300 } };
    }
    case "createPackageBatch":
      return {
        method: "POST",
        path: "/v1/staff/package-batches",
        body: { planId: "prepaid-data-esim", channel: "shop", count: 1 },
      };
    case "listPackageBatches":
      return { method: "GET", path: "/v1/staff/package-batches" };
    case "getPackageBatchCodes":
      return { method: "GET", path: `/v1/staff/package-batches/${batchId}/packages` };
    case "listTransferRefunds":
      return { method: "GET", path: "/v1/staff/refunds/transfers" };
    case "markTransferRefundPaid":
      return {
        method: "POST",
        path: `/v1/staff/refunds/transfers/${(await konbiniRefundOwed(server)).paymentId}/paid`,
        body: { transferReference: "MIZUHO-0001" },
      };
    case "getPackageBatch":
      return { method: "GET", path: `/v1/staff/package-batches/${batchId}` };
    case "getPackageBatchCsv":
      return { method: "GET", path: `/v1/staff/package-batches/${batchId}/packages.csv` };
    case "getPackageLabels":
      return { method: "GET", path: `/v1/staff/package-batches/${batchId}/labels.pdf` };
    case "voidPackage": {
      const { packageId } = await freshPackage();
      return { method: "POST", path: `/v1/staff/packages/${packageId}/void`, body: { reason: "lost" } };
    }
    case "sellPackage":
      return { method: "POST", path: "/v1/staff/packages/sales", body: { code: (await freshPackage()).code } };
    case "sellAtCounter":
      return {
        method: "POST",
        path: "/v1/staff/counter/sales",
        body: { code: (await freshPackage()).code, language: "en", contact: { email: "visitor@example.test" } },
      };
    case "activateAtCounter":
      return { method: "POST", path: `/v1/staff/counter/applications/${await counterSale(true)}/activation` };
    case "getCounterReceipt":
      return { method: "GET", path: `/v1/staff/counter/applications/${await counterSale(false)}/receipt.pdf` };
    case "listHolderChanges":
      return { method: "GET", path: "/v1/staff/holder-changes" };
    case "getHolderChange":
      return { method: "GET", path: `/v1/staff/holder-changes/${await pendingHolderChange()}` };
    case "decideHolderChange":
      return {
        method: "POST",
        path: `/v1/staff/holder-changes/${await pendingHolderChange()}/decision`,
        body: { decision: "approve" },
      };
    case "listTransfers":
      return { method: "GET", path: "/v1/staff/transfers" };
    case "recordPoliceRequest": {
      const line = await activeLine(server, somebody());
      return {
        method: "POST",
        path: "/v1/staff/police-requests",
        body: {
          msisdn: line.msisdn,
          authority: "警視庁丸の内警察署長",
          authorityReference: `R-${++unique}`,
          receivedOn: todayInJapan(server.services.clock()),
        },
      };
    }
    case "reverifyAtCounter": {
      const person = somebody();
      const line = await activeLine(server, person);
      const recorded = await clients.compliance.api("POST", "/v1/staff/police-requests", {
        body: {
          msisdn: line.msisdn,
          authority: "警視庁丸の内警察署長",
          authorityReference: `R-${++unique}`,
          receivedOn: todayInJapan(server.services.clock()),
        },
      });
      return {
        method: "POST",
        path: `/v1/staff/police-requests/${String(recorded.body.id)}/reverification`,
        body: { evidence: [{ kind: "mrz", lines: td3(person) }] },
      };
    }
    case "reportPoliceRequests":
      return { method: "GET", path: "/v1/staff/police-requests?format=csv" };
    case "listDeletionRequests":
      return { method: "GET", path: "/v1/staff/deletion-requests" };
    case "decideDeletionRequest":
      return { method: "POST", path: `/v1/staff/deletion-requests/${await deletionRequest()}/decision` };
    case "listPolicies":
      return { method: "GET", path: "/v1/staff/policies" };
    case "getPolicy":
      return { method: "GET", path: "/v1/staff/policies/jp-mobile-act" };
    case "listStaffPlans":
      return { method: "GET", path: "/v1/staff/plans" };
    case "updatePlan":
      // Leaves the plan on sale: the other rows still apply for it.
      return { method: "PATCH", path: "/v1/staff/plans/prepaid-data-esim", body: { available: true } };
    case "exportVerificationRecords":
      return { method: "GET", path: "/v1/staff/records?format=csv" };
    case "verifyAuditChain":
      return { method: "POST", path: "/v1/staff/audit/verification" };
    default:
      throw new Error(`no example request for ${operationId}: add it to the table`);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  clients = Object.fromEntries(
    await Promise.all(staffRoles.map(async (role) => [role, await signInAs(server, role)] as const)),
  ) as Record<StaffRole, StaffClient>;
  inReview = await caseInReview();
  const endpoint = await clients.admin.api("POST", "/v1/staff/webhooks", {
    body: { url: "http://127.0.0.1:9/hooks", eventTypes: ["application.state_changed"] },
  });
  endpointId = String((endpoint.body.endpoint as { id: string } | undefined)?.id ?? endpoint.body.id);
  await caseInReview(); // a state change after the endpoint exists: a delivery to redeliver
  await server.services.jobs.drain();
  const delivery = await server.services.db.query<{ id: string }>("SELECT id FROM webhook_deliveries LIMIT 1");
  deliveryId = String(delivery.rows[0]?.id);
  const batch = await clients.admin.api("POST", "/v1/staff/package-batches", {
    body: { planId: "prepaid-data-esim", channel: "konbini", count: 2 },
  });
  batchId = String(batch.body.batchId);
}, 60_000);
afterAll(async () => server?.close());

describe("authorisation of every staff route", () => {
  const staffRoutes = allRoutes.filter((r) => r.auth === "staff");

  it("has a row in the table for every staff route, and no row for a route that does not exist", () => {
    expect(staffRoutes.map((r) => r.operationId).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const route of allRoutes.filter((r) => r.auth === "staff")) {
    it(`${route.method} ${route.path} (${route.operationId})`, async () => {
      const allowed = expected[route.operationId] ?? [];
      const denied = staffRoles.filter((role) => !allowed.includes(role));
      // A refused request changes nothing, so the refused roles share one example (made for the first
      // of them); a request that is let through acts on what it names, so each allowed role gets an
      // example of its own. A refusal that acted would have answered 2xx: the row fails on it.
      const send = (client: StaffClient | TestServer, call: Call) =>
        client.api(call.method, call.path, call.body === undefined ? {} : { body: call.body });
      const firstDenied = denied[0];
      const refused = firstDenied ? await example(route.operationId, clients[firstDenied]) : undefined;
      for (const role of denied) {
        const response = await send(clients[role], refused as Call);
        expect(response.status, role).toBe(403);
        expect(response.body.code, role).toBe("forbidden");
      }
      for (const role of allowed) {
        // Signing out ends the session: that row gets a session of its own.
        const client = route.operationId === "staffSignOut" ? await signInAs(server, role) : clients[role];
        const response = await send(client, await example(route.operationId, client));
        expect(response.status, `${role}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(200);
        expect(response.status, `${role}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
      }
      // The anonymous caller: the refused roles' example, still untouched, or a new one.
      const anonymous = await send(server, refused ?? (await example(route.operationId, clients.admin)));
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe("authentication_required");
    }, 60_000);
  }
});
