import { randomUUID } from "node:crypto";
import {
  type CheckResult,
  explainCheck,
  type Language,
  openPoliceRequestStatuses,
  type Particulars,
} from "@jitsumei/domain";
import type { FaceMatcher } from "@jitsumei/evidence";
import { findApplicationById } from "../applications/application-row.ts";
import { insertEvidence } from "../applications/evidence-repository.ts";
import { loadApplicantDetails, type StoredEvidence } from "../applications/load-application-data.ts";
import { runAutomatedChecks } from "../applications/run-automated-checks.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { EvidenceTrust } from "../evidence/evidence-trust.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { transitionStatus } from "../lifecycles/transition-status.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { requirementsForApplication } from "../policy/requirements-for-application.ts";
import { writeRecordVersion } from "../records/record-versions.ts";
import { recordedDocument, recordedParticulars } from "../records/write-verification-record.ts";
import type { DocumentPlacement, DocumentStorage } from "../storage/document-store.ts";
import { lineActor, transitionLine } from "../subscribers/transition-line.ts";
import {
  selectApplicationOfRequest,
  selectOpenRequestOfApplication,
  selectRequestForUpdate,
} from "./police-repository.ts";

/** What a holder sends to verify again: a document's MRZ, or what their phone read from its chip. */
export type ReverificationEvidence =
  | { kind: "mrz"; lines: string[] }
  | { kind: "chip"; sod: Buffer; dataGroups: Record<string, Buffer> };

export type ReverificationInput = {
  /** The document shown now, when it is not the one on file (a renewed passport). */
  document?: Particulars["document"] | undefined;
  evidence: readonly ReverificationEvidence[];
};

type Deps = {
  db: Database;
  keys: KeyManagement;
  clock: () => Date;
  trust: EvidenceTrust;
  faces: FaceMatcher;
  policies: readonly LoadedPolicy[];
  provisioning: Provisioning;
  documents: DocumentStorage;
};

/**
 * The holder of a line a police request asked about verifies again (再度の本人確認): the evidence is
 * checked as an application's is (the same engine, the policy in force today) against the particulars
 * on file, with the document shown now. When every check passes and a method is complete, a new
 * version of the verification record is written and the request is answered, and a line its deadline
 * suspended is restored (`restore_after_reverification`); otherwise the refusal names each failed
 * check in the holder's language and the request stays open.
 */
