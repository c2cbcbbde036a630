import { CHIP_CHALLENGE_MINUTES } from "../applications/issue-chip-challenge.ts";
import { type ErrorCode, errorCodes } from "../errors.ts";
import { HANDOFF_TOKEN_PREFIX } from "../handoff/handoff-tokens.ts";
import type { RouteSpec } from "../http/route.ts";

/**
 * The reader contract: what a native chip reader app and this server promise each other (a web page
 * cannot read an ICAO chip; Web NFC reads NDEF tags only). Semantic versioning: a minor version adds
 * what an older reader may ignore (a new optional answer field, a new error code under a status it
 * already handles); a major version changes or removes something a reader relies on. The request
 * bodies are strict, so a reader sends a field a later minor version adds only to a server whose
 * contract announces it. 1.1.0 added the Active Authentication challenge (`issueChipChallenge`) and
 * the chip evidence's `activeAuthentication` and `chipAuthentication`.
 * docs/reader-contract.md explains it in prose.
 */
export const READER_CONTRACT_VERSION = "1.1.0";

/** The OpenAPI tag of the operations a reader uses. */
export const READER_TAG = "reader";

/** The errors a reader meets, and what it does about each. */
const readerErrors: { code: ErrorCode; readerDoes: string }[] = [
  {
    code: "handoff_invalid",
    readerDoes: "Not a code for this application: ask the applicant to show the QR code again",
  },
  { code: "handoff_used", readerDoes: "Each code opens once: ask for a new QR code (the other screen shows one)" },
  { code: "handoff_expired", readerDoes: "Ask for a new QR code (the other screen shows one)" },
  { code: "rate_limited", readerDoes: "Wait the Retry-After header's seconds, then try again" },
  { code: "authentication_required", readerDoes: "Send the session as 'Authorization: Bearer …'" },
  { code: "application_not_found", readerDoes: "The session ended (or was never valid): scan a new QR code" },
  { code: "application_purged", readerDoes: "The application no longer exists: stop" },
  {
    code: "application_not_editable",
    readerDoes:
      "The application takes no evidence now (submitted or decided): stop, the applicant continues on the site",
  },
  {
    code: "evidence_invalid",
    readerDoes: "The bytes named by `field` could not be read: read the chip again; do not retry the same bytes",
  },
  { code: "validation_failed", readerDoes: "The body does not follow the contract: `field` and `reason` say where" },
  { code: "malformed_request", readerDoes: "The body is not JSON: a reader bug" },
  { code: "payload_too_large", readerDoes: "The body is larger than the contract allows: a reader bug" },
  {
    code: "idempotency_in_progress",
    readerDoes: "The same upload (same Idempotency-Key) is still running: retry shortly with the same key",
  },
  { code: "idempotency_key_reused", readerDoes: "A new upload needs a new Idempotency-Key" },
  {
    code: "database_unavailable",
    readerDoes: "Retry after the Retry-After header's seconds with the same Idempotency-Key",
  },
];

export type ReaderContract = ReturnType<typeof readerContract>;

export function readerContract(
  config: {
    publicUrl: string;
    handoff: { tokenMinutes: number; sessionHours: number };
    readerApps?: { ios: string | null; android: string | null };
  },
  routes: readonly RouteSpec[],
) {
  const operations = routes
    .filter((r) => r.tag === READER_TAG || r.alsoTags?.includes(READER_TAG))
    .map((r) => ({ operationId: r.operationId, method: r.method, path: r.path, summary: r.summary }));
  return {
    name: "jitsumei-reader",
    version: READER_CONTRACT_VERSION,
    openapi: "/openapi.json",
    publicUrl: config.publicUrl,
    handoff: {
      qrCode: `${config.publicUrl}/reader/{reference}#{token}`,
      tokenPrefix: HANDOFF_TOKEN_PREFIX,
      singleUse: true,
      tokenMinutes: config.handoff.tokenMinutes,
      exchange: { operationId: "exchangeHandoffToken", method: "POST", path: "/v1/handoff/exchange" },
      sessionHours: config.handoff.sessionHours,
    },
    evidence: {
      operationId: "addEvidence",
      method: "POST",
      path: "/v1/applications/{reference}/evidence",
      kinds: ["chip", "residence_card_chip"],
      residenceCardChip: {
        // One Immigration Services Agency IC specification for both cards: read and sent the same way.
        documents: ["residence_card", "special_permanent_resident_certificate"],
        note: "The residence card's and the special permanent resident certificate's chips, as read (front image, face, check code, signer certificate), base64",
      },
      chip: {
        requiredDataGroups: ["1"],
        recommendedDataGroups: ["2"],
        note: "EF.SOD and the data groups as read, base64; DG2 (the face) is needed wherever a selfie is matched",
      },
      idempotencyKey: "Send a UUID in Idempotency-Key and reuse it when retrying the same upload",
      /** Since 1.1.0: the server's own challenge, signed by the chip, checked by the server. */
      activeAuthentication: {
        since: "1.1.0",
        challenge: {
          operationId: "issueChipChallenge",
          method: "POST",
          path: "/v1/applications/{reference}/chip-challenge",
          bytes: 8,
          minutes: CHIP_CHALLENGE_MINUTES,
          singleUse: true,
        },
        field: "activeAuthentication",
        note: "Ask for a challenge just before reading, send it to the chip in INTERNAL AUTHENTICATE, and upload the chip's answer with DG15 as {challenge, signature} (base64); the server verifies it with DG15's key (RSA ISO/IEC 9796-2 or ECDSA) and uses the challenge up",
      },
      /** Since 1.1.0: what the reader's Chip Authentication found; recorded as its report, never as proof. */
      chipAuthentication: {
        since: "1.1.0",
        field: "chipAuthentication",
        note: "After CA with DG14's key, send {protocol: DG14's CA protocol OID, passed}; send DG14 too. The server cannot check CA (the terminal runs the key agreement) and records it as the reader's report",
      },
      notYet: [] as string[],
    },
    operations,
    errors: readerErrors.map((e) => ({ code: e.code, status: errorCodes[e.code].status, readerDoes: e.readerDoes })),
    apps: { ios: config.readerApps?.ios ?? null, android: config.readerApps?.android ?? null },
  };
}
