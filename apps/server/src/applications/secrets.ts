import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

// Crockford's base32 without I, L, O, U: no letters a reader confuses with digits.
const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A reference a person can read over the phone: JT-XXXX-XXXX-C (C: a position-weighted check character, mod 32). */
export function newReference(): string {
  const chars = Array.from({ length: 8 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)] ?? "0");
  const body = chars.join("");
  return `JT-${body.slice(0, 4)}-${body.slice(4)}-${referenceCheck(body)}`;
}

function referenceCheck(body: string): string {
  let sum = 0;
  for (const [i, c] of [...body].entries()) sum += REFERENCE_ALPHABET.indexOf(c) * (i + 1);
  return REFERENCE_ALPHABET[sum % REFERENCE_ALPHABET.length] ?? "0";
}

/** Whether a reference is well formed (and its check character right): cheap rejection of typos. */
export function isWellFormedReference(reference: string): boolean {
  const m = /^JT-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z])$/.exec(reference);
  return m !== null && referenceCheck(`${m[1]}${m[2]}`) === m[3];
}

/** The applicant's bearer token: 256 random bits. Only its SHA-256 is stored. */
export function newAccessToken(): string {
  return `jat_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

export function tokenMatches(token: string, storedHash: Buffer): boolean {
  const hash = hashToken(token);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

/** A six-digit one-time code. */
export function newActivationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}
