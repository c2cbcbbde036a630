import {
  compareHolder,
  interpolate,
  type Language,
  type Particulars,
  type PortInRefusalCode,
  portInRefusalTexts,
  portMailTexts,
} from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import type { AppError } from "../errors.ts";
import { queueMail } from "../mail/outbox.ts";
import { japanTime } from "../notifications/payment-notices.ts";
import { type NumberPortability, PortingRefusal } from "./number-portability.ts";
import { portInRefusal } from "./port-in-refusals.ts";
import { applyPortInEvent, findPortIn, type PortIn } from "./port-in-repository.ts";
import { formatMsisdn } from "./schedule-switch-over.ts";

/**
 * The switch-over was refused (by the MNP system, or by us: the holder is no longer the applicant whose
 * identity was verified): the activation around it rolls back, the old line keeps working.
 */
export class SwitchOverRefused extends Error {
  constructor(readonly refusal: PortingRefusal | { code: "holder_mismatch"; message: string }) {
    super(refusal.message);
    this.name = "SwitchOverRefused";
  }
}

/** What the applicant is told after a failed switch-over, by the failure's code. */
export function switchOverFailureText(failureCode: string): PortInRefusalCode {
  return failureCode === "holder_mismatch" ? "mnp_holder_mismatch" : "mnp_switch_over_failed";
}

/**
 * The port-in an activation must switch over, if the application brings a number: refused until the
 * applicant has chosen a time, and before that time.
 */
export async function portInDueForActivation(
  db: Queryable,
  application: ApplicationRow,
  now: Date,
): Promise<PortIn | null> {
  const portIn = await findPortIn(db, application.id);
  if (!portIn || portIn.state === "cancelled" || portIn.state === "completed") return null;
  if (portIn.state !== "scheduled" || !portIn.switchOverAt) {
    throw portInRefusal("mnp_switch_over_not_yet", {
      language: application.language,
      message: "Choose when your number switches over first",
      errors: [{ field: "switchOverAt", reason: "must be chosen before the new SIM is activated" }],
    });
  }
  if (portIn.switchOverAt > now) {
    throw portInRefusal("mnp_switch_over_not_yet", {
      language: application.language,
      message: `The switch-over is scheduled for ${portIn.switchOverAt.toISOString()}: activate then, or choose an earlier time`,
      params: { switchOverAt: portIn.switchOverAt.toISOString() },
    });
  }
  return portIn;
}

/**
 * In the activating transaction, once our network has the line: the number moves from the porting-out
 * operator (their line stops now), then the port-in is completed and the applicant mailed. A refusal
 * throws `SwitchOverRefused`, which rolls the activation back.
 */
export async function switchOverIn(
  tx: Queryable,
  deps: { numberPortability: NumberPortability; keys: KeyManagement; clock: () => Date; mailFrom: string },
  input: {
    application: ApplicationRow;
    portIn: PortIn;
    iccid: string;
    contactEmail: string;
    particulars: Particulars | null;
  },
): Promise<void> {
  const { application, portIn } = input;
  let portRef: string;
  try {
    // The particulars may have been corrected since the reservation was accepted: the holder is
    // compared again with those the verification checked, so a number is never moved to someone else.
    const current = await deps.numberPortability.lookUpReservation({
      msisdn: portIn.msisdn,
      reservationNumber: portIn.reservationNumber,
    });
    const holder = input.particulars ? compareHolder(current.holder, input.particulars) : null;
    if (!holder?.name || !holder.birthDate) {
      throw new SwitchOverRefused({ code: "holder_mismatch", message: "The holder is not the verified applicant" });
    }
    ({ portRef } = await deps.numberPortability.switchOver({
      requestKey: application.id,
      msisdn: portIn.msisdn,
      reservationNumber: portIn.reservationNumber,
      iccid: input.iccid,
    }));
  } catch (error) {
    if (error instanceof PortingRefusal) throw new SwitchOverRefused(error);
    throw error;
  }
  await applyPortInEvent(tx, {
    applicationId: application.id,
    reference: application.reference,
    event: "complete",
    actor: "system",
    at: deps.clock(),
    portRef,
  });
  const language = application.language;
  const params = { msisdn: formatMsisdn(portIn.msisdn) };
  await queueMail(tx, deps.keys, {
    language: language,
    applicationId: application.id,
    template: "number_port_completed",
    to: input.contactEmail,
    from: deps.mailFrom,
    subject: `[Jitsumei] ${interpolate(portMailTexts.completedSubject[language], params)}`,
    text: interpolate(portMailTexts.completedBody[language], params),
  });
}

/**
 * After the activation rolled back: the port-in is `failed` (audited, with the MNP system's code), the
 * applicant is mailed what happened and what to do, and the answer says the same.
 */
export async function recordSwitchOverFailure(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; mailFrom: string },
  application: ApplicationRow,
  portIn: PortIn,
  refused: SwitchOverRefused,
): Promise<AppError> {
  const { contact } = await loadApplicantDetails(deps.keys, application);
  const language: Language = application.language;
  const params = { msisdn: formatMsisdn(portIn.msisdn), expiresOn: portIn.reservationExpiresOn };
  const text = switchOverFailureText(refused.refusal.code);
  await deps.db.transaction(async (tx) => {
    await applyPortInEvent(tx, {
      applicationId: application.id,
      reference: application.reference,
      event: "fail",
      actor: "system",
      at: deps.clock(),
      failureCode: refused.refusal.code,
    });
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: application.id,
      template: "number_port_failed",
      to: contact.email,
      from: deps.mailFrom,
      subject: `[Jitsumei] ${interpolate(portMailTexts.failedSubject[language], params)}`,
      text: interpolate(portInRefusalTexts[text][language], params),
    });
  });
  return portInRefusal(text, {
    language,
    message: `The switch-over was refused (${refused.refusal.code}): the old line still works`,
    params: { ...params, failure: refused.refusal.code, at: japanTime(deps.clock().toISOString(), language) },
  });
}
