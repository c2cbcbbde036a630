import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { MailOutbox, SmsOutbox } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * The SQL of the sealed outboxes (`mail_outbox`, `sms_outbox`): both tables have the same shape, the
 * channel names the table and the column the transport's message id goes to. sealed-outbox.ts seals,
 * opens and sends.
 */
export type OutboxTable = {
  table: "mail_outbox" | "sms_outbox";
  sentIdColumn: "transport_message_id" | "provider_message_id";
};

type OutboxRow = Selectable<MailOutbox> | Selectable<SmsOutbox>;

/** A message's statuses in either outbox (kept_locally: the local transport kept it, nothing was sent). */
export const outboxStatuses = ["pending", "sent", "kept_locally", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export async function insertSealedMessage(
  tx: Queryable,
  channel: OutboxTable,
  message: {
    id: string;
    applicationId: string | null;
    template: string;
    sealed: Buffer;
    notificationVersion: number | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO ${channel.table} (id, application_id, template, content_enc, notification_version)
     VALUES ($1, $2, $3, $4, $5)`,
    [message.id, message.applicationId, message.template, message.sealed, message.notificationVersion],
  );
}

export async function selectSealedMessage(
  db: Queryable,
  channel: OutboxTable,
  id: string,
): Promise<Pick<OutboxRow, "id" | "status" | "content_enc"> | null> {
  const { rows } = await db.query<Pick<OutboxRow, "id" | "status" | "content_enc">>(
    `SELECT id, status, content_enc FROM ${channel.table} WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Handed to the transport (`sent`), or kept by a development transport (`kept_locally`). */
export async function markSealedMessageSent(
  db: Queryable,
  channel: OutboxTable,
  id: string,
  status: Extract<OutboxStatus, "sent" | "kept_locally">,
  messageId: string | null,
): Promise<void> {
  await db.query(
    `UPDATE ${channel.table} SET status = $2, ${channel.sentIdColumn} = $3, sent_at = now() WHERE id = $1`,
    [id, status, messageId],
  );
}

/** A notification's message (one a channel: a unique index) while it is pending. */
export async function selectPendingNotificationMessage(
  db: Queryable,
  channel: OutboxTable,
  applicationId: string,
  version: number,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM ${channel.table} WHERE application_id = $1 AND notification_version = $2 AND status = ${sqlStatus<OutboxStatus>("pending")}`,
    [applicationId, version],
  );
  return rows[0]?.id ?? null;
}

/** The newest messages, of one application or of all. */
export async function selectNewestSealedMessages(
  db: Queryable,
  channel: OutboxTable,
  limit: number,
  applicationId: string | null,
): Promise<Pick<OutboxRow, "id" | "template" | "status" | "content_enc" | "created_at">[]> {
  const { rows } = await db.query<Pick<OutboxRow, "id" | "template" | "status" | "content_enc" | "created_at">>(
    `SELECT id, template, status, content_enc, created_at FROM ${channel.table}
     WHERE $2::uuid IS NULL OR application_id = $2 ORDER BY created_at DESC, id LIMIT $1`,
    [limit, applicationId],
  );
  return rows;
}
