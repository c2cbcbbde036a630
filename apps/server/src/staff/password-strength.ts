import { createRequire } from "node:module";
import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

/**
 * Staff passwords against a breached-password list (ASVS 2.1.7) and the account's own details:
 * zxcvbn-ts with its common dictionary (@zxcvbn-ts/language-common, which ships the list of the most
 * common passwords found in public breaches), the account's e-mail, its local part and the staff
 * member's name as words an attacker would try first, and its estimate of guesses: below score 3
 * (about 10^8 guesses, an online attack's reach many times over) a password is refused. Sixteen
 * identical letters, "password1234" or the account's own e-mail all score 0 or 1.
 */
let factory: ZxcvbnFactory | null = null;

/** Loaded when a password is first set, not when the server starts: its word lists are about 15 MiB of memory. */
function zxcvbn(): ZxcvbnFactory {
  if (!factory) {
    const require = createRequire(import.meta.url);
    const core = require("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
    const common = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
    factory = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  }
  return factory;
}

export const MIN_PASSWORD_SCORE = 3;

export type PasswordContext = { email?: string | undefined; displayName?: string | undefined };

/** Why the password is too easy to guess, or null when it is not. */
export function weakPasswordReason(password: string, context: PasswordContext = {}): string | null {
  const lower = password.toLowerCase();
  // The whole e-mail, its local part, the whole name (spaces ignored): never part of the password.
  const whole = [context.email?.trim(), context.email?.trim().split("@")[0], context.displayName?.replace(/\s+/g, "")]
    .filter((w): w is string => w !== undefined && w.length >= 4)
    .map((w) => w.toLowerCase());
  if (whole.some((w) => lower.replace(/\s+/g, "").includes(w))) {
    return "must not contain the account's e-mail address or name";
  }
  // Each word of them is one more dictionary word to zxcvbn: it lowers the estimate, it does not refuse.
  const result: ZxcvbnResult = zxcvbn().check(password, ownWords(context));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const breached = result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "passwords-common");
  if (breached) return "is on the list of passwords found in breaches: choose another";
  return "is too easy to guess (repeated or common patterns): use a longer passphrase of unrelated words";
}

function ownWords(context: PasswordContext): string[] {
  const words: string[] = [];
  if (context.email) {
    const email = context.email.trim().toLowerCase();
    words.push(email, email.split("@")[0] ?? "");
  }
  if (context.displayName) words.push(context.displayName, ...context.displayName.split(/\s+/));
  return words.filter((w) => w.length > 0);
}