export async function reverifyLine(
  deps: Deps,
  input: {
    applicationId: string;
    /** Online by the holder, or at a shop counter by a clerk who reads the document in front of them. */
    at: { channel: "online"; actor: "subscriber" } | { channel: "shop"; actor: `staff:${string}` };
  } & ReverificationInput,
): Promise<{ requestId: string; method: string; recordVersion: number; reverifiedAt: string; restored: boolean }> {
  const { channel, actor } = input.at;
  const requestId = await selectOpenRequestOfApplication(deps.db, input.applicationId, openPoliceRequestStatuses);
  if (!requestId) throw new AppError("reverification_not_requested", "Nobody asked you to verify this line again");
  const application = await findApplicationById(deps.db, input.applicationId);
  if (!application) throw new AppError("application_not_found", "The line's application is missing");
  const plan = await findPlan(deps.db, application.planId);
  if (!plan) throw new AppError("plan_not_found", `The plan ${application.planId} no longer exists`);
  const { cipher, particulars: onFile } = await loadApplicantDetails(deps.keys, application);
  if (!onFile) throw new AppError("application_purged", "The particulars on file were destroyed");
  const particulars: Particulars = { ...onFile, document: input.document ?? onFile.document };
  const now = deps.clock();
  // Re-verification happens today, so today's policy decides (the new record pins it).
  const requirements = requirementsForApplication(deps.policies, {
    plan,
    channel,
    particulars,
    now,
  });
  const evidence = input.evidence.map(toStored);
  const results = await runAutomatedChecks({
    reference: application.reference,
    plan,
    requirements,
    particulars,
    evidence,
    trust: deps.trust,
    faces: deps.faces,
    now,
  });
  const method = results.find((r) => r.code === "policy.method_available");
  const methodName = method?.status === "pass" ? String(method.params?.method ?? "") : "";
  // A policy that asks no evidence of a new applicant still leaves this question open: who holds the line.
  const identityShown = results.some((r) => /matches_form|jpki\.particulars/.test(r.code) && r.status === "pass");
  const failed = results.filter((r) => r.status !== "pass");
  const ok = failed.length === 0 && methodName !== "" && (methodName !== "NONE_REQUIRED" || identityShown);
  const checkCodes = results.map((r) => `${r.code}:${r.status}`);
  if (!ok) {
    await deps.db.transaction((tx) =>
      appendAuditEntry(tx, {
        actor,
        action: "police_request.reverification_failed",
        subject: application.reference,
        data: { requestId, checks: checkCodes },
      }),
    );
    const reasons = (failed.length > 0 ? failed : results.filter((r) => r.code === "policy.method_available")).map(
      (r: CheckResult) => ({
        field: "evidence",
        code: r.code,
        reason: explainCheck(r, application.language as Language).message,
      }),
    );
    throw new AppError(
      "reverification_failed",
      `The identity could not be verified: ${reasons.map((r) => r.code).join(", ") || "no method complete"}`,
      { errors: reasons },
    );
  }
  // The objects (with an object store) before the rows that refer to them (docs/storage.md).
  const placed: { kind: string; content: DocumentPlacement }[] = [];
  for (const e of evidence) {
    placed.push({ kind: e.kind, content: await deps.documents.place(cipher.encryptJson(`evidence:${e.kind}`, e)) });
  }
  return deps.db.transaction(async (tx) => {
    const request = await selectRequestForUpdate(tx, requestId);
    if (!request || !openPoliceRequestStatuses.includes(request.status)) {
      throw new AppError("reverification_not_requested", "The request was answered or closed meanwhile");
    }
    for (const e of placed) {
      await insertEvidence(tx, { id: randomUUID(), applicationId: application.id, kind: e.kind, content: e.content });
    }
    const recordVersion = await writeReverifiedVersion(tx, cipher, {
      applicationId: application.id,
      reference: application.reference,
      actor,
      requestId,
      particulars,
      method: methodName,
      verifiedBy: actor === "subscriber" ? "subscriber:reverification(automated-checks)" : `${actor}:shop-counter`,
      policy: requirements.pin,
      now,
    });
    // The deadline passed and the line was suspended: verifying again lifts the suspension.
    const restored = request.line_state === "police_suspended";
    if (restored) {
      await transitionLine(tx, request.subscription_id, "restore_after_reverification", lineActor(actor), {
        at: now,
        data: { requestId, recordVersion },
        async within(line) {
          await deps.provisioning.setService({ networkRef: line.networkRef, msisdn: line.msisdn }, "full", tx);
          return undefined;
        },
      });
    }
    await transitionStatus(tx, "police_request", requestId, "reverify", actor, {
      audit: { action: "police_request.reverified", subject: application.reference },
      set: { reverified_at: now, reverification_method: methodName, record_version: recordVersion },
      data: { requestId, channel, method: methodName, recordVersion, checks: checkCodes, restored },
      at: now,
    });
    return { requestId, method: methodName, recordVersion, reverifiedAt: now.toISOString(), restored };
  });
}

/**
 * A verification record is immutable: a re-verification is its next version (reason
 * `reverification`), with the date, the method, the document shown and the policy in force now; the
 * lines, phone numbers, retention clock and any legal hold stay.
 */
async function writeReverifiedVersion(
  tx: Queryable,
  cipher: ApplicationCipher,
  input: {
    applicationId: string;
    reference: string;
    particulars: Particulars;
    method: string;
    verifiedBy: string;
    actor: string;
    requestId: string;
    policy: { id: string; version: string; contentHash: string };
    now: Date;
  },
): Promise<number> {
  const { particulars } = input;
  const written = await writeRecordVersion(tx, {
    applicationId: input.applicationId,
    reference: input.reference,
    cipher,
    amendment: {
      reason: "reverification",
      at: input.now.toISOString(),
      by: input.actor,
      changeId: input.requestId,
      policy: { id: input.policy.id, version: input.policy.version },
    },
    verification: { method: input.method, policy: input.policy },
    revise: (previous) => ({
      ...previous,
      verifiedAt: input.now.toISOString(),
      verifiedBy: input.verifiedBy,
      recordedBy: "system:jitsumei",
      recordedAt: input.now.toISOString(),
      particulars: recordedParticulars(particulars),
      method: input.method,
      document: recordedDocument(particulars.document),
      postalTrackingNumber: null,
      policy: input.policy,
    }),
  });
  return written.version;
}

function toStored(e: ReverificationEvidence): StoredEvidence {
  if (e.kind === "mrz") return { kind: "mrz", lines: e.lines.map((l) => l.trim().toUpperCase()) };
  return {
    kind: "chip",
    sod: e.sod.toString("base64"),
    dataGroups: Object.fromEntries(Object.entries(e.dataGroups).map(([n, b]) => [n, b.toString("base64")])),
  };
}

/** The application whose line a police request is about (for the counter, which starts from the request). */
export async function applicationOfRequest(db: Queryable, requestId: string): Promise<string> {
  const id = await selectApplicationOfRequest(db, requestId);
  if (!id) throw new AppError("not_found", "No such police request");
  return id;
}
