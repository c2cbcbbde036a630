import { randomUUID } from "node:crypto";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { queueMail } from "../mail/outbox.ts";
import { renderMail, renderSignInSms } from "../mail/templates.ts";
import { queueSms } from "../sms/sms-outbox.ts";
import {
  countSignInCodeFailure,
  countSignInCodesSince,
  insertSignInCode,
  markSignInCodeUsed,
  selectNewestSignInCodeForUpdate,
} from "./applicant-access-repository.ts";
import { openApplicantSession } from "./applicant-sessions.ts";
import { findApplicationById } from "./application-row.ts";
import { selectApplicationIdByContact } from "./applications-repository.ts";
import { emailIndex, phoneIndex } from "./contact-indexes.ts";
import { loadApplicantDetails } from "./load-application-data.ts";
import { isWellFormedReference, newActivationCode } from "./secrets.ts";

/** A code lasts 10 minutes and admits 5 wrong tries. */
export const SIGN_IN_CODE_MINUTES = 10;
const MAX_CODE_FAILURES = 5;
/**
 * Codes one contact gets per hour: with five tries each, at most 25 guesses an hour at one contact,
 * however many client addresses ask (the HTTP rate limit counts per address).
 */
export const MAX_SIGN_IN_CODES_PER_HOUR = 5;

type Deps = {
  db: Database;
  keys: KeyManagement;
  clock: () => Date;
  config: { mail: { from: string }; handoff: { sessionHours: number } };
};

/** The contact the applicant names: the e-mail address, or the phone number for a code by SMS. */
export type SignInContact = { email: string; phone?: undefined } | { phone: string; email?: undefined };

type Channel = "email" | "sms";

function contactKey(keys: KeyManagement, contact: SignInContact): { channel: Channel; index: Buffer } {
  return contact.email !== undefined
    ? { channel: "email", index: emailIndex(keys, contact.email) }
    : { channel: "sms", index: phoneIndex(keys, contact.phone) };
}

const codeHash = (keys: KeyManagement, id: string, code: string) =>
  // Keyed: a six-digit code hashed without a secret would fall to a 10^6 search of a database copy.
  keys.blindIndex("applicant-sign-in-code", `${id}:${code}`);

/**
 * Step one: the contact the application gave (and its reference, when the applicant has it). When they
 * match an application, a six-digit code goes to that contact, in the application's language. Nothing
 * tells the caller whether they matched: the route answers the same either way.
 */
export async function requestApplicantSignInCode(
  deps: Deps,
  input: { reference?: string; contact: SignInContact },
): Promise<void> {
  const { channel, index } = contactKey(deps.keys, input.contact);
  const applicationId = await applicationFor(deps.db, channel, index, input.reference);
  const application = applicationId ? await findApplicationById(deps.db, applicationId) : null;
  if (!application || application.purgedAt) return;
  const now = deps.clock();
  const recent = await countSignInCodesSince(deps.db, index, new Date(now.getTime() - 3_600_000));
  if (recent >= MAX_SIGN_IN_CODES_PER_HOUR) {
    await deps.db.transaction((tx) =>
      appendAuditEntry(tx, {
        actor: "applicant",
        action: "application.sign_in_code_withheld",
        subject: application.reference,
        data: { channel, codesInLastHour: MAX_SIGN_IN_CODES_PER_HOUR },
      }),
    );
    return;
  }
  const { contact } = await loadApplicantDetails(deps.keys, application);
  // The code goes to the contact on file (the index matched it), never to the text as typed.
  const to = channel === "email" ? contact.email : contact.phone;
  if (!to) return;
  const id = randomUUID();
  const code = newActivationCode();
  const expiresAt = new Date(now.getTime() + SIGN_IN_CODE_MINUTES * 60_000);
  const params = { code, reference: application.reference, minutes: SIGN_IN_CODE_MINUTES };
  await deps.db.transaction(async (tx) => {
    await insertSignInCode(tx, {
      id,
      applicationId: application.id,
      channel,
      contactIndex: index,
      codeHash: codeHash(deps.keys, id, code),
      expiresAt,
      createdAt: now,
    });
    if (channel === "email") {
      await queueMail(tx, deps.keys, {
        language: application.language,
        ...renderMail("applicant_sign_in_code", application.language, params),
        to,
        from: deps.config.mail.from,
        applicationId: application.id,
        template: "applicant_sign_in_code",
      });
    } else {
      await queueSms(tx, deps.keys, {
        to,
        text: renderSignInSms(application.language, params),
        applicationId: application.id,
        template: "applicant_sign_in_code",
      });
    }
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.sign_in_code_sent",
      subject: application.reference,
      data: { channel, expiresAt: expiresAt.toISOString() },
    });
  });
}

