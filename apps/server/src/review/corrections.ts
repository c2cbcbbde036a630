import { randomUUID } from "node:crypto";
import {
  type CorrectableField,
  correctableFieldLabels,
  correctableFields,
  type Language,
  type Particulars,
} from "@jitsumei/domain";
import { selectParticularsAtVersion } from "../applications/applications-repository.ts";
import { listEvidenceKindsSince } from "../applications/evidence-repository.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  type CorrectionRequestRow,
  insertCorrectionRequest,
  selectCorrectionRequest,
  selectLatestCorrectionRequest,
} from "./case-repository.ts";

/**
 * Corrections a reviewer asks for: which fields, and a message in the applicant's language. The
 * applicant fixes them through the applicant API and submits again; a submission that changed none
 * of the fields asked for is refused, and the case returns to the queue with the change shown.
 */

export type CorrectionRequest = {
  id: string;
  fields: CorrectableField[];
  message: string;
  requestedBy: string | null;
  contentVersion: number;
  requestedAt: Date;
  answeredAt: Date | null;
};

/** Fields the applicant API lets the applicant change (contact details are fixed at creation). */
export const applicantEditableFields: readonly CorrectableField[] = correctableFields.filter(
  (field) => !field.startsWith("contact."),
);

export async function recordCorrectionRequest(
  tx: Queryable,
  cipher: ApplicationCipher,
  input: {
    applicationId: string;
    fields: CorrectableField[];
    message: string;
    staffId: string;
    contentVersion: number;
  },
): Promise<string> {
  const refused = input.fields.filter((f) => !applicantEditableFields.includes(f));
  if (refused.length > 0) {
    throw AppError.validation([
      { field: "fields", reason: `${refused.join(", ")} cannot be changed by the applicant through the API` },
    ]);
  }
  const id = randomUUID();
  await insertCorrectionRequest(tx, {
    id,
    applicationId: input.applicationId,
    fields: input.fields,
    messageEnc: cipher.encryptJson(`correction:${id}`, input.message),
    requestedBy: input.staffId,
    contentVersion: input.contentVersion,
  });
  return id;
}

function fromRow(cipher: ApplicationCipher, r: CorrectionRequestRow): CorrectionRequest {
  const id = String(r.id);
  return {
    id,
    fields: r.fields as CorrectableField[],
    message: cipher.decryptJson<string>(`correction:${id}`, toBuffer(r.message_enc)),
    requestedBy: r.requested_by == null ? null : String(r.requested_by),
    contentVersion: Number(r.content_version),
    requestedAt: r.requested_at as Date,
    answeredAt: (r.answered_at as Date | null) ?? null,
  };
}

/** The last correction a reviewer asked for, answered or not. */
export async function latestCorrection(
  db: Queryable,
  cipher: ApplicationCipher,
  applicationId: string,
): Promise<CorrectionRequest | null> {
  const row = await selectLatestCorrectionRequest(db, applicationId);
  return row ? fromRow(cipher, row) : null;
}

/** One correction request of the application, by its id. */
export async function findCorrection(
  db: Queryable,
  cipher: ApplicationCipher,
  applicationId: string,
  id: string,
): Promise<CorrectionRequest | null> {
  const row = await selectCorrectionRequest(db, applicationId, id);
  return row ? fromRow(cipher, row) : null;
}

export async function openCorrection(
  db: Queryable,
  cipher: ApplicationCipher,
  applicationId: string,
): Promise<CorrectionRequest | null> {
  const latest = await latestCorrection(db, cipher, applicationId);
  return latest && latest.answeredAt === null ? latest : null;
}

export function correctionFieldsIn(language: Language, fields: readonly CorrectableField[]) {
  return fields.map((field) => ({ field, label: correctableFieldLabels[field][language] }));
}

/** The particulars as they were at a content version (the latest saved at or before it). */
export async function particularsAt(
  db: Queryable,
  cipher: ApplicationCipher,
  applicationId: string,
  contentVersion: number,
): Promise<Particulars | null> {
  const sealed = await selectParticularsAtVersion(db, applicationId, contentVersion);
  return sealed ? cipher.decryptJson<Particulars>("particulars", toBuffer(sealed)) : null;
}

export type FieldChange = { field: CorrectableField; before: unknown; after: unknown };

const particularFields: readonly [CorrectableField, (p: Particulars) => unknown][] = [
  ["name", (p) => ({ family: p.name.family, given: p.name.given })],
  ["name.kanji", (p) => p.name.kanji ?? null],
  ["name.kana", (p) => p.name.kana ?? null],
  ["birthDate", (p) => p.birthDate],
  ["nationality", (p) => p.nationality],
  ["sex", (p) => p.sex ?? null],
  ["address", (p) => p.address ?? null],
  ["document.type", (p) => p.document.type],
  ["document.number", (p) => p.document.number ?? null],
  ["document.expiryDate", (p) => p.document.expiryDate],
  ["document.issuingCountry", (p) => p.document.issuingCountry],
];

const evidenceFields: Record<string, CorrectableField> = {
  mrz: "evidence.mrz",
  image: "evidence.image",
  selfie: "evidence.selfie",
  chip: "evidence.chip",
  residence_card_chip: "evidence.chip",
  my_number_card_face: "evidence.chip",
  jpki: "evidence.jpki",
};

/** What changed between two versions of the particulars, plus evidence added since a moment. */
export async function changesSince(
  db: Queryable,
  input: { applicationId: string; before: Particulars | null; after: Particulars | null; since: Date },
): Promise<FieldChange[]> {
  const changes: FieldChange[] = [];
  for (const [field, read] of particularFields) {
    const before = input.before ? read(input.before) : null;
    const after = input.after ? read(input.after) : null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field, before, after });
  }
  for (const kind of await listEvidenceKindsSince(db, input.applicationId, input.since)) {
    const field = evidenceFields[kind];
    if (field && !changes.some((c) => c.field === field)) changes.push({ field, before: null, after: "new evidence" });
  }
  return changes;
}

/**
 * Before a resubmission answers a reviewer's request: at least one field asked for must have
 * changed. Returns what changed, for the reviewer.
 */
export async function requireCorrectionMade(
  db: Queryable,
  cipher: ApplicationCipher,
  input: { applicationId: string; correction: CorrectionRequest; current: Particulars | null },
): Promise<FieldChange[]> {
  const before = await particularsAt(db, cipher, input.applicationId, input.correction.contentVersion);
  const changes = await changesSince(db, {
    applicationId: input.applicationId,
    before,
    after: input.current,
    since: input.correction.requestedAt,
  });
  if (!changes.some((c) => input.correction.fields.includes(c.field))) {
    throw new AppError(
      "correction_unchanged",
      `Nothing was changed in what the reviewer asked you to correct: ${input.correction.fields.join(", ")}`,
      { errors: input.correction.fields.map((field) => ({ field, reason: "was not changed" })) },
    );
  }
  return changes;
}
