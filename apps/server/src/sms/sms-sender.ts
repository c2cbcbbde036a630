/**
 * The SMS port. Jitsumei ships one implementation, the local outbox (messages stay in `sms_outbox`,
 * readable at GET /dev/sms-outbox outside production). A provider adapter (an HTTP API such as a
 * Japanese SMS aggregator's, Twilio or Amazon SNS) implements `send`: it posts `to` (E.164) and `text`,
 * passes `id` as the provider's idempotency or client reference so a retried job is not sent twice,
 * returns the provider's message id, throws `PermanentJobError` when the provider refuses the number
 * (invalid, opted out) and any other error for a failure worth retrying.
 */
export type SmsMessage = { id: string; to: string; text: string };

export type SmsSender = {
  readonly kind: "local-outbox" | "provider";
  send(message: SmsMessage): Promise<{ providerMessageId: string | null }>;
};

export function localSmsOutbox(): SmsSender {
  return { kind: "local-outbox", send: async () => ({ providerMessageId: null }) };
}

/** Japanese mobile numbers as the form takes them (090-1234-5678) in E.164 (+819012345678). */
export function toE164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return digits;
  if (digits.startsWith("0")) return `+81${digits.slice(1)}`;
  return `+${digits}`;
}
