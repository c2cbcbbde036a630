import { randomUUID } from "node:crypto";
import { type CheckResult, explainCheck, hasTag, parseMrz } from "@jitsumei/domain";
import {
  inspectImage,
  verifyJpkiSignature,
  verifyPassiveAuthentication,
  verifyResidenceCardChip,
} from "@jitsumei/evidence";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { answeredRevocation, type CertificateStatusSource } from "../digital-auth/answered-revocation.ts";
import { AppError } from "../errors.ts";
import { chipAuthenticityChecks, type ReportedChipAuthentication } from "../evidence/chip-authenticity.ts";
import type { EvidenceTrust } from "../evidence/evidence-trust.ts";
import { jpkiSigningPayload } from "../evidence/jpki-payload.ts";
import { examineCardFace } from "../evidence/my-number-card-face.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { type ApplicationRow, lockEditable } from "./application-row.ts";
import { bumpContentVersion } from "./applications-repository.ts";
import { useChipChallenge } from "./chip-challenge-repository.ts";
import { insertEvidence } from "./evidence-repository.ts";
import { cipherFor, type ImagePurpose, loadApplicantDetails, type StoredEvidence } from "./load-application-data.ts";

export type EvidenceInput =
  | { kind: "mrz"; lines: string[] }
  | {
      kind: "chip";
      sod: Buffer;
      dataGroups: Record<string, Buffer>;
      activeAuthentication?: { challenge: Buffer; signature: Buffer };
      chipAuthentication?: ReportedChipAuthentication;
    }
  | { kind: "residence_card_chip"; front: Buffer; face: Buffer; checkCode: Buffer; certificate: Buffer }
  | { kind: "my_number_card_face"; particulars: Buffer; cardSignature: "valid" | "invalid" }
  | { kind: "jpki"; signature: Buffer; certificate?: Buffer; certificateStatus?: CertificateStatusSource }
  | { kind: "image"; purpose: ImagePurpose; image: Buffer }
  | { kind: "selfie"; image: Buffer };

/**
 * Selfies are smooth faces, not printed cards: a lower sharpness floor (the image module's default is
 * calibrated on a card pattern) and a lower resolution suffice for a face match.
 */
const selfieLimits = { minShortSide: 480, minSharpness: 30 };

export type AddedEvidence = { id: string; kind: StoredEvidence["kind"]; format?: string; checks: CheckResult[] };

type Deps = { db: Database; keys: KeyManagement; trust: EvidenceTrust; clock: () => Date; documents: DocumentStorage };

/**
 * Accepts a piece of evidence. What cannot be read at all (an MRZ with a wrong check digit, bytes
 * that are no SOD, a signature that is no signature) is refused here with the field named, so the
 * applicant can fix it at once; nothing is stored then. What can be read is stored, encrypted, as
 * received, and its checks are returned now and run again at submission.
 */
export async function addEvidence(
  deps: Deps,
  application: ApplicationRow,
  input: EvidenceInput,
): Promise<AddedEvidence> {
  // Refused before anything is stored: an object store would otherwise keep an object for a request
  // that the transaction below refuses (it still checks, under the lock, for a change meanwhile).
  if (!hasTag(application.state, "editable")) {
    throw new AppError(
      "application_not_editable",
      `The application is ${application.state}: evidence can no longer be added`,
      {
        state: application.state,
      },
    );
  }
  const { stored, format, checks } = await examine(deps, application, input);
  const cipher = await cipherFor(deps.keys, application);
  const id = randomUUID();
  // Placed before the transaction (an object store's object before the row that refers to it): a
  // refused or failed transaction leaves at most an unreferenced object of ciphertext (docs/storage.md).
  const content = await deps.documents.place(cipher.encryptJson(`evidence:${input.kind}`, stored));
  await deps.db.transaction(async (tx) => {
    await lockEditable(tx, application.id, "evidence can no longer be added");
    await bumpContentVersion(tx, application.id);
    await insertEvidence(tx, { id, applicationId: application.id, kind: input.kind, content });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.evidence_added",
      subject: application.reference,
      data: {
        evidenceId: id,
        kind: input.kind,
        format: format ?? null,
        checks: checks.map((c) => `${c.code}:${c.status}`),
      },
    });
  });
  return { id, kind: input.kind, ...(format ? { format } : {}), checks };
}

