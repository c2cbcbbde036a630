import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { anna, draftApplication, particularsOf, submitAndPay, td3 } from "./support/journey.ts";
import { activationCodeIn, readMail, startSmtpSink } from "./support/smtp-sink.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe("the prepaid online journey over HTTP", () => {
  it("applies for a data-only eSIM, verifies the passport MRZ, takes the plan's price, mails a code over SMTP and activates the line", async () => {
    const plans = await server.api("GET", "/v1/plans");
    expect(plans.status).toBe(200);
    const items = plans.body.items as { id: string; kind: string; coveredByLaw: boolean }[];
    expect(items.map((p) => p.id)).toEqual(["prepaid-voice-sim", "prepaid-data-esim", "postpaid-voice"]);
    expect(items.find((p) => p.id === "prepaid-data-esim")?.coveredByLaw).toBe(false);

    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email: "anna@example.test" } },
    });
    expect(created.status).toBe(201);
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    expect(reference).toMatch(/^JT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    expect(created.body).toMatchObject({ state: "draft", formFactor: "esim" });

    const draft = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(draft.body.state).toBe("draft");
    expect((draft.body.needs as { field: string }[]).map((n) => n.field)).toEqual(["applicant", "evidence"]);

    const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: particularsOf(anna),
    });
    expect(put.status).toBe(200);
    const evidence = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(anna) },
    });
    expect(evidence.status).toBe(201);
    expect(evidence.body.format).toBe("TD3");

    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.status).toBe(200);
    // Approved, but nothing is released before the plan is paid for.
    expect(submitted.body.state).toBe("payment_pending");
    expect(submitted.body.line).toBeNull();
    const checks = submitted.body.checks as { code: string; status: string; message: string }[];
    expect(checks.every((c) => c.status === "pass")).toBe(true);
    expect(checks.map((c) => c.code)).toEqual(
      expect.arrayContaining(["mrz.valid", "mrz.matches_form", "document.not_expired", "applicant.of_age"]),
    );
    const paid = await server.api("POST", `/v1/applications/${reference}/purchase/payments`, {
      token,
      body: { method: "card", cardToken: "tok_test_ok" },
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ state: "sim_assigned", payment: { status: "captured", amountJpy: 2200 } });
    const issued = await server.api("GET", `/v1/applications/${reference}`, { token });
    const line = issued.body.line as { formFactor: string; iccid: string; esimActivationCode: string };
    expect(line.formFactor).toBe("esim");
    expect(line.iccid).toMatch(/^8981\d{15}$/);
    expect(line.esimActivationCode).toMatch(/^LPA:1\$/);

    const codeRequest = await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    expect(codeRequest.status).toBe(202);
    expect(codeRequest.body.sentTo).toBe("a**a@example.test");
    // The submission's receipt, verified (pay now), the payment's receipt, the SIM's notification and
    // the code, in whichever order the jobs ran.
    const received = await smtp.waitFor(5);
    const mails = await Promise.all(received.map(readMail));
    expect(mails.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining(`We have received your application (${reference})`),
      expect.stringContaining(`We have received your payment (${reference})`),
      expect.stringContaining("Your activation code"),
      expect.stringContaining(`Your eSIM is ready (${reference})`),
      expect.stringContaining(`Your identity has been verified: please pay for your plan (${reference})`),
    ]);
    const codeMail = received[mails.findIndex((m) => m.subject.includes("activation code"))];
    expect(codeMail?.to).toEqual(["anna@example.test"]);
    const code = activationCodeIn(codeMail?.raw ?? "");

    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ reference, state: "active", iccid: line.iccid });
    expect(String(activated.body.msisdn)).toMatch(/^0\d{10}$/);

    const events = await server.api("GET", `/v1/applications/${reference}/events`, { token });
    expect((events.body.items as { event: string; to: string }[]).map((e) => `${e.event}->${e.to}`)).toEqual([
      "submit->checking",
      "checks_passed->approved",
      "request_payment->payment_pending",
      "pay_purchase->ready_to_issue",
      "assign_sim->sim_assigned",
      "activate->active",
    ]);
    expect(await verifyAuditChain(server.services.db)).toMatchObject({ valid: true });
    // Mail goes over SMTP here, so the developer outbox (which would list it) does not exist.
    expect((await server.api("GET", "/dev/outbox")).status).toBe(404);
  });

  it("never approves a voice line on an MRZ alone: it goes to review with the reason", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-voice-sim", anna, {
      address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1" },
    });
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe("in_review");
    const method = (submitted.body.checks as { code: string; status: string; message: string }[]).find(
      (c) => c.code === "policy.method_available",
    );
    expect(method?.status).toBe("review");
    expect(method?.message).toMatch(/IC chip|JPKI/);
    expect(submitted.body.line).toBeNull();
  });

  it("refuses to submit a voice application without an address, naming what is missing", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-voice-sim");
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.status).toBe(422);
    expect(submitted.body).toMatchObject({ code: "application_incomplete", field: "applicant.address" });
    const after = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(after.body.state).toBe("draft");
  });

  it("sends a mismatch back to the applicant, and approves once the form is corrected", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim");
    const wrong = particularsOf(anna);
    wrong.birthDate = "1974-08-21";
    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: wrong });
    const first = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(first.body.state).toBe("correction_requested");
    const mismatch = (first.body.checks as { code: string; status: string; params?: { fields: string } }[]).find(
      (c) => c.code === "mrz.matches_form",
    );
    expect(mismatch).toMatchObject({ status: "fail", params: { fields: "birthDate" } });

    await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(anna) });
    const second = await submitAndPay(server, reference, token);
    expect(second.body.state).toBe("sim_assigned");
  });

  it("rejects an expired passport with its own reason", async () => {
    const expired = { ...anna, documentNumber: "X12345678", expiryDate: "2020-01-31" };
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", expired);
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.body.state).toBe("rejected");
    const check = (submitted.body.checks as { code: string; status: string }[]).find(
      (c) => c.code === "document.not_expired",
    );
    expect(check?.status).toBe("fail");
    // The decision names what decided it, in the applicant's language, and the policy it applied.
    const decision = submitted.body.decision as {
      outcome: string;
      reasons: { code: string; message: string }[];
      policy: { id: string };
    };
    expect(decision.outcome).toBe("checks_failed");
    expect(decision.reasons.map((r) => r.code)).toEqual(["document.not_expired"]);
    expect(decision.reasons[0]?.message).toMatch(/expired/i);
    expect(decision.policy.id).toBe("jp-mobile-act");
    const again = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("transition_not_allowed");
  });
});

