import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import {
  deliverSealed,
  listSealed,
  type OutboxChannel,
  type OutboxMeta,
  pendingOfNotification,
  queueSealed,
} from "../outbox/sealed-outbox.ts";
import { type SmsSender, toE164 } from "./sms-sender.ts";

type SmsContent = { to: string; text: string };

const sms: OutboxChannel = {
  name: "sms",
  table: "sms_outbox",
  job: "deliver_sms",
  sentIdColumn: "provider_message_id",
};

/** Queues an SMS in the caller's transaction, sealed like mail; a job sends it after commit. */
export async function queueSms(tx: Queryable, keys: KeyManagement, message: SmsContent & OutboxMeta): Promise<string> {
  const content: SmsContent = { to: toE164(message.to), text: message.text };
  return queueSealed(tx, keys, sms, content, message);
}

/** The job that hands one queued SMS to the sender. A sent message is not sent again. */
export function deliverSmsJob(deps: { db: Queryable; keys: KeyManagement; sms: SmsSender }) {
  return (payload: { smsId: string }) =>
    deliverSealed<SmsContent>(deps, sms, payload.smsId, async (id, content) => {
      const { providerMessageId } = await deps.sms.send({ id, ...content });
      return { messageId: providerMessageId, kept: deps.sms.kind === "local-outbox" };
    });
}

/** A notification's SMS not yet handed to the provider (its job runs again after a failure or a crash). */
export function pendingSmsOf(db: Queryable, applicationId: string, notificationVersion: number) {
  return pendingOfNotification(db, sms, applicationId, notificationVersion);
}

export function listSmsOutbox(db: Queryable, keys: KeyManagement, limit: number, applicationId?: string) {
  return listSealed<SmsContent>(db, keys, sms, limit, applicationId);
}
