import type { Queryable } from "../db/database.ts";

/** The SQL of a case's working rows: `case_claims`, `case_flags`, `correction_requests`. */

/** Whatever a reviewer held on the case is over. */
export async function deleteCaseClaims(tx: Queryable, applicationId: string): Promise<void> {
  await tx.query("DELETE FROM case_claims WHERE application_id = $1", [applicationId]);
}

export async function markCorrectionAnswered(tx: Queryable, correctionId: string): Promise<void> {
  await tx.query("UPDATE correction_requests SET answered_at = now() WHERE id = $1", [correctionId]);
}

export async function flagCorrectionReturned(tx: Queryable, applicationId: string): Promise<void> {
  await tx.query(
    `INSERT INTO case_flags (application_id, correction_returned) VALUES ($1, true)
     ON CONFLICT (application_id) DO UPDATE SET correction_returned = true`,
    [applicationId],
  );
}
