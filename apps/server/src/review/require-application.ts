import { type ApplicationRow, findApplicationByReference } from "../applications/application-row.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";

/** The application a staff member names, refused when there is none or its personal data is destroyed. */
export async function requireApplication(db: Queryable, reference: string): Promise<ApplicationRow> {
  const application = await findApplicationByReference(db, reference);
  if (!application) throw new AppError("application_not_found", `No application ${reference}`);
  if (application.purgedAt) {
    throw new AppError("application_purged", "The application's personal data was destroyed when its retention ended");
  }
  return application;
}
