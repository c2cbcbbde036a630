import type { Queryable } from "./database.ts";

/** The cheapest statement the database answers: readiness (`/readyz`) asks it. */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query("SELECT 1");
}
