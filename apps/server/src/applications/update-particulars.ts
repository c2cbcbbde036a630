import type { Particulars } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { requirementsForApplication } from "../policy/requirements-for-application.ts";
import { type ApplicationRow, lockEditable } from "./application-row.ts";
import { insertParticularsHistory, updateParticularsColumns } from "./applications-repository.ts";
import { cipherFor } from "./load-application-data.ts";

/** The key of the blind index on document numbers (a document is the same whatever the case or spacing). */
export function documentIndexValue(p: { type: string; issuingCountry: string; number?: string }): string | null {
  if (!p.number) return null;
  return `${p.type}:${p.issuingCountry}:${p.number.toUpperCase().replace(/[^A-Z0-9]/g, "")}`;
}

/** Who the person is, for counting lines: the name (as on the document) and the date of birth. */
export function identityIndexValue(p: { name: { family: string; given: string }; birthDate: string }): string {
  const name = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^\p{L}]/gu, "")
      .toUpperCase();
  return `${name(p.name.family)}|${name(p.name.given)}|${p.birthDate}`;
}

/**
 * Replaces the applicant's particulars while the application is editable, and answers the row as
 * it stands after the change (read under the lock, with what the update changed), so that the answer
 * needs no second read.
 */
export async function updateParticulars(
  deps: { db: Database; keys: KeyManagement; policies: readonly LoadedPolicy[]; clock: () => Date },
  application: ApplicationRow,
  particulars: Particulars,
): Promise<ApplicationRow> {
  const plan = await findPlan(deps.db, application.planId);
  const accepted = plan
    ? requirementsForApplication(deps.policies, { plan, channel: application.channel, particulars, now: deps.clock() })
        .acceptedDocuments
    : [];
  if (!accepted.includes(particulars.document.type)) {
    throw AppError.validation([
      { field: "document.type", reason: `must be one of ${accepted.join(", ")} for this plan` },
    ]);
  }
  const cipher = await cipherFor(deps.keys, application);
  const indexValue = documentIndexValue(particulars.document);
  const sealed = cipher.encryptJson("particulars", particulars);
  return deps.db.transaction(async (tx) => {
    const locked = await lockEditable(tx, application.id, "particulars can no longer change");
    const updated = await updateParticularsColumns(tx, {
      applicationId: application.id,
      particularsEnc: sealed,
      documentIndex: indexValue === null ? null : deps.keys.blindIndex("document", indexValue),
      identityIndex: deps.keys.blindIndex("identity", identityIndexValue(particulars)),
    });
    // Every version is kept: a reviewer sees what a correction changed, and earlier values stay.
    await insertParticularsHistory(tx, {
      applicationId: application.id,
      contentVersion: updated?.content_version,
      particularsEnc: sealed,
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.particulars_updated",
      subject: application.reference,
      // Which fields were given, never their values.
      data: { fields: presentFields(particulars) },
    });
    if (!updated) throw new Error("the locked application row was not updated");
    return {
      ...locked,
      particularsEnc: sealed,
      contentVersion: updated.content_version,
      updatedAt: updated.updated_at,
    };
  });
}

function presentFields(p: Particulars): string[] {
  const fields = ["name", "birthDate", "nationality", "document"];
  if (p.address) fields.push("address");
  if (p.sex) fields.push("sex");
  if (p.name.kanji) fields.push("name.kanji");
  if (p.name.kana) fields.push("name.kana");
  return fields;
}
