import type { Queryable } from "../db/database.ts";
import { sqlStatus } from "../db/sql-status.ts";
import type { OutboxStatus } from "../outbox/outbox-repository.ts";

/** The mail outbox's own status writes (mail_outbox); queueing and sending are the sealed outbox's. */

const FAILED = sqlStatus<OutboxStatus>("failed");

/** The mail server refused the message for good (a 5xx): it stays in the outbox as failed. */
export async function markMailFailed(db: Queryable, mailId: string): Promise<void> {
  await db.query(`UPDATE mail_outbox SET status = ${FAILED} WHERE id = $1`, [mailId]);
}
