import { randomUUID } from "node:crypto";
import { READER_CONTRACT_VERSION } from "./reader-contract.ts";

/**
 * The reader contract's conformance test, run against a live server as a reader app would use it:
 * a fake reader takes the hand-off URL (from its own test application, or one a person gives it from a
 * real QR code), exchanges the token, and posts chip data; every promise of the contract is one
 * named step. `npx jitsumei reader-conformance --url …` runs it; test/reader-contract.test.ts runs it
 * against a test server, so a server that breaks the contract fails the suite.
 */
export type ConformanceStep = { step: string; ok: boolean; detail: string };
export type ConformanceReport = {
  url: string;
  contractVersion: string | null;
  passed: boolean;
  steps: ConformanceStep[];
};

export type ChipRead = { sod: Buffer; dataGroups: Record<string, Buffer> };

export type ConformanceOptions = {
  /** The server's base URL. */
  url: string;
  /** The chip a fake reader "reads" (test fixtures). */
  chip: ChipRead;
  /** Particulars matching the chip, for the test application the run makes (ICAO's specimen by default). */
  particulars?: Record<string, unknown>;
  /** A plan whose policy takes a chip (a data plan by default: a voice plan also wants a live selfie). */
  planId?: string;
  /** Require every chip check to pass (the server trusts the fixtures' country signing CA). */
  expectChecksPass?: boolean;
  /** A hand-off URL from a real QR code: the run exchanges it instead of making its own application. */
  handoffUrl?: string;
};

type Answer = { status: number; headers: Headers; body: Record<string, unknown> };

const specimen = {
  name: { family: "Eriksson", given: "Anna Maria" },
  birthDate: "1974-08-12",
  nationality: "UTO",
  document: { type: "passport", number: "L898902C3", expiryDate: "2034-04-15", issuingCountry: "UTO" },
};

