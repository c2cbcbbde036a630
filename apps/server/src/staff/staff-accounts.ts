import { randomBytes, randomUUID } from "node:crypto";
import argon2 from "argon2";
import * as OTPAuth from "otpauth";
import pLimit from "p-limit";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { decryptStandalone, encryptStandalone } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { type PasswordContext, weakPasswordReason } from "./password-strength.ts";
import type { StaffRole } from "./permissions.ts";
import {
  endSessionsOf,
  insertStaff,
  listStaffRecords,
  type StaffRecord,
  selectStaffByEmail,
  selectStaffById,
  staffEmailTaken,
  updatePasswordHash,
  updateStaffDisabled,
} from "./staff-repository.ts";

/**
 * Staff accounts: argon2id passwords and a TOTP second factor for everyone. A new account gets a
 * one-time password (changed at first sign-in) and its TOTP secret, shown once to whoever creates it.
 */

export type StaffAccount = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
  disabled: boolean;
};

export type NewStaffSecrets = { account: StaffAccount; oneTimePassword: string; totpUri: string; totpSecret: string };

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id's memory (KiB) and passes for new hashes; a hash carries its own, so changing them keeps old ones valid. */
export type PasswordHashCost = { memoryKib: number; passes: number };

/** OWASP's argon2id minimum (19 MiB, 2 passes) is below this; 64 MiB, 3 passes costs ~0.1-0.2 s here. */
export const DEFAULT_PASSWORD_HASH_COST: PasswordHashCost = { memoryKib: 65536, passes: 3 };
/** OWASP's minimum, below which configuration refuses to go. */
export const MIN_PASSWORD_HASH_COST: PasswordHashCost = { memoryKib: 19456, passes: 2 };

let argonOptions = argonOptionsFor(DEFAULT_PASSWORD_HASH_COST);

function argonOptionsFor(cost: PasswordHashCost) {
  return { type: argon2.argon2id, memoryCost: cost.memoryKib, timeCost: cost.passes, parallelism: 1 } as const;
}

/**
 * Sets the cost of new hashes for this process (the server and the CLI, from PASSWORD_HASH_MEMORY_KIB
 * and PASSWORD_HASH_PASSES). The decoy is made again so an unknown e-mail costs what a known one does.
 */
export function usePasswordHashCost(cost: PasswordHashCost): void {
  if (cost.memoryKib < MIN_PASSWORD_HASH_COST.memoryKib || cost.passes < MIN_PASSWORD_HASH_COST.passes)
    throw new Error(`argon2id below OWASP's minimum: ${JSON.stringify(cost)}`);
  const next = argonOptionsFor(cost);
  if (next.memoryCost === argonOptions.memoryCost && next.timeCost === argonOptions.timeCost) return;
  argonOptions = next;
  decoyHash = null;
}

/**
 * argon2id runs at most this many at once (64 MiB each by default), with at most PASSWORD_WORK_QUEUE
 * waiting; beyond that a sign-in gets a retryable 503 at once. Unbounded, 40 sign-ins at once took the
 * server from 196 to 453 MiB and each sign-in to 24 s.
 */
export const PASSWORD_WORK_CONCURRENCY = 2;
export const PASSWORD_WORK_QUEUE = 32;
const passwordWork = pLimit(PASSWORD_WORK_CONCURRENCY);

function boundedPasswordWork<T>(work: () => Promise<T>): Promise<T> {
  if (passwordWork.pendingCount >= PASSWORD_WORK_QUEUE) {
    return Promise.reject(
      new AppError("password_work_busy", "Too many sign-ins are being checked at once: try again in a moment"),
    );
  }
  return passwordWork(work);
}

export function hashPassword(password: string): Promise<string> {
  return boundedPasswordWork(() => argon2.hash(password, argonOptions));
}

