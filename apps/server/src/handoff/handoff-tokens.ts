/**
 * Hand-off tokens: what the QR code on one device carries to another (the applicant's phone, or a
 * native chip reader app on it). Single-use and short-lived, exchanged once for a session of the
 * phone's own; never the access token.
 */
export const handoffPurposes = ["chip_reader", "continue_on_phone"] as const;
export type HandoffPurpose = (typeof handoffPurposes)[number];

export const HANDOFF_TOKEN_PREFIX = "jho_";

/** Hand-off tokens one application may be given per hour (each QR code shown asks for one). */
export const MAX_HANDOFFS_PER_HOUR = 30;

/**
 * Where the QR code leads, on the site's public address. The token is in the fragment, which a
 * browser never sends to a server (nor into its logs); a reader app reads it from the whole URL.
 */
export function handoffUrl(publicUrl: string, purpose: HandoffPurpose, reference: string, token: string): string {
  const base = publicUrl.replace(/\/+$/, "");
  const page = purpose === "chip_reader" ? "reader" : "continue";
  return `${base}/${page}/${encodeURIComponent(reference)}#${token}`;
}
