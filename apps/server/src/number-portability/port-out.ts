import { randomUUID } from "node:crypto";
import { nextPortOutState, reservationExpiresOn, todayInJapan } from "@jitsumei/domain";
import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { queueMail } from "../mail/outbox.ts";
import { japanDate, renderNotification } from "../notifications/notification-texts.ts";
import { type SubscriberPrincipal, subscriberLineApplication } from "../subscribers/subscriber-access.ts";
import { type EndedLine, terminateLineIn } from "../subscribers/terminate-line.ts";
import {
  cancelIssuedPortOut,
  expirePortOutReservations,
  insertPortOut,
  liveReservation,
  lockActiveLine,
  lockPortOutByReservation,
  recordPortedOut,
  unusedReservationNumber,
} from "./port-out-repository.ts";
import { formatMsisdn } from "./schedule-switch-over.ts";

/** A port-out asks for a sign-in this recent: the reservation number hands the number to someone else. */
export const PORT_OUT_REAUTH_MINUTES = 10;

export type PortOutReservation = {
  msisdn: string;
  reservationNumber: string;
  issuedOn: string;
  expiresOn: string;
  mode: "two_stop" | "one_stop";
  recipient: string | null;
};

/**
 * Port-out (MNP転出): the subscriber asks, in their account, to take a line's number to another
 * operator. The session must be fresh (signed in with a mailed code within 10 minutes); we issue a
 * reservation number valid 15 days (two-stop), or answer another operator's one-stop request with it,
 * record it, mail it, and audit it. Asking again while one is valid answers the same number. The line
 * stays ours until the new operator switches the number over (`completePortOut`).
 */
export async function requestPortOut(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; mailFrom: string },
  who: SubscriberPrincipal,
  input: { msisdn: string; oneStop?: { recipient: string } },
): Promise<PortOutReservation> {
  const now = deps.clock();
  const applicationId = await subscriberLineApplication(deps.db, who, input.msisdn);
  if (!applicationId) throw new AppError("not_found", "None of your active lines has this number");
  // Only numbers of voice lines (070, 080, 090) are portable; a data line's 020 number is not.
  if (!/^0[789]0\d{8}$/.test(input.msisdn)) {
    throw new AppError("mnp_not_voice", "Only a voice line's number (070, 080, 090) can move to another operator");
  }
  const application = await findApplicationById(deps.db, applicationId);
  if (!application) throw new AppError("not_found", "None of your active lines has this number");
  if (now.getTime() - who.signedInAt.getTime() > PORT_OUT_REAUTH_MINUTES * 60_000) {
    throw new AppError("reauthentication_required", "Sign in again with a new code to take your number elsewhere", {
      maxAgeMinutes: PORT_OUT_REAUTH_MINUTES,
    });
  }
  const { contact } = await loadApplicantDetails(deps.keys, application);
  const today = todayInJapan(now);
  return deps.db.transaction(async (tx) => {
    const line = await lockActiveLine(tx, applicationId);
    if (!line) throw new AppError("subscription_not_active", "The line is not active");
    await expireStale(tx, line.id, today, now, application.reference);
    const live = await liveReservation(tx, line.id);
    if (live) return live;
    const reservation: PortOutReservation = {
      msisdn: line.msisdn,
      reservationNumber: await unusedReservationNumber(tx),
      issuedOn: today,
      expiresOn: reservationExpiresOn(today),
      mode: input.oneStop ? "one_stop" : "two_stop",
      recipient: input.oneStop?.recipient ?? null,
    };
    await insertPortOut(tx, { id: randomUUID(), subscriptionId: line.id, ...reservation, createdAt: now });
    await appendAuditEntry(tx, {
      actor: "subscriber",
      action: "number_port_out.issued",
      subject: application.reference,
      data: { mode: reservation.mode, expiresOn: reservation.expiresOn, recipient: reservation.recipient },
    });
    // The same layout as the applicant's other mails: the reference, the date as the language writes it.
    const mail = renderNotification("port_out_issued", application.language, {
      reference: application.reference,
      msisdn: formatMsisdn(line.msisdn),
      reservationNumber: reservation.reservationNumber,
      expiresOn: japanDate(new Date(`${reservation.expiresOn}T12:00:00+09:00`), application.language),
    });
    await queueMail(tx, deps.keys, {
      language: application.language,
      applicationId: application.id,
      template: "number_port_out_issued",
      to: contact.email,
      from: deps.mailFrom,
      subject: mail.subject,
      text: mail.text,
    });
    return reservation;
  });
}