export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  return boundedPasswordWork(async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

/** A hash to verify against when the e-mail is unknown, so timing does not say which e-mails exist. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  // Made once per cost, outside the bound: a busy moment must not leave a refused promise cached.
  decoyHash ??= argon2.hash(randomBytes(16).toString("hex"), argonOptions);
  return decoyHash;
}

export function totpFor(email: string, secretBase32: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: "Jitsumei",
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function passwordProblems(
  password: string,
  field = "password",
  account: PasswordContext = {},
): { field: string; reason: string }[] {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [{ field, reason: `must be at least ${MIN_PASSWORD_LENGTH} characters` }];
  }
  if (password.length > 256) return [{ field, reason: "must be at most 256 characters" }];
  const weak = weakPasswordReason(password, account);
  return weak ? [{ field, reason: weak }] : [];
}

export async function createStaff(
  deps: { db: Database; keys: KeyManagement },
  input: { email: string; displayName: string; role: StaffRole; password?: string; createdBy: string },
): Promise<NewStaffSecrets> {
  const email = input.email.trim().toLowerCase();
  const oneTimePassword = input.password ?? randomBytes(12).toString("base64url");
  const problems = passwordProblems(oneTimePassword, "password", { email, displayName: input.displayName });
  if (problems.length > 0) throw AppError.validation(problems);
  const id = randomUUID();
  const secret = new OTPAuth.Secret({ size: 20 });
  const sealedSecret = await encryptStandalone(deps.keys, `totp:${id}`, Buffer.from(secret.base32, "utf8"));
  const passwordHash = await hashPassword(oneTimePassword);
  await deps.db.transaction(async (tx) => {
    if (await staffEmailTaken(tx, email))
      throw new AppError("staff_exists", `A staff account for ${email} already exists`);
    await insertStaff(tx, {
      id,
      email,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      totpSecretEnc: sealedSecret,
    });
    await appendAuditEntry(tx, {
      actor: input.createdBy,
      action: "staff.created",
      subject: `staff:${id}`,
      data: { role: input.role },
    });
  });
  return {
    account: { id, email, displayName: input.displayName, role: input.role, mustChangePassword: true, disabled: false },
    oneTimePassword,
    totpSecret: secret.base32,
    totpUri: totpFor(email, secret.base32).toString(),
  };
}

export type StaffRow = StaffAccount & {
  passwordHash: string;
  totpSecretEnc: Buffer;
  lastTotpStep: number;
  failedLogins: number;
  lockedUntil: Date | null;
};

function fromRow(r: StaffRecord): StaffRow {
  return {
    id: String(r.id),
    email: String(r.email),
    displayName: String(r.display_name),
    role: r.role as StaffRole,
    passwordHash: String(r.password_hash),
    mustChangePassword: Boolean(r.must_change_password),
    totpSecretEnc: toBuffer(r.totp_secret_enc),
    lastTotpStep: Number(r.last_totp_step),
    failedLogins: Number(r.failed_logins),
    lockedUntil: (r.locked_until as Date | null) ?? null,
    disabled: r.disabled_at != null,
  };
}

export async function findStaffByEmail(db: Queryable, email: string, lock = false): Promise<StaffRow | null> {
  const row = await selectStaffByEmail(db, email.trim().toLowerCase(), lock);
  return row ? fromRow(row) : null;
}

export async function findStaffById(db: Queryable, id: string): Promise<StaffRow | null> {
  const row = await selectStaffById(db, id);
  return row ? fromRow(row) : null;
}

export async function totpSecretOf(keys: KeyManagement, staff: StaffRow): Promise<string> {
  return (await decryptStandalone(keys, `totp:${staff.id}`, staff.totpSecretEnc)).toString("utf8");
}

export function publicAccount(s: StaffRow | StaffAccount): StaffAccount {
  return {
    id: s.id,
    email: s.email,
    displayName: s.displayName,
    role: s.role,
    mustChangePassword: s.mustChangePassword,
    disabled: s.disabled,
  };
}

export async function listStaff(db: Queryable): Promise<StaffAccount[]> {
  return (await listStaffRecords(db)).map((r) => publicAccount(fromRow(r)));
}

export async function changePassword(
  deps: { db: Database },
  staffId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const staff = await findStaffById(deps.db, staffId);
  const problems = passwordProblems(input.newPassword, "newPassword", {
    email: staff?.email,
    displayName: staff?.displayName,
  });
  if (input.newPassword === input.currentPassword) {
    problems.push({ field: "newPassword", reason: "must differ from the current password" });
  }
  if (problems.length > 0) throw AppError.validation(problems);
  if (!staff || !(await passwordMatches(staff.passwordHash, input.currentPassword))) {
    throw AppError.validation([{ field: "currentPassword", reason: "is not your current password" }]);
  }
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await updatePasswordHash(tx, staffId, hash);
    await appendAuditEntry(tx, {
      actor: `staff:${staffId}`,
      action: "staff.password_changed",
      subject: `staff:${staffId}`,
      data: {},
    });
  });
}

export async function setStaffDisabled(
  deps: { db: Database },
  input: { staffId: string; disabled: boolean; by: string },
): Promise<StaffAccount> {
  return deps.db.transaction(async (tx) => {
    const row = await updateStaffDisabled(tx, input.staffId, input.disabled);
    if (!row) throw new AppError("not_found", "No such staff account");
    // A disabled account's sessions end at once.
    if (input.disabled) {
      await endSessionsOf(tx, input.staffId);
    }
    await appendAuditEntry(tx, {
      actor: input.by,
      action: input.disabled ? "staff.disabled" : "staff.enabled",
      subject: `staff:${input.staffId}`,
      data: {},
    });
    return publicAccount(fromRow(row));
  });
}
