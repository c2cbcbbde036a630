import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { type StaffRole, staffRoles } from "./permissions.ts";
import { createStaff, findStaffByEmail, totpFor, totpSecretOf } from "./staff-accounts.ts";
import { clearMustChangePassword } from "./staff-repository.ts";

/**
 * Demo staff for a newcomer's `npm start`: one account per role, a known password, and their TOTP
 * codes on a development page (`/dev/demo-staff`), so the console can be tried without the CLI.
 * Development only: the server creates them only when started with `--demo` and NODE_ENV=development,
 * and the page is a development route (never in production).
 */

export const DEMO_STAFF_DOMAIN = "demo.jitsumei.test";
export const DEMO_STAFF_PASSWORD = "jitsumei-demo-password";

export const demoStaffEmail = (role: StaffRole) => `${role.replace("_", "-")}@${DEMO_STAFF_DOMAIN}`;

/** Creates the demo accounts that do not exist yet (no password change asked); returns their e-mails. */
export async function seedDemoStaff(deps: { db: Database; keys: KeyManagement }): Promise<string[]> {
  const emails: string[] = [];
  for (const role of staffRoles) {
    const email = demoStaffEmail(role);
    emails.push(email);
    if (await findStaffByEmail(deps.db, email)) continue;
    const created = await createStaff(deps, {
      email,
      displayName: `Demo ${role.replace("_", " ")}`,
      role,
      password: DEMO_STAFF_PASSWORD,
      createdBy: "system:demo",
    });
    await clearMustChangePassword(deps.db, created.account.id);
  }
  return emails;
}

export type DemoStaffCode = { email: string; role: StaffRole; password: string; code: string; validForSeconds: number };

/** The demo accounts present and each one's TOTP code now. */
export async function demoStaffCodes(deps: { db: Database; keys: KeyManagement }, now: Date): Promise<DemoStaffCode[]> {
  const codes: DemoStaffCode[] = [];
  for (const role of staffRoles) {
    const staff = await findStaffByEmail(deps.db, demoStaffEmail(role));
    if (!staff) continue;
    const totp = totpFor(staff.email, await totpSecretOf(deps.keys, staff));
    codes.push({
      email: staff.email,
      role: staff.role,
      password: DEMO_STAFF_PASSWORD,
      code: totp.generate({ timestamp: now.getTime() }),
      validForSeconds: totp.period - (Math.floor(now.getTime() / 1000) % totp.period),
    });
  }
  return codes;
}