async function examine(
  deps: Deps,
  application: ApplicationRow,
  input: EvidenceInput,
): Promise<{ stored: StoredEvidence; format?: string; checks: CheckResult[] }> {
  if (input.kind === "mrz") {
    const parsed = parseMrz(input.lines);
    if (!parsed.ok) throw invalid("lines", parsed.error.reason);
    const errors = parsed.findings.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      throw new AppError("evidence_invalid", `lines: ${errors.map((f) => f.reason).join("; ")}`, {
        errors: errors.map((f) => ({ field: `lines.${f.field}`, reason: f.reason, code: f.code })),
      });
    }
    return {
      stored: { kind: "mrz", lines: input.lines.map((l) => l.trim().toUpperCase()) },
      format: parsed.format,
      checks: [],
    };
  }
  if (input.kind === "chip") {
    const dataGroups = Object.fromEntries(Object.entries(input.dataGroups).map(([n, b]) => [Number(n), b]));
    const result = verifyPassiveAuthentication({ sod: input.sod, dataGroups }, deps.trust.csca, { at: deps.clock() });
    const unreadable = result.checks.find((c) => c.code === "chip.sod_readable" && c.status === "fail");
    if (unreadable) throw invalid("sod", String(unreadable.params?.reason ?? "not an EF.SOD"));
    // The challenge is used up by this upload whatever its answer: one challenge, one try.
    const answer = input.activeAuthentication && {
      ...input.activeAuthentication,
      challengeUse: await useChipChallenge(deps.db, application.id, input.activeAuthentication.challenge, deps.clock()),
    };
    // The chip's own verdict under the default policy; submission applies the pinned policy's.
    const authenticity = chipAuthenticityChecks(
      {
        dataGroups,
        ...(answer ? { activeAuthentication: answer } : {}),
        ...(input.chipAuthentication ? { chipAuthentication: input.chipAuthentication } : {}),
      },
      "when_offered",
    );
    return {
      stored: {
        kind: "chip",
        sod: input.sod.toString("base64"),
        dataGroups: Object.fromEntries(Object.entries(input.dataGroups).map(([n, b]) => [n, b.toString("base64")])),
        ...(answer
          ? {
              activeAuthentication: {
                challenge: answer.challenge.toString("base64"),
                signature: answer.signature.toString("base64"),
                challengeUse: answer.challengeUse,
              },
            }
          : {}),
        ...(input.chipAuthentication ? { chipAuthentication: input.chipAuthentication } : {}),
      },
      checks: [...result.checks, ...authenticity],
    };
  }
  if (input.kind === "residence_card_chip") {
    const result = verifyResidenceCardChip(input, deps.trust.csca, { at: deps.clock() });
    const unreadable = result.checks.find((c) => c.code === "chip.sod_readable" && c.status === "fail");
    if (unreadable) {
      // The part that failed: an oversized front is the front, not the certificate.
      throw invalid(
        String(unreadable.params?.field ?? "certificate"),
        String(unreadable.params?.reason ?? "unreadable"),
      );
    }
    const b64 = (b: Buffer) => b.toString("base64");
    return {
      stored: {
        kind: "residence_card_chip",
        front: b64(input.front),
        face: b64(input.face),
        checkCode: b64(input.checkCode),
        certificate: b64(input.certificate),
      },
      checks: result.checks,
    };
  }
  if (input.kind === "my_number_card_face") {
    const examined = examineCardFace(input.particulars, input.cardSignature);
    if (!examined.ok) throw invalid(examined.problem.field, examined.problem.reason);
    return { stored: examined.stored, checks: [] };
  }
  if (input.kind === "image" || input.kind === "selfie") {
    const inspection = await inspectImage(input.image, input.kind === "selfie" ? selfieLimits : {});
    if (!inspection.ok) {
      const failed = inspection.checks.find((c) => c.status === "fail") ?? {
        code: "image.decodable",
        status: "fail" as const,
      };
      // The reason in the applicant's language: it says what to do (take the photo again, use JPEG…).
      const reason = explainCheck(failed, application.language).message;
      throw new AppError("evidence_invalid", `image: ${reason}`, {
        errors: [{ field: "image", reason, code: failed.code }],
      });
    }
    const image = inspection.output.bytes.toString("base64");
    const stored: StoredEvidence =
      input.kind === "selfie"
        ? { kind: "selfie", image, sha256: inspection.output.sha256 }
        : { kind: "image", purpose: input.purpose, image, sha256: inspection.output.sha256 };
    return { stored, format: inspection.format, checks: inspection.checks };
  }
  const { particulars } = await loadApplicantDetails(deps.keys, application);
  if (!particulars) {
    throw new AppError("application_incomplete", "Give the particulars first: the JPKI signature is over them", {
      errors: [{ field: "applicant", reason: "particulars are required before a JPKI signature" }],
    });
  }
  const payload = jpkiSigningPayload(application.reference, particulars);
  const result = await verifyJpkiSignature(
    { data: payload, signature: input.signature, certificate: input.certificate },
    {
      anchors: deps.trust.jpki.anchors,
      // The Digital Authentication App's answer carries the certificate's status; otherwise the port.
      revocation: input.certificateStatus ? answeredRevocation(input.certificateStatus) : deps.trust.jpkiRevocation,
      at: deps.clock(),
      form: particulars,
    },
  );
  const unreadable = result.checks.find((c) => c.code === "jpki.signature_readable" && c.status === "fail");
  if (unreadable) throw invalid("signature", String(unreadable.params?.reason ?? "not a signature"));
  return {
    stored: {
      kind: "jpki",
      signature: input.signature.toString("base64"),
      certificate: input.certificate?.toString("base64") ?? null,
      payload: payload.toString("base64"),
      ...(input.certificateStatus ? { certificateStatus: input.certificateStatus } : {}),
    },
    format: result.fields.format,
    checks: result.checks,
  };
}

function invalid(field: string, reason: string): AppError {
  return new AppError("evidence_invalid", `${field}: ${reason}`, { errors: [{ field, reason }] });
}
