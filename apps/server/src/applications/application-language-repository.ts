import type { Language } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { forgetLockedApplications } from "./applications-repository.ts";

/** Sets the application's language; answers the language it had, or null when it was already this one. */
export async function setApplicationLanguage(
  tx: Queryable,
  applicationId: string,
  language: Language,
): Promise<Language | null> {
  forgetLockedApplications(tx);
  const { rows } = await tx.query<{ previous: Language }>(
    `UPDATE applications a SET language = $2, updated_at = now()
       FROM (SELECT id, language AS previous FROM applications WHERE id = $1 FOR UPDATE) p
      WHERE a.id = p.id AND p.previous <> $2
      RETURNING p.previous`,
    [applicationId, language],
  );
  return rows[0]?.previous ?? null;
}
