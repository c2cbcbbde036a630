import type { z } from "zod";
import type { Config } from "../../config/config.ts";
import {
  changePassword,
  createStaff,
  findStaffById,
  listStaff,
  publicAccount,
  setStaffDisabled,
} from "../../staff/staff-accounts.ts";
import { login, logout, type StaffPrincipal, secureCookies, sessionCookieName } from "../../staff/staff-sessions.ts";
import { defineRoute } from "../route.ts";
import {
  createdStaffSchema,
  createStaffSchema,
  loginBodySchema,
  passwordChangeSchema,
  staffAccountSchema,
  staffEnabledSchema,
  staffIdParamsSchema,
  staffListSchema,
  staffSessionSchema,
} from "../schemas.ts";

/** Routes with auth "staff" always receive the signed-in member; this makes that visible to the compiler. */
export function signedIn(staff: StaffPrincipal | null): StaffPrincipal {
  if (!staff) throw new Error("route declared auth 'staff' but nobody signed in");
  return staff;
}

function sessionCookie(config: Config, token: string, maxAgeSeconds: number): string {
  // Strict: the cookie never rides on a request another site starts; Secure wherever it can.
  const secure = secureCookies(config) ? "; Secure" : "";
  return `${sessionCookieName(config)}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

type StaffId = z.infer<typeof staffIdParamsSchema>;

export const staffRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof loginBodySchema>>({
    method: "POST",
    path: "/v1/staff/session",
    operationId: "staffSignIn",
    summary: "Sign in with e-mail, password and a TOTP code; sets the session cookie",
    tag: "staff",
    auth: "none",
    body: loginBodySchema,
    rateLimit: "sign-in",
    responses: { 200: { description: "Signed in", schema: staffSessionSchema } },
    async handler({ body, client }, services) {
      const session = await login(
        { db: services.db, keys: services.keys, clock: services.clock, limits: services.config.staff },
        { ...body, ip: client.ip },
      );
      const maxAge = Math.floor((session.expiresAt.getTime() - services.clock().getTime()) / 1000);
      return {
        status: 200,
        body: { account: session.account, csrfToken: session.csrfToken },
        headers: { "set-cookie": sessionCookie(services.config, session.token, maxAge), "cache-control": "no-store" },
      };
    },
  }),

  defineRoute({
    method: "GET",
    path: "/v1/staff/session",
    operationId: "getStaffSession",
    summary: "Who is signed in, and the session's CSRF token",
    tag: "staff",
    auth: "staff",
    permission: "signed_in",
    beforePasswordChange: true,
    responses: { 200: { description: "The session", schema: staffSessionSchema } },
    async handler({ staff }, services) {
      const me = signedIn(staff);
      const row = await findStaffById(services.db, me.id);
      if (!row) throw new Error("signed-in staff member vanished");
      return {
        status: 200,
        body: { account: publicAccount(row), csrfToken: me.csrfToken },
        headers: { "cache-control": "no-store" },
      };
    },
  }),

  defineRoute({
    method: "DELETE",
    path: "/v1/staff/session",
    operationId: "staffSignOut",
    summary: "Sign out: the session ends on the server and the cookie is cleared",
    tag: "staff",
    auth: "staff",
    permission: "signed_in",
    beforePasswordChange: true,
    responses: { 204: { description: "Signed out" } },
    async handler({ staff }, services) {
      await logout(services, signedIn(staff));
      return { status: 204, headers: { "set-cookie": sessionCookie(services.config, "", 0) } };
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof passwordChangeSchema>>({
    method: "POST",
    path: "/v1/staff/password",
    operationId: "changeStaffPassword",
    summary: "Change your password (required after the first sign-in with a one-time password)",
    tag: "staff",
    auth: "staff",
    permission: "signed_in",
    beforePasswordChange: true,
    body: passwordChangeSchema,
    responses: { 204: { description: "Changed" } },
    async handler({ staff, body }, services) {
      await changePassword(services, signedIn(staff).id, body);
      return { status: 204 };
    },
  }),

  defineRoute({
    method: "GET",
    path: "/v1/staff/accounts",
    operationId: "listStaff",
    summary: "Staff accounts",
    tag: "staff",
    auth: "staff",
    permission: "staff.manage",
    responses: { 200: { description: "Accounts", schema: staffListSchema } },
    async handler(_input, services) {
      return { status: 200, body: { items: await listStaff(services.db) } };
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof createStaffSchema>>({
    method: "POST",
    path: "/v1/staff/accounts",
    operationId: "createStaff",
    summary: "Create a staff account; returns its one-time password and TOTP URI once",
    tag: "staff",
    auth: "staff",
    permission: "staff.manage",
    body: createStaffSchema,
    responses: { 201: { description: "Created", schema: createdStaffSchema } },
    async handler({ staff, body }, services) {
      const created = await createStaff(services, { ...body, createdBy: `staff:${signedIn(staff).id}` });
      return {
        status: 201,
        body: { account: created.account, oneTimePassword: created.oneTimePassword, totpUri: created.totpUri },
        headers: { "cache-control": "no-store" },
      };
    },
  }),

  defineRoute<StaffId, undefined, z.infer<typeof staffEnabledSchema>>({
    method: "PUT",
    path: "/v1/staff/accounts/{staffId}/disabled",
    operationId: "setStaffDisabled",
    summary: "Disable (ending every session) or re-enable a staff account",
    tag: "staff",
    auth: "staff",
    permission: "staff.manage",
    params: staffIdParamsSchema,
    body: staffEnabledSchema,
    responses: { 200: { description: "The account", schema: staffAccountSchema } },
    async handler({ staff, params, body }, services) {
      const account = await setStaffDisabled(services, {
        staffId: params.staffId,
        disabled: body.disabled,
        by: `staff:${signedIn(staff).id}`,
      });
      return { status: 200, body: account };
    },
  }),
];
