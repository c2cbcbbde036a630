import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { liveSession } from "./applicant-sessions.ts";
import { type ApplicationRow, findApplicationByReference } from "./application-row.ts";
import { isWellFormedReference, tokenMatches } from "./secrets.ts";

/**
 * A reference alone never opens an application: the bearer token must match too, either the access
 * token or a live session on this application (a hand-off's, or a sign-in's by a code sent to the
 * application's contact). A chip reader's session opens only the
 * reader contract's operations (`readerRoute`): reading the application and adding evidence, never
 * signing, paying or changing particulars. An unknown reference and a wrong token give the same
 * answer, so neither can be probed.
 */
export async function authenticateApplicant(
  db: Queryable,
  reference: string,
  token: string | null,
  now: Date = new Date(),
  options: { readerRoute?: boolean } = {},
): Promise<ApplicationRow> {
  if (!token) {
    throw new AppError(
      "authentication_required",
      "Send the application's access token or session as 'Authorization: Bearer <token>' (sign in with a code sent to the application's contact: POST /v1/applicant/sign-in, then …/sign-in/verify)",
    );
  }
  const application = isWellFormedReference(reference) ? await findApplicationByReference(db, reference) : null;
  const session =
    application && !tokenMatches(token, application.accessTokenHash)
      ? await liveSession(db, application.id, token, now)
      : null;
  const opens =
    application !== null &&
    (tokenMatches(token, application.accessTokenHash) ||
      session === "handoff:continue_on_phone" ||
      session === "sign_in:email_code" ||
      session === "sign_in:sms_code" ||
      (session === "handoff:chip_reader" && options.readerRoute === true));
  if (!application || !opens) {
    throw new AppError("application_not_found", `No application ${reference} opens with the token given`);
  }
  if (application.purgedAt) {
    throw new AppError(
      "application_purged",
      `The retention period of ${reference} ended: its personal data was destroyed`,
    );
  }
  return application;
}
