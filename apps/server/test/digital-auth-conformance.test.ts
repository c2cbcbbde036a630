import {
  constants,
  createHash,
  createPublicKey,
  generateKeyPairSync,
  publicDecrypt,
  X509Certificate,
} from "node:crypto";
import { readFileSync } from "node:fs";
import Fastify, { type FastifyInstance } from "fastify";
import { decodeJwt, decodeProtectedHeader, exportJWK } from "jose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DigitalAuthApp, DigitalAuthError, digitalAuthClient } from "../src/digital-auth/digital-auth-app.ts";
import { DIGITAL_AUTH, failureOf } from "../src/digital-auth/protocol.ts";
import { registerDigitalAuthSimulator, SIMULATOR_PIN, SIMULATOR_PREFIX } from "../src/digital-auth/simulator.ts";
import * as spec from "./fixtures/digital-auth/spec-examples.ts";

// The adapter AND the simulator, held to the examples the documents publish (fixtures/digital-auth/
// spec-examples.ts, each quoted with its document and section). Both are built here with keys the test
// knows, and every HTTP request between them is recorded, so what goes on the wire is what is checked.
const { jpki } = inject("evidenceFixtures");
const CLIENT_ID = spec.authorizationRequest.parameters.client_id.example; // RP00000001
const REDIRECT = "https://shop.test/v1/digital-auth/callback";
const client = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rp = generateKeyPairSync("rsa", { modulusLength: 2048 });

type Exchange = { method: string; url: URL; headers: Headers; body: string; status: number; answer: string };
const wire: Exchange[] = [];
const recording: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const answer = await response.clone().text();
  wire.push({
    method: init?.method ?? "GET",
    url: new URL(String(input)),
    headers: new Headers(init?.headers),
    body: String(init?.body ?? ""),
    status: response.status,
    answer,
  });
  return response;
};

let simulator: FastifyInstance;
let base: string;
let adapter: DigitalAuthApp;

beforeAll(async () => {
  simulator = Fastify();
  await registerDigitalAuthSimulator(simulator, {
    env: "test",
    clientId: CLIENT_ID,
    clientPublicJwk: { ...(await exportJWK(client.publicKey)), alg: "ES256" },
    rpEncryptionJwk: { ...(await exportJWK(rp.publicKey)), alg: "RSA-OAEP-256", kid: "rp-enc-1" },
    redirectUri: () => REDIRECT,
    baseUrl: () => base,
    card: {
      keyPem: readFileSync(jpki.signer.key, "utf8"),
      certificateDer: Buffer.from(new X509Certificate(readFileSync(jpki.signer.cert)).raw),
    },
  });
  const address = await simulator.listen({ host: "127.0.0.1", port: 0 });
  base = `${address}${SIMULATOR_PREFIX}`;
  adapter = digitalAuthClient({
    baseUrl: () => base,
    clientId: CLIENT_ID,
    redirectUri: () => REDIRECT,
    auth: { kind: "private_key_jwt", jwk: { ...(await exportJWK(client.privateKey)), alg: "ES256" } },
    decryptionKey: rp.privateKey,
    fetch: recording,
  });
});
afterAll(async () => simulator?.close());

const documented = spec.authorizationRequest.parameters;
type Name = keyof typeof documented;
const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

/** The documented example request, with this client's registration and a live transaction put in. */
function exampleRequest(transactionId: string): URLSearchParams {
  const q = new URLSearchParams();
  for (const [name, p] of Object.entries(documented)) q.set(name, p.example);
  q.set("redirect_uri", REDIRECT);
  q.set("sign_transaction_id", transactionId);
  return q;
}

const authorizeUrl = (q: URLSearchParams) => `${base}${DIGITAL_AUTH.paths.authorize}?${q.toString()}`;

