import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import {
  activationCodeFromOutbox,
  anna,
  draftApplication,
  payAfterApproval,
  somebody,
  submitAndPay,
  throwawayEmail,
  tokyoAddress,
} from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * What staff do around a case besides deciding it: open the faces beside the particulars (audited,
 * never cached, reviewers only), unlock an activation locked by wrong codes (audited, with the reason),
 * see the SIM and its number, and work the shipping desk's list.
 */

const { chip } = inject("evidenceFixtures");
const b64 = (file: string | URL) => readFileSync(file).toString("base64");
const syntheticFace = new URL("../../../packages/evidence/src/face/fixtures/synthetic-face-a.jpg", import.meta.url);

let server: TestServer;
let reviewer: StaffClient;
let compliance: StaffClient;
let agent: StaffClient;
let clerk: StaffClient;

beforeAll(async () => {
  server = await startTestServer();
  [reviewer, compliance, agent, clerk] = [
    await signInAs(server, "reviewer"),
    await signInAs(server, "compliance"),
    await signInAs(server, "agent"),
    await signInAs(server, "clerk"),
  ];
});
afterAll(async () => server?.close());

/** The bytes of a staff GET (the test client reads JSON only). */
async function fetchAs(client: StaffClient, path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function auditEntries(subject: string, action: string) {
  const { rows } = await server.services.db.query<{ actor: string; data: Record<string, unknown>; at: Date }>(
    "SELECT actor, data, at FROM audit_entries WHERE subject = $1 AND action = $2 ORDER BY seq",
    [subject, action],
  );
  return rows;
}

/** A voice SIM application with a passport chip (its DG2 face) and a selfie, submitted. */
async function caseWithFaces(): Promise<string> {
  const { reference, token } = await draftApplication(server, "prepaid-voice-sim", anna, { address: tokyoAddress });
  const chipAdded = await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: {
      kind: "chip",
      sod: b64(chip.chips.brainpool.sod),
      dataGroups: { "1": b64(chip.chips.brainpool.dg1), "2": b64(chip.chips.brainpool.dg2) },
    },
  });
  expect(chipAdded.status).toBe(201);
  const selfie = await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "selfie", image: b64(syntheticFace) },
  });
  expect(selfie.status).toBe(201);
  await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  return reference;
}

describe("the faces beside the particulars", () => {
  it("serves the chip's photo and the selfie to a reviewer, never cached, each opening audited", async () => {
    const reference = await caseWithFaces();
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.body.images).toEqual(["chip_face", "selfie"]);

    for (const image of ["chip_face", "selfie"]) {
      const opened = await fetchAs(reviewer, `/v1/staff/applications/${reference}/images/${image}`);
      expect(opened.status).toBe(200);
      expect(opened.headers.get("content-type")).toBe("image/jpeg");
      expect(opened.headers.get("cache-control")).toBe("no-store");
      expect(opened.bytes.subarray(0, 3).toString("hex")).toBe("ffd8ff");
    }
    await fetchAs(reviewer, `/v1/staff/applications/${reference}/images/selfie`);

    const audited = await auditEntries(reference, "application.image_viewed");
    expect(audited.map((a) => [a.actor, a.data.image])).toEqual([
      [`staff:${reviewer.id}`, "chip_face"],
      [`staff:${reviewer.id}`, "selfie"],
      [`staff:${reviewer.id}`, "selfie"],
    ]);
    expect(audited.every((a) => typeof a.data.evidenceId === "string")).toBe(true);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
  });

  it("refuses roles that do not decide cases (compliance reads the case, not the faces) and writes no row", async () => {
    const reference = await caseWithFaces();
    for (const client of [compliance, clerk, agent]) {
      const refused = await fetchAs(client, `/v1/staff/applications/${reference}/images/selfie`);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
    }
    const anonymous = await fetch(`${server.url}/v1/staff/applications/${reference}/images/selfie`);
    expect(anonymous.status).toBe(401);
    expect(await auditEntries(reference, "application.image_viewed")).toEqual([]);
  });

  it("answers 404 for an image the application does not have, and 422 naming an unknown image", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    const missing = await reviewer.api("GET", `/v1/staff/applications/${reference}/images/selfie`);
    expect(missing).toMatchObject({ status: 404, body: { code: "not_found" } });
    const unknown = await reviewer.api("GET", `/v1/staff/applications/${reference}/images/passport_scan`);
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain("image");
  });
});

/** A data eSIM assigned (approved on its own), with its activation locked after five wrong codes. */
async function lockedActivation(): Promise<{ reference: string; token: string }> {
  const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
  await submitAndPay(server, reference, token);
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await activationCodeFromOutbox(server, reference);
  const wrong = code === "000000" ? "111111" : "000000";
  for (let i = 0; i < 5; i++) {
    await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code: wrong } });
  }
  const locked = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
  expect(locked).toMatchObject({ status: 423, body: { code: "activation_locked" } });
  return { reference, token };
}

