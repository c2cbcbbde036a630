import { normaliseReservationNumber } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { AppError, type FieldError } from "../errors.ts";
import {
  acceptReservation,
  assertCanKeepNumber,
  normaliseMobileNumber,
  type PortInDeps,
} from "./accept-reservation.ts";
import { PortingRefusal } from "./number-portability.ts";
import { fromPortingRefusal } from "./port-in-refusals.ts";
import type { PortIn } from "./port-in-repository.ts";

/**
 * Two-stop port-in: the applicant gives the number and the reservation number (MNP予約番号) their
 * operator issued; we ask the porting-out operator about it and accept it for the application.
 */
export async function registerPortIn(
  deps: PortInDeps,
  application: ApplicationRow,
  input: { msisdn: string; reservationNumber: string },
): Promise<PortIn> {
  const msisdn = normaliseMobileNumber(input.msisdn);
  const reservationNumber = normaliseReservationNumber(input.reservationNumber);
  const errors: FieldError[] = [];
  if (!msisdn) errors.push({ field: "msisdn", reason: "must be a mobile number starting 070, 080 or 090 (11 digits)" });
  if (!reservationNumber)
    errors.push({ field: "reservationNumber", reason: "must be the 10 digits of the reservation number" });
  if (!msisdn || !reservationNumber) throw AppError.validation(errors);
  await assertCanKeepNumber(deps.db, application);
  try {
    const reservation = await deps.numberPortability.lookUpReservation({ msisdn, reservationNumber });
    return await acceptReservation(deps, application, reservation, "two_stop");
  } catch (error) {
    if (error instanceof PortingRefusal) {
      throw fromPortingRefusal(error, {
        language: application.language,
        now: deps.clock(),
        minDaysLeft: deps.minDaysLeft,
      });
    }
    throw error;
  }
}
