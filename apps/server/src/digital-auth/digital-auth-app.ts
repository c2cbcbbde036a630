import { type KeyObject, randomUUID } from "node:crypto";
import { compactDecrypt, createRemoteJWKSet, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { DIGITAL_AUTH } from "./protocol.ts";

/**
 * The Digital Authentication App (デジタル認証アプリ) as the service sees it: register what is to be
 * signed, send the applicant to the app, exchange the code that comes back, fetch the signature and
 * the signing certificate. One adapter speaks the protocol over HTTP, to the Digital Agency's
 * servers or to the local simulator (simulator.ts); protocol.ts holds every name.
 */
export type DigitalAuthApp = {
  /** Client-credentials token, then a sign transaction over the SHA-256 of what is signed. */
  startSignature(hash: Buffer): Promise<{ transactionId: string }>;
  /** The authorization request the applicant's browser is sent to (PKCE S256, state, nonce). */
  authorizationUrl(request: { transactionId: string; state: string; nonce: string; codeChallenge: string }): string;
  /** The authorization code for tokens; the ID token's signature, audience and nonce are checked. */
  exchangeCode(request: { code: string; codeVerifier: string; nonce: string }): Promise<{ accessToken: string }>;
  /** The signature, the signing certificate and the certificate status the service found. */
  signatureResult(request: { transactionId: string; accessToken: string }): Promise<SignatureResult>;
};

export type SignatureResult = {
  signature: Buffer;
  certificate: Buffer;
  certificateStatus: "good" | "revoked" | "unknown";
  checkedAt: string | null;
};

export type ClientAuthentication = { kind: "private_key_jwt"; jwk: JWK } | { kind: "client_secret"; secret: string };

export type DigitalAuthClientOptions = {
  /** The service's base URL (a function: the simulator's is known once the server listens). */
  baseUrl: () => string;
  clientId: string;
  redirectUri: () => string;
  auth: ClientAuthentication;
  /**
   * The relying party's private key the signature result is encrypted to (JWE): the private half of
   * the encryption key registered with the Digital Agency. RSA (RSA-OAEP-256) or EC (ECDH-ES).
   */
  decryptionKey: KeyObject;
  fetch?: typeof fetch;
};

/** An answer the service gave that is not what the protocol promises; `code` is its `error`, if any. */
export class DigitalAuthError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "DigitalAuthError";
  }
}

