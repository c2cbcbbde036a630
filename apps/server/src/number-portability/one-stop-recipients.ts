import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * The operators that may send a subscriber of ours here for a one-stop port-out (MNPワンストップ, we
 * as the porting-out operator): MNP_ONE_STOP_RECIPIENTS_FILE, a JSON array. Each has an id (it names
 * itself with it in the request), a name the subscriber sees, the return addresses it may be sent back
 * to (matched exactly: no prefix, no pattern, so the page is no open redirect) and the SHA-256 of the
 * credential it redeems codes with (the file holds no usable secret). Unset: none, and every one-stop
 * request is refused. A file that does not parse stops start-up naming the entry, the field and the reason.
 */
export type OneStopRecipient = {
  id: string;
  name: string;
  returnUrls: readonly string[];
  /** Lower-case hex SHA-256 of the credential (`Authorization: Bearer <credential>` on the redeem call). */
  credentialSha256: string;
};

const recipientSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lower-case letters, digits and dashes"),
    name: z.string().trim().min(1).max(100),
    returnUrls: z
      .array(
        z
          .string()
          .refine(
            (s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) && !new URL(s).hash,
            "must be an http(s) URL without a fragment",
          ),
      )
      .min(1),
    credentialSha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits (SHA-256)"),
  })
  .strict();

export function loadOneStopRecipients(config: { mnpOneStopRecipientsFile: string | null }): OneStopRecipient[] {
  const file = config.mnpOneStopRecipientsFile;
  if (!file) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`MNP_ONE_STOP_RECIPIENTS_FILE ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = z
    .array(recipientSchema)
    .refine((list) => new Set(list.map((r) => r.id)).size === list.length, "two recipients have the same id")
    .safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`MNP_ONE_STOP_RECIPIENTS_FILE ${file}: [${issue?.path.join(".")}] ${issue?.message}`);
  }
  return parsed.data;
}

/** The hex SHA-256 a recipient's credential is registered as. */
export function credentialDigest(credential: string): string {
  return createHash("sha256").update(credential, "utf8").digest("hex");
}

/** The recipient whose credential this is (compared in constant time), or null. */
export function recipientByCredential(
  recipients: readonly OneStopRecipient[],
  credential: string,
): OneStopRecipient | null {
  const digest = Buffer.from(credentialDigest(credential), "hex");
  let found: OneStopRecipient | null = null;
  for (const r of recipients) {
    if (timingSafeEqual(digest, Buffer.from(r.credentialSha256, "hex"))) found = r;
  }
  return found;
}
