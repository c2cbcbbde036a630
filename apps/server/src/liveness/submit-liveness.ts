import { randomUUID } from "node:crypto";
import type { CheckResult } from "@jitsumei/domain";
import {
  defaultLivenessThresholds,
  frameSha256,
  inspectImage,
  isLivenessSteps,
  judgeLiveness,
  type LivenessFrame,
  type LivenessStep,
} from "@jitsumei/evidence";
import type { ApplicationRow } from "../applications/application-row.ts";
import { lockEditable } from "../applications/application-row.ts";
import { cipherFor, type StoredEvidence } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { nonceHash } from "./issue-liveness-challenge.ts";
import {
  addSelfieEvidence,
  insertFrameOnce,
  lockChallengeByNonce,
  markChallengeUsed,
  recordChallengeOutcome,
} from "./liveness-repository.ts";
import type { LivenessServices } from "./liveness-services.ts";
import type { SelfieLiveness } from "./selfie-liveness.ts";

export type { SelfieLiveness };

export type LivenessFrameInput = { step: number; at: number; image: Buffer };
export type LivenessAnswer = { nonce: string; frames: LivenessFrameInput[] };

export type LivenessResult = {
  challengeId: string;
  outcome: "pass" | "fail";
  checks: CheckResult[];
  /** The selfie evidence stored on a pass. */
  evidenceId: string | null;
};

type Deps = {
  db: Database;
  keys: KeyManagement;
  clock: () => Date;
  liveness: LivenessServices;
  documents: DocumentStorage;
};

/**
 * Answers a liveness challenge: the nonce is spent first (single use, before any analysis, so a
 * second answer to the same challenge is refused even while the first is judged), the frames' hashes
 * are recorded (a frame submitted before, on any challenge, is a replay), then the frames are
 * measured and judged. A pass stores the best straight frame as the application's selfie evidence,
 * with the challenge and its outcome; a fail stores nothing but the outcome, and the applicant asks
 * for a new challenge.
 */
export async function submitLiveness(
  deps: Deps,
  application: ApplicationRow,
  answer: LivenessAnswer,
): Promise<LivenessResult> {
  const received = deps.clock();
  const hashes = answer.frames.map((frame) => frameSha256(frame.image));
  const { challenge, seen } = await deps.db.transaction(async (tx) => {
    await lockEditable(tx, application.id, "a selfie can no longer be taken");
    const row = await lockChallengeByNonce(tx, nonceHash(answer.nonce));
    // Another application's nonce is answered exactly like an unknown one.
    if (!row || row.application_id !== application.id) {
      throw new AppError("liveness_challenge_not_found", "nonce: no such challenge for this application", {
        errors: [{ field: "nonce", reason: "no such challenge for this application" }],
      });
    }
    if (row.used_at) {
      throw new AppError("liveness_challenge_used", "nonce: this challenge was already answered", {
        errors: [{ field: "nonce", reason: "already answered: ask for a new challenge" }],
      });
    }
    if (new Date(row.expires_at).getTime() <= received.getTime()) {
      throw new AppError("liveness_challenge_expired", "nonce: this challenge has expired", {
        errors: [{ field: "nonce", reason: "expired: ask for a new challenge" }],
      });
    }
    await markChallengeUsed(tx, row.id, received);
    const unique = [...new Set(hashes)];
    const fresh = new Set<string>();
    for (const hash of unique) {
      const inserted = await insertFrameOnce(tx, Buffer.from(hash, "hex"), row.id, received);
      if (inserted !== null) fresh.add(toBuffer(inserted).toString("hex"));
    }
    return { challenge: row, seen: new Set(unique.filter((hash) => !fresh.has(hash))) };
  });

  const steps = parseSteps(challenge.steps);
  const frames: LivenessFrame[] = [];
  for (const [i, frame] of answer.frames.entries()) {
    frames.push({
      step: frame.step,
      at: frame.at,
      sha256: hashes[i] as string,
      measurement: await deps.liveness.analyser.analyse(frame.image),
    });
  }
  const window = new Date(challenge.expires_at).getTime() - new Date(challenge.issued_at).getTime();
  const judgement = judgeLiveness({
    steps,
    frames,
    seenFrames: seen,
    window,
    similarity: deps.liveness.analyser.similarity,
  });
  const summary = judgement.checks.map((c) => `${c.code}:${c.status}`);

  const selfieFrame = judgement.selfieFrame === null ? null : answer.frames[judgement.selfieFrame];
  let stored: StoredEvidence | null = null;
  if (judgement.outcome === "pass" && selfieFrame) {
    // The frame as the hygiene step re-encodes any image (metadata stripped).
    const inspection = await inspectImage(selfieFrame.image, { minShortSide: 240 });
    const bytes = inspection.ok ? inspection.output.bytes : selfieFrame.image;
    const passive = judgement.passive;
    const liveness: SelfieLiveness = {
      challengeId: challenge.id,
      steps,
      issuedAt: new Date(challenge.issued_at).toISOString(),
      answeredAt: received.toISOString(),
      outcome: "pass",
      frames: frames.length,
      checks: summary,
      passive: {
        ...passive,
        pass: judgement.checks.some((c) => c.code === "liveness.passive_scores" && c.status === "pass"),
      },
      thresholds: defaultLivenessThresholds,
      model: deps.liveness.analyser.model,
    };
    stored = {
      kind: "selfie",
      image: bytes.toString("base64"),
      sha256: inspection.ok ? inspection.output.sha256 : (hashes[judgement.selfieFrame ?? 0] as string),
      liveness,
    };
  }

  const evidenceId = stored ? randomUUID() : null;
  const cipher = stored ? await cipherFor(deps.keys, application) : null;
  // The object (with an object store) before the row that refers to it (docs/storage.md).
  const content = stored && cipher ? await deps.documents.place(cipher.encryptJson("evidence:selfie", stored)) : null;
  await deps.db.transaction(async (tx) => {
    await recordChallengeOutcome(tx, challenge.id, judgement.outcome, summary);
    if (content && evidenceId) {
      await lockEditable(tx, application.id, "evidence can no longer be added");
      await addSelfieEvidence(tx, { applicationId: application.id, evidenceId, content });
    }
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: stored ? "application.evidence_added" : "application.liveness_failed",
      subject: application.reference,
      data: { evidenceId, kind: "selfie", challengeId: challenge.id, outcome: judgement.outcome, checks: summary },
    });
  });
  return { challengeId: challenge.id, outcome: judgement.outcome, checks: judgement.checks, evidenceId };
}

function parseSteps(value: unknown): LivenessStep[] {
  const steps = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(steps) || !isLivenessSteps(steps.map(String)))
    throw new Error("a stored liveness challenge has malformed steps");
  return steps as LivenessStep[];
}
