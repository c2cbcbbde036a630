import { readFileSync } from "node:fs";
import { luhnDigit } from "@jitsumei/domain/iccid";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStaff } from "../../server/src/staff/staff-accounts.ts";
import {
  horizontalOverflow,
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { anna, consentToCredit, particularsOf, somebody, td3 } from "../../server/test/support/journey.ts";
import { signWithMyNumberCard } from "../../server/test/support/jpki.ts";
import { signInAs, totpCode } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { postpaidInReview, signedInContext, tokyoAddress } from "./support.ts";

/**
 * The staff console in a real browser against a real server: a reviewer signs in with password and
 * TOTP, changes the one-time password, works a postpaid application from the queue (a correction,
 * then an approval), with the claim's state said as it changes; the pages are photographed in English
 * and checked with axe. Every page in Japanese and Simplified Chinese, on a phone and a desktop:
 * every-page.browser.test.ts.
 */
const { chip } = inject("evidenceFixtures");
const b64 = (file: string | URL) => readFileSync(file).toString("base64");
const syntheticFace = new URL("../../../packages/evidence/src/face/fixtures/synthetic-face-a.jpg", import.meta.url);

describe("the staff console in a real browser", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.close();
  });

  async function look(page: Page, name: string) {
    await screenshot(page, "console", name);
    expect(await seriousAxeViolations(page), name).toEqual([]);
  }

  it("a reviewer signs in, asks for a correction, then approves the corrected application", async () => {
    const { reference, token, person } = await postpaidInReview(server);
    const email = "rina@operator.test";
    const created = await createStaff(server.services, {
      email,
      displayName: "Rina Reviewer",
      role: "reviewer",
      createdBy: "test",
    });

    const context = await openContext(browser, { viewport: "desktop", locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Sign in");
    await look(page, "login-en-desktop");

    // --- Password and TOTP, then the first-password change before anything else. ---
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(created.oneTimePassword);
    await page.getByLabel("Code from your authenticator app").fill(totpCode(server, created.totpSecret));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Choose your own password" }).waitFor();
    await look(page, "password-en-desktop");
    await page.getByLabel("One-time password").fill(created.oneTimePassword);
    await page.getByLabel("New password", { exact: true }).fill("copper kettle under a violet moon");
    await page.getByLabel("New password again").fill("copper kettle under a violet moon");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("heading", { name: "Welcome, Rina Reviewer" }).waitFor();

    // --- A reviewer's menu: the queue and the dashboard, nothing an admin or a clerk does. ---
    const menu = page.getByRole("navigation", { name: "Main" });
    expect(await menu.getByRole("link").allTextContents()).toEqual(["Review queue", "Status lookup", "Dashboard"]);
    await look(page, "home-en-desktop");

    // --- The queue, then the case. ---
    await menu.getByRole("link", { name: "Review queue" }).click();
    const row = page.getByRole("row").filter({ hasText: reference });
    await row.waitFor();
    expect(await row.textContent()).toContain("In review");
    await look(page, "queue-en-desktop");
    await row.getByRole("link", { name: reference }).click();
    await page.getByRole("heading", { name: `Application ${reference}` }).waitFor();
    expect(await page.getByRole("region", { name: "Credit assessment (postpaid)" }).textContent()).toContain(
      "VISA •••• 4242",
    );
    // Two pieces of evidence, each with its checks: the passport's MRZ and the My Number card's signature.
    const evidenceChecks = page.getByRole("table", { name: "Checks on this evidence" });
    expect(await evidenceChecks.count()).toBe(2);
    expect(await evidenceChecks.allTextContents()).toEqual([
      expect.stringContaining("mrz."),
      expect.stringContaining("jpki."),
    ]);
    await look(page, "case-en-desktop");

    // --- Claim (the panel then says the case is hers, with no button to claim it again), then ask for the address to be corrected. ---
    await page.getByRole("button", { name: "Claim this case" }).click();
    await page.getByText(/^You hold this case until /).waitFor();
    expect(await page.getByRole("button", { name: "Claim this case" }).count()).toBe(0);
    await page.getByRole("button", { name: "Extend my claim" }).waitFor();
    await page.getByRole("button", { name: "Give up my claim" }).waitFor();
    await page.getByRole("radio", { name: "Request a correction" }).check();
    await page.getByRole("checkbox", { name: "Address", exact: true }).check();
    await page.getByLabel("Message to the applicant (in English)").fill("Please give your current address.");
    await look(page, "case-correction-form-en-desktop");
    await page.getByRole("button", { name: "Send decision" }).click();
    await page.getByText("Done: the application is now “Correction requested”.").waitFor();

    // --- The applicant corrects it on the applicant site, in English on a phone, from the status page. ---
    // The tab that applied still holds the application's key (as sessionStorage does after applying);
    // getting back in from another device has its own test (apps/web/test/sign-in.browser.test.ts).
    const applicant = await openContext(browser, { viewport: "phone", locale: "en-US" });
    await applicant.addInitScript(([ref, key]) => sessionStorage.setItem(`jitsumei.application.${ref}`, key), [
      reference,
      token,
    ] as const);
    const site = await applicant.newPage();
    await site.goto(`${server.url}/status/${reference}`);
    await site.getByText("Please give your current address.").waitFor();
    await screenshot(site, "console", "applicant-correction-status-en-phone");
    await site
      .getByRole("link", { name: "Continue the application" })
      .or(site.getByRole("button", { name: "Continue the application" }))
      .first()
      .click();
    await site.getByRole("heading", { name: "What the reviewer asked for" }).waitFor();
    await site.getByLabel("Postal code").fill("150-0001");
    await site.getByLabel("City, ward").fill("渋谷区");
    await site.getByLabel("Street and number").fill("神宮前1-1-1");
    await screenshot(site, "console", "applicant-correction-form-en-phone");
    // Past the steps the correction did not ask about, to the page that sends it again.
    const resend = site.getByRole("button", { name: "Send the corrected application" });
    for (let step = 0; step < 6 && !(await resend.isVisible()); step++) {
      const next = site.getByRole("button", { name: /^(Continue|Save and continue|Next)$/ }).first();
      await next.or(resend).first().waitFor();
      if (await resend.isVisible()) break;
      await next.click();
    }
    // The new address is not the one the card signed: the applicant signs again with the card (the
    // Digital Authentication App's part, done here through the API) before sending.
    await signWithMyNumberCard(server, reference, token, person, {
      prefecture: tokyoAddress.prefecture,
      city: "渋谷区",
      line1: "神宮前1-1-1",
    });
    await site.getByLabel("I have read and accept the terms of service and the privacy notice").check();
    await resend.click();
    await site.waitForURL(`**/status/${reference}`);
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("in_review");
    await applicant.close();

    // --- The reviewer sees what changed and approves. ---
    await page.reload();
    const changes = page.getByRole("table", { name: "What the applicant changed" });
    await changes.waitFor();
    expect(await changes.textContent()).toContain("渋谷区");
    await page.getByRole("button", { name: "Claim this case" }).click();
    await page.getByRole("radio", { name: "Approve" }).waitFor();
    await page.getByRole("radio", { name: "Approve" }).check();
    await page.getByRole("button", { name: "Send decision" }).click();
    // Approving issues and seals the contract's PDFs: on two loaded cores that took over 30 s once.
    await page.getByText("Done: the application is now “Contract pending”.").waitFor({ timeout: 60_000 });
    const history = page.getByRole("region", { name: "History" });
    // The history is read again after the decision: wait for it rather than read it once.
    for (const event of ["Correction requested", "Approved", "Contract offered"]) {
      await expect.poll(() => history.textContent()).toContain(event);
    }
    await look(page, "case-approved-en-desktop");
    const state = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(state.body.state).toBe("contract_pending");

    // --- The dashboard counts it: started, submitted, approved; one decision, an approval. ---
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    const funnel = page.getByRole("img", { name: /^From start to activation/ });
    await funnel.waitFor();
    expect(await funnel.getAttribute("aria-label")).toBe(
      "From start to activation: Started 1, Submitted 1, Approved 1, Activated 0",
    );
    expect(await page.getByRole("img", { name: "Approval rate: 100%" }).count()).toBe(1);
    await look(page, "dashboard-en-desktop");

    // --- The language switcher: the page in Japanese at once, and the choice kept for the next page. ---
    await page.getByLabel("Language").selectOption("ja");
    await page.getByRole("heading", { name: "ダッシュボード" }).waitFor();
    await page.getByRole("img", { name: /^申込み開始から開通まで/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
    await page.goto(`${server.url}/staff/cases/${reference}`);
    await page.getByRole("heading", { name: `申込み ${reference}` }).waitFor();
    await page.getByRole("navigation", { name: "メイン" }).getByRole("link", { name: "審査キュー" }).click();
    await page.getByRole("heading", { name: "審査キュー" }).waitFor();

    // --- Sign out ends the session: the sign-in form again. (Every page in Japanese and Chinese: every-page.browser.test.ts.) ---
    await page.getByRole("button", { name: "サインアウト" }).click();
    await page.getByRole("heading", { name: "サインイン" }).waitFor();
    // The next person signs in at home, not on the page the last one left open.
    expect(new URL(page.url()).pathname).toBe("/staff/");
    await context.close();
  }, 180_000); // a whole review: sign-in, a correction, the applicant fixing it, approval sealing the contract

  it("shows the queue on a phone in English, with a fresh case waiting", async () => {
    const { reference } = await postpaidInReview(server);
    const reviewer = await signInAs(server, "reviewer", "Kenji Reviewer");
    const context = await signedInContext(browser, server, reviewer.cookie, "phone", "en-US");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/queue`);
    await page.getByRole("link", { name: reference }).waitFor();
    expect(await horizontalOverflow(page)).toBeNull();
    await look(page, "queue-en-phone");
    await context.close();
  });

  it("offers no approval for a voice line whose evidence the law never got, and says what to ask for", async () => {
    // A postpaid voice line online with the passport's typed MRZ only: no method the policy allows.
    const person = somebody();
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "postpaid-voice", language: "en", channel: "online", contact: { email: "mrz@example.test" } },
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
    await consentToCredit(server, reference, token);
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe("in_review");

    const reviewer = await signInAs(server, "reviewer", "Aiko Reviewer");
    const context = await signedInContext(browser, server, reviewer.cookie, "desktop", "en-US");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/cases/${reference}`);
    await page.getByRole("button", { name: "Claim this case" }).click();
    await page.getByRole("radio", { name: "Request a correction" }).waitFor();
    expect(await page.getByRole("radio", { name: "Approve" }).count()).toBe(0);
    const note = page.getByRole("note");
    expect(await note.textContent()).toMatch(/nobody can approve/);
    // Each method by its name, never its code, with the evidence it still needs.
    expect(await note.textContent()).toContain(
      "IC chip read by phone and live selfie — the IC chip read and a live selfie",
    );
    expect(await note.textContent()).toContain("My Number Card signature (JPKI) — a My Number card signature (JPKI)");
    expect(await note.textContent()).not.toContain("NF_");
    await look(page, "case-evidence-missing-en-desktop");
    // The server refuses it too, whatever the page shows.
    const refused = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve" },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: "verification_incomplete" } });
    await context.close();
  });

  it("a senior reviewer confirms another's approval against a failed check (four eyes)", async () => {
    // A chip whose signer the server does not trust (no country CAs here): a failed check.
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "postpaid-voice", language: "en", channel: "online", contact: { email: "anna@example.test" } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };
    await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: particularsOf(anna, { address }),
    });
    await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(anna) },
    });
    const chipRead = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: {
        kind: "chip",
        sod: b64(chip.chips.brainpool.sod),
        dataGroups: { "1": b64(chip.chips.brainpool.dg1), "2": b64(chip.chips.brainpool.dg2) },
      },
    });
    expect(chipRead.status).toBe(201);
    // The selfie NF_IC_SELFIE needs beside the chip: its evidence is all there, so two people may decide.
    const selfie = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "selfie", image: b64(syntheticFace) },
    });
    expect(selfie.status).toBe(201);
    await consentToCredit(server, reference, token);
    expect((await server.api("POST", `/v1/applications/${reference}/submit`, { token })).body.state).toBe("in_review");
    const proposer = await signInAs(server, "senior_reviewer", "Sato Senior");
    await proposer.api("POST", `/v1/staff/applications/${reference}/claim`);
    const proposed = await proposer.api("POST", `/v1/staff/applications/${reference}/events`, {
      body: { type: "approve", note: "Signer CA missing from our list; document checked by video call." },
    });
    expect(proposed.body.state).toBe("override_pending");
    await proposer.api("DELETE", `/v1/staff/applications/${reference}/claim`);

    const second = await signInAs(server, "senior_reviewer", "Mori Senior");
    const context = await signedInContext(browser, server, second.cookie, "desktop", "en-US");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/queue`);
    const row = page.getByRole("row").filter({ hasText: reference });
    expect(await row.textContent()).toContain("Override pending");
    await row.getByRole("link", { name: reference }).click();
    await page.getByText("Approval against a failed check proposed by Sato Senior").waitFor();
    expect(await page.getByRole("table", { name: "Checks on this evidence" }).last().textContent()).toContain("Failed");
    await page.getByRole("button", { name: "Claim this case" }).click();
    await page.getByRole("radio", { name: "Confirm the override" }).check();
    await look(page, "case-override-en-desktop");
    await page.getByRole("button", { name: "Send decision" }).click();
    await page.getByText("Done: the application is now “Contract pending”.").waitFor();
    expect((await server.api("GET", `/v1/applications/${reference}`, { token })).body.state).toBe("contract_pending");
    await context.close();
  });

  it("an admin sees the admin pages, imports SIM cards from a CSV file, and no review queue", async () => {
    const admin = await signInAs(server, "admin", "Aki Admin");
    const context = await signedInContext(browser, server, admin.cookie, "desktop", "en-US");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/`);
    const menu = page.getByRole("navigation");
    await menu.waitFor();
    // counter, lookup, shipping, inventory, retail packages, refunds by transfer, staff accounts,
    // dashboard, audit chain, policies, plans
    expect(await menu.getByRole("link").count()).toBe(11);
    for (const name of ["inventory", "packages", "refunds", "staff", "counter", "lookup", "shipping", "dashboard"]) {
      await page.goto(`${server.url}/staff/${name}`);
      await page.locator("h1").waitFor();
      await page.getByText("Loading…").waitFor({ state: "detached" });
      await look(page, `${name}-en-desktop`);
    }
    // A reviewer's address is not an admin's page; an address that is no page is not found.
    await page.goto(`${server.url}/staff/queue`);
    expect(await page.locator("h1").textContent()).toBe("This page is not part of your role");
    await page.goto(`${server.url}/staff/no-such-page`);
    expect(await page.locator("h1").textContent()).toBe("Page not found");

    await page.goto(`${server.url}/staff/inventory`);
    const rows = [1, 2].map((n) => {
      const body = `898110000099${String(n).padStart(6, "0")}`;
      return `${body}${luhnDigit(body)},4401099${String(n).padStart(8, "0")}`;
    });
    await page.getByLabel("Kind").selectOption("sim");
    await page.getByLabel("CSV file").setInputFiles({
      name: "sims.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`iccid,imsi\n${rows.join("\n")}\n`),
    });
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByText("2 of 2 rows imported, 0 left out.").waitFor();
    await look(page, "inventory-imported-en-desktop");
    await context.close();
  });
});
