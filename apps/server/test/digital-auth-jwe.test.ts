import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompactEncrypt, exportJWK } from "jose";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { DigitalAuthError, digitalAuthClient } from "../src/digital-auth/digital-auth-app.ts";
import { DIGITAL_AUTH } from "../src/digital-auth/protocol.ts";
import { readDecryptionKey } from "../src/digital-auth/setup.ts";

// The signature result arrives as JWE encrypted to the relying party (protocol.ts: "third-party" that
// it is JWE, "inferred" the algorithms and the shape). These tests hold the adapter to that reading
// with answers made here, so a tampered or wrongly keyed answer is seen to fail cleanly.
const rp = generateKeyPairSync("rsa", { modulusLength: 2048 });
const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signature = Buffer.alloc(256, 7);
const certificate = Buffer.from("3082010a0282010100", "hex");

async function jwe(bytes: Buffer | string, to: KeyObject = rp.publicKey, alg = "RSA-OAEP-256", enc = "A256GCM") {
  return new CompactEncrypt(typeof bytes === "string" ? Buffer.from(bytes) : bytes)
    .setProtectedHeader({ alg, enc })
    .encrypt(to);
}

/** An adapter whose only call here, the result, gets `body` back. */
function adapterAnswering(body: string, status = 200, decryptionKey: KeyObject = rp.privateKey) {
  return digitalAuthClient({
    baseUrl: () => "https://auth-and-sign.test",
    clientId: "RP00000001",
    redirectUri: () => "https://shop.test/v1/digital-auth/callback",
    auth: { kind: "client_secret", secret: "s" },
    decryptionKey,
    fetch: async () => new Response(body, { status, headers: { "content-type": "application/json" } }),
  });
}

const result = (members: Record<string, unknown>) =>
  adapterAnswering(JSON.stringify(members)).signatureResult({
    transactionId: "65a04b4e-af8b-45a2-8713-5ec2631bab64",
    accessToken: "t",
  });

async function refusal(p: Promise<unknown>): Promise<DigitalAuthError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DigitalAuthError);
  return error as DigitalAuthError;
}

describe("the signature result (JWE)", () => {
  it("opens a signature and a certificate each encrypted RSA-OAEP-256 + A256GCM to the relying party", async () => {
    const r = await result({
      signature: await jwe(signature),
      certificate: await jwe(certificate),
      certificate_status: "good",
      certificate_status_checked_at: "2026-04-01T00:00:00Z",
    });
    expect(r).toEqual({ signature, certificate, certificateStatus: "good", checkedAt: "2026-04-01T00:00:00Z" });
  });

  it("opens the other reading too: the whole answer one JWE of the JSON with base64 members", async () => {
    const whole = await jwe(
      JSON.stringify({
        signature: signature.toString("base64"),
        certificate: certificate.toString("base64"),
        certificate_status: "revoked",
      }),
    );
    const r = await adapterAnswering(whole).signatureResult({ transactionId: "x", accessToken: "t" });
    expect(r.signature).toEqual(signature);
    expect(r.certificate).toEqual(certificate);
    expect(r.certificateStatus).toBe("revoked");
  });

  it("accepts the other key-wrapping and content algorithms protocol.ts lists for an RSA key", async () => {
    const r = await result({
      signature: await jwe(signature, rp.publicKey, "RSA-OAEP", "A128CBC-HS256"),
      certificate: await jwe(certificate, rp.publicKey, "RSA-OAEP-512", "A128GCM"),
    });
    expect(r.signature).toEqual(signature);
  });

  it("refuses a tampered ciphertext, naming the part, without throwing anything but its own error", async () => {
    const good = await jwe(signature);
    const parts = good.split(".");
    const ciphertext = Buffer.from(parts[3] as string, "base64url");
    ciphertext[0] = (ciphertext[0] as number) ^ 1;
    parts[3] = ciphertext.toString("base64url");
    const error = await refusal(result({ signature: parts.join("."), certificate: await jwe(certificate) }));
    expect(error.code).toBe("jwe_undecryptable");
    expect(error.message).toContain("signature");
    expect(error.message).toContain("DIGITAL_AUTH_DECRYPTION_KEY_FILE");
  });

  it("refuses a tampered protected header (it is the GCM tag's additional data)", async () => {
    const good = await jwe(certificate);
    const [, ...rest] = good.split(".");
    const header = Buffer.from(JSON.stringify({ alg: "RSA-OAEP-256", enc: "A256GCM", kid: "x" })).toString("base64url");
    const error = await refusal(result({ signature: await jwe(signature), certificate: [header, ...rest].join(".") }));
    expect(error.code).toBe("jwe_undecryptable");
    expect(error.message).toContain("certificate");
  });

  it("refuses a result encrypted to another key", async () => {
    const error = await refusal(
      result({ signature: await jwe(signature, stranger.publicKey), certificate: await jwe(certificate) }),
    );
    expect(error.code).toBe("jwe_undecryptable");
  });

  it("refuses algorithms outside the list: a shared key (dir) is not what an RSA key is registered for", async () => {
    const shared = new CompactEncrypt(signature)
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .encrypt(new Uint8Array(32));
    const error = await refusal(result({ signature: await shared, certificate: await jwe(certificate) }));
    expect(error.code).toBe("jwe_undecryptable");
  });

  it("refuses a signature or certificate sent in clear: the protocol encrypts them", async () => {
    const error = await refusal(
      result({ signature: signature.toString("base64"), certificate: certificate.toString("base64") }),
    );
    expect(error.code).toBe("jwe_missing");
  });

  it("refuses a whole-answer JWE it cannot open, and passes the service's own error code on", async () => {
    expect(
      (
        await refusal(
          adapterAnswering(await jwe("{}", stranger.publicKey)).signatureResult({
            transactionId: "x",
            accessToken: "t",
          }),
        )
      ).code,
    ).toBe("jwe_undecryptable");
    const refused = await refusal(
      adapterAnswering(JSON.stringify({ error: "invalid_token" }), 401).signatureResult({
        transactionId: "x",
        accessToken: "t",
      }),
    );
    expect(refused.code).toBe("invalid_token");
  });

  it("opens with an EC key by ECDH-ES, when that is the key registered", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const adapter = (body: string) => adapterAnswering(body, 200, ec.privateKey);
    const ecJwe = (b: Buffer) =>
      new CompactEncrypt(b).setProtectedHeader({ alg: "ECDH-ES+A256KW", enc: "A256GCM" }).encrypt(ec.publicKey);
    const r = await adapter(
      JSON.stringify({ signature: await ecJwe(signature), certificate: await ecJwe(certificate) }),
    ).signatureResult({ transactionId: "x", accessToken: "t" });
    expect(r.certificate).toEqual(certificate);
  });
});

