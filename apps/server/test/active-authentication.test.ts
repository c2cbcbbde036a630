import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mrzKeyFromLines, readPassport } from "@jitsumei/reader";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emulatedPassport } from "../../../packages/reader/src/test-support/emulated-passport.ts";
import { readCard, startCounterReader } from "../src/counter-reader/counter-reader.ts";
import { anna, particularsOf, submitAndPay, td3 } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Active Authentication checked by the server (issue #22): the server's own challenge, signed by the
 * chip (the in-repo passport emulator holding the fixture chip's AA key, or a clone's), verified with
 * DG15 at upload and again at submission; Chip Authentication recorded as the reader's report. The
 * server runs a house policy with `chipAuthentication: "required"`; the upload's checks show the chip's
 * own verdict (the default `when_offered`), the submission the pinned policy's.
 */
const { chip } = inject("evidenceFixtures");
const aaChips = chip.activeAuthenticationChips;
let server: TestServer;

beforeAll(async () => {
  const policyDir = mkdtempSync(join(tmpdir(), "jitsumei-aa-policy-"));
  writeFileSync(
    join(policyDir, "chip-authentication-required.json"),
    JSON.stringify({
      id: "house-chip-authentication-required",
      version: "2026-12-05",
      kind: "house",
      title: "House rule: a passport chip proves it is genuine (Active Authentication)",
      effectiveFrom: "2024-01-01",
      effectiveUntil: null,
      chipAuthentication: "required",
    }),
  );
  server = await startTestServer({ JITSUMEI_CSCA_DIR: chip.trustDir, JITSUMEI_POLICY_DIR: policyDir });
}, 180_000);
afterAll(async () => server?.close());

type Check = { code: string; status: string; params?: Record<string, string> };
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
const mrz = mrzKeyFromLines(td3(anna));

async function newApplication() {
  const created = await server.api("POST", "/v1/applications", {
    body: { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email: "aa@example.test" } },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  const put = await server.api("PUT", `/v1/applications/${reference}/applicant`, { token, body: particularsOf(anna) });
  expect(put.status).toBe(200);
  return { reference, token };
}

async function challengeFor(reference: string, token: string): Promise<Uint8Array> {
  const issued = await server.api("POST", `/v1/applications/${reference}/chip-challenge`, { token });
  expect(issued.status).toBe(201);
  const challenge = Buffer.from(String(issued.body.challenge), "base64");
  expect(challenge.length).toBe(8);
  return challenge;
}

/** The fixture chip (its SOD signs DG15) in the emulator, answering with `key` (the chip's own, or a clone's). */
function chipFiles(name: "rsa" | "ecdsa") {
  const fixture = aaChips[name];
  return {
    sod: readFileSync(fixture.sod),
    dataGroups: { 1: readFileSync(fixture.dg1), 2: readFileSync(fixture.dg2), 15: readFileSync(fixture.dg15) },
    ownKey: createPrivateKey(readFileSync(fixture.activeAuthenticationKey)),
  };
}

async function readWithChallenge(name: "rsa" | "ecdsa", challenge: Uint8Array, key?: KeyObject) {
  const files = chipFiles(name);
  const card = emulatedPassport(mrz, files, { activeAuthenticationKey: key ?? files.ownKey });
  const read = await readPassport(card, { mrz, activeAuthenticationChallenge: challenge });
  return read;
}

function chipBody(read: Awaited<ReturnType<typeof readWithChallenge>>, extra: Record<string, unknown> = {}) {
  const aa = read.activeAuthentication;
  return {
    kind: "chip",
    sod: b64(read.sod),
    dataGroups: Object.fromEntries(Object.entries(read.dataGroups).map(([n, b]) => [n, b64(b)])),
    ...(aa?.challenge && aa.signature
      ? { activeAuthentication: { challenge: b64(aa.challenge), signature: b64(aa.signature) } }
      : {}),
    ...extra,
  };
}

const upload = (reference: string, token: string, body: unknown) =>
  server.api("POST", `/v1/applications/${reference}/evidence`, { token, body });
const checkOf = (checks: unknown, code: string) => (checks as Check[]).find((c) => c.code === code);

describe("Active Authentication over HTTP, against the passport emulator", () => {
  it.each(["rsa", "ecdsa"] as const)(
    "a genuine chip (%s AA key) answers the server's challenge: every check passes, and the data eSIM is approved",
    async (name) => {
      const { reference, token } = await newApplication();
      const read = await readWithChallenge(name, await challengeFor(reference, token));
      const added = await upload(reference, token, chipBody(read));
      expect(added.status).toBe(201);
      const checks = added.body.checks as Check[];
      expect(checks.filter((c) => c.status !== "pass")).toEqual([]);
      expect(checkOf(checks, "chip.active_authentication")).toMatchObject({
        status: "pass",
        params: { algorithm: name === "rsa" ? "rsa-iso9796-2" : "ecdsa" },
      });
      expect(checkOf(checks, "chip.active_authentication_challenge")?.status).toBe("pass");
      const submitted = await submitAndPay(server, reference, token);
      expect(submitted.body.state).toBe("sim_assigned");
      expect(checkOf(submitted.body.checks, "chip.active_authentication")?.status).toBe("pass");
    },
  );

  it("a clone (DG15 and the signed data copied, another private key) fails at upload and is rejected at submission", async () => {
    const { reference, token } = await newApplication();
    const clone = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const read = await readWithChallenge("rsa", await challengeFor(reference, token), clone);
    const added = await upload(reference, token, chipBody(read));
    expect(added.status).toBe(201);
    // Passive authentication passes (the data is the issuer's): only AA tells the copy.
    expect(checkOf(added.body.checks, "chip.sod_signature")?.status).toBe("pass");
    expect(checkOf(added.body.checks, "chip.data_group_hashes")?.status).toBe("pass");
    expect(checkOf(added.body.checks, "chip.active_authentication")).toMatchObject({
      status: "fail",
      params: { reason: "signature_invalid" },
    });
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("rejected");
  });

  it("a replayed answer (the genuine chip's, over a used challenge) fails the challenge: read the chip again", async () => {
    const { reference, token } = await newApplication();
    const read = await readWithChallenge("rsa", await challengeFor(reference, token));
    expect((await upload(reference, token, chipBody(read))).status).toBe(201);
    const again = await upload(reference, token, chipBody(read));
    expect(again.status).toBe(201);
    expect(checkOf(again.body.checks, "chip.active_authentication_challenge")).toMatchObject({
      status: "fail",
      params: { reason: "challenge_used" },
    });
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.body.state).toBe("correction_requested");
  });

  it("a challenge issued for another application is unknown to this one", async () => {
    const other = await newApplication();
    const theirs = await challengeFor(other.reference, other.token);
    const { reference, token } = await newApplication();
    const read = await readWithChallenge("ecdsa", theirs);
    const added = await upload(reference, token, chipBody(read));
    expect(checkOf(added.body.checks, "chip.active_authentication_challenge")).toMatchObject({
      status: "fail",
      params: { reason: "challenge_unknown" },
    });
  });

  it("an answer without DG15 to check it against fails; a challenge of the wrong length is refused naming the field", async () => {
    const { reference, token } = await newApplication();
    const read = await readWithChallenge("rsa", await challengeFor(reference, token));
    const body = chipBody(read);
    const withoutDg15 = { ...body, dataGroups: { "1": body.dataGroups["1"], "2": body.dataGroups["2"] } };
    const added = await upload(reference, token, withoutDg15);
    expect(checkOf(added.body.checks, "chip.active_authentication")).toMatchObject({
      status: "fail",
      params: { reason: "no_dg15" },
    });
    const short = await upload(reference, token, {
      ...body,
      activeAuthentication: { challenge: b64(new Uint8Array(7)), signature: b64(new Uint8Array(64)) },
    });
    expect(short.status).toBe(422);
    expect(short.body.field).toBe("activeAuthentication.challenge");
  });

  it("under `required`: a chip with DG15 read without AA is sent back to be read again", async () => {
    const { reference, token } = await newApplication();
    const files = chipFiles("rsa");
    const read = await readPassport(emulatedPassport(mrz, files, { activeAuthenticationKey: files.ownKey }), {
      mrz,
      activeAuthentication: false,
    });
    const added = await upload(reference, token, chipBody(read));
    // The upload shows the chip's own verdict (AA not performed is noted, not failed)…
    expect(checkOf(added.body.checks, "chip.active_authentication")).toMatchObject({
      status: "pass",
      params: { result: "not_performed" },
    });
    // …the submission the pinned policy's.
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(checkOf(submitted.body.checks, "chip.active_authentication_challenge")).toMatchObject({
      status: "fail",
      params: { reason: "not_performed" },
    });
    expect(submitted.body.state).toBe("correction_requested");
  });

  it("under `required`: a chip offering neither AA nor CA goes to a person; a reported CA is recorded as the reader's word", async () => {
    const plain = await newApplication();
    const sod = readFileSync(chip.chips.brainpool.sod);
    const groups = { "1": readFileSync(chip.chips.brainpool.dg1), "2": readFileSync(chip.chips.brainpool.dg2) };
    const body = { kind: "chip", sod: b64(sod), dataGroups: { "1": b64(groups["1"]), "2": b64(groups["2"]) } };
    expect((await upload(plain.reference, plain.token, body)).status).toBe(201);
    const submitted = await submitAndPay(server, plain.reference, plain.token);
    expect(checkOf(submitted.body.checks, "chip.active_authentication")).toMatchObject({
      status: "review",
      params: { result: "neither_offered" },
    });
    expect(submitted.body.state).toBe("in_review");

    // A reader that says CA passed without the DG14 CA needs: recorded as its report, and a person looks.
    const reported = await newApplication();
    const added = await upload(reported.reference, reported.token, {
      ...body,
      chipAuthentication: { protocol: "0.4.0.127.0.7.2.2.3.2.4", passed: true },
    });
    expect(checkOf(added.body.checks, "chip.chip_authentication")).toMatchObject({
      status: "review",
      params: { reportedBy: "reader", dataGroup14: "absent" },
    });
    // A reported failure fails.
    const failed = await newApplication();
    const refused = await upload(failed.reference, failed.token, {
      ...body,
      chipAuthentication: { protocol: "0.4.0.127.0.7.2.2.3.2.4", passed: false },
    });
    expect(checkOf(refused.body.checks, "chip.chip_authentication")).toMatchObject({
      status: "fail",
      params: { reportedBy: "reader" },
    });
  });

  it("a challenge is good for five minutes", async () => {
    const { reference, token } = await newApplication();
    const read = await readWithChallenge("ecdsa", await challengeFor(reference, token));
    server.advanceClock(5 * 60_000 + 1000);
    const added = await upload(reference, token, chipBody(read));
    expect(checkOf(added.body.checks, "chip.active_authentication_challenge")).toMatchObject({
      status: "fail",
      params: { reason: "challenge_expired" },
    });
  });

  it("through the counter program: the console's challenge goes to the chip, the answer to the server; a clone's fails", async () => {
    const origin = "http://127.0.0.1:5173";
    const files = chipFiles("rsa");
    let key = files.ownKey;
    const counter = await startCounterReader({
      origin,
      port: 0,
      read: (request) => readCard(emulatedPassport(mrz, files, { activeAuthenticationKey: key }), request),
    });
    try {
      const post = async (path: string, body: unknown, token?: string) => {
        const response = await fetch(`http://127.0.0.1:${counter.port}${path}`, {
          method: "POST",
          headers: {
            origin,
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
        return { status: response.status, json: (await response.json()) as Record<string, unknown> };
      };
      counter.expectPairingCode("135790");
      const paired = await post("/pair", { code: "135790" });
      const bearer = String(paired.json.token);
      const viaCounter = async () => {
        const { reference, token } = await newApplication();
        const challenge = b64(await challengeFor(reference, token));
        const read = await post("/read", { document: "passport", mrz: td3(anna), challenge }, bearer);
        expect(read.status, JSON.stringify(read.json)).toBe(200);
        const aa = read.json.activeAuthentication as { challenge: string; signature: string };
        expect(aa.challenge).toBe(challenge);
        const added = await upload(reference, token, {
          kind: "chip",
          sod: read.json.sod,
          dataGroups: read.json.dataGroups,
          activeAuthentication: { challenge: aa.challenge, signature: aa.signature },
        });
        expect(added.status).toBe(201);
        return checkOf(added.body.checks, "chip.active_authentication");
      };
      expect(await viaCounter()).toMatchObject({ status: "pass" });
      key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
      expect(await viaCounter()).toMatchObject({ status: "fail", params: { reason: "signature_invalid" } });
      const bad = await post("/read", { document: "passport", mrz: td3(anna), challenge: "AAAA" }, bearer);
      expect(bad).toMatchObject({ status: 400, json: { field: "challenge" } });
    } finally {
      await counter.close();
    }
  });
});
