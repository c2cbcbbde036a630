import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string };

/** A real SMTP server on a local port that keeps what it receives. */
export async function startSmtpSink(options: { refuse?: readonly string[]; port?: number } = {}): Promise<{
  url: string;
  mails: ReceivedMail[];
  waitFor(n: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        return callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), { responseCode: 550 }),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  // A sender killed mid-message (the crash-safety test) resets its connection: not the sink's failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(n) {
      for (let i = 0; i < 200 && mails.length < n; i++) await new Promise((r) => setTimeout(r, 50));
      if (mails.length < n) throw new Error(`expected ${n} mails, received ${mails.length}`);
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A received mail decoded (headers, transfer encoding, charset) by a real MIME parser. */
export async function readMail(mail: ReceivedMail): Promise<{ to: string[]; subject: string; text: string }> {
  const parsed = await simpleParser(mail.raw);
  return { to: mail.to, subject: parsed.subject ?? "", text: parsed.text ?? "" };
}

/** The six-digit code in an activation mail (the text may be quoted-printable or base64 encoded). */
export function activationCodeIn(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  let body = rest.join("\n\n");
  if (/content-transfer-encoding:\s*base64/i.test(head))
    body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) body = body.replace(/=\r?\n/g, "");
  const match = /\b(\d{6})\b/.exec(body);
  if (!match?.[1]) throw new Error("no activation code in the mail");
  return match[1];
}
