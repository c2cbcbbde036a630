import { type ContractInput, type OperatorDetails, renderContract, renderImportantMatters } from "@jitsumei/documents";
import type { ApplicationRow } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { printedFullName } from "../applications/printed-name.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { decideApplicationDeposit, depositInputsOf } from "../payments/decide-application-deposit.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { storeDocument } from "./contract-documents.ts";

/** 初期契約解除: a contract may be cancelled within 8 days of receiving its documents (電気通信事業法 第26条の3). */
const INITIAL_CANCELLATION_DAYS = 8;
/** Early-termination fees are capped at ¥1,100 (tax included) since the 2019 rules. */
const EARLY_TERMINATION_FEE_JPY = 1100;

/** The early-termination fee the contract states for a plan: the cap on a plan with a minimum term, else none. */
export function earlyTerminationFeeJpy(plan: { minimumTermMonths: number | null }): number {
  return plan.minimumTermMonths ? EARLY_TERMINATION_FEE_JPY : 0;
}

/**
 * After a postpaid approval: the important-matters explanation and the contract, generated for this
 * applicant in Japanese and their language, stored (sealed) with their SHA-256, and the application
 * moved to contract_pending — in the caller's transaction.
 */
export async function offerContract(
  tx: Queryable,
  deps: { keys: KeyManagement; operator: OperatorDetails; clock: () => Date; documents: DocumentStorage },
  application: ApplicationRow,
): Promise<void> {
  const plan = await findPlan(tx, application.planId);
  if (!plan) throw new Error(`plan ${application.planId} vanished`);
  const { particulars, cipher } = await loadApplicantDetails(deps.keys, application);
  // The deposit is decided now: the contract states it.
  const deposit = await decideApplicationDeposit(deps, tx, application, await depositInputsOf(tx, application.id));
  const name = printedFullName(particulars?.name);
  const input: ContractInput = {
    language: application.language,
    documentNumber: `C-${application.reference}`,
    date: deps.clock(),
    operator: deps.operator,
    applicant: { name, reference: application.reference },
    plan,
    depositJpy: deposit.required ? deposit.amountJpy : 0,
    cancellation: {
      earlyTerminationFeeJpy: earlyTerminationFeeJpy(plan),
      initialCancellationDays: INITIAL_CANCELLATION_DAYS,
    },
  };
  const [importantMatters, contract] = await Promise.all([
    renderImportantMatters({ ...input, documentNumber: `IM-${application.reference}` }),
    renderContract(input),
  ]);
  const stored = [
    await storeDocument(tx, deps.documents, cipher, {
      applicationId: application.id,
      kind: "important_matters",
      documentNumber: `IM-${application.reference}`,
      language: application.language,
      pdf: importantMatters,
    }),
    await storeDocument(tx, deps.documents, cipher, {
      applicationId: application.id,
      kind: "contract",
      documentNumber: `C-${application.reference}`,
      language: application.language,
      pdf: contract,
    }),
  ];
  await applyEvent(tx, {
    applicationId: application.id,
    event: "offer_contract",
    actor: { kind: "system" },
    data: { documents: stored.map((d) => ({ kind: d.kind, sha256: d.sha256 })), depositJpy: input.depositJpy },
  });
}
