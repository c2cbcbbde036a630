import { randomBytes } from "node:crypto";
import { type PortingHolder, todayInJapan } from "@jitsumei/domain";
import { type ApplicationRow, findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { type SubscriberPrincipal, subscriberLineApplication } from "../subscribers/subscriber-access.ts";
import { findPortOutByReservation, insertOneStopCode, spendOneStopCode } from "./one-stop-port-out-repository.ts";
import { type OneStopRecipient, recipientByCredential } from "./one-stop-recipients.ts";
import { type PortOutReservation, requestPortOut } from "./port-out.ts";
import { lockPortOutByReservation } from "./port-out-repository.ts";

/** How long the recipient has to redeem the code it was sent back with. */
export const ONE_STOP_CODE_MINUTES = 10;

/** What a recipient operator asks for when it sends its customer (our subscriber) here. */
export type OneStopPortOutRequest = { recipient: string; msisdn: string; state: string; returnUrl: string };

/** What the recipient gets for a code: the reservation, and the holder it compares with its applicant. */
export type OneStopPortOutAnswer = {
  msisdn: string;
  reservationNumber: string;
  expiresOn: string;
  /** Who we are (the porting-out operator). */
  donor: string;
  holder: PortingHolder;
};

/**
 * The request's recipient and return address, checked before anything is shown or done: the recipient
 * must be registered, and the return address one of its own, exactly (never a redirect elsewhere).
 */
export function checkOneStopRequest(
  recipients: readonly OneStopRecipient[],
  input: Pick<OneStopPortOutRequest, "recipient" | "returnUrl">,
): OneStopRecipient {
  const recipient = recipients.find((r) => r.id === input.recipient);
  if (!recipient) {
    throw AppError.validation([{ field: "recipient", reason: "is not an operator registered for one-stop port-out" }]);
  }
  if (!recipient.returnUrls.includes(input.returnUrl)) {
    throw AppError.validation([{ field: "returnUrl", reason: "is not a return address registered for this operator" }]);
  }
  return recipient;
}

function back(returnUrl: string, params: Record<string, string>): string {
  const url = new URL(returnUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/**
 * The subscriber (freshly signed in, as for any port-out) confirms: the reservation is issued in the
 * one-stop mode for the recipient (or the line's one still valid is answered), and a single-use code
 * for it, valid 10 minutes, goes back to the recipient's return address with its state. Only the
 * code's keyed hash is stored. Audited.
 */
export async function confirmOneStopPortOut(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    mailFrom: string;
    recipients: readonly OneStopRecipient[];
  },
  who: SubscriberPrincipal,
  input: OneStopPortOutRequest,
): Promise<{ redirectUrl: string; reservation: PortOutReservation }> {
  // Another's number is not found before anything of the request is judged (nothing to learn from it).
  const applicationId = await subscriberLineApplication(deps.db, who, input.msisdn);
  if (!applicationId) throw new AppError("not_found", "None of your active lines has this number");
  const recipient = checkOneStopRequest(deps.recipients, input);
  const reservation = await requestPortOut(deps, who, { msisdn: input.msisdn, oneStop: { recipient: recipient.id } });
  const application = await findApplicationById(deps.db, applicationId);
  const code = randomBytes(24).toString("base64url");
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await insertOneStopCode(tx, {
      codeHash: deps.keys.blindIndex("mnp-one-stop-port-out", code),
      reservationNumber: reservation.reservationNumber,
      recipient: recipient.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ONE_STOP_CODE_MINUTES * 60_000),
    });
    await appendAuditEntry(tx, {
      actor: "subscriber",
      action: "number_port_out.one_stop_confirmed",
      subject: application?.reference ?? null,
      data: { recipient: recipient.id },
    });
  });
  return { redirectUrl: back(input.returnUrl, { state: input.state, code }), reservation };
}

/**
 * The subscriber declines (or cannot go on): back to the recipient with `error=access_denied` and its
 * state, nothing issued. Needs no sign-in (the subscriber may decline before signing in), but the same
 * checks of the recipient and its return address. Audited.
 */
export async function declineOneStopPortOut(
  deps: { db: Database; recipients: readonly OneStopRecipient[] },
  input: Omit<OneStopPortOutRequest, "msisdn">,
): Promise<{ redirectUrl: string }> {
  const recipient = checkOneStopRequest(deps.recipients, input);
  await deps.db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: "subscriber",
      action: "number_port_out.one_stop_declined",
      subject: null,
      data: { recipient: recipient.id },
    }),
  );
  return { redirectUrl: back(input.returnUrl, { state: input.state, error: "access_denied" }) };
}

/** The recipient calling us server-to-server: `Authorization: Bearer <credential>`, registered. */
export function authenticateRecipient(
  recipients: readonly OneStopRecipient[],
  authorization: string | undefined,
): OneStopRecipient {
  const credential = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  const recipient = credential ? recipientByCredential(recipients, credential) : null;
  if (!recipient) {
    throw new AppError("authentication_required", "A registered one-stop recipient's credential is required");
  }
  return recipient;
}

