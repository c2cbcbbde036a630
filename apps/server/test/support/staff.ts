import * as OTPAuth from "otpauth";
import type { StaffRole } from "../../src/staff/permissions.ts";
import { createStaff } from "../../src/staff/staff-accounts.ts";
import type { ApiResponse, RequestOptions, TestServer } from "./test-server.ts";

/** A signed-in staff member: requests carry the session cookie and, where needed, the CSRF token. */
export type StaffClient = {
  id: string;
  email: string;
  role: StaffRole;
  password: string;
  totpSecret: string;
  cookie: string;
  csrfToken: string;
  api(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  /** Signs in again (a new session), e.g. after the test moved the clock past the session's life. */
  signInAgain(): Promise<void>;
};

let counter = 0;

/** A fresh TOTP code for a secret at the server's clock (optionally a step later). */
export function totpCode(server: TestServer, secret: string, stepOffset = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: server.services.clock().getTime() + stepOffset * 30_000 });
}

export function sessionCookieFrom(response: ApiResponse): string {
  const setCookie = response.headers.get("set-cookie") ?? "";
  // Over HTTPS the name is __Host- prefixed.
  const match = /((?:__Host-)?jitsumei_staff)=([^;]*)/.exec(setCookie);
  if (!match?.[2]) throw new Error(`no session cookie in ${JSON.stringify(response.body)}`);
  return `${match[1]}=${match[2]}`;
}

/**
 * Creates a staff account with `role` (directly, as `jitsumei staff create` does), signs in over
 * HTTP with password and TOTP, and changes the one-time password: a member ready to work.
 */
export async function signInAs(
  server: TestServer,
  role: StaffRole,
  name = `${role} ${++counter}`,
): Promise<StaffClient> {
  const email = `${role}.${counter}.${Date.now()}@operator.test`;
  const created = await createStaff(server.services, { email, displayName: name, role, createdBy: "test" });
  const signIn = await server.api("POST", "/v1/staff/session", {
    body: { email, password: created.oneTimePassword, otp: totpCode(server, created.totpSecret) },
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}`);
  const cookie = sessionCookieFrom(signIn);
  const csrfToken = String(signIn.body.csrfToken);
  const password = `a-long-password-${counter}-${Date.now()}`;
  const changed = await server.api("POST", "/v1/staff/password", {
    headers: { cookie, "x-csrf-token": csrfToken },
    body: { currentPassword: created.oneTimePassword, newPassword: password },
  });
  if (changed.status !== 204) throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
  const client: StaffClient = {
    id: created.account.id,
    email,
    role,
    password,
    totpSecret: created.totpSecret,
    cookie,
    csrfToken,
    api: (method, path, options = {}) =>
      server.api(method, path, {
        ...options,
        headers: {
          cookie: client.cookie,
          ...(method === "GET" ? {} : { "x-csrf-token": client.csrfToken }),
          ...options.headers,
        },
      }),
    async signInAgain() {
      const again = await server.api("POST", "/v1/staff/session", {
        body: { email, password: client.password, otp: totpCode(server, created.totpSecret) },
      });
      if (again.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(again.body)}`);
      client.cookie = sessionCookieFrom(again);
      client.csrfToken = String(again.body.csrfToken);
    },
  };
  return client;
}