describe("a change racing the checks", () => {
  it("is not approved unchecked: a submission that read older particulars is refused", async () => {
    const { findApplicationByReference } = await import("../src/applications/application-row.ts");
    const { submitApplication } = await import("../src/applications/submit-application.ts");
    const { reference, token } = await draftApplication(server, "prepaid-data-esim");
    const stale = await findApplicationByReference(server.services.db, reference);
    if (!stale) throw new Error("no application");
    // The applicant changes the particulars while the (stale) submission is running its checks.
    const changed = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: { ...particularsOf(anna), birthDate: "1960-02-02" },
    });
    expect(changed.status).toBe(200);
    await expect(
      submitApplication(
        {
          ...server.services,
          velocity: server.services.config.velocity,
          reviewCap: 100,
          refuseSpecimenDocuments: false,
        },
        stale,
      ),
    ).rejects.toMatchObject({ code: "application_changed" });
    const view = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(view.body.state).toBe("draft");
  });
});

describe("the century of a birth date", () => {
  it("does not let a minor pass the age check by typing another century", async () => {
    const minor = { ...anna, documentNumber: "K10101010", birthDate: "2010-05-05" };
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", minor, {
      birthDate: "1910-05-05",
    });
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.body.state).toBe("in_review");
    expect(
      (submitted.body.checks as { code: string; status: string }[]).find((c) => c.code === "mrz.matches_form")?.status,
    ).toBe("review");
  });
});
