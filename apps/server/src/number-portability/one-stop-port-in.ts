import { randomBytes } from "node:crypto";
import type { ApplicationRow } from "../applications/application-row.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { AppError } from "../errors.ts";
import {
  acceptReservation,
  assertCanKeepNumber,
  normaliseMobileNumber,
  type PortInDeps,
} from "./accept-reservation.ts";
import { PortingRefusal } from "./number-portability.ts";
import { fromPortingRefusal } from "./port-in-refusals.ts";
import { insertOneStopTrip, lockOneStopTrip, markOneStopTripUsed, type PortIn } from "./port-in-repository.ts";

/** How long the applicant has at their operator before the trip's state is refused. */
const TRIP_MINUTES = 15;

/**
 * Where the porting-out operator sends the applicant back: one fixed page of the site, so an operator
 * can register it exactly (a return address per application could not be registered; the
 * operator's one-stop page allows only registered ones). The page knows the application from the
 * browser tab (it remembered it when it left); the state ties the answer to it on the server.
 */
export function oneStopReturnUrl(publicUrl: string): string {
  return `${publicUrl}/number-port/return`;
}

/**
 * One-stop port-in (MNPワンストップ, since 2023): the applicant is sent to their operator, who
 * authenticates them and sends them back with a one-time code. The trip's state is random, travels in
 * the browser and is stored only as its keyed hash, single use, for 15 minutes.
 */
export async function startOneStopPortIn(
  deps: PortInDeps & { publicUrl: string },
  application: ApplicationRow,
  input: { msisdn: string },
): Promise<{ redirectUrl: string }> {
  const msisdn = normaliseMobileNumber(input.msisdn);
  if (!msisdn) {
    throw AppError.validation([
      { field: "msisdn", reason: "must be a mobile number starting 070, 080 or 090 (11 digits)" },
    ]);
  }
  await assertCanKeepNumber(deps.db, application);
  const state = randomBytes(24).toString("base64url");
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await insertOneStopTrip(tx, {
      stateHash: deps.keys.blindIndex("mnp-one-stop", state),
      applicationId: application.id,
      msisdn,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TRIP_MINUTES * 60_000),
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "number_port_in.one_stop_started",
      subject: application.reference,
      data: {},
    });
  });
  const redirectUrl = deps.numberPortability.oneStopUrl({
    msisdn,
    state,
    returnUrl: oneStopReturnUrl(deps.publicUrl),
  });
  return { redirectUrl };
}

/** Back from the operator: the state must be this application's unused trip; the code gives the reservation. */
export async function completeOneStopPortIn(
  deps: PortInDeps,
  application: ApplicationRow,
  input: { state: string; code: string },
): Promise<PortIn> {
  const now = deps.clock();
  const trip = await deps.db.transaction(async (tx) => {
    const found = await lockOneStopTrip(tx, deps.keys.blindIndex("mnp-one-stop", input.state));
    if (!found || found.application_id !== application.id || found.used_at || new Date(found.expires_at) <= now) {
      return null;
    }
    await markOneStopTripUsed(tx, deps.keys.blindIndex("mnp-one-stop", input.state), now);
    return { msisdn: found.msisdn };
  });
  if (!trip) {
    throw new AppError(
      "mnp_one_stop_invalid",
      "This answer from the current operator is not valid, expired or was used: start again",
      {
        errors: [{ field: "state", reason: "is not an unused trip of this application" }],
      },
    );
  }
  try {
    const reservation = await deps.numberPortability.redeemOneStop({ code: input.code });
    if (reservation.msisdn !== trip.msisdn) {
      throw new AppError("mnp_one_stop_invalid", "The current operator answered for another number: start again", {
        errors: [{ field: "code", reason: "is for another number" }],
      });
    }
    return await acceptReservation(deps, application, reservation, "one_stop");
  } catch (error) {
    if (error instanceof PortingRefusal) {
      throw fromPortingRefusal(error, { language: application.language, now, minDaysLeft: deps.minDaysLeft });
    }
    throw error;
  }
}
