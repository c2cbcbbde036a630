import type { Language } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { setApplicationLanguage } from "./application-language-repository.ts";
import type { ApplicationRow } from "./application-row.ts";

/**
 * The application speaks the language the applicant chose last: switched on the site mid-way, the
 * status texts and every later mail follow it (a mail already written stays as it was written).
 * Answers the row with the language it has now.
 */
export async function changeApplicationLanguage(
  db: Database,
  application: ApplicationRow,
  language: Language,
): Promise<ApplicationRow> {
  if (application.language === language) return application;
  await db.transaction(async (tx) => {
    const previous = await setApplicationLanguage(tx, application.id, language);
    if (previous === null) return;
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.language_changed",
      subject: application.reference,
      data: { from: previous, to: language },
    });
  });
  return { ...application, language };
}
