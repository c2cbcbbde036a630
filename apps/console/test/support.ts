import type { Browser, BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { openContext, type ViewportName } from "../../server/test/support/browser.ts";
import {
  consentToCredit,
  draftApplication,
  particularsOf,
  payAfterApproval,
  somebody,
  td3,
  throwawayEmail,
} from "../../server/test/support/journey.ts";
import { signWithMyNumberCard } from "../../server/test/support/jpki.ts";
import type { StaffClient } from "../../server/test/support/staff.ts";
import type { TestServer } from "../../server/test/support/test-server.ts";

/** The console's browser tests: cases made over the API, and browser contexts signed in as a staff member. */

export const tokyoAddress = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

/**
 * A postpaid application in English, signed with the My Number card (NF_JPKI, so a reviewer may approve
 * it), consented, card registered, submitted: in review (its throwaway e-mail address sends it there).
 */
export async function postpaidInReview(
  server: TestServer,
  options: { phone?: string; acceptance?: { terms: string; privacy: string } } = {},
) {
  const person = somebody();
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId: "postpaid-voice",
      language: "en",
      channel: "online",
      contact: { email: throwawayEmail(), ...(options.phone ? { phone: options.phone } : {}) },
    },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  await server.api("PUT", `/v1/applications/${reference}/applicant`, {
    token,
    body: particularsOf(person, { address: tokyoAddress }),
  });
  await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "mrz", lines: td3(person) },
  });
  await signWithMyNumberCard(server, reference, token, person, tokyoAddress);
  await consentToCredit(server, reference, token);
  await server.api("PUT", `/v1/applications/${reference}/payment-method`, {
    token,
    body: { type: "card", cardToken: "tok_test_ok" },
  });
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, {
    token,
    ...(options.acceptance ? { body: { acceptance: options.acceptance } } : {}),
  });
  expect(submitted.body.state).toBe("in_review");
  return { reference, token, person };
}

/** A prepaid voice SIM signed with the My Number card and approved by `reviewer`: waiting to be sent. */
export async function physicalSimToShip(server: TestServer, reviewer: StaffClient): Promise<string> {
  const person = somebody();
  const { reference, token } = await draftApplication(
    server,
    "prepaid-voice-sim",
    person,
    { address: tokyoAddress },
    { contact: { email: throwawayEmail() }, evidence: "jpki" },
  );
  await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
    body: { type: "approve" },
  });
  // Sold online: the applicant pays for the plan, then the SIM is assigned.
  expect(await payAfterApproval(server, reference, token, approved)).toBe("sim_assigned");
  return reference;
}

/** A browser context (a viewport, the browser's language) holding a staff session cookie. */
export async function signedInContext(
  browser: Browser,
  server: TestServer,
  cookie: string,
  viewport: ViewportName,
  locale: string,
): Promise<BrowserContext> {
  const context = await openContext(browser, { viewport, locale });
  await useSession(context, server, cookie);
  return context;
}

/** Puts `cookie` (`name=value`) in the context in place of whatever session it held. */
export async function useSession(context: BrowserContext, server: TestServer, cookie: string | null): Promise<void> {
  await context.clearCookies();
  if (!cookie) return;
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
}
