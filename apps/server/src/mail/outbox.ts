import { randomUUID } from "node:crypto";
import { decryptStandaloneJson, encryptStandaloneJson } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { enqueueJob, errorSummary, PermanentJobError } from "../jobs/jobs.ts";
import type { Mailer } from "./mailer.ts";

type OutboxContent = { to: string; from: string; subject: string; text: string };

/**
 * Queues a mail in the caller's transaction: if the change that causes the mail rolls back, the
 * mail was never queued; once committed, a job delivers it.
 */
export async function queueMail(
  tx: Queryable,
  keys: KeyManagement,
  mail: OutboxContent & { applicationId: string | null; template: string; notificationVersion?: number },
): Promise<string> {
  const id = randomUUID();
  const content: OutboxContent = { to: mail.to, from: mail.from, subject: mail.subject, text: mail.text };
  const sealed = await encryptStandaloneJson(keys, `mail:${id}`, content);
  await tx.query(
    "INSERT INTO mail_outbox (id, application_id, template, content_enc, notification_version) VALUES ($1, $2, $3, $4, $5)",
    [id, mail.applicationId, mail.template, sealed, mail.notificationVersion ?? null],
  );
  await enqueueJob(tx, "deliver_mail", { mailId: id });
  return id;
}

export async function readMail(keys: KeyManagement, id: string, sealed: unknown): Promise<OutboxContent> {
  return decryptStandaloneJson<OutboxContent>(keys, `mail:${id}`, toBuffer(sealed));
}

/** The job that hands one queued mail to the mailer. Already-sent mail is not sent again. */
export function deliverMailJob(deps: { db: Queryable; keys: KeyManagement; mailer: Mailer; domain: string }) {
  return async (payload: { mailId: string }) => {
    const { rows } = await deps.db.query<{ id: string; status: string; content_enc: unknown }>(
      "SELECT id, status, content_enc FROM mail_outbox WHERE id = $1",
      [payload.mailId],
    );
    const row = rows[0];
    if (row?.status !== "pending") return;
    const content = await readMail(deps.keys, row.id, row.content_enc);
    const { transportMessageId } = await sendOrClassify(deps, row.id, {
      ...content,
      messageId: `<${row.id}@${deps.domain}>`,
    });
    await deps.db.query(
      "UPDATE mail_outbox SET status = $2, transport_message_id = $3, sent_at = now() WHERE id = $1",
      [row.id, deps.mailer.kind === "local-outbox" ? "kept_locally" : "sent", transportMessageId],
    );
  };
}

export async function listOutbox(db: Queryable, keys: KeyManagement, limit: number) {
  const { rows } = await db.query<{
    id: string;
    template: string;
    status: string;
    content_enc: unknown;
    created_at: Date;
  }>("SELECT id, template, status, content_enc, created_at FROM mail_outbox ORDER BY created_at DESC, id LIMIT $1", [
    limit,
  ]);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      template: r.template,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      ...(await readMail(keys, r.id, r.content_enc)),
    })),
  );
}

/** A refusal of the recipient (5xx) is final: the mail is marked failed and the job not retried. */
async function sendOrClassify(
  deps: { db: Queryable; mailer: Mailer },
  id: string,
  message: Parameters<Mailer["send"]>[0],
): Promise<{ transportMessageId: string | null }> {
  try {
    return await deps.mailer.send(message);
  } catch (error) {
    const responseCode = (error as { responseCode?: unknown }).responseCode;
    if (typeof responseCode === "number" && responseCode >= 500) {
      await deps.db.query("UPDATE mail_outbox SET status = 'failed' WHERE id = $1", [id]);
      throw new PermanentJobError(errorSummary(error));
    }
    throw error;
  }
}
