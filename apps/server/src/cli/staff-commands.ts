import { loadConfig } from "../config/config.ts";
import { keysFromConfig } from "../crypto/key-ring.ts";
import { migrate } from "../db/migrate.ts";
import { AppError } from "../errors.ts";
import { expireStaleApplications } from "../review/expire-applications.ts";
import { type StaffRole, staffRoles } from "../staff/permissions.ts";
import { createStaff, usePasswordHashCost } from "../staff/staff-accounts.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei staff create --role ROLE --email E [--name N] [--password-stdin]`: makes a staff account
 * (the first admin, typically). Prints the one-time password (unless one came on stdin) and the TOTP
 * URI for the authenticator app, once.
 */
export async function staffCreateCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, {
    role: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    "password-stdin": { type: "boolean" },
  });
  if (!o.role || !(staffRoles as readonly string[]).includes(o.role)) {
    throw new UsageError(`staff create needs --role ${staffRoles.join("|")}`);
  }
  if (!o.email || !/^[^@\s]+@[^@\s]+$/.test(o.email)) throw new UsageError("staff create needs --email ADDRESS");
  const password = o["password-stdin"] ? (await io.stdin()).replace(/\r?\n$/, "") : undefined;
  const config = loadConfig();
  usePasswordHashCost(config.passwordHashing);
  try {
    const created = await withDatabase(async (db) => {
      await migrate(db);
      const keys = await keysFromConfig(config, db, (m) => io.err(`WARNING: ${m}`));
      return createStaff(
        { db, keys },
        {
          email: o.email as string,
          displayName: o.name ?? (o.email as string).split("@")[0] ?? "",
          role: o.role as StaffRole,
          password,
          createdBy: "cli",
        },
      );
    });
    io.out(
      JSON.stringify({
        account: created.account,
        ...(password === undefined ? { oneTimePassword: created.oneTimePassword } : {}),
        totpUri: created.totpUri,
        next: "Add the TOTP URI to an authenticator app, sign in (POST /v1/staff/session) and change the password.",
      }),
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError) {
      const detail = error.extra.errors?.map((e) => `${e.field} ${e.reason}`).join("; ") ?? error.message;
      io.err(`jitsumei: ${detail}`);
      return EXIT.no;
    }
    throw error;
  }
}

/** `jitsumei applications expire`: runs the expiry sweep once (the server runs it every 10 minutes). */
export async function applicationsExpireCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const config = loadConfig();
  const result = await withDatabase((db) => expireStaleApplications({ db, clock: () => new Date(), config }));
  io.out(JSON.stringify({ expired: result.expired.length, references: result.expired }));
  return EXIT.ok;
}
