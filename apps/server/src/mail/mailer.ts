import nodemailer from "nodemailer";

/** The e-mail port. SMTP in production; with no SMTP_URL, mail stays in the local outbox. */
export type MailMessage = { to: string; from: string; subject: string; text: string; messageId: string };

export type Mailer = {
  /** `provider`: an operator's adapter to a mail API (adapters/adapters.ts). */
  readonly kind: "smtp" | "provider" | "local-outbox";
  /** Returns the transport's message id; throws when the message was not accepted. */
  send(message: MailMessage): Promise<{ transportMessageId: string | null }>;
  close(): void;
};

export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(message) {
      const info = await transport.sendMail({
        to: message.to,
        from: message.from,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
      });
      if (info.rejected.length > 0) throw new Error(`rejected by the SMTP server: ${info.response}`);
      return { transportMessageId: info.messageId ?? null };
    },
    close: () => transport.close(),
  };
}

/** Keeps mail in the outbox table, readable at GET /dev/outbox outside production. */
export function localOutboxMailer(): Mailer {
  return { kind: "local-outbox", send: async () => ({ transportMessageId: null }), close: () => {} };
}
