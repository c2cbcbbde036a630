import { randomBytes, timingSafeEqual } from "node:crypto";
import { hashToken } from "../applications/secrets.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  awaitSignInDelay,
  clearSignInFailures,
  type FreeFailures,
  recordSignInFailure,
} from "../limits/sign-in-delays.ts";
import type { StaffRole } from "./permissions.ts";
import {
  decoyPasswordHash,
  findStaffByEmail,
  passwordMatches,
  publicAccount,
  type StaffAccount,
  totpFor,
  totpSecretOf,
} from "./staff-accounts.ts";
import { endSession, insertStaffSession, recordStaffLogin, touchLiveSession } from "./staff-repository.ts";

/**
 * Server-side staff sessions. The cookie carries 256 random bits; only their SHA-256 is stored. A
 * session ends after `idle` minutes without a request or `max` hours in all. State-changing requests
 * must repeat the session's CSRF token in a header (the cookie alone is not enough).
 */

export const SESSION_COOKIE = "jitsumei_staff";

/** Whether the staff cookie is marked Secure: in production, and wherever the site is served over HTTPS. */
export function secureCookies(config: { env: string; publicUrl: string }): boolean {
  return config.env === "production" || config.publicUrl.startsWith("https:");
}

/**
 * The cookie's name. A Secure cookie is `__Host-` prefixed: the browser then accepts it only from this
 * exact host, with Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite it.
 */
export function sessionCookieName(config: { env: string; publicUrl: string }): string {
  return secureCookies(config) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}
export const CSRF_HEADER = "x-csrf-token";
export type StaffPrincipal = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
  csrfToken: string;
  sessionHash: Buffer;
};

export type SessionLimits = { idleMinutes: number; maxHours: number; freeFailures?: FreeFailures };

const loginFailed = () => new AppError("login_failed", "The e-mail, password or one-time code is not correct");

/**
 * Signs a staff member in with e-mail, password and TOTP code. Failures are answered alike whether or
 * not the e-mail has an account (401, one text; the same work: a password hash checked, a failure
 * counted, an audit entry), and they grow delays per e-mail and per address (limits/sign-in-delays.ts)
 * instead of locking the account: nobody can keep a colleague locked out by failing on purpose.
 */
export async function login(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; limits: SessionLimits },
  input: { email: string; password: string; otp: string; ip: string },
): Promise<{ token: string; csrfToken: string; account: StaffAccount; expiresAt: Date }> {
  const now = deps.clock();
  const who = { account: input.email, address: input.ip };
  // While a delay runs, nothing is checked (and no password hashed): the same answer for everyone.
  await awaitSignInDelay(deps.db, deps.keys, who, now);
  const staff = await findStaffByEmail(deps.db, input.email);
  const passwordOk = await passwordMatches(staff?.passwordHash ?? (await decoyPasswordHash()), input.password);
  const secret = staff ? await totpSecretOf(deps.keys, staff) : decoyTotpSecret;
  const totp = totpFor(staff?.email ?? input.email, secret);
  const delta = /^\d{6}$/.test(input.otp)
    ? totp.validate({ token: input.otp, timestamp: now.getTime(), window: 1 })
    : null;
  const step = Math.floor(now.getTime() / 30_000) + (delta ?? 0);

  const result = await deps.db.transaction(async (tx) => {
    const locked = staff ? await findStaffByEmail(tx, staff.email, true) : null;
    // A code is good once: a second sign-in with the same code (or an older one) is refused.
    const otpOk = locked !== null && delta !== null && step > locked.lastTotpStep;
    if (!locked || !passwordOk || !otpOk || locked.disabled) {
      const wait = await recordSignInFailure(
        tx,
        deps.keys,
        who,
        now,
        deps.limits.freeFailures ?? { account: 3, address: 10 },
      );
      await appendAuditEntry(tx, {
        actor: "anonymous",
        action: "staff.login_failed",
        subject: locked ? `staff:${locked.id}` : null,
        data: {
          factor: !locked ? "no_account" : !passwordOk ? "password" : locked.disabled ? "disabled" : "otp",
          ...(wait > 0 ? { delaySeconds: wait } : {}),
        },
      });
      // The refusal commits with the count: throwing here would roll it back.
      return null;
    }
    const token = `jss_${randomBytes(32).toString("base64url")}`;
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(now.getTime() + deps.limits.maxHours * 3_600_000);
    await recordStaffLogin(tx, locked.id, step);
    await clearSignInFailures(tx, deps.keys, who);
    await insertStaffSession(tx, { tokenHash: hashToken(token), staffId: locked.id, csrfToken, now, expiresAt });
    await appendAuditEntry(tx, {
      actor: `staff:${locked.id}`,
      action: "staff.login",
      subject: `staff:${locked.id}`,
      data: {},
    });
    return { token, csrfToken, account: publicAccount(locked), expiresAt };
  });
  if (!result) throw loginFailed();
  return result;
}

/** A TOTP secret for an e-mail without an account: the code is checked against it all the same. */
const decoyTotpSecret = randomBytes(20)
  .toString("base64")
  .replace(/[^A-Z2-7]/gi, "A")
  .toUpperCase()
  .slice(0, 32)
  .padEnd(32, "A");

/** The staff member behind a session cookie, or null when it is unknown, ended or expired. */
export async function authenticateStaff(
  deps: { db: Database; clock: () => Date; limits: SessionLimits },
  token: string | undefined,
): Promise<StaffPrincipal | null> {
  if (!token?.startsWith("jss_") || token.length > 100) return null;
  const now = deps.clock();
  const hash = hashToken(token);
  const r = await touchLiveSession(deps.db, { tokenHash: hash, now, idleMinutes: deps.limits.idleMinutes });
  if (!r) return null;
  return {
    id: String(r.id),
    email: String(r.email),
    displayName: String(r.display_name),
    role: r.role as StaffRole,
    mustChangePassword: Boolean(r.must_change_password),
    csrfToken: String(r.csrf_token),
    sessionHash: hash,
  };
}

export function csrfMatches(principal: StaffPrincipal, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(principal.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(deps: { db: Database }, principal: StaffPrincipal): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endSession(tx, principal.sessionHash);
    await appendAuditEntry(tx, {
      actor: `staff:${principal.id}`,
      action: "staff.logout",
      subject: `staff:${principal.id}`,
      data: {},
    });
  });
}
