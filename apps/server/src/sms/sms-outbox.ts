import { randomUUID } from "node:crypto";
import { decryptStandaloneJson, encryptStandaloneJson } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { type SmsSender, toE164 } from "./sms-sender.ts";

type SmsContent = { to: string; text: string };

/** Queues an SMS in the caller's transaction, sealed like mail; a job sends it after commit. */
export async function queueSms(
  tx: Queryable,
  keys: KeyManagement,
  sms: SmsContent & { applicationId: string | null; template: string; notificationVersion?: number },
): Promise<string> {
  const id = randomUUID();
  const content: SmsContent = { to: toE164(sms.to), text: sms.text };
  const sealed = await encryptStandaloneJson(keys, `sms:${id}`, content);
  await tx.query(
    "INSERT INTO sms_outbox (id, application_id, template, content_enc, notification_version) VALUES ($1, $2, $3, $4, $5)",
    [id, sms.applicationId, sms.template, sealed, sms.notificationVersion ?? null],
  );
  await enqueueJob(tx, "deliver_sms", { smsId: id });
  return id;
}

async function readSms(keys: KeyManagement, id: string, sealed: unknown): Promise<SmsContent> {
  return decryptStandaloneJson<SmsContent>(keys, `sms:${id}`, toBuffer(sealed));
}

/** The job that hands one queued SMS to the sender. A sent message is not sent again. */
export function deliverSmsJob(deps: { db: Queryable; keys: KeyManagement; sms: SmsSender }) {
  return async (payload: { smsId: string }) => {
    const { rows } = await deps.db.query<{ id: string; status: string; content_enc: unknown }>(
      "SELECT id, status, content_enc FROM sms_outbox WHERE id = $1",
      [payload.smsId],
    );
    const row = rows[0];
    if (row?.status !== "pending") return;
    const content = await readSms(deps.keys, row.id, row.content_enc);
    const { providerMessageId } = await deps.sms.send({ id: row.id, ...content });
    await deps.db.query("UPDATE sms_outbox SET status = $2, provider_message_id = $3, sent_at = now() WHERE id = $1", [
      row.id,
      deps.sms.kind === "provider" ? "sent" : "kept_locally",
      providerMessageId,
    ]);
  };
}

export async function listSmsOutbox(db: Queryable, keys: KeyManagement, limit: number, applicationId?: string) {
  const { rows } = await db.query<{
    id: string;
    template: string;
    status: string;
    content_enc: unknown;
    created_at: Date;
  }>(
    `SELECT id, template, status, content_enc, created_at FROM sms_outbox
     WHERE $2::uuid IS NULL OR application_id = $2 ORDER BY created_at DESC, id LIMIT $1`,
    [limit, applicationId ?? null],
  );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      template: r.template,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      ...(await readSms(keys, r.id, r.content_enc)),
    })),
  );
}
