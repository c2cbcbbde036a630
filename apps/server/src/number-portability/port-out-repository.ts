import { nextPortOutState, type PortOutState } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";

/** The SQL of port-out reservations (number_ports_out, migration 0035). */

/** The state an issued reservation takes when its 15 days are over (the domain's table). */
const EXPIRED: PortOutState = nextPortOutState("issued", "expire") ?? "expired";

/**
 * Issued reservations whose last valid day (`expires_on`, a date in Japan) is before `today` become
 * expired; the line is untouched. Answers each one with its application's reference (for the audit).
 * A reservation is expired once (the update is its own guard), so two sweeps at once do no harm.
 */
export async function expirePortOutReservations(
  tx: Queryable,
  input: { today: string; now: Date; subscriptionId?: string },
): Promise<{ id: string; reference: string }[]> {
  const { rows } = await tx.query<{ id: string; reference: string }>(
    `UPDATE number_ports_out o SET state = $3, ended_at = $2
     FROM subscriptions s JOIN applications a ON a.id = s.application_id
     WHERE s.id = o.subscription_id AND o.state = 'issued' AND o.expires_on < $1::date
       AND ($4::uuid IS NULL OR o.subscription_id = $4)
     RETURNING o.id, a.reference`,
    [input.today, input.now, EXPIRED, input.subscriptionId ?? null],
  );
  return rows;
}

export type PortOutOfLine = {
  reservationNumber: string;
  state: PortOutState;
  issuedOn: string;
  expiresOn: string;
};

/** Each subscription's latest port-out reservation (issued, expired, ported or cancelled), by subscription id. */
export async function latestPortOuts(
  db: Queryable,
  subscriptionIds: readonly string[],
): Promise<Map<string, PortOutOfLine>> {
  if (subscriptionIds.length === 0) return new Map();
  const { rows } = await db.query<{
    subscription_id: string;
    reservation_number: string;
    state: PortOutState;
    issued_on: string;
    expires_on: string;
  }>(
    `SELECT DISTINCT ON (subscription_id) subscription_id, reservation_number, state,
            to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(expires_on, 'YYYY-MM-DD') AS expires_on
     FROM number_ports_out WHERE subscription_id = ANY($1::uuid[])
     ORDER BY subscription_id, created_at DESC`,
    [subscriptionIds],
  );
  return new Map(
    rows.map((r) => [
      r.subscription_id,
      { reservationNumber: r.reservation_number, state: r.state, issuedOn: r.issued_on, expiresOn: r.expires_on },
    ]),
  );
}