/** The app's page for a request, then a button pressed on it; returns the redirect's query. */
async function pressInApp(q: URLSearchParams, form: Record<string, string>): Promise<URLSearchParams> {
  const page = await fetch(authorizeUrl(q));
  expect(page.status).toBe(200);
  const action = /action="([^"]+)"/.exec(await page.text())?.[1] as string;
  const answer = await fetch(new URL(action, base), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
  expect(answer.status).toBe(303);
  const location = new URL(answer.headers.get("location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  return location.searchParams;
}

describe(`${spec.flows.source.document}, ${spec.flows.source.section}`, () => {
  it("the simulator issues tokens by the two grants named and no other", async () => {
    const tx = await adapter.startSignature(createHash("sha256").update("x").digest());
    const grants = wire.filter((e) => e.url.pathname.endsWith(DIGITAL_AUTH.paths.token));
    expect(new URLSearchParams(grants.at(-1)?.body).get("grant_type")).toBe(spec.flows.grants[1]);
    expect(tx.transactionId).toMatch(documented.sign_transaction_id.format);
    for (const grant of spec.flows.refused) {
      const r = await fetch(`${base}${DIGITAL_AUTH.paths.token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: grant, client_id: CLIENT_ID }).toString(),
      });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(spec.oauthErrors.token).toContain(((await r.json()) as { error: string }).error);
    }
    // The implicit flow is asked for with response_type=token: the app's page refuses it.
    const implicit = exampleRequest(tx.transactionId);
    implicit.set("response_type", "token");
    expect((await fetch(authorizeUrl(implicit), { redirect: "manual" })).status).toBe(400);
  });
});

describe(`${spec.authorizationRequest.source.document}, ${spec.authorizationRequest.source.section}`, () => {
  it("S256 as the document computes it: RFC 7636's verifier gives the example code_challenge", () => {
    expect(s256(spec.authorizationRequest.rfc7636Verifier)).toBe(documented.code_challenge.example);
  });

  it("the adapter sends exactly the documented names, the fixed values, and values in the documented formats", async () => {
    const url = new URL(
      adapter.authorizationUrl({
        transactionId: spec.authorizeForSignature.signTxId,
        state: documented.state.example,
        nonce: documented.nonce.example,
        codeChallenge: s256(spec.authorizationRequest.rfc7636Verifier),
      }),
    );
    expect(url.pathname).toBe(`${SIMULATOR_PREFIX}${new URL(spec.authorizeForSignature.url).pathname}`);
    const q = url.searchParams;
    const names = Object.keys(documented) as Name[];
    expect([...q.keys()].every((k) => names.includes(k as Name))).toBe(true);
    for (const name of names) {
      const p = documented[name];
      if (p.required) expect(q.has(name), name).toBe(true);
      if ("fixed" in p) expect(q.get(name), name).toBe(p.fixed);
      if ("format" in p && q.has(name)) expect(q.get(name), name).toMatch(p.format);
      if ("mustInclude" in p) expect(q.get(name)?.split(" ")).toEqual(expect.arrayContaining([...p.mustInclude]));
    }
    expect(q.get("code_challenge")).toBe(documented.code_challenge.example);
    expect(q.get("sign_transaction_id")).toBe(spec.authorizeForSignature.signTxId);
  });

  it("the simulator accepts the documented example request (acr_values and the four-particulars scopes included)", async () => {
    const tx = await adapter.startSignature(Buffer.alloc(32, 1));
    const r = await fetch(authorizeUrl(exampleRequest(tx.transactionId)));
    expect(r.status).toBe(200);
    expect(await r.text()).toContain(`action="${SIMULATOR_PREFIX}/app/`);
  });

  it("the simulator refuses each required parameter missing and each documented format broken, never redirecting", async () => {
    const tx = await adapter.startSignature(Buffer.alloc(32, 2));
    const broken: [Name, string | null][] = [
      ...(Object.entries(documented) as [Name, { required: boolean }][])
        .filter(([, p]) => p.required)
        .map(([name]) => [name, null] as [Name, null]),
      ["response_type", "token"],
      ["scope", "openid"],
      ["scope", "sign"],
      ["client_id", "RP-0000001"],
      ["state", "b04b31\u00e9"],
      ["state", "s".repeat(256)],
      ["nonce", "n\u0007"],
      ["code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"],
      ["code_challenge", "c".repeat(129)],
      ["code_challenge_method", "plain"],
      ["sign_transaction_id", spec.authorizeForSignature.signTxId],
    ];
    for (const [name, value] of broken) {
      const q = exampleRequest(tx.transactionId);
      if (value === null) q.delete(name);
      else q.set(name, value);
      const r = await fetch(authorizeUrl(q), { redirect: "manual" });
      expect(r.status, `${name}=${value}`).toBe(400);
      expect(r.headers.get("location"), name).toBeNull();
    }
  });
});

describe(`${spec.clientCredentials.source.document}: ${spec.clientCredentials.source.section}`, () => {
  it("the adapter's client assertion carries the guide's claims, for the guide's token endpoint path", async () => {
    wire.length = 0;
    await adapter.startSignature(Buffer.alloc(32, 3));
    const token = wire.find((e) => e.url.pathname.endsWith(DIGITAL_AUTH.paths.token));
    expect(token?.url.pathname).toBe(`${SIMULATOR_PREFIX}${new URL(spec.clientCredentials.tokenUrl).pathname}`);
    const form = new URLSearchParams(token?.body);
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    const claims = decodeJwt(form.get("client_assertion") as string);
    expect(Object.keys(claims).sort()).toEqual([...spec.clientCredentials.assertionClaims].sort());
    expect(claims.iss).toBe(CLIENT_ID);
    expect(claims.sub).toBe(CLIENT_ID);
    expect(claims.aud).toBe(token?.url.toString());
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(
      spec.clientCredentials.maxAssertionSeconds,
    );
    expect(JSON.parse(token?.answer ?? "{}")).toMatchObject({ token_type: "Bearer", access_token: expect.any(String) });
  });

  it("the simulator refuses a replayed assertion (the guide's jti: リプレイアタック対策) and none at all, as invalid_client", async () => {
    wire.length = 0;
    await adapter.startSignature(Buffer.alloc(32, 4));
    const first = wire.find((e) => e.url.pathname.endsWith(DIGITAL_AUTH.paths.token));
    const replay = await fetch(first?.url as URL, { method: "POST", headers: first?.headers, body: first?.body });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: "invalid_client" });
    const none = await fetch(first?.url as URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=RP00000001",
    });
    expect(await none.json()).toMatchObject({ error: "invalid_client" });
  });
});

describe(`${spec.startSignTransaction.source.document}: ${spec.startSignTransaction.source.section}`, () => {
  it("the adapter POSTs the guide's base64 SHA-256 to the guide's path with the client-credentials token", async () => {
    wire.length = 0;
    const digest = createHash("sha256").update(spec.startSignTransaction.signDoc).digest();
    const { transactionId } = await adapter.startSignature(digest);
    const start = wire.find((e) => e.url.pathname.endsWith(DIGITAL_AUTH.paths.signTransactions));
    expect(start?.method).toBe(spec.startSignTransaction.method);
    expect(start?.url.pathname).toBe(`${SIMULATOR_PREFIX}${new URL(spec.startSignTransaction.url).pathname}`);
    const clientToken = JSON.parse(wire[0]?.answer ?? "{}").access_token;
    expect(start?.headers.get("authorization")).toBe(`Bearer ${clientToken}`);
    expect(Object.values(JSON.parse(start?.body ?? "{}"))).toContain(digest.toString("base64"));
    expect(transactionId).toMatch(documented.sign_transaction_id.format);
  });

  it("the simulator refuses a start without the client-credentials token, and a digest that is not SHA-256", async () => {
    const url = `${base}${DIGITAL_AUTH.paths.signTransactions}`;
    const none = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(none.status).toBe(401);
    expect(spec.oauthErrors.bearer).toContain(((await none.json()) as { error: string }).error);
    wire.length = 0;
    await adapter.startSignature(Buffer.alloc(32, 5));
    const token = JSON.parse(wire[0]?.answer ?? "{}").access_token;
    const bad = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ hash: Buffer.alloc(20).toString("base64"), hash_algorithm: "SHA-256" }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid_request" });
  });
});

