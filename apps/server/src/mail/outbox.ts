import type { Language } from "@jitsumei/domain";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { errorSummary, PermanentJobError } from "../jobs/jobs.ts";
import {
  deliverSealed,
  listSealed,
  type OutboxChannel,
  type OutboxMeta,
  pendingOfNotification,
  queueSealed,
  readSealed,
} from "../outbox/sealed-outbox.ts";
import { markMailFailed } from "./mail-repository.ts";
import type { Mailer } from "./mailer.ts";

/**
 * A mail as sealed in the outbox. `language` is the one it is written in: the operator's contact lines
 * are added in it when the mail is sent, and a developer reading the outbox sees it (mails queued
 * before it was kept have none, and go out without the contact lines).
 */
type OutboxContent = { to: string; from: string; subject: string; text: string; language?: Language };

const mail: OutboxChannel = {
  name: "mail",
  table: "mail_outbox",
  job: "deliver_mail",
  sentIdColumn: "transport_message_id",
};

/**
 * Queues a mail in the caller's transaction: if the change that causes the mail rolls back, the
 * mail was never queued; once committed, a job delivers it.
 */
export async function queueMail(
  tx: Queryable,
  keys: KeyManagement,
  message: OutboxContent & { language: Language } & OutboxMeta,
): Promise<string> {
  const { to, from, subject, text, language } = message;
  const content: OutboxContent = { to, from, subject, text, language };
  return queueSealed(tx, keys, mail, content, message);
}

/**
 * The job that hands one queued mail to the mailer. Already-sent mail is not sent again. Every mail
 * ends with the operator's contact lines (`footer`, in the recipient's language), added here so that
 * no mail can be queued without them.
 */
export function deliverMailJob(deps: {
  db: Queryable;
  keys: KeyManagement;
  mailer: Mailer;
  domain: string;
  footer: (language: Language) => string | null;
}) {
  return (payload: { mailId: string }) =>
    deliverSealed<OutboxContent>(deps, mail, payload.mailId, async (id, content) => {
      const { language, ...message } = content;
      const { transportMessageId } = await sendOrClassify(deps, id, {
        ...message,
        text: withFooter(message.text, language ? deps.footer(language) : null),
        messageId: `<${id}@${deps.domain}>`,
      });
      return { messageId: transportMessageId, kept: deps.mailer.kind === "local-outbox" };
    });
}

/** A notification's mail not yet handed to the transport (its job runs again after a failure or a crash). */
export function pendingMailOf(db: Queryable, applicationId: string, notificationVersion: number) {
  return pendingOfNotification(db, mail, applicationId, notificationVersion);
}

/** The text as sent: the message, a blank line, then the footer. */
export function withFooter(text: string, footer: string | null): string {
  return footer ? `${text.replace(/\s+$/, "")}\n\n${footer}\n` : text;
}

export function readMail(keys: KeyManagement, id: string, sealed: unknown): Promise<OutboxContent> {
  return readSealed<OutboxContent>(keys, mail, id, sealed);
}

/** The newest mail, each as it is (or was) sent: with its footer. */
export async function listOutbox(
  db: Queryable,
  keys: KeyManagement,
  limit: number,
  footer: (language: Language) => string | null,
) {
  const items = await listSealed<OutboxContent>(db, keys, mail, limit);
  return items.map((item) => ({
    ...item,
    text: withFooter(item.text, item.language ? footer(item.language) : null),
  }));
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
      await markMailFailed(deps.db, id);
      throw new PermanentJobError(errorSummary(error));
    }
    throw error;
  }
}
