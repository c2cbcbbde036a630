import type { Queryable } from "../db/database.ts";
import { deleteLease, upsertLease } from "./jobs-repository.ts";

/**
 * Takes or renews the lease `name` for `holder` until `seconds` from now (the database's clock):
 * true when `holder` holds it now. A lease held by another holder is taken over only once it has
 * lapsed; two processes asking at once are ordered by the row's lock, so one of them gets it.
 */
export async function holdLease(db: Queryable, name: string, holder: string, seconds: number): Promise<boolean> {
  return upsertLease(db, name, holder, seconds);
}

/** Gives the lease up (a stopping server), so that another process takes it at its next turn. */
export async function releaseLease(db: Queryable, name: string, holder: string): Promise<void> {
  await deleteLease(db, name, holder);
}
