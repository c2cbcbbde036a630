import {
  type BillingMethod,
  type DepositDecision,
  type DepositRules,
  decideDeposit,
  defaultDepositRules,
  todayInJapan,
} from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { latestCreditAssessment, paymentMethodOf } from "../credit/assess-application-credit.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { storeDepositDecision } from "./payments-repository.ts";

/**
 * Decides the application's deposit from its plan and particulars and stores it (with
 * applications.deposit_required) in the caller's transaction. Call it before the contract is signed,
 * e.g. in the `within` of `offer_contract`, and again if the billing method changes.
 *
 * The stay's end is the residence card's expiry (在留カードの有効期限), which is the end of the
 * period of stay for every holder except permanent residents, whose cards are renewed every seven
 * years with no limit on the stay: until the particulars say which status of residence a holder has,
 * a permanent resident may be asked for a deposit a person can waive. Other documents (passport,
 * My Number card, driving licence, special permanent resident certificate) give no end of stay.
 */
export async function decideApplicationDeposit(
  deps: { keys: KeyManagement; clock: () => Date },
  tx: Queryable,
  application: ApplicationRow,
  input: DepositInputs,
): Promise<DepositDecision> {
  const decision = await workOutDeposit(deps, tx, application, input);
  await storeDepositDecision(tx, application.id, decision);
  return decision;
}

type DepositInputs = { billingMethod: BillingMethod | null; creditDepositJpy?: number; rules?: DepositRules };

/**
 * What the deposit rules ask of the application now, from what it holds: the billing method the
 * payment-method check confirmed (none: the rules ask what they ask of an applicant who has not
 * chosen one) and the newest credit assessment's deposit (it may ask for more). The contract's offer
 * decides on these; the reviewer's case shows them before that, as what the contract will ask.
 */
export async function depositInputsOf(db: Queryable, applicationId: string): Promise<DepositInputs> {
  const [method, credit] = await Promise.all([
    paymentMethodOf(db, applicationId),
    latestCreditAssessment(db, null, applicationId),
  ]);
  return {
    billingMethod: method?.status === "verified" ? (method.type === "card" ? "credit_card" : "bank_transfer") : null,
    creditDepositJpy: credit?.depositJpy ?? 0,
  };
}

/** The decision the rules give, nothing stored. */
export async function workOutDeposit(
  deps: { keys: KeyManagement; clock: () => Date },
  db: Queryable,
  application: ApplicationRow,
  input: DepositInputs,
): Promise<DepositDecision> {
  const plan = await findPlan(db, application.planId);
  if (!plan) throw new Error(`application ${application.reference} has no plan ${application.planId}`);
  const { particulars } = await loadApplicantDetails(deps.keys, application);
  if (!particulars) throw new Error(`application ${application.reference} has no particulars`);
  return decideDeposit(
    {
      planKind: plan.kind,
      monthlyPriceJpy: plan.priceJpy,
      minimumTermMonths: plan.minimumTermMonths,
      billingMethod: input.billingMethod,
      birthDate: particulars.birthDate,
      stayUntil: particulars.document.type === "residence_card" ? particulars.document.expiryDate : null,
      today: todayInJapan(deps.clock()),
      creditDepositJpy: input.creditDepositJpy ?? 0,
    },
    input.rules ?? defaultDepositRules,
  );
}
