import { createHash, randomBytes } from "node:crypto";
import type { KeyManagement } from "../crypto/key-management.ts";

/**
 * The secrets of one trip to the app, all from the state: the state itself is random and travels in
 * the browser; the server keeps only its keyed hash, and derives the PKCE verifier and the nonce from
 * it with its blind-index key, so neither is ever stored and neither can be computed from the state
 * without that key.
 */
export function newState(): string {
  return randomBytes(32).toString("base64url");
}

export function sessionSecrets(keys: KeyManagement, state: string) {
  const codeVerifier = keys.blindIndex("digital-auth:pkce-verifier", state).toString("base64url");
  return {
    stateHash: keys.blindIndex("digital-auth:state", state),
    codeVerifier,
    codeChallenge: createHash("sha256").update(codeVerifier).digest("base64url"),
    nonce: keys.blindIndex("digital-auth:nonce", state).toString("base64url"),
  };
}
