import {
  constants,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  privateEncrypt,
  randomBytes,
  randomUUID,
} from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import { CompactEncrypt, exportJWK, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { DIGITAL_AUTH } from "./protocol.ts";

/**
 * A local stand-in for the Digital Agency's side of the Digital Authentication App: the
 * authorization server, the sign-transaction API and, in place of the app on the phone, a page where
 * the applicant "taps the card" and types the signing PIN, or makes it fail (cancel, wrong PIN, locked
 * card, expired or revoked certificate). It signs with a test JPKI signing certificate and speaks the
 * protocol in protocol.ts, so the real adapter is what talks to it. Development and tests only:
 * mounting it with NODE_ENV=production throws.
 */
export type SimulatorOptions = {
  env: string;
  clientId: string;
  /** The client's public key: client assertions (private_key_jwt) are verified with it. */
  clientPublicJwk: JWK;
  /** The client's public encryption key: the signature result is encrypted to it (JWE). */
  rpEncryptionJwk: JWK;
  /** The redirect URI registered for the client. */
  redirectUri: () => string;
  /** The test card: its signing key (PEM) and signing certificate (DER). */
  card: { keyPem: string; certificateDer: Buffer };
  /** Where the simulator is mounted (its base URL), as the ID token's issuer. */
  baseUrl: () => string;
};

export const SIMULATOR_PREFIX = "/dev/digital-auth";
/** The test card's signing PIN (shown on the simulator's page). */
export const SIMULATOR_PIN = "123456";
const PIN_TRIES = 5;
const CODE_SECONDS = 60;
const TOKEN_SECONDS = 300;

type Transaction = { id: string; hash: Buffer; signed?: { signature: Buffer; status: "good" | "revoked" } };
type Interaction = {
  id: string;
  transactionId: string;
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
  triesLeft: number;
  done: boolean;
};
type Code = { transactionId: string; codeChallenge: string; redirectUri: string; nonce: string; expires: number };
type Token = { kind: "client" | "user"; transactionId?: string; expires: number };

export async function registerDigitalAuthSimulator(app: FastifyInstance, options: SimulatorOptions): Promise<void> {
  if (options.env === "production") {
    throw new Error("the Digital Authentication App simulator cannot run with NODE_ENV=production");
  }
  const transactions = new Map<string, Transaction>();
  const interactions = new Map<string, Interaction>();
  const codes = new Map<string, Code>();
  const tokens = new Map<string, Token>();
  const usedAssertions = new Set<string>();
  const idTokenKeys = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const idTokenJwk = { ...(await exportJWK(idTokenKeys.publicKey)), kid: "simulator-1", alg: "ES256", use: "sig" };
  const clientKey = await importJWK(options.clientPublicJwk, options.clientPublicJwk.alg ?? "ES256");
  const cardKey: KeyObject = createPrivateKey(options.card.keyPem);
  const enc = DIGITAL_AUTH.resultEncryption;
  const rpKey = await importJWK(options.rpEncryptionJwk, enc.alg);
  const encrypt = (bytes: Buffer) =>
    new CompactEncrypt(bytes)
      .setProtectedHeader({
        alg: enc.alg,
        enc: enc.enc,
        ...(options.rpEncryptionJwk.kid ? { kid: options.rpEncryptionJwk.kid } : {}),
      })
      .encrypt(rpKey);
  const now = () => Math.floor(Date.now() / 1000);

  const oauthError = (reply: FastifyReply, status: number, error: string, description: string) =>
    reply.code(status).header("cache-control", "no-store").send({ error, error_description: description });

  async function authenticateClient(form: Record<string, string>): Promise<string | null> {
    if (form.client_assertion_type !== DIGITAL_AUTH.token.clientAssertionType || !form.client_assertion) {
      return "client authentication by private_key_jwt is required";
    }
    try {
      const { payload } = await jwtVerify(form.client_assertion, clientKey, {
        issuer: options.clientId,
        subject: options.clientId,
        audience: `${options.baseUrl()}${DIGITAL_AUTH.paths.token}`,
      });
      if (!payload.jti || usedAssertions.has(payload.jti)) return "the client assertion has no jti or was used before";
      if (!payload.exp) return "the client assertion has no exp";
      usedAssertions.add(payload.jti);
      return null;
    } catch (error) {
      return `the client assertion does not verify: ${(error as Error).message}`;
    }
  }

  function bearer(header: string | undefined, kind: Token["kind"]): Token | null {
    const match = /^Bearer (\S+)$/.exec(header ?? "");
    const token = match ? tokens.get(match[1] as string) : undefined;
    return token && token.kind === kind && token.expires > now() ? token : null;
  }

  function backToService(interaction: Interaction, params: Record<string, string>): string {
    interaction.done = true;
    const query = new URLSearchParams({ ...params, state: interaction.state });
    return `${interaction.redirectUri}?${query.toString()}`;
  }

  await app.register(
    async (scope) => {
      scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });

      scope.get(DIGITAL_AUTH.paths.jwks, async () => ({ keys: [idTokenJwk] }));
      scope.get("/app.css", async (_request, reply) =>
        reply.header("content-type", "text/css; charset=utf-8").header("cache-control", "no-cache").send(STYLESHEET),
      );

      scope.post(DIGITAL_AUTH.paths.token, async (request, reply) => {
        const form = (request.body ?? {}) as Record<string, string>;
        const refused = await authenticateClient(form);
        if (refused) return oauthError(reply, 401, "invalid_client", refused);
        if (form.grant_type === DIGITAL_AUTH.token.clientCredentials) {
          const access = randomBytes(24).toString("base64url");
          tokens.set(access, { kind: "client", expires: now() + TOKEN_SECONDS });
          return reply
            .header("cache-control", "no-store")
            .send({ access_token: access, token_type: "Bearer", expires_in: TOKEN_SECONDS });
        }
        if (form.grant_type !== DIGITAL_AUTH.token.authorizationCode) {
          return oauthError(reply, 400, "unsupported_grant_type", "client_credentials or authorization_code");
        }
        const code = codes.get(form.code ?? "");
        codes.delete(form.code ?? ""); // single use, whatever happens next
        if (!code || code.expires < now())
          return oauthError(reply, 400, "invalid_grant", "unknown, used or expired code");
        if (form.redirect_uri !== code.redirectUri)
          return oauthError(reply, 400, "invalid_grant", "redirect_uri differs");
        const challenge = createHash("sha256")
          .update(form.code_verifier ?? "")
          .digest("base64url");
        if (!form.code_verifier || challenge !== code.codeChallenge) {
          return oauthError(reply, 400, "invalid_grant", "code_verifier does not match code_challenge");
        }
        const access = randomBytes(24).toString("base64url");
        tokens.set(access, { kind: "user", transactionId: code.transactionId, expires: now() + TOKEN_SECONDS });
        const idToken = await new SignJWT({ nonce: code.nonce })
          .setProtectedHeader({ alg: "ES256", kid: idTokenJwk.kid })
          .setIssuer(options.baseUrl())
          .setSubject(`simulated-${code.transactionId}`)
          .setAudience(options.clientId)
          .setIssuedAt()
          .setExpirationTime(now() + TOKEN_SECONDS)
          .sign(idTokenKeys.privateKey);
        return reply.header("cache-control", "no-store").send({
          access_token: access,
          token_type: "Bearer",
          expires_in: TOKEN_SECONDS,
          id_token: idToken,
          scope: DIGITAL_AUTH.authorize.scope,
        });
      });

      scope.post(DIGITAL_AUTH.paths.signTransactions, async (request, reply) => {
        if (!bearer(request.headers.authorization, "client"))
          return oauthError(reply, 401, "invalid_token", "a client-credentials token is required");
        const st = DIGITAL_AUTH.signTransaction;
        const body = (request.body ?? {}) as Record<string, unknown>;
        const hash =
          typeof body[st.hash] === "string" ? Buffer.from(body[st.hash] as string, "base64") : Buffer.alloc(0);
        if (body[st.hashAlgorithm] !== st.sha256 || hash.length !== 32) {
          return oauthError(
            reply,
            400,
            "invalid_request",
            `${st.hash} must be a base64 SHA-256 digest and ${st.hashAlgorithm} ${st.sha256}`,
          );
        }
        const id = randomUUID();
        transactions.set(id, { id, hash });
        return reply.code(201).send({ [st.id]: id });
      });

      scope.get<{ Params: { id: string } }>(
        `${DIGITAL_AUTH.paths.signTransactions}/:id/result`,
        async (request, reply) => {
          const token = bearer(request.headers.authorization, "user");
          if (!token || token.transactionId !== request.params.id) {
            return oauthError(reply, 401, "invalid_token", "the access token is not for this sign transaction");
          }
          const signed = transactions.get(request.params.id)?.signed;
          if (!signed) return oauthError(reply, 404, "not_found", "nothing was signed in this transaction");
          const r = DIGITAL_AUTH.signResult;
          return reply.header("cache-control", "no-store").send({
            [r.signature]: await encrypt(signed.signature),
            [r.certificate]: await encrypt(options.card.certificateDer),
            [r.certificateStatus]: signed.status,
            [r.checkedAt]: new Date().toISOString(),
          });
        },
      );

      scope.get(DIGITAL_AUTH.paths.authorize, async (request, reply) => {
        const q = request.query as Record<string, string | undefined>;
        const p = DIGITAL_AUTH.authorize.params;
        const scopes = (q[p.scope] ?? "").split(" ");
        const problems = [
          q[p.responseType] !== DIGITAL_AUTH.authorize.responseType && "response_type must be code",
          (!scopes.includes("openid") || !scopes.includes("sign")) && "scope must include openid and sign",
          q[p.clientId] !== options.clientId && "unknown client_id",
          q[p.redirectUri] !== options.redirectUri() && "redirect_uri is not the one registered",
          // The API reference's formats: state and nonce 1-255 of %x20-7E (VSCHAR, RFC 6749).
          !/^[\x20-\x7E]{1,255}$/.test(q[p.state] ?? "") && "state is required (1-255 of %x20-7E)",
          !/^[\x20-\x7E]{1,255}$/.test(q[p.nonce] ?? "") && "nonce is required (1-255 of %x20-7E)",
          !/^[0-9A-Za-z_-]{43,128}$/.test(q[p.codeChallenge] ?? "") && "code_challenge is required",
          q[p.codeChallengeMethod] !== DIGITAL_AUTH.authorize.codeChallengeMethod &&
            "code_challenge_method must be S256",
          !transactions.has(q[p.signTransactionId] ?? "") && "unknown sign_transaction_id",
        ].filter((x): x is string => typeof x === "string");
        // A bad request never redirects (RFC 6749 §4.1.2.1): the redirect URI itself may be forged.
        if (problems.length > 0)
          return page(reply.code(400), "エラー / Error", `<p>${problems.map(escapeHtml).join("<br>")}</p>`);
        const interaction: Interaction = {
          id: randomBytes(18).toString("base64url"),
          transactionId: q[p.signTransactionId] as string,
          redirectUri: q[p.redirectUri] as string,
          state: q[p.state] as string,
          nonce: q[p.nonce] as string,
          codeChallenge: q[p.codeChallenge] as string,
          triesLeft: PIN_TRIES,
          done: false,
        };
        interactions.set(interaction.id, interaction);
        return appPage(reply, interaction, null);
      });

      scope.post<{ Params: { id: string } }>("/app/:id", async (request, reply) => {
        const interaction = interactions.get(request.params.id);
        if (!interaction || interaction.done)
          return page(reply.code(410), "終了 / Finished", "<p>This request is finished.</p>");
        const form = (request.body ?? {}) as Record<string, string>;
        const e = DIGITAL_AUTH.errors;
        const fail = (error: string) => reply.redirect(backToService(interaction, { error }), 303);
        switch (form.action) {
          case "cancel":
            return fail(e.cancelled);
          case "card_locked":
            return fail(e.cardLocked);
          case "certificate_expired":
            return fail(e.certificateExpired);
          case "sign":
          case "sign_revoked": {
            if (form.pin !== SIMULATOR_PIN) {
              interaction.triesLeft -= 1;
              if (interaction.triesLeft <= 0) return fail(e.pinLocked);
              return appPage(reply.code(200), interaction, interaction.triesLeft);
            }
            const transaction = transactions.get(interaction.transactionId);
            if (!transaction) return fail(e.timeout);
            // What a card does: RSASSA-PKCS1-v1_5 over the DigestInfo of the SHA-256 it was given.
            const digestInfo = Buffer.concat([
              Buffer.from("3031300d060960864801650304020105000420", "hex"),
              transaction.hash,
            ]);
            const signature = privateEncrypt({ key: cardKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
            transaction.signed = { signature, status: form.action === "sign_revoked" ? "revoked" : "good" };
            const code = randomBytes(24).toString("base64url");
            codes.set(code, {
              transactionId: transaction.id,
              codeChallenge: interaction.codeChallenge,
              redirectUri: interaction.redirectUri,
              nonce: interaction.nonce,
              expires: now() + CODE_SECONDS,
            });
            return reply.redirect(backToService(interaction, { code }), 303);
          }
          default:
            return page(reply.code(400), "エラー / Error", "<p>Unknown action.</p>");
        }
      });
    },
    { prefix: SIMULATOR_PREFIX },
  );
}

function appPage(reply: FastifyReply, interaction: Interaction, triesLeft: number | null) {
  const action = `${SIMULATOR_PREFIX}/app/${interaction.id}`;
  const wrong =
    triesLeft === null
      ? ""
      : `<p class="alert" role="alert">暗証番号が違います。残り ${triesLeft} 回<br><span lang="en">Wrong PIN: ${triesLeft} tries left</span></p>`;
  return page(
    reply,
    "デジタル認証アプリ（シミュレーター） / Digital Authentication App (simulator)",
    `<p class="banner">テスト用シミュレーター <span lang="en">Simulator for development: no real card is read</span></p>
<p class="lead">本物のアプリでは、マイナンバーカードをスマートフォンにかざし、署名用電子証明書の暗証番号（英数字6〜16文字）を入力します。<br><span lang="en">Test card: 実名 花子, PIN <strong>${SIMULATOR_PIN}</strong>.</span></p>
${wrong}
<form method="post" action="${action}" class="panel">
<p class="step done"><span class="card" aria-hidden="true"></span><span>1. マイナンバーカードをかざしました<br><span lang="en">Card tapped ✓</span></span></p>
<label class="step" for="pin">2. 署名用電子証明書の暗証番号<br><span lang="en">Signing PIN</span></label>
<input id="pin" name="pin" type="password" autocomplete="off" inputmode="text" required minlength="6" maxlength="16">
<button type="submit" name="action" value="sign" class="primary">署名する / Sign</button>
<button type="submit" name="action" value="sign_revoked" class="secondary">署名する（失効した証明書）<br><span lang="en">Sign with a revoked certificate</span></button>
</form>
<form method="post" action="${action}" class="panel">
<p class="step">失敗を試す <span lang="en">Try a failure</span></p>
<button type="submit" name="action" value="cancel" class="secondary">キャンセル / Cancel</button>
<button type="submit" name="action" value="card_locked" class="secondary">カードがロックされている<br><span lang="en">Card locked</span></button>
<button type="submit" name="action" value="certificate_expired" class="secondary">証明書の有効期限切れ<br><span lang="en">Certificate expired</span></button>
</form>`,
  );
}

function page(reply: FastifyReply, title: string, body: string) {
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="${SIMULATOR_PREFIX}/app.css"></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

/**
 * The page's look: a phone app's, readable at 390 px (the site's CSP allows only same-origin
 * stylesheets, so it is served beside the page rather than inline).
 */
const STYLESHEET = `
*{box-sizing:border-box}
html{font-family:system-ui,"Noto Sans CJK JP","Hiragino Sans",sans-serif;font-size:16px;line-height:1.5;color:#1a1a1c;background:#eef1f6}
body{margin:0}
main{max-width:480px;margin:0 auto;padding:16px 16px 32px}
h1{font-size:1.25rem;line-height:1.35;margin:8px 0 12px;color:#00118f}
.banner{margin:0 0 12px;padding:8px 12px;border-radius:8px;background:#fff4d6;border:1px solid #e0b100;font-size:.875rem}
.lead{margin:0 0 16px}
.panel{display:flex;flex-direction:column;gap:12px;margin:0 0 16px;padding:16px;border-radius:16px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.step{margin:0;font-weight:600}
.step.done{display:flex;align-items:center;gap:12px}
.card{flex:none;width:56px;height:36px;border-radius:6px;background:linear-gradient(135deg,#f3c8d6,#b7d3f2);border:2px solid #00118f}
input{width:100%;min-height:48px;padding:8px 12px;font-size:1.125rem;border:2px solid #5b6474;border-radius:8px}
input:focus,button:focus{outline:3px solid #ffb300;outline-offset:2px}
button{width:100%;min-height:48px;padding:10px 12px;font:inherit;font-weight:600;border-radius:24px;cursor:pointer}
.primary{background:#00118f;color:#fff;border:2px solid #00118f}
.secondary{background:#fff;color:#00118f;border:2px solid #00118f}
.alert{margin:0 0 16px;padding:12px;border-radius:8px;background:#fde8e8;border:2px solid #c40000;color:#8a0000;font-weight:600}
span[lang=en]{font-weight:400;font-size:.875rem;color:#4a4f59}
.primary span[lang=en]{color:#fff}
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