export function digitalAuthClient(options: DigitalAuthClientOptions): DigitalAuthApp {
  // Looked up at each call, not captured: a test may stand between the adapter and the network.
  const http: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const url = (path: string) => `${options.baseUrl()}${path}`;
  const tokenUrl = () => url(DIGITAL_AUTH.paths.token);
  let jwks: { base: string; set: ReturnType<typeof createRemoteJWKSet> } | null = null;

  async function clientAuthentication(): Promise<{ form: Record<string, string>; headers: Record<string, string> }> {
    if (options.auth.kind === "client_secret") {
      const basic = Buffer.from(
        `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.auth.secret)}`,
      ).toString("base64");
      return { form: {}, headers: { authorization: `Basic ${basic}` } };
    }
    // private_key_jwt (RFC 7523 §2.2): iss = sub = client_id, aud = the token endpoint, a fresh jti.
    const alg = options.auth.jwk.alg ?? (options.auth.jwk.kty === "EC" ? "ES256" : "RS256");
    const key = await importJWK(options.auth.jwk, alg);
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg, ...(options.auth.jwk.kid ? { kid: options.auth.jwk.kid } : {}) })
      .setIssuer(options.clientId)
      .setSubject(options.clientId)
      .setAudience(tokenUrl())
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + DIGITAL_AUTH.token.assertionSeconds)
      .sign(key);
    return {
      form: { client_assertion_type: DIGITAL_AUTH.token.clientAssertionType, client_assertion: assertion },
      headers: {},
    };
  }

  async function token(grant: Record<string, string>): Promise<Record<string, unknown>> {
    const auth = await clientAuthentication();
    const response = await http(tokenUrl(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...auth.headers },
      body: new URLSearchParams({ ...grant, client_id: options.clientId, ...auth.form }).toString(),
    });
    const body = await json(response);
    if (!response.ok || typeof body.access_token !== "string") {
      throw new DigitalAuthError(
        `token endpoint answered ${response.status}${typeof body.error === "string" ? ` ${body.error}` : ""}`,
        typeof body.error === "string" ? body.error : undefined,
      );
    }
    return body;
  }

  return {
    async startSignature(hash) {
      const { access_token } = await token({ grant_type: DIGITAL_AUTH.token.clientCredentials });
      const st = DIGITAL_AUTH.signTransaction;
      const response = await http(url(DIGITAL_AUTH.paths.signTransactions), {
        method: "POST",
        headers: {
          authorization: `Bearer ${access_token}`,
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify({ [st.hash]: hash.toString("base64"), [st.hashAlgorithm]: st.sha256 }),
      });
      const body = await json(response);
      const id = body[st.id];
      if (!response.ok || typeof id !== "string" || id === "") {
        throw new DigitalAuthError(`sign transaction refused (${response.status})`, str(body.error));
      }
      return { transactionId: id };
    },

    authorizationUrl({ transactionId, state, nonce, codeChallenge }) {
      const a = DIGITAL_AUTH.authorize;
      const query = new URLSearchParams({
        [a.params.responseType]: a.responseType,
        [a.params.scope]: a.scope,
        [a.params.clientId]: options.clientId,
        [a.params.redirectUri]: options.redirectUri(),
        [a.params.state]: state,
        [a.params.nonce]: nonce,
        [a.params.codeChallenge]: codeChallenge,
        [a.params.codeChallengeMethod]: a.codeChallengeMethod,
        [a.params.signTransactionId]: transactionId,
      });
      return `${url(DIGITAL_AUTH.paths.authorize)}?${query.toString()}`;
    },

    async exchangeCode({ code, codeVerifier, nonce }) {
      const body = await token({
        grant_type: DIGITAL_AUTH.token.authorizationCode,
        code,
        redirect_uri: options.redirectUri(),
        code_verifier: codeVerifier,
      });
      if (typeof body.id_token !== "string") throw new DigitalAuthError("the token answer has no id_token");
      const base = options.baseUrl();
      if (!jwks || jwks.base !== base) jwks = { base, set: createRemoteJWKSet(new URL(url(DIGITAL_AUTH.paths.jwks))) };
      try {
        const { payload } = await jwtVerify(body.id_token, jwks.set, { audience: options.clientId });
        if (payload.nonce !== nonce) throw new DigitalAuthError("the ID token's nonce is not the one sent");
      } catch (error) {
        if (error instanceof DigitalAuthError) throw error;
        throw new DigitalAuthError(`the ID token does not verify: ${(error as Error).message}`);
      }
      return { accessToken: String(body.access_token) };
    },

    async signatureResult({ transactionId, accessToken }) {
      const response = await http(url(DIGITAL_AUTH.paths.signResult(transactionId)), {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json, application/jose" },
      });
      const text = await response.text();
      if (!response.ok) {
        throw new DigitalAuthError(`signature result refused (${response.status})`, str(parseObject(text).error));
      }
      const r = DIGITAL_AUTH.signResult;
      // The whole answer may itself be one compact JWE of the JSON object (inferred, as the alternative
      // reading of the third-party guide); otherwise each of the two members is one.
      const whole = isCompactJwe(text.trim());
      const body = whole
        ? parseObject(Buffer.from(await decrypt(text.trim(), "result")).toString("utf8"))
        : parseObject(text);
      const signature = await member(body[r.signature], r.signature, whole);
      const certificate = await member(body[r.certificate], r.certificate, whole);
      if (!signature || !certificate) {
        throw new DigitalAuthError("the result has no encrypted signature or no encrypted certificate", "jwe_missing");
      }
      const status = body[r.certificateStatus];
      return {
        signature,
        certificate,
        certificateStatus: status === "good" || status === "revoked" ? status : "unknown",
        checkedAt: str(body[r.checkedAt]) ?? null,
      };
    },
  };

  /**
   * A member: a compact JWE whose plaintext is the raw bytes; base64 only inside a result that was
   * itself one JWE. A signature or certificate sent in clear is refused: the protocol encrypts them.
   */
  async function member(value: unknown, name: string, insideJwe: boolean): Promise<Buffer | null> {
    if (typeof value !== "string") return null;
    if (insideJwe) return base64(value);
    if (isCompactJwe(value)) {
      const bytes = Buffer.from(await decrypt(value, name));
      return bytes.length > 0 ? bytes : null;
    }
    return null;
  }

  /**
   * Opens a JWE with the relying party's key. A tampered one (the GCM tag fails), one encrypted to
   * another key, or one in an algorithm outside protocol.ts's list is a DigitalAuthError naming which
   * part and why: the applicant is told the signature could not be received, and nothing is stored.
   */
  async function decrypt(jwe: string, part: string): Promise<Uint8Array> {
    const e = DIGITAL_AUTH.resultEncryption.accepted;
    const keyType = options.decryptionKey.asymmetricKeyType === "ec" ? "EC" : "RSA";
    try {
      const { plaintext } = await compactDecrypt(jwe, options.decryptionKey, {
        keyManagementAlgorithms: [...e[keyType]],
        contentEncryptionAlgorithms: [...e.enc],
      });
      return plaintext;
    } catch (error) {
      throw new DigitalAuthError(
        `the result's ${part} is a JWE this server cannot open (${(error as { code?: string }).code ?? (error as Error).name}): tampered, or encrypted to another key than DIGITAL_AUTH_DECRYPTION_KEY_FILE's`,
        "jwe_undecryptable",
      );
    }
  }
}

/** Five base64url parts (RFC 7516 §7.1): header, encrypted key, IV, ciphertext, tag. */
function isCompactJwe(s: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(s);
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await response.json();
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function base64(v: unknown): Buffer | null {
  if (typeof v !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return null;
  const b = Buffer.from(v, "base64");
  return b.length > 0 ? b : null;
}