/**
 * The recipient redeems the code it was sent back with: once, within 10 minutes, and only the
 * recipient it was issued to. Answers the reservation (still valid) and the holder as we verified
 * them (the name as written on the verified document, kanji when it has one; the kana reading; the
 * birth date), which the recipient compares with its own applicant. Audited.
 */
export async function redeemOneStopPortOut(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; donor: string },
  recipient: OneStopRecipient,
  input: { code: string },
): Promise<OneStopPortOutAnswer> {
  const now = deps.clock();
  const invalid = () =>
    new AppError("mnp_one_stop_code_invalid", "This code is not valid, has expired or was used", {
      errors: [{ field: "code", reason: "is not an unused, unexpired code issued to this operator" }],
    });
  const found = await deps.db.transaction(async (tx) => {
    const reservationNumber = await spendOneStopCode(tx, {
      codeHash: deps.keys.blindIndex("mnp-one-stop-port-out", input.code),
      recipient: recipient.id,
      now,
    });
    if (!reservationNumber) return null;
    const port = await lockPortOutByReservation(tx, reservationNumber);
    if (port?.state !== "issued" || port.expires_on < todayInJapan(now)) return null;
    const application = await findApplicationById(tx, port.application_id);
    if (!application) return null;
    await appendAuditEntry(tx, {
      actor: `mnp-recipient:${recipient.id}`,
      action: "number_port_out.one_stop_redeemed",
      subject: application.reference,
      data: { recipient: recipient.id },
    });
    return { port, reservationNumber, application };
  });
  if (!found) throw invalid();
  const holder = await holderOf(deps.keys, found.application);
  if (!holder) throw invalid();
  return {
    msisdn: found.port.msisdn,
    reservationNumber: found.reservationNumber,
    expiresOn: found.port.expires_on,
    donor: deps.donor,
    holder,
  };
}

/** The holder as we verified them: the name as the document writes it (kanji when it has one), the kana, the birth date. */
async function holderOf(keys: KeyManagement, application: ApplicationRow): Promise<PortingHolder | null> {
  const { particulars } = await loadApplicantDetails(keys, application);
  if (!particulars) return null;
  const { name } = particulars;
  return {
    name: name.kanji ?? `${name.family} ${name.given}`,
    ...(name.kana ? { kana: name.kana } : {}),
    birthDate: particulars.birthDate,
  };
}

/**
 * A registered recipient asks about a reservation number (a two-stop number its customer gave it, or
 * the one-stop one it redeemed, again before the switch-over): the same answer as the redeem, while
 * the reservation is valid. A one-stop reservation answers only the recipient it was issued for.
 * Unknown, another number's, another recipient's: `mnp_reservation_unknown`; no longer valid:
 * `mnp_reservation_expired`. Audited.
 */
export async function lookUpPortOut(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; donor: string },
  recipient: OneStopRecipient,
  input: { msisdn: string; reservationNumber: string },
): Promise<OneStopPortOutAnswer> {
  const port = await findPortOutByReservation(deps.db, input.reservationNumber);
  if (!port || port.msisdn !== input.msisdn || (port.mode === "one_stop" && port.recipient !== recipient.id)) {
    throw new AppError("mnp_reservation_unknown", "No reservation number of ours for this number", {
      errors: [{ field: "reservationNumber", reason: "is not known for this phone number" }],
    });
  }
  if (port.state !== "issued" || port.expires_on < todayInJapan(deps.clock())) {
    throw new AppError("mnp_reservation_expired", "The reservation number is no longer valid", {
      errors: [{ field: "reservationNumber", reason: `is ${port.state === "issued" ? "expired" : port.state}` }],
    });
  }
  const application = await findApplicationById(deps.db, port.application_id);
  const holder = application ? await holderOf(deps.keys, application) : null;
  if (!application || !holder) throw new Error(`port-out ${input.reservationNumber} has no verified holder`);
  await deps.db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: `mnp-recipient:${recipient.id}`,
      action: "number_port_out.looked_up",
      subject: application.reference,
      data: { recipient: recipient.id },
    }),
  );
  return {
    msisdn: port.msisdn,
    reservationNumber: input.reservationNumber,
    expiresOn: port.expires_on,
    donor: deps.donor,
    holder,
  };
}

/**
 * Before a recipient's switch-over: a one-stop reservation moves only to the recipient it was issued
 * for (a two-stop one to whichever registered recipient holds its number, as the MNP system would).
 */
export async function assertSwitchOverBy(
  db: Database,
  recipient: OneStopRecipient,
  input: { msisdn: string; reservationNumber: string },
): Promise<void> {
  const port = await findPortOutByReservation(db, input.reservationNumber);
  if (port && port.mode === "one_stop" && port.recipient !== recipient.id) {
    throw new AppError("mnp_reservation_unknown", "No reservation number of ours for this number", {
      errors: [{ field: "reservationNumber", reason: "is not known for this phone number" }],
    });
  }
}
