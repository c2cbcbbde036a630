import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../src/http/app.ts";
import type { RouteSpec } from "../src/http/route.ts";
import { activationCodeFromOutbox, activeLine, type Person, signedPostpaid, somebody, td3 } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { subscriberSignIn } from "./support/subscriber.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Insecure direct object references, for every route in the route list that takes an id: nobody
 * reaches another person's application, document, payment, top-up or line by putting its id into a
 * URL. Two people each hold a postpaid line (contract documents, a deposit payment and its receipt)
 * and a prepaid line (a top-up); each route is called by one of them with the other's ids.
 *
 * Staff routes are role-checked, not owner-checked (a reviewer may open any case): authorization.test.ts
 * walks every staff route × role. Routes without authentication that take an id must be public by
 * design and are listed below; a new one fails here until someone has looked at it.
 */

type Holder = {
  email: string;
  reference: string; // the postpaid application
  token: string;
  prepaidReference: string;
  prepaidToken: string;
  documentId: string;
  paymentId: string;
  topUpId: string;
  msisdn: string;
  subscriberToken: string;
  deletionRequestId: string;
};

/** How to find a holder's own value for each path parameter (a new parameter must be added here). */
const ownValue: Record<string, (h: Holder, route: RouteSpec) => string> = {
  reference: (h, route) => (route.path.includes("/top-ups") ? h.prepaidReference : h.reference),
  documentId: (h) => h.documentId,
  paymentId: (h) => h.paymentId,
  topUpId: (h) => h.topUpId,
  msisdn: (h) => h.msisdn,
  id: (h, route) => {
    if (!route.path.startsWith("/v1/subscriber/deletion-requests/")) throw new Error(`which {id} in ${route.path}?`);
    return h.deletionRequestId;
  },
};

/** Routes without an id that create something for the caller alone (nothing of anyone else to reach). */
const createsForCaller = new Set(["/v1/subscriber/deletion-requests"]);

/** Unauthenticated routes that take an id and are public by design. */
// A postal code names a place, not a person: Japan Post publishes them all.
const publicById = new Set(["/v1/announcements/{id}", "/v1/postal-codes/{code}"]);

let server: TestServer;
let x: Holder;
let y: Holder;

beforeAll(async () => {
  server = await startTestServer();
  const reviewer = await signInAs(server, "reviewer");
  x = await holder(server, reviewer, somebody(), "x.holder@example.test");
  y = await holder(server, reviewer, somebody(), "y.holder@example.test");
}, 120_000);
afterAll(async () => server?.close());

async function holder(
  server: TestServer,
  reviewer: Awaited<ReturnType<typeof signInAs>>,
  person: Person,
  email: string,
): Promise<Holder> {
  // Postpaid without a card: the deposit rules ask for one, paid by card (a payment and its receipt).
  const signed = await signedPostpaid(server, reviewer, person, { email, formFactor: "esim", card: false });
  const { reference, token } = signed;
  const paid = await server.api("POST", `/v1/applications/${reference}/deposit/payments`, {
    token,
    body: { method: "card", cardToken: "tok_test_ok" },
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  const paymentId = String((paid.body.payment as { id: string }).id);
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await activationCodeFromOutbox(server, reference);
  const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  const msisdn = String(activated.body.msisdn);
  const documents = await server.api("GET", `/v1/applications/${reference}/documents`, { token });
  const documentId = String((documents.body.documents as { id: string }[])[0]?.id);

  const prepaid = await activeLine(server, person);
  const topUp = await server.api("POST", `/v1/applications/${prepaid.reference}/top-ups`, {
    token: prepaid.token,
    body: { method: "konbini" },
  });
  expect(topUp.status, JSON.stringify(topUp.body)).toBe(201);

  const subscriberToken = await subscriberSignIn(server, msisdn, email);
  const deletion = await server.api("POST", "/v1/subscriber/deletion-requests", {
    token: subscriberToken,
    body: {},
  });
  expect(deletion.status, JSON.stringify(deletion.body)).toBe(201);

  return {
    email,
    reference,
    token,
    prepaidReference: prepaid.reference,
    prepaidToken: prepaid.token,
    documentId,
    paymentId,
    topUpId: String(topUp.body.id),
    msisdn,
    subscriberToken,
    deletionRequestId: String(deletion.body.id),
  };
}

const paramsOf = (route: RouteSpec) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

/** The route's path with each parameter taken from `owner`, or from `foreign` for the one named `swap`. */
function pathFor(route: RouteSpec, owner: Holder, foreign?: { holder: Holder; swap: string }): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const from = foreign && name === foreign.swap ? foreign.holder : owner;
    const value = ownValue[name];
    if (!value) throw new Error(`no value for {${name}} in ${route.path}`);
    return encodeURIComponent(value(from, route));
  });
}

/**
 * A body the route would accept from the line's own holder, so that what answers is the ownership
 * check, not the body's validation.
 */
