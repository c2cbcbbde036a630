import { type ApprovalBasis, approvalBasis, type GivenEvidence } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { listCheckStatuses } from "../applications/applications-repository.ts";
import { listEvidenceKinds } from "../applications/evidence-repository.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { requirementsForApplication } from "../policy/requirements-for-application.ts";

/** The basis, the pinned policy, and the document whose required checks applied (the form's). */
export type CaseApproval = ApprovalBasis & { policy: { id: string; version: string }; document: string | null };

/**
 * On what footing a person may approve this application now (packages/domain lawful-approval.ts),
 * under the policy in force when it was submitted, from its latest checks and the evidence given.
 * The decision enforces it; the case view shows it to the reviewer before they choose.
 */
export async function approvalBasisOf(
  db: Queryable,
  deps: { policies: readonly LoadedPolicy[]; keys: KeyManagement },
  application: ApplicationRow,
): Promise<CaseApproval> {
  const plan = await findPlan(db, application.planId);
  if (!plan) throw new Error(`plan ${application.planId} of ${application.reference} vanished`);
  const { particulars } = await loadApplicantDetails(deps.keys, application);
  const requirements = requirementsForApplication(deps.policies, {
    plan,
    channel: application.channel,
    particulars,
    now: application.submittedAt ?? application.createdAt,
  });
  const [checks, evidence] = await Promise.all([
    listCheckStatuses(db, application.id, application.checkRun),
    listEvidenceKinds(db, application.id),
  ]);
  const document = particulars?.document.type ?? null;
  const basis = approvalBasis(requirements.rules, checks, evidence as GivenEvidence[], document);
  return { ...basis, policy: { id: requirements.pin.id, version: requirements.pin.version }, document };
}
