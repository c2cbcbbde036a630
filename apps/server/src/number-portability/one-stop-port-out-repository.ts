import type { Queryable } from "../db/database.ts";

/** The SQL of one-stop port-out codes (number_port_out_one_stop_codes, migration 0046). */

export async function insertOneStopCode(
  tx: Queryable,
  input: { codeHash: Buffer; reservationNumber: string; recipient: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO number_port_out_one_stop_codes (code_hash, reservation_number, recipient, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [input.codeHash, input.reservationNumber, input.recipient, input.createdAt, input.expiresAt],
  );
}

/**
 * Spends a code: marks it used and answers its reservation number, only when it is the recipient's,
 * unused and not expired; else null (and the code is left as it was). The update is its own guard:
 * two redeems at once spend it once.
 */
export async function spendOneStopCode(
  tx: Queryable,
  input: { codeHash: Buffer; recipient: string; now: Date },
): Promise<string | null> {
  const { rows } = await tx.query<{ reservation_number: string }>(
    `UPDATE number_port_out_one_stop_codes SET used_at = $3
     WHERE code_hash = $1 AND recipient = $2 AND used_at IS NULL AND expires_at > $3
     RETURNING reservation_number`,
    [input.codeHash, input.recipient, input.now],
  );
  return rows[0]?.reservation_number ?? null;
}

/** A port-out by its reservation number, with its mode, recipient and the application of its line. */
export async function findPortOutByReservation(db: Queryable, reservationNumber: string) {
  const { rows } = await db.query<{
    msisdn: string;
    state: string;
    mode: "two_stop" | "one_stop";
    recipient: string | null;
    expires_on: string;
    application_id: string;
  }>(
    `SELECT o.msisdn, o.state, o.mode, o.recipient, to_char(o.expires_on, 'YYYY-MM-DD') AS expires_on, s.application_id
     FROM number_ports_out o JOIN subscriptions s ON s.id = o.subscription_id
     WHERE o.reservation_number = $1`,
    [reservationNumber],
  );
  return rows[0] ?? null;
}