const validBodies: Record<string, unknown> = {
  "/v1/subscriber/lines/{msisdn}/holder-changes": { kind: "contact", contact: { email: "new@example.test" } },
  "/v1/subscriber/lines/{msisdn}/transfers": {
    relationship: "none",
    newHolder: { email: "new.holder@example.test", language: "en" },
  },
  "/v1/subscriber/lines/{msisdn}/reverification": { evidence: [{ kind: "mrz", lines: td3(somebody()) }] },
  // Well formed (no operator is registered here): another's number must be not found before that is judged.
  "/v1/subscriber/lines/{msisdn}/port-out/one-stop": {
    recipient: "recipient-mobile",
    state: "idor-state-12345",
    returnUrl: "https://recipient.example.test/mnp/back",
  },
};

async function call(route: RouteSpec, path: string, token: string) {
  const withBody = route.method === "POST" || route.method === "PUT";
  return server.api(route.method, path, { token, ...(withBody ? { body: validBodies[route.path] ?? {} } : {}) });
}

const applicantRoutes = allRoutes.filter((r) => r.auth === "applicant");
const subscriberRoutes = allRoutes.filter((r) => r.auth === "subscriber");
const tokenOf = (h: Holder, route: RouteSpec) => (route.path.includes("/top-ups") ? h.prepaidToken : h.token);

describe("IDOR", () => {
  it("every path parameter of an applicant or subscriber route has a value here, and unauthenticated ids are public by design", () => {
    for (const route of [...applicantRoutes, ...subscriberRoutes]) {
      for (const name of paramsOf(route)) expect(ownValue, `${route.path}: {${name}}`).toHaveProperty(name);
    }
    const anonymousById = allRoutes.filter((r) => r.auth === "none" && paramsOf(r).length > 0).map((r) => r.path);
    expect(anonymousById.filter((p) => !publicById.has(p))).toEqual([]);
    expect(applicantRoutes.length).toBeGreaterThan(20);
  });

  it("an application's reference with another application's token opens nothing, on every applicant route", async () => {
    for (const route of applicantRoutes) {
      const path = pathFor(route, x);
      const answer = await call(route, path, tokenOf(y, route));
      expect(answer.status, `${route.method} ${path}`).toBe(404);
      expect(answer.body.code, `${route.method} ${path}`).toBe("application_not_found");
    }
    // Nothing was changed on X's application by all those calls.
    const events = await server.api("GET", `/v1/applications/${x.reference}/events`, { token: x.token });
    expect(events.status).toBe(200);
    expect((await server.api("GET", `/v1/applications/${x.reference}`, { token: x.token })).body.state).toBe("active");
  });

  it("with one's own reference and token, another person's document, payment or top-up id finds nothing", async () => {
    const nested = applicantRoutes.filter((r) => paramsOf(r).some((p) => p !== "reference"));
    expect(nested.length).toBeGreaterThanOrEqual(3);
    for (const route of nested) {
      for (const swap of paramsOf(route).filter((p) => p !== "reference")) {
        // The holder's own id opens it (so the refusal below is about the owner, not a bad id).
        const own = pathFor(route, x);
        if (route.method === "GET") expect((await call(route, own, tokenOf(x, route))).status, own).toBe(200);
        const path = pathFor(route, x, { holder: y, swap });
        const answer = await call(route, path, tokenOf(x, route));
        expect(answer.status, `${route.method} ${path}`).toBe(404);
      }
    }
  });

  it("a subscriber reaches none of another subscriber's lines or documents, on every subscriber route", async () => {
    for (const route of subscriberRoutes) {
      const params = paramsOf(route);
      if (params.length === 0 && createsForCaller.has(route.path)) {
        // One open request at a time: the answer is the caller's own, filed in the set-up.
        const filed = await call(route, route.path, x.subscriberToken);
        expect(filed.status, route.path).toBe(201);
        expect(filed.body.id, route.path).toBe(x.deletionRequestId);
        continue;
      }
      if (params.length === 0) {
        // Lists: only the caller's own.
        const mine = await call(route, route.path, x.subscriberToken);
        expect(mine.status, route.path).toBe(200);
        const text = JSON.stringify(mine.body);
        expect(text, route.path).not.toContain(y.reference);
        expect(text, route.path).not.toContain(y.msisdn);
        expect(text, route.path).not.toContain(y.documentId);
        continue;
      }
      for (const swap of params) {
        const path = pathFor(route, x, { holder: y, swap });
        const answer = await call(route, path, x.subscriberToken);
        expect(answer.status, `${route.method} ${path}`).toBe(404);
      }
    }
    // Y's line is still on and Y's document still Y's.
    const lines = await server.api("GET", "/v1/subscriber/lines", { token: y.subscriberToken });
    expect(lines.body.items).toContainEqual(expect.objectContaining({ msisdn: y.msisdn, status: "active" }));
    const ownDocument = await fetch(`${server.url}/v1/subscriber/documents/${y.documentId}.pdf`, {
      headers: { authorization: `Bearer ${y.subscriberToken}` },
    });
    expect(ownDocument.status).toBe(200);
  });
});
