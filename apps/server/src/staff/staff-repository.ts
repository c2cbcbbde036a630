import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Staff } from "../db/schema.ts";

/** The SQL of `staff` (accounts) and `staff_sessions`. */

export type StaffRecord = Pick<
  Selectable<Staff>,
  | "id"
  | "email"
  | "display_name"
  | "role"
  | "password_hash"
  | "must_change_password"
  | "totp_secret_enc"
  | "last_totp_step"
  | "failed_logins"
  | "locked_until"
  | "disabled_at"
>;

const staffColumns =
  "id, email, display_name, role, password_hash, must_change_password, totp_secret_enc, last_totp_step, failed_logins, locked_until, disabled_at";

export async function staffEmailTaken(tx: Queryable, email: string): Promise<boolean> {
  const existing = await tx.query("SELECT 1 FROM staff WHERE email = $1", [email]);
  return existing.rows.length > 0;
}

export async function insertStaff(
  tx: Queryable,
  row: { id: string; email: string; displayName: string; role: string; passwordHash: string; totpSecretEnc: Buffer },
): Promise<void> {
  await tx.query(
    `INSERT INTO staff (id, email, display_name, role, password_hash, totp_secret_enc, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, true)`,
    [row.id, row.email, row.displayName, row.role, row.passwordHash, row.totpSecretEnc],
  );
}

/** `lock`: FOR UPDATE, for the rest of the transaction (sign-in counts its failures on the row). */
export async function selectStaffByEmail(db: Queryable, email: string, lock: boolean): Promise<StaffRecord | null> {
  const { rows } = await db.query<StaffRecord>(
    `SELECT ${staffColumns} FROM staff WHERE email = $1${lock ? " FOR UPDATE" : ""}`,
    [email],
  );
  return rows[0] ?? null;
}

export async function selectStaffById(db: Queryable, id: string): Promise<StaffRecord | null> {
  const { rows } = await db.query<StaffRecord>(`SELECT ${staffColumns} FROM staff WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listStaffRecords(db: Queryable): Promise<StaffRecord[]> {
  const { rows } = await db.query<StaffRecord>(`SELECT ${staffColumns} FROM staff ORDER BY created_at, id`);
  return rows;
}

export async function updatePasswordHash(tx: Queryable, staffId: string, hash: string): Promise<void> {
  await tx.query("UPDATE staff SET password_hash = $2, must_change_password = false WHERE id = $1", [staffId, hash]);
}

export async function clearMustChangePassword(db: Queryable, staffId: string): Promise<void> {
  await db.query("UPDATE staff SET must_change_password = false WHERE id = $1", [staffId]);
}

/** Disables or enables an account (either way its failed sign-ins are forgotten); null when there is none. */
export async function updateStaffDisabled(
  tx: Queryable,
  staffId: string,
  disabled: boolean,
): Promise<StaffRecord | null> {
  const { rows } = await tx.query<StaffRecord>(
    `UPDATE staff SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END,
       failed_logins = 0, locked_until = NULL WHERE id = $1 RETURNING ${staffColumns}`,
    [staffId, disabled],
  );
  return rows[0] ?? null;
}

/** After a successful sign-in: no failures, no lock, and the TOTP step used (never accepted again). */
export async function recordStaffLogin(tx: Queryable, staffId: string, totpStep: number): Promise<void> {
  await tx.query("UPDATE staff SET failed_logins = 0, locked_until = NULL, last_totp_step = $2 WHERE id = $1", [
    staffId,
    totpStep,
  ]);
}

export async function insertStaffSession(
  tx: Queryable,
  row: { tokenHash: Buffer; staffId: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [row.tokenHash, row.staffId, row.csrfToken, row.now, row.expiresAt],
  );
}

/** The session's account, its last use moved to now, if the session is live and the account enabled. */
export async function touchLiveSession(
  db: Queryable,
  input: { tokenHash: Buffer; now: Date; idleMinutes: number },
): Promise<
  | (Pick<Selectable<Staff>, "id" | "email" | "display_name" | "role" | "must_change_password"> & {
      csrf_token: string;
    })
  | null
> {
  const { rows } = await db.query<
    Pick<Selectable<Staff>, "id" | "email" | "display_name" | "role" | "must_change_password"> & { csrf_token: string }
  >(
    `UPDATE staff_sessions s SET last_seen_at = $2
     FROM staff st
     WHERE s.token_hash = $1 AND st.id = s.staff_id AND s.ended_at IS NULL AND s.expires_at > $2
       AND s.last_seen_at > $2::timestamptz - make_interval(mins => $3) AND st.disabled_at IS NULL
     RETURNING st.id, st.email, st.display_name, st.role, st.must_change_password, s.csrf_token`,
    [input.tokenHash, input.now, input.idleMinutes],
  );
  return rows[0] ?? null;
}

export async function endSession(tx: Queryable, tokenHash: Buffer): Promise<void> {
  await tx.query("UPDATE staff_sessions SET ended_at = now() WHERE token_hash = $1", [tokenHash]);
}

export async function endSessionsOf(tx: Queryable, staffId: string): Promise<void> {
  await tx.query("UPDATE staff_sessions SET ended_at = now() WHERE staff_id = $1 AND ended_at IS NULL", [staffId]);
}