describe("unlocking a locked activation", () => {
  it("lets the call centre unlock it with a reason (audited, kept encrypted); the applicant then activates with a new code", async () => {
    const { reference, token } = await lockedActivation();
    expect((await agent.api("GET", `/v1/staff/lookup/${reference}`)).body.activationLockedAt).toEqual(
      expect.any(String),
    );
    expect((await reviewer.api("GET", `/v1/staff/applications/${reference}`)).body.activation).toMatchObject({
      failures: 5,
      lockedAt: expect.any(String),
    });

    const reason = "Caller identified by birth date and reference; mistyped the code";
    const unlocked = await agent.api("POST", `/v1/staff/applications/${reference}/activation-unlock`, {
      body: { reason },
    });
    expect(unlocked).toMatchObject({ status: 200, body: { reference, activationLocked: false } });

    const audited = await auditEntries(reference, "application.activation_unlocked");
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: `staff:${agent.id}`, data: { failures: 5 } });
    // The reason may name the caller: encrypted as a case note, not in the audit entry.
    expect(JSON.stringify(audited[0]?.data)).not.toContain("birth date");
    const notes = (await reviewer.api("GET", `/v1/staff/applications/${reference}`)).body.notes as {
      kind: string;
      note: string;
    }[];
    expect(notes).toContainEqual(expect.objectContaining({ kind: "activation_unlocked", note: reason }));
    const { rows } = await server.services.db.query<{ note_enc: Buffer }>(
      "SELECT note_enc FROM case_notes WHERE kind = 'activation_unlocked'",
    );
    expect(rows.some((r) => Buffer.from(r.note_enc).includes(Buffer.from("birth date")))).toBe(false);

    // The old code died with the lock: the applicant asks for a new one, which works.
    expect((await agent.api("GET", `/v1/staff/lookup/${reference}`)).body.activationLockedAt).toBeNull();
    expect((await server.api("POST", `/v1/applications/${reference}/activation-code`, { token })).status).toBe(202);
    const code = await activationCodeFromOutbox(server, reference);
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(activated.status).toBe(200);
  });

  it("refuses an unlock without a reason, of an activation not locked, and by a role that may not", async () => {
    const { reference } = await lockedActivation();
    const noReason = await reviewer.api("POST", `/v1/staff/applications/${reference}/activation-unlock`, {
      body: { reason: " " },
    });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.body)).toContain("reason");
    for (const client of [clerk, compliance]) {
      const refused = await client.api("POST", `/v1/staff/applications/${reference}/activation-unlock`, {
        body: { reason: "The applicant called us" },
      });
      expect(refused.status).toBe(403);
    }
    expect(await auditEntries(reference, "application.activation_unlocked")).toEqual([]);
    const first = await reviewer.api("POST", `/v1/staff/applications/${reference}/activation-unlock`, {
      body: { reason: "The applicant called us" },
    });
    expect(first.status).toBe(200);
    const again = await reviewer.api("POST", `/v1/staff/applications/${reference}/activation-unlock`, {
      body: { reason: "The applicant called us" },
    });
    expect(again).toMatchObject({ status: 409, body: { code: "activation_not_locked" } });
  });
});

describe("the SIM on the case and the shipping desk", () => {
  it("lists a physical SIM waiting to be sent, then in transit with its tracking page; the case shows ICCID, number and parcel", async () => {
    const { reference, token } = await draftApplication(
      server,
      "prepaid-voice-sim",
      somebody(),
      { address: tokyoAddress },
      { contact: { email: throwawayEmail() }, evidence: "jpki" },
    );
    await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(await payAfterApproval(server, reference, token, approved)).toBe("sim_assigned");

    const desk = await clerk.api("GET", "/v1/staff/shipments");
    expect(desk.status).toBe(200);
    expect(desk.body.carrier).toBe("japan-post-simulator");
    const waiting = (desk.body.waiting as { reference: string }[]).find((w) => w.reference === reference);
    expect(waiting).toMatchObject({ lineType: "voice", method: "registered_non_forwardable", lastReturned: null });
    expect((await reviewer.api("GET", "/v1/staff/shipments")).status).toBe(403);

    const shipped = await clerk.api("POST", `/v1/staff/applications/${reference}/shipment`);
    const tracking = String(shipped.body.trackingNumber);
    expect(shipped.body.trackingUrl).toBe(
      `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${tracking}&searchKind=S002&locale=ja`,
    );
    const after = await clerk.api("GET", "/v1/staff/shipments");
    expect((after.body.waiting as { reference: string }[]).some((w) => w.reference === reference)).toBe(false);
    expect(after.body.inTransit).toContainEqual({
      reference,
      shipment: expect.objectContaining({ trackingNumber: tracking, status: "in_transit" }),
    });
    // The applicant (English) gets the carrier's English page.
    const mine = await server.api("GET", `/v1/applications/${reference}/shipment`, { token });
    expect(mine.body.trackingUrl).toContain("locale=en");

    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.body.line).toMatchObject({
      iccid: expect.stringMatching(/^89\d{16,18}$/),
      formFactor: "physical",
      lineType: "voice",
      msisdn: expect.stringMatching(/^0[789]0\d{8}$/),
      status: "assigned",
    });
    expect(view.body.shipment).toMatchObject({ trackingNumber: tracking, status: "in_transit" });
  });

  it("shows no phone number for a data-only line", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    await submitAndPay(server, reference, token);
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.body.line).toMatchObject({ formFactor: "esim", lineType: "data", msisdn: null });
    expect(view.body.shipment).toBeNull();
  });
});
