import { randomUUID } from "node:crypto";
import {
  type DocumentType,
  documentTypes,
  explainCheck,
  type HolderChangeKind,
  holderChangeRequirements,
  type Language,
  type Particulars,
  type SupportingDocumentType,
  todayInJapan,
} from "@jitsumei/domain";
import { inspectImage } from "@jitsumei/evidence";
import { findApplicationById } from "../applications/application-row.ts";
import { isUniqueViolation } from "../applications/create-application.ts";
import { cipherFor } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import type { SubscriberPrincipal } from "../subscribers/subscriber-access.ts";
import { findOwnActiveLine, insertHolderChange } from "./holder-changes-repository.ts";

export type HolderChangeEvidenceInput = {
  documentType: DocumentType | SupportingDocumentType;
  /** The day a supporting document was issued (a residence certificate, a utility bill). */
  issuedOn?: string;
  image: Buffer;
};

export type HolderChangeInput =
  | {
      kind: "name";
      name: Particulars["name"];
      document?: Particulars["document"];
      evidence: HolderChangeEvidenceInput[];
    }
  | { kind: "address"; address: NonNullable<Particulars["address"]>; evidence: HolderChangeEvidenceInput[] }
  | { kind: "contact"; contact: { email: string; phone?: string }; evidence: HolderChangeEvidenceInput[] };

/** What is sealed in `holder_changes.request_enc`: the new value and the evidence as kept. */
export type StoredHolderChange = {
  kind: HolderChangeKind;
  name?: Particulars["name"];
  document?: Particulars["document"];
  address?: NonNullable<Particulars["address"]>;
  contact?: { email: string; phone?: string };
  evidence: { documentType: string; issuedOn: string | null; image: string; sha256: string; format: string }[];
};

export type RequestedHolderChange = {
  id: string;
  kind: HolderChangeKind;
  status: "pending";
  msisdn: string;
  requestedAt: string;
  policy: { id: string; version: string };
};

/**
 * A subscriber asks to change the holder's name, address or contact on one of their active lines,
 * with the evidence the policy in force asks for (a name needs a photo ID in the new name; an address
 * a photo ID showing it or a supporting document issued within 6 months). Images get the same
 * hygiene as an application's (type, size, sharpness; re-encoded without metadata). Nothing changes
 * until a person approves it (decide-holder-change.ts).
 */
export async function requestHolderChange(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; policies: readonly LoadedPolicy[] },
  who: SubscriberPrincipal,
  msisdn: string,
  input: HolderChangeInput,
): Promise<RequestedHolderChange> {
  const line = await ownActiveLine(deps.db, who, msisdn);
  if (!line) throw new AppError("not_found", "None of your active lines has this number");
  const application = await findApplicationById(deps.db, line.application_id);
  if (!application) throw new AppError("not_found", "None of your active lines has this number");
  const now = deps.clock();
  const today = todayInJapan(now);
  const rules = holderChangeRequirements(deps.policies, input.kind, today);

  if (rules.evidenceRequired && input.evidence.length === 0) {
    throw AppError.validation([
      {
        field: "evidence",
        reason: `a change of the ${input.kind} needs a document: one of ${rules.documents.join(", ")}`,
      },
    ]);
  }
  const evidence: StoredHolderChange["evidence"] = [];
  for (const [i, item] of input.evidence.entries()) {
    if (!(rules.documents as readonly string[]).includes(item.documentType)) {
      throw AppError.validation([
        {
          field: `evidence.${i}.documentType`,
          reason: `is not accepted for a change of the ${input.kind}: use one of ${rules.documents.join(", ") || "none"}`,
        },
      ]);
    }
    const supporting = !(documentTypes as readonly string[]).includes(item.documentType);
    if (supporting) checkIssuedOn(item.issuedOn, today, rules.supportingDocumentMaxAgeMonths, `evidence.${i}.issuedOn`);
    const inspection = await inspectImage(item.image);
    if (!inspection.ok) {
      const failed = inspection.checks.find((c) => c.status === "fail") ?? { code: "image.decodable", status: "fail" };
      const reason = explainCheck(failed, application.language as Language).message;
      throw new AppError("evidence_invalid", `evidence.${i}.image: ${reason}`, {
        errors: [{ field: `evidence.${i}.image`, reason, code: failed.code }],
      });
    }
    evidence.push({
      documentType: item.documentType,
      issuedOn: item.issuedOn ?? null,
      image: inspection.output.bytes.toString("base64"),
      sha256: inspection.output.sha256,
      format: inspection.format,
    });
  }
  const { evidence: _given, ...value } = input;
  const stored: StoredHolderChange = { ...value, evidence };
  const cipher = await cipherFor(deps.keys, application);
  const id = randomUUID();
  try {
    await deps.db.transaction(async (tx) => {
      await insertHolderChange(tx, {
        id,
        applicationId: application.id,
        lineId: line.id,
        kind: input.kind,
        requestEnc: cipher.encryptJson(`holder-change:${id}`, stored),
        evidenceCount: evidence.length,
        policyId: rules.policy.id,
        policyVersion: rules.policy.version,
        requestedAt: now,
      });
      await appendAuditEntry(tx, {
        actor: "subscriber",
        action: "holder_change.requested",
        subject: application.reference,
        data: {
          changeId: id,
          kind: input.kind,
          documentTypes: evidence.map((e) => e.documentType),
          policy: `${rules.policy.id}@${rules.policy.version}`,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "holder_changes_one_pending")) {
      throw new AppError("holder_change_pending", `A change of the ${input.kind} on this line is already waiting`);
    }
    throw error;
  }
  return {
    id,
    kind: input.kind,
    status: "pending",
    msisdn: line.msisdn,
    requestedAt: now.toISOString(),
    policy: rules.policy,
  };
}

/** A supporting document counts only when issued within the policy's months, and not in the future. */
function checkIssuedOn(issuedOn: string | undefined, today: string, maxMonths: number | null, field: string) {
  if (!issuedOn) throw AppError.validation([{ field, reason: "is required for a supporting document" }]);
  if (issuedOn > today) throw AppError.validation([{ field, reason: "must not be in the future" }]);
  if (maxMonths === null) return;
  const oldest = new Date(`${today}T00:00:00Z`);
  oldest.setUTCMonth(oldest.getUTCMonth() - maxMonths);
  if (issuedOn < oldest.toISOString().slice(0, 10)) {
    throw AppError.validation([{ field, reason: `must be within the last ${maxMonths} months (issued ${issuedOn})` }]);
  }
}

/** One of the person's active lines by its number, with its subscription. */
export async function ownActiveLine(db: Queryable, who: SubscriberPrincipal, msisdn: string) {
  return findOwnActiveLine(db, msisdn.replace(/[^0-9]/g, ""), who.identityIndex);
}