export type ApplicantSignIn = { reference: string; accessToken: string; expiresAt: string };

type Refusal = "no_code" | "wrong" | "used" | "expired" | "spent";

/**
 * Step two: the same contact and the code. Only the newest code sent to that contact counts (for the
 * reference, when one is named); five wrong tries spend it, a used or expired one is refused. A right
 * code opens a fresh applicant session on its application (`sign_in:email_code` or `sign_in:sms_code`).
 * Every refusal gives one answer, naming the code.
 */
export async function verifyApplicantSignInCode(
  deps: Deps,
  input: { reference?: string; contact: SignInContact; code: string },
): Promise<ApplicantSignIn> {
  const { channel, index } = contactKey(deps.keys, input.contact);
  const now = deps.clock();
  // The refusal is answered after the transaction commits, so the failure it counted stays counted.
  const outcome = await deps.db.transaction(async (tx): Promise<ApplicantSignIn | Refusal> => {
    const found = await selectNewestSignInCodeForUpdate(tx, {
      contactIndex: index,
      channel,
      reference: input.reference ?? null,
    });
    if (!found || found.purged_at) return "no_code";
    const refusal: Refusal | null = found.used_at
      ? "used"
      : new Date(found.expires_at) <= now
        ? "expired"
        : found.failures >= MAX_CODE_FAILURES
          ? "spent"
          : codeHash(deps.keys, found.id, input.code).equals(toBuffer(found.code_hash))
            ? null
            : "wrong";
    if (refusal) {
      if (refusal === "wrong") {
        await countSignInCodeFailure(tx, found.id);
      }
      await auditRefusal(tx, found.reference, channel, refusal);
      return refusal;
    }
    await markSignInCodeUsed(tx, found.id, now);
    const session = await openApplicantSession(tx, {
      applicationId: found.application_id,
      origin: channel === "email" ? "sign_in:email_code" : "sign_in:sms_code",
      now,
      ttlMs: deps.config.handoff.sessionHours * 3_600_000,
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.signed_in",
      subject: found.reference,
      data: { channel, sessionExpiresAt: session.expiresAt.toISOString() },
    });
    return { reference: found.reference, accessToken: session.token, expiresAt: session.expiresAt.toISOString() };
  });
  if (typeof outcome !== "string") return outcome;
  // One answer for every refusal, so a caller learns nothing about the contact or the code's state.
  throw new AppError("sign_in_code_invalid", "The code is not correct, was used already or has expired", {
    errors: [{ field: "code", reason: "is not correct, was used already or has expired: ask for a new code" }],
  });
}

/** The application a code goes to: the one named (if the contact is its own), else the contact's newest. */
async function applicationFor(
  db: Queryable,
  channel: Channel,
  index: Buffer,
  reference: string | undefined,
): Promise<string | null> {
  const column = channel === "email" ? "contact_index" : "phone_index";
  if (reference !== undefined && !isWellFormedReference(reference)) return null;
  return selectApplicationIdByContact(db, column, index, reference);
}

async function auditRefusal(tx: Queryable, reference: string, channel: Channel, reason: Refusal): Promise<void> {
  await appendAuditEntry(tx, {
    actor: "applicant",
    action: "application.sign_in_refused",
    subject: reference,
    data: { channel, reason },
  });
}
