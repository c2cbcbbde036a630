import { randomUUID } from "node:crypto";
import type { OperatorDetails } from "@jitsumei/documents";
import type { ApplicationEvent, CorrectableField, RejectReasonCode } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import { cipherFor } from "../applications/load-application-data.ts";
import { offerContract } from "../contracts/offer-contract.ts";
import { latestCreditAssessment } from "../credit/assess-application-credit.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { issueApprovedPrepaid } from "../issuance/issue-when-ready.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { roleMay } from "../staff/permissions.ts";
import type { StaffPrincipal } from "../staff/staff-sessions.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { completeTransfer } from "../transfers/complete-transfer.ts";
import { approvalBasisOf, type CaseApproval } from "./approval-basis.ts";
import {
  deleteCaseClaims,
  flagEscalated,
  flagOverrideProposed,
  hasFailedCheck,
  insertCaseNote,
  selectEscalated,
  selectOverrideProposer,
  settleFlags,
} from "./case-repository.ts";
import { requireClaim } from "./claims.ts";
import { recordCorrectionRequest } from "./corrections.ts";
import { requireApplication } from "./require-application.ts";

/**
 * A reviewer's decision, sent as an event through the one door. The reviewer must hold the case's
 * claim; the claim ends with the decision. Approving against a failed automated check does not
 * approve: it proposes an override that a different senior reviewer must confirm.
 */
export type Decision =
  | { type: "approve"; note?: string }
  | { type: "reject"; reason: RejectReasonCode; note?: string }
  | { type: "request_correction"; fields: CorrectableField[]; message: string }
  | { type: "escalate"; note: string }
  | { type: "confirm_override"; note?: string }
  | { type: "decline_override"; note: string };

export type DecisionResult = { reference: string; event: ApplicationEvent; state: string; overridePending: boolean };

export async function decideCase(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    operator: OperatorDetails;
    policies: readonly LoadedPolicy[];
    config: { mail: { from: string } };
    documents: DocumentStorage;
  },
  staff: StaffPrincipal,
  reference: string,
  decision: Decision,
): Promise<DecisionResult> {
  const found = await requireApplication(deps.db, reference);
  const cipher = await cipherFor(deps.keys, found);
  const now = deps.clock();
  const actor = { kind: "staff" as const, id: staff.id };

  return deps.db.transaction(async (tx) => {
    let event: ApplicationEvent = decision.type === "approve" ? "approve" : decision.type;
    const data: Record<string, unknown> = {};
    const applied = await applyEvent(tx, { applicationId: found.id, event, actor, data }, async (locked) => {
      await requireClaim(tx, locked.id, staff.id, now);
      // An escalated case is for a senior reviewer to decide.
      if (decision.type !== "escalate" && !roleMay(staff.role, "applications.confirm_override")) {
        if (await selectEscalated(tx, locked.id)) {
          throw new AppError("forbidden", "This case was escalated: a senior reviewer decides it", {
            permission: "applications.confirm_override",
          });
        }
      }
      switch (decision.type) {
        case "approve": {
          // The door asks the table about `approve`; an override is a different event, so the
          // approval is refused here and re-sent below as a proposal when a check failed, or when
          // the pinned policy's method is not complete and a person decides (lawful-approval.ts).
          const basis = await lawfulBasis(tx, deps, locked);
          if (basis.kind === "person_decides") throw new OverrideNeeded();
          if (locked.planKind === "postpaid" && (await creditRefused(tx, locked))) throw new OverrideNeeded();
          if (await failedChecks(tx, locked)) throw new OverrideNeeded();
          data.method = basis.method;
          break;
        }
        case "reject":
          data.reason = decision.reason;
          break;
        case "request_correction":
          data.fields = decision.fields;
          data.correctionId = await recordCorrectionRequest(tx, cipher, {
            applicationId: locked.id,
            fields: decision.fields,
            message: decision.message,
            staffId: staff.id,
            contentVersion: locked.contentVersion,
          });
          break;
        case "escalate":
          await flagEscalated(tx, locked.id);
          break;
        case "confirm_override":
        case "decline_override": {
          if (!roleMay(staff.role, "applications.confirm_override")) {
            throw new AppError("forbidden", "Only a senior reviewer confirms or declines an override", {
              permission: "applications.confirm_override",
            });
          }
          const proposer = await selectOverrideProposer(tx, locked.id);
          if (proposer === staff.id) {
            throw new AppError(
              "own_override",
              "You proposed this override: a different senior reviewer must confirm it",
            );
          }
          data.proposedBy = proposer ? `staff:${proposer}` : null;
          // Two people cannot stand in for evidence nobody gave.
          if (decision.type === "confirm_override") await lawfulBasis(tx, deps, locked);
          break;
        }
      }
      const note = "note" in decision ? decision.note : undefined;
      if (note) data.noteId = await addCaseNote(tx, cipher, locked.id, staff.id, decision.type, note);
      return data;
    }).catch(async (error) => {
      if (!(error instanceof OverrideNeeded)) throw error;
      return null;
    });

    if (applied === null) {
      // Four eyes: the approval becomes a proposal; its reason is required and kept (sealed).
      const note = decision.type === "approve" ? decision.note?.trim() : undefined;
      if (!note) {
        throw AppError.validation([
          { field: "note", reason: "is required to approve against a failed check (an override needs its reason)" },
        ]);
      }
      event = "propose_override";
      const proposal = await applyEvent(tx, { applicationId: found.id, event, actor }, async (locked) => {
        await requireClaim(tx, locked.id, staff.id, now);
        await flagOverrideProposed(tx, locked.id, staff.id);
        return { noteId: await addCaseNote(tx, cipher, locked.id, staff.id, "propose_override", note) };
      });
      await endClaim(tx, found.id);
      return { reference, event, state: proposal.to, overridePending: true };
    }

    await endClaim(tx, found.id);
    // A decided case starts clean: its escalation, override and returned correction are settled.
    if (["approve", "reject", "request_correction", "confirm_override", "decline_override"].includes(event)) {
      await settleFlags(tx, found.id, event === "decline_override");
    }
    // Approved: a prepaid line is paid for, or gets its SIM at once (as an automated approval does); a postpaid
    // application moves on to its contract.
    let state = applied.to;
    if (state === "approved" && applied.application.kind === "transfer") {
      // The approval is the carrier's consent to a transfer: the new holder takes the line over now.
      await completeTransfer(tx, { ...deps, mailFrom: deps.config.mail.from }, applied.application, actor);
      state = "active";
    } else if (state === "approved" && applied.application.planKind === "prepaid") {
      state = await issueApprovedPrepaid(tx, applied.application);
    } else if (state === "approved") {
      await offerContract(tx, deps, applied.application);
      state = "contract_pending";
    }
    return { reference, event, state, overridePending: false };
  });
}