export async function runReaderConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const base = options.url.replace(/\/+$/, "");
  const steps: ConformanceStep[] = [];
  const check = (step: string, ok: boolean, detail: string) => {
    steps.push({ step, ok, detail });
    return ok;
  };
  const call = async (
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { accept: "application/json", ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { unreadable: text.slice(0, 200) };
    }
    return { status: response.status, headers: response.headers, body };
  };
  const said = (a: Answer) => `${a.status} ${String(a.body.code ?? "")} ${String(a.body.detail ?? "")}`.trim();
  const isProblem = (a: Answer, status: number, code: string) =>
    a.status === status &&
    a.body.code === code &&
    /application\/problem\+json/.test(a.headers.get("content-type") ?? "");
  const chipBody = (extra: Record<string, unknown> = {}) => ({
    kind: "chip",
    sod: options.chip.sod.toString("base64"),
    dataGroups: Object.fromEntries(Object.entries(options.chip.dataGroups).map(([n, b]) => [n, b.toString("base64")])),
    ...extra,
  });

  // 1. The contract, announced.
  const contract = await call("GET", "/v1/reader/contract");
  const version = typeof contract.body.version === "string" ? contract.body.version : null;
  const major = (v: string) => v.split(".")[0];
  check(
    "contract is announced",
    contract.status === 200 && version !== null && major(version) === major(READER_CONTRACT_VERSION),
    `GET /v1/reader/contract: ${contract.status}, version ${version} (this test: ${READER_CONTRACT_VERSION})`,
  );
  const openapi = await call("GET", "/openapi.json");
  const info = (openapi.body.info ?? {}) as Record<string, unknown>;
  const paths = (openapi.body.paths ?? {}) as Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  const tagged = Object.values(paths)
    .flatMap((ops) => Object.values(ops))
    .filter((op) => op.tags?.includes("reader"))
    .map((op) => op.operationId);
  const needed = ["getReaderContract", "exchangeHandoffToken", "getApplication", "addEvidence", "issueChipChallenge"];
  check(
    "OpenAPI names the reader's operations and the contract version",
    info["x-reader-contract"] === version && needed.every((id) => tagged.includes(id)),
    `x-reader-contract ${String(info["x-reader-contract"])}; tagged reader: ${tagged.join(", ")}`,
  );

  // 2. The hand-off: the QR code's URL (the run makes its own test application unless given one).
  let handoffUrl = options.handoffUrl ?? null;
  let accessToken: string | null = null;
  let spare: string | null = null;
  if (!handoffUrl) {
    const created = await call("POST", "/v1/applications", {
      body: {
        planId: options.planId ?? "prepaid-data-esim",
        language: "en",
        channel: "online",
        contact: { email: "reader-conformance@example.test" },
      },
    });
    if (!check("a test application is made", created.status === 201, `POST /v1/applications: ${said(created)}`)) {
      return report(base, version, steps);
    }
    const reference = String(created.body.reference);
    accessToken = String(created.body.accessToken);
    const put = await call("PUT", `/v1/applications/${reference}/applicant`, {
      token: accessToken,
      body: options.particulars ?? specimen,
    });
    check("the test applicant's particulars are given", put.status === 200, `PUT …/applicant: ${said(put)}`);
    const issued = await call("POST", `/v1/applications/${reference}/handoff`, {
      token: accessToken,
      body: { purpose: "chip_reader" },
    });
    if (!check("a chip-reader hand-off is issued", issued.status === 201, `POST …/handoff: ${said(issued)}`)) {
      return report(base, version, steps);
    }
    handoffUrl = String(issued.body.url);
    const second = await call("POST", `/v1/applications/${reference}/handoff`, {
      token: accessToken,
      body: { purpose: "chip_reader" },
    });
    spare = second.status === 201 ? String(second.body.token) : null;
  }
  const parsed = parseHandoffUrl(handoffUrl);
  const publicUrl = typeof contract.body.publicUrl === "string" ? contract.body.publicUrl : "";
  check(
    "the QR code's URL is on the announced public URL and carries a hand-off token, not the access token",
    parsed !== null &&
      `${parsed.origin}` === new URL(publicUrl || "http://invalid").origin &&
      parsed.token.startsWith("jho_") &&
      (accessToken === null || !handoffUrl.includes(accessToken)),
    `${handoffUrl.replace(/#.*/, "#…")} (public URL ${publicUrl})`,
  );
  if (!parsed) return report(base, version, steps);
  const { reference, token } = parsed;

  // 3. The exchange: once, for this application only.
  if (spare) {
    const wrong = await call("POST", "/v1/handoff/exchange", {
      body: { reference: otherReference(reference), token: spare },
    });
    check(
      "a token presented for another application is refused (404 handoff_invalid)",
      isProblem(wrong, 404, "handoff_invalid"),
      said(wrong),
    );
  }
  const exchanged = await call("POST", "/v1/handoff/exchange", { body: { reference, token } });
  const session = typeof exchanged.body.accessToken === "string" ? exchanged.body.accessToken : null;
  if (
    !check(
      "the hand-off token is exchanged for a session on its application",
      exchanged.status === 201 && session !== null && exchanged.body.reference === reference,
      said(exchanged),
    ) ||
    !session
  ) {
    return report(base, version, steps);
  }
  const again = await call("POST", "/v1/handoff/exchange", { body: { reference, token } });
  check("a second exchange is refused (410 handoff_used)", isProblem(again, 410, "handoff_used"), said(again));
  const view = await call("GET", `/v1/applications/${reference}`, { token: session });
  check(
    "the session opens the application",
    view.status === 200 && view.body.reference === reference,
    `GET /v1/applications/{reference}: ${view.status}`,
  );

  // 4. The upload and its errors.
  const anonymous = await call("POST", `/v1/applications/${reference}/evidence`, { body: chipBody() });
  check(
    "an upload without the session is refused (401 authentication_required)",
    isProblem(anonymous, 401, "authentication_required"),
    said(anonymous),
  );
  const notASod = await call("POST", `/v1/applications/${reference}/evidence`, {
    token: session,
    body: { ...chipBody(), sod: Buffer.from("not a security object").toString("base64") },
  });
  check(
    "bytes that are no EF.SOD are refused naming the field (422 evidence_invalid, field sod)",
    isProblem(notASod, 422, "evidence_invalid") && notASod.body.field === "sod",
    said(notASod),
  );
  const later = await call("POST", `/v1/applications/${reference}/evidence`, {
    token: session,
    body: chipBody({ travelHistory: [] }),
  });
  check(
    "a field this contract version does not define is refused, not ignored (422 validation_failed)",
    isProblem(later, 422, "validation_failed"),
    said(later),
  );
  const halfAnswer = await call("POST", `/v1/applications/${reference}/evidence`, {
    token: session,
    body: chipBody({ activeAuthentication: { signature: "AA==" } }),
  });
  check(
    "an Active Authentication answer without its challenge is refused naming the field (422 validation_failed)",
    isProblem(halfAnswer, 422, "validation_failed") &&
      String(halfAnswer.body.field ?? "").startsWith("activeAuthentication"),
    said(halfAnswer),
  );
  const key = randomUUID();
  const upload = await call("POST", `/v1/applications/${reference}/evidence`, {
    token: session,
    body: chipBody(),
    headers: { "idempotency-key": key },
  });
  const checks = Array.isArray(upload.body.checks)
    ? (upload.body.checks as { code?: unknown; status?: unknown; message?: unknown }[])
    : [];
  const shaped = checks.every(
    (c) =>
      typeof c.code === "string" &&
      ["pass", "fail", "review"].includes(String(c.status)) &&
      typeof c.message === "string",
  );
  check(
    "the chip is accepted with its checks, each with a code, a status and a message",
    upload.status === 201 && upload.body.kind === "chip" && checks.length > 0 && shaped,
    `${upload.status}: ${checks.map((c) => `${String(c.code)}=${String(c.status)}`).join(", ")}`,
  );
  if (options.expectChecksPass) {
    check(
      "every chip check passes (the server trusts the test chip's country signing CA)",
      checks.length > 0 && checks.every((c) => c.status === "pass"),
      checks
        .filter((c) => c.status !== "pass")
        .map((c) => `${String(c.code)}: ${String(c.message)}`)
        .join("; ") || "all pass",
    );
  }
  const retried = await call("POST", `/v1/applications/${reference}/evidence`, {
    token: session,
    body: chipBody(),
    headers: { "idempotency-key": key },
  });
  check(
    "a retried upload with the same Idempotency-Key gives the same answer, stored once",
    retried.status === 201 &&
      retried.body.id === upload.body.id &&
      retried.headers.get("idempotent-replayed") === "true",
    `${retried.status}, id ${String(retried.body.id)} (first ${String(upload.body.id)})`,
  );
  const after = await call("GET", `/v1/applications/${reference}`, { token: session });
  const chips = Array.isArray(after.body.evidence)
    ? (after.body.evidence as { kind?: string }[]).filter((e) => e.kind === "chip").length
    : -1;
  check("the application shows the chip once", chips === 1, `${chips} chip evidence`);

  // 5. Active Authentication (1.1.0): the server's challenge, for this application, used once. The answer
  // here is no chip's (a conformance run holds no chip key), so only the challenge's fate is checked.
  const issued = await call("POST", `/v1/applications/${reference}/chip-challenge`, { token: session });
  const challenge = typeof issued.body.challenge === "string" ? issued.body.challenge : "";
  check(
    "the session gets an Active Authentication challenge of 8 bytes (201)",
    issued.status === 201 && Buffer.from(challenge, "base64").length === 8 && typeof issued.body.expiresAt === "string",
    `POST …/chip-challenge: ${said(issued)}`,
  );
  const statusOf = (answer: Answer, code: string) =>
    (Array.isArray(answer.body.checks) ? (answer.body.checks as { code?: unknown; status?: unknown }[]) : []).find(
      (c) => c.code === code,
    )?.status;
  const answered = (c: string) =>
    call("POST", `/v1/applications/${reference}/evidence`, {
      token: session,
      body: chipBody({ activeAuthentication: { challenge: c, signature: Buffer.alloc(64, 1).toString("base64") } }),
      headers: { "idempotency-key": randomUUID() },
    });
  const first = await answered(challenge);
  check(
    "an answer over the server's fresh challenge is taken (chip.active_authentication_challenge passes)",
    first.status === 201 && statusOf(first, "chip.active_authentication_challenge") === "pass",
    `${first.status}: ${String(statusOf(first, "chip.active_authentication_challenge"))}`,
  );
  const replayed = await answered(challenge);
  check(
    "the same challenge a second time fails (chip.active_authentication_challenge: a replay)",
    replayed.status === 201 && statusOf(replayed, "chip.active_authentication_challenge") === "fail",
    `${replayed.status}: ${String(statusOf(replayed, "chip.active_authentication_challenge"))}`,
  );
  const unknown = await answered(Buffer.from("notours!").toString("base64"));
  check(
    "a challenge the server did not issue fails (chip.active_authentication_challenge)",
    unknown.status === 201 && statusOf(unknown, "chip.active_authentication_challenge") === "fail",
    `${unknown.status}: ${String(statusOf(unknown, "chip.active_authentication_challenge"))}`,
  );
  return report(base, version, steps);
}

function report(url: string, contractVersion: string | null, steps: ConformanceStep[]): ConformanceReport {
  return { url, contractVersion, passed: steps.length > 0 && steps.every((s) => s.ok), steps };
}

/** {origin, reference, token} of PUBLIC_URL/reader/{reference}#{token}, or null. */
export function parseHandoffUrl(url: string): { origin: string; reference: string; token: string } | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  const m = /^\/reader\/([^/]+)$/.exec(u.pathname);
  const token = u.hash.replace(/^#/, "");
  if (!m?.[1] || !token) return null;
  return { origin: u.origin, reference: decodeURIComponent(m[1]), token };
}

/** A well-formed reference that is not this one (its check character recomputed). */
function otherReference(reference: string): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const m = /^JT-(\w{4})-(\w{4})-\w$/.exec(reference);
  if (!m) return "JT-0000-0000-0";
  const body = `${m[1]}${m[2]}`;
  const first = body[0] === "0" ? "1" : "0";
  const changed = `${first}${body.slice(1)}`;
  let sum = 0;
  for (const [i, c] of [...changed].entries()) sum += alphabet.indexOf(c) * (i + 1);
  return `JT-${changed.slice(0, 4)}-${changed.slice(4)}-${alphabet[sum % 32]}`;
}
