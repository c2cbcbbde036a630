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
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { storeDepositDecision } from "./payment-rows.ts";

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
  input: { billingMethod: BillingMethod | null; creditDepositJpy?: number; rules?: DepositRules },
): Promise<DepositDecision> {
  const plan = await findPlan(tx, application.planId);
  if (!plan) throw new Error(`application ${application.reference} has no plan ${application.planId}`);
  const { particulars } = await loadApplicantDetails(deps.keys, application);
  if (!particulars) throw new Error(`application ${application.reference} has no particulars`);
  const decision = decideDeposit(
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
  await storeDepositDecision(tx, application.id, decision);
  return decision;
}
