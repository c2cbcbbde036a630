import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, inject } from "vitest";
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
import type { Messages } from "../src/i18n/en.ts";

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

/**
 * The specimen passport's chip (anna's: type `td3(anna)` beside it) as the counter's chip reader saves
 * it (`passport-chip.json`: the SOD and data groups, base64), signed under a test CSCA of the run's
 * evidence fixtures: a server started with `JITSUMEI_CSCA_DIR: chip.trustDir` trusts it. P-256, whose
 * CSCA publishes no CRL: nothing in the read depends on how old the fixtures are.
 */
export function passportChipFile(): { name: string; mimeType: string; buffer: Buffer } {
  const { p256 } = inject("evidenceFixtures").chip.chips;
  const b64 = (file: string) => readFileSync(file).toString("base64");
  const read = { sod: b64(p256.sod), dataGroups: { "1": b64(p256.dg1), "2": b64(p256.dg2) } };
  return { name: "passport-chip.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(read)) };
}

/**
 * At the counter page, the passport's MRZ recorded: the clerk gives the chip reader's file, as a shop
 * must from 2027-04-01 for a voice line (F2F_IC, LAW.md), and the page says it is recorded. The sale
 * is then lawful on any date, without the typed MRZ standing for the verification.
 */
export async function recordPassportChip(page: Page, t: Messages): Promise<void> {
  await page.getByLabel(t["counter.chip"]).setInputFiles(passportChipFile());
  await page.getByRole("button", { name: t["counter.chipSave"] }).click();
  await page.getByText(t["counter.chipSaved"]).waitFor();
}

/**
 * The case's checks: the chip read at the counter completed F2F_IC's checks, and only the address
 * (which no passport chip holds) is left to the person who approves it, on either side of 2027-04-01.
 */
export async function expectChipReadAtCounter(staff: StaffClient, reference: string): Promise<void> {
  const view = await staff.api("GET", `/v1/staff/applications/${reference}`);
  expect(view.status, JSON.stringify(view.body)).toBe(200);
  expect(view.body.checks).toContainEqual(
    expect.objectContaining({
      code: "policy.method_available",
      status: "review",
      params: expect.objectContaining({ reason: "address_not_on_chip" }),
    }),
  );
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
