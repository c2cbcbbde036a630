import { randomUUID } from "node:crypto";
import { decryptStandaloneJson, encryptStandaloneJson } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import {
  insertSealedMessage,
  markSealedMessageSent,
  selectNewestSealedMessages,
  selectPendingNotificationMessage,
  selectSealedMessage,
} from "./outbox-repository.ts";

/**
 * What mail and SMS share: a message is queued sealed in the caller's transaction (if the change that
 * causes it rolls back, it was never queued), and a job hands it to the transport after commit, once.
 * Each channel names its table, its job and the column the transport's message id goes to.
 */
export type OutboxChannel = {
  /** Also the sealed content's context (`mail:<id>`, `sms:<id>`). */
  name: "mail" | "sms";
  table: "mail_outbox" | "sms_outbox";
  job: "deliver_mail" | "deliver_sms";
  sentIdColumn: "transport_message_id" | "provider_message_id";
};

export type OutboxMeta = {
  applicationId: string | null;
  template: string;
  notificationVersion?: number;
  /**
   * Who hands the message to the transport after commit: its own job (the default), or the job that
   * queued it (a notification's job delivers the mail and SMS it renders: one job a notification).
   * The caller then finds it again by its notification if it runs again (`pendingOfNotification`).
   */
  deliveredBy?: "own job" | "caller";
};

export async function queueSealed<C>(
  tx: Queryable,
  keys: KeyManagement,
  channel: OutboxChannel,
  content: C,
  meta: OutboxMeta,
): Promise<string> {
  const id = randomUUID();
  const sealed = await encryptStandaloneJson(keys, `${channel.name}:${id}`, content);
  await insertSealedMessage(tx, channel, {
    id,
    applicationId: meta.applicationId,
    template: meta.template,
    sealed,
    notificationVersion: meta.notificationVersion ?? null,
  });
  if (meta.deliveredBy !== "caller") await enqueueJob(tx, channel.job, { [`${channel.name}Id`]: id });
  return id;
}

export async function readSealed<C>(keys: KeyManagement, channel: OutboxChannel, id: string, sealed: unknown) {
  return decryptStandaloneJson<C>(keys, `${channel.name}:${id}`, toBuffer(sealed));
}

/**
 * Hands one queued message to `send`; a message no longer pending (sent by an earlier run of the job)
 * is not sent again. `kept` says the transport only keeps messages locally (the development outbox).
 */
export async function deliverSealed<C>(
  deps: { db: Queryable; keys: KeyManagement },
  channel: OutboxChannel,
  id: string,
  send: (id: string, content: C) => Promise<{ messageId: string | null; kept: boolean }>,
): Promise<void> {
  const row = await selectSealedMessage(deps.db, channel, id);
  if (row?.status !== "pending") return;
  const content = await readSealed<C>(deps.keys, channel, row.id, row.content_enc);
  const { messageId, kept } = await send(row.id, content);
  await markSealedMessageSent(deps.db, channel, row.id, kept ? "kept_locally" : "sent", messageId);
}

/** The notification's message still to hand to the transport, if any (its rendering's job ran before). */
export async function pendingOfNotification(
  db: Queryable,
  channel: OutboxChannel,
  applicationId: string,
  version: number,
): Promise<string | null> {
  return selectPendingNotificationMessage(db, channel, applicationId, version);
}

/** The newest messages, opened (the developer outboxes, and staff looking at one application's). */
export async function listSealed<C>(
  db: Queryable,
  keys: KeyManagement,
  channel: OutboxChannel,
  limit: number,
  applicationId?: string,
) {
  const rows = await selectNewestSealedMessages(db, channel, limit, applicationId ?? null);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      template: r.template,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      ...(await readSealed<C>(keys, channel, r.id, r.content_enc)),
    })),
  );
}
