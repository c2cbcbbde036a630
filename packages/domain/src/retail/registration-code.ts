/**
 * The registration code printed on a retail package (a SIM or eSIM voucher sold at an airport, a
 * convenience store or a shop): 15 random Crockford base32 characters (75 bits) and one check
 * character, shown as four groups of four: `K7M2-9QXD-4H0T-WB3C`.
 *
 * - Crockford's alphabet has no I, L, O or U, so typed input is forgiving: case, hyphens and spaces
 *   are ignored, O reads as 0 and I/L as 1.
 * - The check character is Luhn mod 32: every single wrong character, and every swap of two adjacent
 *   characters of the random part except 0↔Z (Luhn's one blind spot, as 09↔90 in base 10), is caught
 *   before the database is asked, so most typos get "mistyped" at once.
 * - Pure: the caller passes the random bytes (node:crypto's randomBytes on the server).
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_RANDOM_CHARACTERS = 15;
/** Random bytes a code needs: 5 bits of each per character. */
export const CODE_RANDOM_BYTES = 15;
const GROUP = 4;

/** The code from at least 15 random bytes (only 5 bits of each byte are used: 75 bits). */
export function registrationCodeFromBytes(random: Uint8Array): string {
  if (random.length < CODE_RANDOM_BYTES) throw new Error(`A registration code needs ${CODE_RANDOM_BYTES} random bytes`);
  let body = "";
  for (let i = 0; i < CODE_RANDOM_CHARACTERS; i++) body += CODE_ALPHABET[(random[i] ?? 0) & 31];
  return formatRegistrationCode(body + checkCharacter(body));
}

/** `K7M29QXD4H0TWB3C` → `K7M2-9QXD-4H0T-WB3C`. */
export function formatRegistrationCode(normalised: string): string {
  const groups: string[] = [];
  for (let i = 0; i < normalised.length; i += GROUP) groups.push(normalised.slice(i, i + GROUP));
  return groups.join("-");
}

export type ParsedRegistrationCode =
  | { ok: true; code: string }
  | { ok: false; reason: "empty" | "invalid_character" | "wrong_length" | "check_character_mismatch" };

/**
 * What a person typed (or a QR code carried), made canonical: upper case, no separators, O→0, I/L→1.
 * `code` is the normalised 16 characters without hyphens: the value the server's blind index is
 * taken of, so every way of typing one code finds the same package.
 */
export function parseRegistrationCode(input: string): ParsedRegistrationCode {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length === 0) return { ok: false, reason: "empty" };
  if (![...cleaned].every((c) => CODE_ALPHABET.includes(c))) return { ok: false, reason: "invalid_character" };
  if (cleaned.length !== CODE_RANDOM_CHARACTERS + 1) return { ok: false, reason: "wrong_length" };
  const body = cleaned.slice(0, CODE_RANDOM_CHARACTERS);
  if (checkCharacter(body) !== cleaned.slice(CODE_RANDOM_CHARACTERS)) {
    return { ok: false, reason: "check_character_mismatch" };
  }
  return { ok: true, code: cleaned };
}

/** A hint to find a package by eye (the first group), never enough to register it. */
export function registrationCodeHint(normalised: string): string {
  return `${normalised.slice(0, GROUP)}-…`;
}

/** Luhn mod N over the alphabet (N = 32): the check character that makes the whole code sum to 0. */
export function checkCharacter(body: string): string {
  const n = CODE_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * CODE_ALPHABET.indexOf(body[i] ?? "0");
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return CODE_ALPHABET[(n - (sum % n)) % n] ?? "0";
}