describe("the decryption key, read at start (DIGITAL_AUTH_DECRYPTION_KEY_FILE)", () => {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-dauth-key-"));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("reads a PEM (PKCS#8) and a private JWK, RSA or EC", async () => {
    const pem = file("rp.pem", rp.privateKey.export({ type: "pkcs8", format: "pem" }) as string);
    expect(readDecryptionKey(pem).asymmetricKeyType).toBe("rsa");
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = file("rp.jwk", JSON.stringify(await exportJWK(ec.privateKey)));
    expect(readDecryptionKey(jwk).asymmetricKeyType).toBe("ec");
  });

  it("stops the start naming the variable: missing file, not a key, a public key, a short RSA key", async () => {
    expect(() => readDecryptionKey(join(dir, "absent.pem"))).toThrow(/DIGITAL_AUTH_DECRYPTION_KEY_FILE: cannot read/);
    expect(() => readDecryptionKey(file("junk.pem", "hello"))).toThrow(
      /DIGITAL_AUTH_DECRYPTION_KEY_FILE: .* not a private key/,
    );
    const publicJwk = file("public.jwk", JSON.stringify(await exportJWK(rp.publicKey)));
    expect(() => readDecryptionKey(publicJwk)).toThrow(/not a private key/);
    const short = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const shortPem = file("short.pem", short.privateKey.export({ type: "pkcs8", format: "pem" }) as string);
    expect(() => readDecryptionKey(shortPem)).toThrow(/2048 bits or more/);
  });

  it("is required beside DIGITAL_AUTH_BASE_URL, and configured when given", () => {
    const real = {
      NODE_ENV: "development",
      DIGITAL_AUTH_BASE_URL: "https://auth-and-sign.example",
      DIGITAL_AUTH_CLIENT_ID: "RP00000001",
      DIGITAL_AUTH_PRIVATE_KEY_FILE: "/etc/jitsumei/client.jwk",
    };
    expect(() => loadConfig(real)).toThrow(/DIGITAL_AUTH_DECRYPTION_KEY_FILE/);
    expect(
      loadConfig({ ...real, DIGITAL_AUTH_DECRYPTION_KEY_FILE: "/etc/jitsumei/decrypt.pem" }).digitalAuth,
    ).toMatchObject({
      kind: "app",
      decryptionKeyFile: "/etc/jitsumei/decrypt.pem",
    });
  });

  it("protocol.ts names RSA-OAEP-256 + A256GCM and the adapter accepts it", () => {
    const e = DIGITAL_AUTH.resultEncryption;
    expect([e.alg, e.enc]).toEqual(["RSA-OAEP-256", "A256GCM"]);
    expect(e.accepted.RSA).toContain(e.alg);
    expect(e.accepted.enc).toContain(e.enc);
  });
});
