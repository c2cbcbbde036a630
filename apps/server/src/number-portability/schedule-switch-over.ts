import { interpolate, portMailTexts } from "@jitsumei/domain";
import { type ApplicationRow, lockApplication } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { queueMail } from "../mail/outbox.ts";
import { japanTime } from "../notifications/payment-notices.ts";
import { applyPortInEvent, findPortIn, type PortIn } from "./port-in-repository.ts";

/** The end of the reservation's last day, Japan time (UTC+9, no summer time). */
export function reservationEndsAt(expiresOn: string): Date {
  return new Date(`${expiresOn}T23:59:59+09:00`);
}

/**
 * The applicant chooses when the number switches over: from that moment they may activate the new
 * SIM, and activating it moves the number (the old line stops then, not before). It must be before
 * the reservation runs out. Mailed and audited; choosing again replaces the time (also after a failed
 * switch-over).
 */
export async function scheduleSwitchOver(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; mailFrom: string },
  application: ApplicationRow,
  input: { at: string },
): Promise<PortIn> {
  const now = deps.clock();
  const at = new Date(input.at);
  const portIn = await findPortIn(deps.db, application.id);
  if (!portIn) throw new AppError("mnp_port_in_missing", "No number to keep was given for this application");
  if (Number.isNaN(at.getTime())) throw AppError.validation([{ field: "at", reason: "must be a date and time" }]);
  // A moment already past means "now": the applicant chose to switch over at once.
  const when = at.getTime() < now.getTime() ? now : at;
  if (when > reservationEndsAt(portIn.reservationExpiresOn)) {
    throw AppError.validation([
      {
        field: "at",
        reason: `must be before the reservation number runs out (${portIn.reservationExpiresOn}, Japan time)`,
      },
    ]);
  }
  const { contact } = await loadApplicantDetails(deps.keys, application);
  return deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    if (!locked || locked.state === "cancelled" || locked.state === "rejected" || locked.state === "expired") {
      throw new AppError("mnp_not_possible_now", "The application has ended");
    }
    const scheduled = await applyPortInEvent(tx, {
      applicationId: application.id,
      reference: application.reference,
      event: "schedule",
      actor: "applicant",
      at: now,
      switchOverAt: when,
    });
    const language = application.language;
    const params = { msisdn: formatMsisdn(portIn.msisdn), at: japanTime(when.toISOString(), language) };
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: application.id,
      template: "number_port_scheduled",
      to: contact.email,
      from: deps.mailFrom,
      subject: `[Jitsumei] ${interpolate(portMailTexts.scheduledSubject[language], params)}`,
      text: interpolate(portMailTexts.scheduledBody[language], params),
    });
    return scheduled;
  });
}

/** 09012345678 → 090-1234-5678, as Japan writes a mobile number. */
export function formatMsisdn(msisdn: string): string {
  return /^\d{11}$/.test(msisdn) ? `${msisdn.slice(0, 3)}-${msisdn.slice(3, 7)}-${msisdn.slice(7)}` : msisdn;
}
