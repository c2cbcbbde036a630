import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalPortingSimulator } from "../../server/src/number-portability/local-porting-simulator.ts";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import { fillIn, somebody, tokyoAddress } from "../../server/test/support/journey.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { zhHans as t } from "../src/i18n/zh-Hans.ts";

/**
 * Issue 25, keeping a number as a person does it on a phone in zh-Hans: on the confirm step of a
 * voice plan they give their number and MNP reservation number; a number held by someone else is
 * refused with the reason and what to do in their language; their own is taken; after sending, the
 * status page lets them choose the switch-over.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
});

describe("keeping a number (MNP port-in)", () => {
  it("gives the number and reservation on the confirm step, is told why another holder's is refused, and schedules the switch-over", async () => {
    const person = somebody();
    const created = await server.api("POST", "/v1/applications", {
      body: {
        planId: "prepaid-voice-sim",
        language: "zh-Hans",
        channel: "online",
        contact: { email: "lin@example.test" },
      },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    // The wizard's steps before the confirm step have tests of their own; here they are filled in directly.
    await fillIn(server, reference, token, person, { address: { ...tokyoAddress, line1: "千代田1-1-1" } }, "jpki");
    const simulator = server.services.numberPortability as LocalPortingSimulator;
    simulator.openLine({ msisdn: "09011112222", holder: { name: "山田 花子", birthDate: person.birthDate } });
    const othersReservation = simulator.issueReservation("09011112222").reservationNumber;
    simulator.openLine({
      msisdn: "09033334444",
      holder: { name: `${person.family} ${person.given}`, birthDate: person.birthDate },
    });
    const ownReservation = simulator.issueReservation("09033334444").reservationNumber;

    const context = await openContext(browser, { viewport: "phone", locale: "zh-CN" });
    await context.addInitScript(
      ([ref, bearer]) => sessionStorage.setItem(`jitsumei.application.${ref}`, bearer ?? ""),
      [reference, token],
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/application/${reference}`);
    await page.getByRole("heading", { level: 2, name: t["mnp.title"] }).waitFor();

    await page.getByLabel(t["mnp.msisdn"]).fill("090-1111-2222");
    await page.getByLabel(t["mnp.reservation"]).fill(othersReservation);
    await page.getByRole("button", { name: t["mnp.twoStop"] }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "与已验证的身份信息不一致" });
    await refusal.waitFor();
    await screenshot(page, "web", "mnp-zh-Hans-phone-1-holder-mismatch");

    await page.getByLabel(t["mnp.msisdn"]).fill("090-3333-4444");
    await page.getByLabel(t["mnp.reservation"]).fill(ownReservation);
    await page.getByRole("button", { name: t["mnp.twoStop"] }).click();
    await page.getByRole("status").filter({ hasText: "3333" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "web", "mnp-zh-Hans-phone-2-reserved");

    await page.getByLabel(t["confirm.accept"]).check();
    await page.getByRole("button", { name: t["submit.send"] }).click();
    await page.waitForURL(`**/status/${reference}`);
    await page.getByRole("heading", { level: 2, name: t["mnp.title"] }).waitFor();
    await page.getByRole("button", { name: t["mnp.now"] }).click();
    // The choice is said plainly; the picker and both buttons go, "change" brings them back.
    await page.getByText(t["mnp.state.scheduledNow"]).waitFor();
    expect(await page.getByText("可从").count()).toBe(0);
    expect(await page.getByRole("button", { name: t["mnp.now"] }).count()).toBe(0);
    expect(await page.getByRole("button", { name: t["mnp.schedule"] }).count()).toBe(0);
    expect(await page.getByLabel(t["mnp.when"]).count()).toBe(0);
    await screenshot(page, "web", "mnp-zh-Hans-phone-3-scheduled");
    await page.getByRole("button", { name: t["mnp.change"] }).click();
    await page.getByRole("button", { name: t["mnp.now"] }).waitFor();
    expect(await page.getByLabel(t["mnp.when"]).count()).toBe(1);
    await page.getByRole("button", { name: t["mnp.now"] }).click();
    await page.getByRole("button", { name: t["mnp.change"] }).waitFor();
    expect(await page.getByRole("button", { name: t["mnp.now"] }).count()).toBe(0);
    const view = await server.api("GET", `/v1/applications/${reference}/number-port`, { token });
    expect(view.body.portIn).toMatchObject({ msisdn: "09033334444", state: "scheduled" });
    await context.close();
  });
});
