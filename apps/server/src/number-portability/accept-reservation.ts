import {
  type ApplicationState,
  checkReservationWindow,
  compareHolder,
  isCoveredByLaw,
  todayInJapan,
} from "@jitsumei/domain";
import { type ApplicationRow, lockApplication } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError, type FieldError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { DonorReservation, NumberPortability } from "./number-portability.ts";
import { portInRefusal } from "./port-in-refusals.ts";
import { type PortIn, recordReservation } from "./port-in-repository.ts";

export type PortInDeps = {
  db: Database;
  keys: KeyManagement;
  clock: () => Date;
  numberPortability: NumberPortability;
  minDaysLeft: number;
};

/** Before a SIM is reserved the number to keep can still be given or changed; after, it cannot. */
const beforeIssue: readonly ApplicationState[] = [
  "draft",
  "checking",
  "in_review",
  "override_pending",
  "correction_requested",
  "approved",
  "contract_pending",
  "deposit_pending",
  "payment_pending",
  "ready_to_issue",
];

/** A Japanese mobile voice number (070, 080, 090), digits only; null when it is not one. */
export function normaliseMobileNumber(typed: string): string | null {
  const digits = typed.normalize("NFKC").replace(/[\s()-]/g, "");
  return /^0[789]0\d{8}$/.test(digits) ? digits : null;
}

/** Whether this application may bring a number: a new line on a plan with voice, no SIM reserved yet. */
export async function assertCanKeepNumber(db: Queryable, application: ApplicationRow): Promise<void> {
  const plan = await findPlan(db, application.planId);
  if (!plan || !isCoveredByLaw(plan) || application.kind !== "new") {
    throw new AppError("mnp_not_voice", "Only a new line on a plan with voice can keep an existing number");
  }
  if (!beforeIssue.includes(application.state)) {
    throw new AppError(
      "mnp_not_possible_now",
      `The application is ${application.state}: the number to keep can only be given before a SIM is reserved`,
    );
  }
}

/**
 * Takes a reservation the porting-out operator confirmed (two-stop or one-stop) for the application:
 * it must leave enough days for the journey, and its holder must be the applicant (name and birth
 * date against the particulars the verification checks against the documents). Refusals name the
 * field and carry the next step in the applicant's language; a holder mismatch is audited (fields
 * only). Nothing about the holder is stored.
 */
export async function acceptReservation(
  deps: PortInDeps,
  application: ApplicationRow,
  reservation: DonorReservation,
  mode: PortIn["mode"],
): Promise<PortIn> {
  const now = deps.clock();
  const language = application.language;
  const window = checkReservationWindow({
    expiresOn: reservation.expiresOn,
    today: todayInJapan(now),
    minDaysLeft: deps.minDaysLeft,
  });
  if (!window.ok) {
    const params = {
      expiresOn: reservation.expiresOn,
      applyAgainBy: window.applyAgainBy,
      minDaysLeft: deps.minDaysLeft,
    };
    throw window.reason === "expired"
      ? portInRefusal("mnp_reservation_expired", {
          language,
          message: `The reservation number expired on ${reservation.expiresOn}`,
          errors: [{ field: "reservationNumber", reason: "has expired" }],
          params,
        })
      : portInRefusal("mnp_reservation_too_few_days", {
          language,
          message: `The reservation number is valid until ${reservation.expiresOn}: at least ${deps.minDaysLeft} days must be left`,
          errors: [{ field: "reservationNumber", reason: `must be valid for at least ${deps.minDaysLeft} more days` }],
          params,
        });
  }
  const { particulars } = await loadApplicantDetails(deps.keys, application);
  if (!particulars) {
    throw new AppError(
      "application_incomplete",
      "Give your particulars first: the number's holder is compared with them",
      {
        errors: [{ field: "particulars", reason: "must be given before the number to keep" }],
      },
    );
  }
  const holder = compareHolder(reservation.holder, particulars);
  if (!holder.name || !holder.birthDate) {
    const errors: FieldError[] = [];
    if (!holder.name) errors.push({ field: "name", reason: "differs from the holder's at the current operator" });
    if (!holder.birthDate)
      errors.push({ field: "birthDate", reason: "differs from the holder's at the current operator" });
    await deps.db.transaction((tx) =>
      appendAuditEntry(tx, {
        actor: "applicant",
        action: "number_port_in.holder_mismatch",
        subject: application.reference,
        data: { mode, fields: errors.map((e) => e.field) },
      }),
    );
    throw portInRefusal("mnp_holder_mismatch", {
      language,
      message: "The contract holder at the current operator is not the verified applicant",
      errors,
    });
  }
  return deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    if (!locked) throw new AppError("application_not_found", "No such application");
    await assertCanKeepNumber(tx, locked);
    return recordReservation(tx, {
      applicationId: application.id,
      reference: application.reference,
      msisdn: reservation.msisdn,
      mode,
      reservationNumber: reservation.reservationNumber,
      expiresOn: reservation.expiresOn,
      donor: reservation.donor,
      at: now,
    });
  });
}
