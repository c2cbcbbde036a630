import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { canonicalJson } from "../crypto/canonical-json.ts";
import { decryptStandaloneJson, encryptStandaloneJson } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { claimKey, findKey, releaseKey, storeResponse } from "./idempotency-repository.ts";

/**
 * Idempotency-Key: the first request with a key runs and its answer is kept (encrypted: it may hold
 * an access token); a retry with the same key and body gets the same answer without running again;
 * the same key with another body is refused. Keys are scoped to the caller (anonymous, or one
 * application), so one caller's key never answers another's request.
 */
export type StoredResponse = { status: number; body?: unknown; headers?: Record<string, string> };

const KEY_FORMAT = /^[\x21-\x7e]{16,255}$/;
// Without a token, every caller shares one scope: only a UUID is unguessable enough to keep another
// caller from replaying someone's answer (it holds their access token).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A request that has held its key this long without an answer died with its process: let a retry run.
export const ABANDONED_AFTER_SECONDS = 300;

/**
 * The key of the idempotent request being run, for an action whose effect must be found again if the
 * process dies after committing it but before its answer is stored (createApplication keeps its hash).
 */
const claims = new AsyncLocalStorage<{ principal: string; key: string }>();
export function currentIdempotencyClaim(): { principal: string; key: string } | null {
  return claims.getStore() ?? null;
}

export function requestHash(method: string, path: string, body: unknown): Buffer {
  let canonical: string;
  try {
    canonical = canonicalJson({ method, path, body: body ?? null });
  } catch {
    // Nesting deep enough to exhaust the stack is not a request anyone means to send.
    throw new AppError("malformed_request", "The body is nested too deeply");
  }
  return createHash("sha256").update(canonical).digest();
}

export async function withIdempotency(
  deps: { db: Queryable; keys: KeyManagement; abandonedAfterSeconds?: number },
  scope: { principal: string; key: string; hash: Buffer },
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (scope.principal === "anonymous" && !UUID.test(scope.key)) {
    throw new AppError("idempotency_key_invalid", "Idempotency-Key must be a UUID for this request", {
      errors: [{ field: "Idempotency-Key", reason: "must be a UUID (random, e.g. from crypto.randomUUID())" }],
    });
  }
  if (!KEY_FORMAT.test(scope.key)) {
    throw new AppError(
      "idempotency_key_invalid",
      "Idempotency-Key must be 16 to 255 printable ASCII characters (use a UUID)",
      {
        errors: [{ field: "Idempotency-Key", reason: "must be 16 to 255 printable ASCII characters" }],
      },
    );
  }
  const claimed = await claimKey(deps.db, scope, deps.abandonedAfterSeconds ?? ABANDONED_AFTER_SECONDS);
  if (!claimed) return { ...(await replay(deps, scope)), replayed: true };

  let response: StoredResponse;
  try {
    response = await claims.run({ principal: scope.principal, key: scope.key }, run);
  } catch (error) {
    // Nothing to keep: let a retry run the request again.
    await releaseKey(deps.db, scope.principal, scope.key);
    throw error;
  }
  if (response.status >= 500) {
    await releaseKey(deps.db, scope.principal, scope.key);
    return { ...response, replayed: false };
  }
  const sealed = await encryptStandaloneJson(deps.keys, `idempotency:${scope.principal}:${scope.key}`, response);
  await storeResponse(deps.db, scope.principal, scope.key, { status: response.status, sealed });
  return { ...response, replayed: false };
}

async function replay(
  deps: { db: Queryable; keys: KeyManagement },
  scope: { principal: string; key: string; hash: Buffer },
) {
  const row = await findKey(deps.db, scope.principal, scope.key);
  if (!row)
    throw new AppError("idempotency_in_progress", "The earlier request with this key was just abandoned: retry");
  if (!toBuffer(row.request_hash).equals(scope.hash)) {
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key was used with a different request: use a new key",
      {
        errors: [{ field: "Idempotency-Key", reason: "was already used with a different request" }],
      },
    );
  }
  if (row.status !== "done" || row.response_enc == null) {
    throw new AppError(
      "idempotency_in_progress",
      "The first request with this Idempotency-Key is still running: retry shortly",
    );
  }
  return decryptStandaloneJson<StoredResponse>(
    deps.keys,
    `idempotency:${scope.principal}:${scope.key}`,
    toBuffer(row.response_enc),
  );
}
