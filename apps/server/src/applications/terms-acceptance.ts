import { randomUUID } from "node:crypto";
import type { Language } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { legalDocuments } from "../site/legal-documents.ts";
import type { ApplicationRow } from "./application-row.ts";
import { insertTermsAcceptance, selectLatestTermsAcceptance } from "./applications-repository.ts";

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
  await insertTermsAcceptance(tx, {
    id: randomUUID(),
    applicationId: application.id,
    termsVersion: acceptance.terms,
    privacyVersion: acceptance.privacy,
    policyId: policy.id,
    policyVersion: policy.version,
    language: acceptance.language ?? application.language,
    acceptedAt: at,
  });
}

/** The latest acceptance of an application (its last submission's), or null when none was given. */
export async function latestAcceptance(db: Queryable, applicationId: string): Promise<RecordedAcceptance | null> {
  const r = await selectLatestTermsAcceptance(db, applicationId);
  if (!r) return null;
  return {
    terms: r.terms_version,
    privacy: r.privacy_version,
    policy: { id: r.policy_id, version: r.policy_version },
    language: r.language,
    acceptedAt: new Date(r.accepted_at).toISOString(),
  };
}
