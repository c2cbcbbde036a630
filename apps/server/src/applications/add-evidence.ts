import { randomUUID } from "node:crypto";
import { hasTag, parseMrz } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { type ApplicationRow, lockApplication } from "./application-row.ts";
import { cipherFor, type StoredEvidence } from "./load-application-data.ts";

export type EvidenceInput = { kind: "mrz"; lines: string[] };

export type AddedEvidence = { id: string; kind: "mrz"; format: string };

/**
 * Accepts a piece of evidence. An MRZ that cannot be read or whose check digits fail is refused here,
 * with the failing field named, so the applicant can fix the typing at once; nothing is stored then.
 */
export async function addEvidence(
  deps: { db: Database; keys: KeyManagement },
  application: ApplicationRow,
  input: EvidenceInput,
): Promise<AddedEvidence> {
  const parsed = parseMrz(input.lines);
  if (!parsed.ok) {
    throw new AppError("evidence_invalid", `lines: ${parsed.error.reason}`, {
      errors: [{ field: "lines", reason: parsed.error.reason }],
    });
  }
  const errors = parsed.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new AppError("evidence_invalid", `lines: ${errors.map((f) => f.reason).join("; ")}`, {
      errors: errors.map((f) => ({ field: `lines.${f.field}`, reason: f.reason, code: f.code })),
    });
  }
  const cipher = await cipherFor(deps.keys, application);
  const id = randomUUID();
  const stored: StoredEvidence = { kind: "mrz", lines: input.lines.map((l) => l.trim().toUpperCase()) };
  await deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    if (!locked || !hasTag(locked.state, "editable")) {
      throw new AppError(
        "application_not_editable",
        `The application is ${locked?.state}: evidence can no longer be added`,
        {
          state: locked?.state,
        },
      );
    }
    await tx.query("INSERT INTO evidence (id, application_id, kind, content_enc) VALUES ($1, $2, $3, $4)", [
      id,
      application.id,
      input.kind,
      cipher.encryptJson(`evidence:${input.kind}`, stored),
    ]);
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.evidence_added",
      subject: application.reference,
      data: { evidenceId: id, kind: input.kind, format: parsed.format },
    });
  });
  return { id, kind: input.kind, format: parsed.format };
}