class OverrideNeeded extends Error {}

/**
 * The approval's footing (approval-basis.ts). Evidence that was simply never given cannot be approved
 * by anyone: the error names what the applicant must bring, and the answer is a correction request.
 */
async function lawfulBasis(
  tx: Queryable,
  deps: { policies: readonly LoadedPolicy[]; keys: KeyManagement },
  application: ApplicationRow,
): Promise<Exclude<CaseApproval, { kind: "evidence_missing" }>> {
  const basis = await approvalBasisOf(tx, deps, application);
  if (basis.kind === "evidence_missing") {
    throw new AppError(
      "verification_incomplete",
      `Under ${basis.policy.id}@${basis.policy.version} no allowed method is complete and its evidence was never given: ` +
        `ask for a correction naming what to bring (${basis.bring
          .map((b) => `${b.method}: ${b.evidence.join(" and ")}`)
          .join("; or ")})`,
      { bring: basis.bring, policy: basis.policy },
    );
  }
  return basis;
}

async function failedChecks(tx: Queryable, application: ApplicationRow): Promise<boolean> {
  return hasFailedCheck(tx, application.id, application.checkRun);
}

/**
 * A postpaid contract is approved only on a credit assessment made with the applicant's consent; one
 * that says reject (a new assessment after submission) needs the override's second pair of eyes.
 */
async function creditRefused(tx: Queryable, application: ApplicationRow): Promise<boolean> {
  const latest = await latestCreditAssessment(tx, null, application.id);
  if (!latest?.consentGiven) {
    throw new AppError(
      "credit_assessment_needed",
      "The applicant has not consented to the credit check, so their credit was not assessed: wait for the consent, or reject",
      { reasons: latest?.reasons.map((r) => r.code) ?? [] },
    );
  }
  return latest.outcome === "reject";
}

async function endClaim(tx: Queryable, applicationId: string): Promise<void> {
  await deleteCaseClaims(tx, applicationId);
}

export async function addCaseNote(
  tx: Queryable,
  cipher: Awaited<ReturnType<typeof cipherFor>>,
  applicationId: string,
  staffId: string,
  kind: string,
  note: string,
): Promise<string> {
  const id = randomUUID();
  await insertCaseNote(tx, { id, applicationId, staffId, kind, noteEnc: cipher.encryptJson(`note:${id}`, note) });
  return id;
}
