import type { Queryable } from "../db/database.ts";

/**
 * Takes or renews the lease `name` for `holder` until `seconds` from now (the database's clock):
 * true when `holder` holds it now. A lease held by another holder is taken over only once it has
 * lapsed; two processes asking at once are ordered by the row's lock, so one of them gets it.
 */
export async function holdLease(db: Queryable, name: string, holder: string, seconds: number): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE leases.expires_at <= now() OR leases.holder = EXCLUDED.holder
     RETURNING holder`,
    [name, holder, seconds],
  );
  return rows.length > 0;
}

/** Gives the lease up (a stopping server), so that another process takes it at its next turn. */
export async function releaseLease(db: Queryable, name: string, holder: string): Promise<void> {
  await db.query("DELETE FROM leases WHERE name = $1 AND holder = $2", [name, holder]);
}
