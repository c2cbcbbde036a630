import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialDigest } from "../../server/src/number-portability/one-stop-recipients.ts";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { type Person, signedPostpaid, somebody } from "../../server/test/support/journey.ts";
import { type StaffClient, signInAs } from "../../server/test/support/staff.ts";
import { mailedCode } from "../../server/test/support/subscriber.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { type Dictionary, en } from "../src/i18n/en.ts";
import { ja } from "../src/i18n/ja.ts";

/**
 * Issue 25, a number leaving, as a subscriber does it in a browser: on /account (English, desktop) the
 * port-out is confirmed after a statement of what happens (the line ends when switched, the
 * contract's early-termination fee while the 12-month minimum term runs, the record kept), and the
 * issued number is cancelled with its button; on /port-out/one-stop (Japanese, phone) another
 * operator's request is refused when that operator is not registered, and otherwise confirmed after a
 * fresh sign-in, the browser going back to the operator's registered address with its state and a code.
 */
const RETURN = "https://recipient.example.test/mnp/back";
let server: TestServer;
let browser: Browser;
let reviewer: StaffClient;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-port-out-browser-"));
  const recipients = join(dir, "recipients.json");
  writeFileSync(
    recipients,
    JSON.stringify([
      {
        id: "recipient-mobile",
        name: "Recipient Mobile",
        returnUrls: [RETURN],
        credentialSha256: credentialDigest(randomBytes(16).toString("hex")),
      },
    ]),
  );
  server = await startTestServer({ MNP_ONE_STOP_RECIPIENTS_FILE: recipients });
  browser = await launchBrowser();
  reviewer = await signInAs(server, "reviewer");
}, 300_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
});

/** A postpaid voice eSIM (12-month minimum term), activated: its number. */
async function voiceLine(person: Person): Promise<string> {
  const { reference, token } = await signedPostpaid(server, reviewer, person, { formFactor: "esim" });
  await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
  const code = await mailedCode(server, reference);
  const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  return String(activated.body.msisdn);
}

async function look(page: Page, name: string) {
  await screenshot(page, "web", name);
  expect(await seriousAxeViolations(page), name).toEqual([]);
}

/** Signs in on the page's form: the number (typed unless given), the address, then the mailed code. */
async function signIn(page: Page, t: Dictionary, msisdn: string, typeNumber: boolean) {
  if (typeNumber) await page.getByLabel(t["account.msisdn"]).fill(msisdn);
  await page.getByLabel(t["contact.email"]).fill("anna@example.test");
  await page.getByRole("button", { name: t["account.send"] }).click();
  await page.getByText(t["account.sent"]).waitFor();
  await server.services.jobs.drain();
  await page.getByLabel(t["account.code"]).fill(await mailedCode(server, "anna@example.test", "subscriber_sign_in"));
  await page.getByRole("button", { name: t["account.signIn"] }).click();
}

