/**
 * Every endpoint, parameter and error name of the Digital Authentication App service
 * (デジタル認証アプリサービス API) that Jitsumei uses, in ONE place: the real adapter
 * (digital-auth-app.ts) and the local simulator (simulator.ts) both read them from here, so a name
 * corrected against the Digital Agency's documents is corrected on both sides at once.
 *
 * Provenance (ARCHITECTURE.md, "Digital Authentication App"): "confirmed" = read in the Digital
 * Agency's API reference for businesses (APIリファレンス（民間事業者向け）, developers.digital.go.jp/
 * documents/auth-and-sign/authserver) or its implementation guideline (行政機関等・民間事業者向け
 * 実装ガイドライン); "third-party" = read in a published integration guide (PocketSign's, which
 * calls the Digital Agency's sandbox); "inferred" = neither, our reading of OAuth 2.0 / OIDC.
 */
export const DIGITAL_AUTH = {
  paths: {
    /** third-party: https://sb-auth-and-sign.go.jp/api/realms/main/protocol/openid-connect/auth */
    authorize: "/api/realms/main/protocol/openid-connect/auth",
    /** third-party: https://sb-auth-and-sign.go.jp/api/realms/main/protocol/openid-connect/token */
    token: "/api/realms/main/protocol/openid-connect/token",
    /** inferred (Keycloak-style): the keys the ID token is signed with */
    jwks: "/api/realms/main/protocol/openid-connect/certs",
    /** third-party: POST, bearer = the client-credentials access token */
    signTransactions: "/api/sign-transactions",
    /** third-party: GET, bearer = the authorization-code access token */
    signResult: (id: string) => `/api/sign-transactions/${encodeURIComponent(id)}/result`,
  },
  /**
   * The authorization request's query (confirmed: every name and the fixed values). Formats, confirmed:
   * client_id 1-255 of [0-9a-zA-Z]; state and nonce 1-255 of %x20-7E; code_challenge 1-128 of
   * [0-9a-zA-Z_-]; sign_transaction_id a UUID.
   */
  authorize: {
    responseType: "code",
    /** "openid" required; "sign" required to sign (confirmed) */
    scope: "openid sign",
    codeChallengeMethod: "S256",
    params: {
      responseType: "response_type",
      scope: "scope",
      clientId: "client_id",
      redirectUri: "redirect_uri",
      state: "state",
      nonce: "nonce",
      codeChallenge: "code_challenge",
      codeChallengeMethod: "code_challenge_method",
      signTransactionId: "sign_transaction_id",
    },
  },
  /** Token requests (RFC 6749; client authentication by private_key_jwt, RFC 7523: third-party). */
  token: {
    clientCredentials: "client_credentials",
    authorizationCode: "authorization_code",
    clientAssertionType: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    /** Lifetime of a client assertion (third-party samples use 5 s to 5 min). */
    assertionSeconds: 60,
  },
  /**
   * The sign-transaction request body (inferred: the third-party guide sends the base64 SHA-256 of the
   * document to sign, its exact field names are not in what we could read). The answer names the
   * transaction by `id` (inferred; the authorization request's `sign_transaction_id` is confirmed).
   */
  signTransaction: { hash: "hash", hashAlgorithm: "hash_algorithm", sha256: "SHA-256", id: "id" },
  /**
   * The result. Third-party (PocketSign's guide, 署名トランザクションの結果取得): "結果には署名データと
   * 電子証明書が JWE 形式で含まれています" — the signature and the certificate come encrypted as JWE.
   * Inferred, the rest: a JSON object whose `signature` and `certificate` members are each a compact JWE
   * (RFC 7516 §7.1) encrypted to the relying party's registered public encryption key, whose plaintext
   * is the raw PKCS#1 v1.5 signature value and the DER signing certificate; beside them, in clear, the
   * certificate's status as the service checked it with J-LIS.
   */
  signResult: {
    signature: "signature",
    certificate: "certificate",
    certificateStatus: "certificate_status",
    checkedAt: "certificate_status_checked_at",
  },
  /**
   * How the result is encrypted (inferred: no document we could read names the algorithms). RSA-OAEP-256
   * (JWA §4.3) with A256GCM (JWA §5.3) is what OpenID Connect providers most often use to encrypt to a
   * client's registered RSA key, and what the simulator sends. The adapter also accepts the other
   * algorithms a registered RSA or EC key could be used with (`accepted`), so a different but sound
   * choice by the Digital Agency is not an outage; anything else is refused.
   */
  resultEncryption: {
    alg: "RSA-OAEP-256",
    enc: "A256GCM",
    accepted: {
      RSA: ["RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512", "RSA-OAEP"],
      EC: ["ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW"],
      enc: ["A256GCM", "A192GCM", "A128GCM", "A256CBC-HS512", "A192CBC-HS384", "A128CBC-HS256"],
    },
  },
  /**
   * Error codes on the redirect back (`error`, RFC 6749 §4.1.2.1). access_denied is OAuth's; the card
   * and certificate codes are inferred (the document's own code list was not reachable here).
   */
  errors: {
    cancelled: "access_denied",
    pinIncorrect: "pin_incorrect",
    pinLocked: "pin_locked",
    cardLocked: "card_locked",
    certificateExpired: "certificate_expired",
    certificateRevoked: "certificate_revoked",
    timeout: "timeout",
  },
} as const;

/** What the applicant is told, whatever the app's own code (apps/web i18n: digitalAuth.error.*). */
export type DigitalAuthFailure =
  | "cancelled"
  | "pin_incorrect"
  | "pin_locked"
  | "card_locked"
  | "certificate_expired"
  | "certificate_revoked"
  | "timeout"
  | "failed";

export function failureOf(error: string | undefined): DigitalAuthFailure {
  const e = DIGITAL_AUTH.errors;
  switch (error) {
    case e.cancelled:
      return "cancelled";
    case e.pinIncorrect:
      return "pin_incorrect";
    case e.pinLocked:
      return "pin_locked";
    case e.cardLocked:
      return "card_locked";
    case e.certificateExpired:
      return "certificate_expired";
    case e.certificateRevoked:
      return "certificate_revoked";
    case e.timeout:
      return "timeout";
    default:
      return "failed";
  }
}