describe(`${spec.signResult.source.document}: ${spec.signResult.source.section}`, () => {
  it("a whole trip: the result is fetched at the guide's path with the code's token, comes as JWE, and opens to the card's signature and certificate", async () => {
    const digest = createHash("sha256").update(spec.startSignTransaction.signDoc).digest();
    const { transactionId } = await adapter.startSignature(digest);
    const verifier = spec.authorizationRequest.rfc7636Verifier;
    const q = new URL(
      adapter.authorizationUrl({ transactionId, state: "st-1", nonce: "nonce-1", codeChallenge: s256(verifier) }),
    ).searchParams;
    const back = await pressInApp(q, { action: "sign", pin: SIMULATOR_PIN });
    expect(back.get("state")).toBe("st-1");
    wire.length = 0;
    const { accessToken } = await adapter.exchangeCode({
      code: back.get("code") as string,
      codeVerifier: verifier,
      nonce: "nonce-1",
    });
    const tokenAnswer = JSON.parse(wire.find((e) => e.url.pathname.endsWith(DIGITAL_AUTH.paths.token))?.answer ?? "{}");
    expect(tokenAnswer).toMatchObject({ token_type: "Bearer", id_token: expect.any(String) });
    const result = await adapter.signatureResult({ transactionId, accessToken });
    const fetched = wire.find((e) => e.url.pathname.endsWith("/result"));
    expect(fetched?.method).toBe(spec.signResult.method);
    expect(fetched?.url.pathname).toBe(`${SIMULATOR_PREFIX}${new URL(spec.signResult.url(transactionId)).pathname}`);
    expect(fetched?.headers.get("authorization")).toBe(`Bearer ${accessToken}`);
    // On the wire: the signature and the certificate each a compact JWE (RSA-OAEP-256 + A256GCM, inferred).
    const raw = JSON.parse(fetched?.answer ?? "{}") as Record<string, string>;
    for (const member of [DIGITAL_AUTH.signResult.signature, DIGITAL_AUTH.signResult.certificate]) {
      expect(raw[member]?.split(".")).toHaveLength(5);
      expect(decodeProtectedHeader(raw[member] as string)).toMatchObject({
        alg: DIGITAL_AUTH.resultEncryption.alg,
        enc: DIGITAL_AUTH.resultEncryption.enc,
        kid: "rp-enc-1",
      });
    }
    // Opened: the card's certificate, and a PKCS#1 v1.5 signature over the DigestInfo of the digest.
    const card = new X509Certificate(readFileSync(jpki.signer.cert));
    expect(result.certificate).toEqual(Buffer.from(card.raw));
    const recovered = publicDecrypt(
      {
        key: createPublicKey(card.publicKey.export({ type: "spki", format: "pem" })),
        padding: constants.RSA_PKCS1_PADDING,
      },
      result.signature,
    );
    expect(recovered.subarray(-32)).toEqual(digest);
    expect(result.certificateStatus).toBe("good");
    // The client-credentials token does not fetch a result (the guide: the authorization code's token).
    wire.length = 0;
    await adapter.startSignature(Buffer.alloc(32, 8));
    const credentials = JSON.parse(wire[0]?.answer ?? "{}").access_token as string;
    const clientToken = await fetch(fetched?.url as URL, { headers: { authorization: `Bearer ${credentials}` } });
    expect(clientToken.status).toBe(401);
    expect(spec.oauthErrors.bearer).toContain(((await clientToken.json()) as { error: string }).error);
  });

  it("a code is single use and bound to its verifier (invalid_grant, RFC 6749 §5.2)", async () => {
    const { transactionId } = await adapter.startSignature(Buffer.alloc(32, 6));
    const verifier = "v".repeat(43);
    const q = new URL(
      adapter.authorizationUrl({ transactionId, state: "st-2", nonce: "n-2", codeChallenge: s256(verifier) }),
    ).searchParams;
    const back = await pressInApp(q, { action: "sign", pin: SIMULATOR_PIN });
    const wrong = await adapter
      .exchangeCode({ code: back.get("code") as string, codeVerifier: "w".repeat(43), nonce: "n-2" })
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(DigitalAuthError);
    expect(spec.oauthErrors.token).toContain((wrong as DigitalAuthError).code);
    expect((wrong as DigitalAuthError).code).toBe("invalid_grant");
  });
});

describe("errors on the redirect back (RFC 6749 §4.1.2.1 and protocol.ts's inferred card codes)", () => {
  it.each([
    ["cancel", "cancelled"],
    ["card_locked", "card_locked"],
    ["certificate_expired", "certificate_expired"],
  ])(
    "the app's %s comes back as an error protocol.ts names, with the state, and the adapter's reading is %s",
    async (action, outcome) => {
      const { transactionId } = await adapter.startSignature(Buffer.alloc(32, 7));
      const q = new URL(
        adapter.authorizationUrl({ transactionId, state: "st-e", nonce: "n-e", codeChallenge: s256("e".repeat(43)) }),
      ).searchParams;
      const back = await pressInApp(q, { action });
      expect(back.get("state")).toBe("st-e");
      expect(back.has("code")).toBe(false);
      const error = back.get("error") as string;
      expect(Object.values(DIGITAL_AUTH.errors)).toContain(error);
      expect(failureOf(error)).toBe(outcome);
      if (action === "cancel") expect(spec.oauthErrors.redirect).toContain(error);
    },
  );
});