describe("a number leaving, in the browser", () => {
  it("/account states what happens before issuing the reservation number, and cancels it with its button", async () => {
    const msisdn = await voiceLine(somebody());
    const context = await openContext(browser, { viewport: "desktop", locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/account`);
    await signIn(page, en, msisdn, true);
    await page.getByRole("button", { name: en["account.portOut"] }).click();

    const ask = page.getByRole("region", { name: en["account.portOutAsk"] });
    await ask.waitFor();
    const items = await ask.getByRole("listitem").allTextContents();
    expect(items[0]).toBe(en["account.portOutEnds"]);
    // The plan's 12-month minimum term, from the line's start (today): the contract's ¥1,100 fee.
    expect(items[1]).toMatch(/^Your contract's minimum term runs until \d{1,2} \w+ \d{4}: .* ¥1,100\.$/);
    expect(items.at(-1)).toBe(en["account.portOutKept"]);
    // A card was registered: no deposit held, so no refund is promised.
    expect(items.some((i) => i.includes("deposit"))).toBe(false);
    await look(page, "account-port-out-confirm-en-desktop");
    // "Not now" issues nothing.
    await page.getByRole("button", { name: en["account.portOutNotNow"] }).click();
    await page.getByRole("button", { name: en["account.portOut"] }).waitFor();
    const lines = async () => {
      const { rows } = await server.services.db.query<{ state: string; reservation_number: string }>(
        "SELECT state, reservation_number FROM number_ports_out WHERE msisdn = $1 ORDER BY created_at",
        [msisdn],
      );
      return rows;
    };
    expect(await lines()).toEqual([]);

    await page.getByRole("button", { name: en["account.portOut"] }).click();
    await page.getByRole("button", { name: en["account.portOutConfirm"] }).click();
    await page.getByText(/^MNP reservation number: \d{10} /).waitFor();
    const [issued] = await lines();
    expect(issued?.state).toBe("issued");
    await look(page, "account-port-out-issued-en-desktop");

    await page.getByRole("button", { name: en["account.portOutCancel"] }).click();
    await page
      .getByText(en["account.portOutCancelled"].replace("{number}", String(issued?.reservation_number)))
      .waitFor();
    expect(await lines()).toEqual([{ state: "cancelled", reservation_number: issued?.reservation_number }]);
    await page.getByRole("button", { name: en["account.portOut"] }).waitFor();
    await context.close();
  });

  it("/port-out/one-stop refuses an unregistered operator, and otherwise sends the browser back with a code after confirmation", async () => {
    const msisdn = await voiceLine(somebody());
    const context = await openContext(browser, { viewport: "phone", locale: "ja-JP" });
    const page = await context.newPage();
    const request = (over: Record<string, string> = {}) =>
      `${server.url}/port-out/one-stop?${new URLSearchParams({
        recipient: "recipient-mobile",
        msisdn,
        state: "state-from-the-recipient",
        return: RETURN,
        ...over,
      })}`;

    // An address the operator did not register: said, and no way onwards.
    await page.goto(request({ return: "https://evil.example/steal" }));
    await page.getByText(ja["portOutOneStop.invalid"]).waitFor();
    expect(await page.getByLabel(ja["contact.email"]).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Recipient Mobile/ }).count()).toBe(0);
    await look(page, "one-stop-port-out-invalid-ja-phone");

    // The recipient's return address is another site: the browser's arrival there is caught.
    const arrived: string[] = [];
    await context.route(`${RETURN}**`, (route) => {
      arrived.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>back</title>" });
    });
    await page.goto(request());
    const intro = ja["portOutOneStop.intro"].replace("{recipient}", "Recipient Mobile");
    await page.getByText(intro).waitFor();
    // The number comes from the request; the subscriber gives the address and the mailed code.
    expect(await page.getByLabel(ja["account.msisdn"]).inputValue()).toBe(msisdn);
    await signIn(page, ja, msisdn, false);
    await page.getByText(ja["portOutOneStop.whatEnds"].replace("{recipient}", "Recipient Mobile")).waitFor();
    await page.getByText(ja["portOutOneStop.whatKept"]).waitFor();
    await look(page, "one-stop-port-out-confirm-ja-phone");
    await page
      .getByRole("button", { name: ja["portOutOneStop.confirm"].replace("{recipient}", "Recipient Mobile") })
      .click();
    await expect.poll(() => arrived.length).toBe(1);
    // The browser has landed there (the next address must not interrupt that navigation).
    await page.waitForURL(`${RETURN}**`);
    const back = new URL(arrived[0] ?? "");
    expect(back.origin + back.pathname).toBe(RETURN);
    expect(back.searchParams.get("state")).toBe("state-from-the-recipient");
    expect(back.searchParams.get("code")).toMatch(/^[\w-]{32}$/);
    const { rows } = await server.services.db.query<{ mode: string; recipient: string; state: string }>(
      "SELECT mode, recipient, state FROM number_ports_out WHERE msisdn = $1",
      [msisdn],
    );
    expect(rows).toEqual([{ mode: "one_stop", recipient: "recipient-mobile", state: "issued" }]);

    // Declining (here another request for the same line) sends the refusal instead.
    await page.goto(request({ state: "second-state-of-it" }));
    await page
      .getByRole("button", { name: ja["portOutOneStop.decline"].replace("{recipient}", "Recipient Mobile") })
      .click();
    await expect.poll(() => arrived.length).toBe(2);
    expect(Object.fromEntries(new URL(arrived[1] ?? "").searchParams)).toEqual({
      state: "second-state-of-it",
      error: "access_denied",
    });
    await context.close();
  });
});
