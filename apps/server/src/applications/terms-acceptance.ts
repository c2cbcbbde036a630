import { randomUUID } from "node:crypto";
import type { Language } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { legalDocuments } from "../site/legal-documents.ts";
import type { ApplicationRow } from "./application-row.ts";

/** The versions of the terms of service and the privacy notice the applicant accepted on the confirm page. */
export type TermsAcceptance = {
  terms: string;
  privacy: string;
  /** The language of the page they were accepted on; the application's when the caller does not say. */
  language?: Language;
};

export type RecordedAcceptance = Omit<TermsAcceptance, "language"> & {
  policy: { id: string; version: string };
  language: string;
  acceptedAt: string;
};

/** An acceptance counts only for the texts in force: one of an older text is refused, naming which. */
export function checkAcceptance(acceptance: TermsAcceptance): void {
  const errors = (["terms", "privacy"] as const)
    .filter((kind) => acceptance[kind] !== legalDocuments[kind].version)
    .map((kind) => ({
      field: `acceptance.${kind}`,
      reason: `must be ${legalDocuments[kind].version}, the version in force`,
    }));
  if (errors.length > 0) {
    throw new AppError("terms_outdated", `Accepted an outdated text: ${errors.map((e) => e.field).join(", ")}`, {
      errors,
    });
  }
}

/** Recorded in the submission's transaction, with the policy that submission pinned. */
export async function recordAcceptance(
  tx: Queryable,
  application: ApplicationRow,
  acceptance: TermsAcceptance,
  policy: { id: string; version: string },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO terms_acceptances (id, application_id, terms_version, privacy_version, policy_id, policy_version, language, accepted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      application.id,
      acceptance.terms,
      acceptance.privacy,
      policy.id,
      policy.version,
      acceptance.language ?? application.language,
      at,
    ],
  );
}

/** The latest acceptance of an application (its last submission's), or null when none was given. */
export async function latestAcceptance(db: Queryable, applicationId: string): Promise<RecordedAcceptance | null> {
  const { rows } = await db.query<{
    terms_version: string;
    privacy_version: string;
    policy_id: string;
    policy_version: string;
    language: string;
    accepted_at: Date | string;
  }>(
    `SELECT terms_version, privacy_version, policy_id, policy_version, language, accepted_at
       FROM terms_acceptances WHERE application_id = $1 ORDER BY accepted_at DESC, id LIMIT 1`,
    [applicationId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    terms: r.terms_version,
    privacy: r.privacy_version,
    policy: { id: r.policy_id, version: r.policy_version },
    language: r.language,
    acceptedAt: new Date(r.accepted_at).toISOString(),
  };
}