/**
 * The subscriber cancels the line's issued reservation number before another operator uses it: the
 * number stays with us and the line goes on. Audited. Nothing issued (never asked, already expired,
 * ported or cancelled) answers `mnp_reservation_not_issued`. Needs the same fresh sign-in as asking.
 */
export async function cancelPortOut(
  deps: { db: Database; clock: () => Date },
  who: SubscriberPrincipal,
  input: { msisdn: string },
): Promise<{ msisdn: string; reservationNumber: string; state: "cancelled" }> {
  const now = deps.clock();
  const applicationId = await subscriberLineApplication(deps.db, who, input.msisdn);
  if (!applicationId) throw new AppError("not_found", "None of your active lines has this number");
  const application = await findApplicationById(deps.db, applicationId);
  if (!application) throw new AppError("not_found", "None of your active lines has this number");
  if (now.getTime() - who.signedInAt.getTime() > PORT_OUT_REAUTH_MINUTES * 60_000) {
    throw new AppError("reauthentication_required", "Sign in again with a new code to change your number's move", {
      maxAgeMinutes: PORT_OUT_REAUTH_MINUTES,
    });
  }
  const today = todayInJapan(now);
  return deps.db.transaction(async (tx) => {
    const line = await lockActiveLine(tx, applicationId);
    if (!line) throw new AppError("subscription_not_active", "The line is not active");
    await expireStale(tx, line.id, today, now, application.reference);
    const cancelled = await cancelIssuedPortOut(tx, { subscriptionId: line.id, at: now });
    if (!cancelled) {
      throw new AppError("mnp_reservation_not_issued", "This line has no valid reservation number to cancel");
    }
    await appendAuditEntry(tx, {
      actor: "subscriber",
      action: "number_port_out.cancelled",
      subject: application.reference,
      data: {},
    });
    return { msisdn: line.msisdn, reservationNumber: cancelled, state: "cancelled" as const };
  });
}

/**
 * The new operator switched the number over (the MNP system tells the porting-out operator): the
 * reservation is spent and the line ends here, through the one place lines end
 * (`endLineForPortOut`), which also starts the verification record's retention clock (kept 3 years
 * after the contract ends, then purged). The number leaves our pool for good.
 */
export async function completePortOut(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    provisioning: Provisioning;
    quarantineDays: number;
    mailFrom: string;
    /** The registered recipient operator that reported the switch-over, if one did (one-stop protocol). */
    by?: string;
  },
  input: { reservationNumber: string; msisdn: string },
): Promise<EndedLine> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const port = await lockPortOutByReservation(tx, input.reservationNumber);

    if (!port || port.msisdn !== input.msisdn) {
      throw new AppError("mnp_reservation_unknown", "No reservation number of ours for this number", {
        errors: [{ field: "reservationNumber", reason: "is not known for this phone number" }],
      });
    }
    const event = port.expires_on < todayInJapan(now) ? "expire" : "port";
    const to = nextPortOutState(port.state, event);
    if (!to || to !== "ported") {
      throw new AppError(
        "mnp_reservation_expired",
        `The reservation number is ${to ?? port.state}: it cannot move the number`,
        {
          errors: [{ field: "reservationNumber", reason: `is ${to ?? port.state}` }],
        },
      );
    }
    const ended = await endLineForPortOut(tx, deps, { applicationId: port.application_id, at: now });
    await recordPortedOut(tx, { id: port.id, msisdn: port.msisdn, at: now });
    await appendAuditEntry(tx, {
      actor: "system",
      action: "number_port_out.ported",
      subject: ended.reference,
      data: deps.by ? { from: port.state, recipient: deps.by } : { from: port.state },
    });
    return ended;
  });
}

/**
 * The one call from number portability into ending a line: when lines get a single lifecycle door,
 * this is the place to send the event through instead.
 */
async function endLineForPortOut(
  tx: Queryable,
  deps: { keys: KeyManagement; provisioning: Provisioning; quarantineDays: number; mailFrom: string },
  input: { applicationId: string; at: Date },
): Promise<EndedLine> {
  return terminateLineIn(tx, deps, {
    applicationId: input.applicationId,
    reason: "ported_out",
    actor: "system",
    at: input.at,
  });
}

async function expireStale(tx: Queryable, subscriptionId: string, today: string, now: Date, reference: string) {
  const expired = await expirePortOutReservations(tx, { today, now, subscriptionId });
  for (const _ of expired) {
    await appendAuditEntry(tx, { actor: "system", action: "number_port_out.expired", subject: reference, data: {} });
  }
}
