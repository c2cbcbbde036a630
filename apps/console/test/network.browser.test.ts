import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  openContext,
  releaseBrowser,
  screenshot,
  seriousAxeViolations,
} from "../../server/test/support/browser.ts";
import {
  es2plusServerEnv,
  type LocalSmdp,
  makeEs2plusPki,
  startSmdpOf,
} from "../../server/test/support/es2plus-server.ts";
import {
  activationCodeFromOutbox,
  draftApplication,
  runEveryJobNow,
  somebody,
  submitAndPay,
} from "../../server/test/support/journey.ts";
import { signInAs } from "../../server/test/support/staff.ts";
import { subscriberSignIn } from "../../server/test/support/subscriber.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { signedInContext } from "./support.ts";

/**
 * The network's side of a journey in a real browser against a real server whose SM-DP+ is reached
 * over ES2+ (a local SM-DP+ over mutual TLS, certificates made here by openssl): the console's case
 * view lists the journey's calls to the network ("Network operations": activation, then the
 * termination, each with its request and answer), and the applicant's status page offers a new eSIM
 * download after the SM-DP+ reported a failed one, and the button orders it (a new QR code).
 */

let smdp: LocalSmdp;
let server: TestServer;
let browser: Browser;
const requester = "jitsumei.example.jp";

beforeAll(async () => {
  const pki = makeEs2plusPki("network-browser");
  smdp = await startSmdpOf(pki);
  server = await startTestServer(es2plusServerEnv(pki, smdp, requester));
  browser = await launchBrowser();
});
afterAll(async () => {
  await releaseBrowser(browser);
  await server?.close();
  await smdp?.close();
});

async function look(page: Page, name: string) {
  await screenshot(page, "console", name);
  expect(await seriousAxeViolations(page), name).toEqual([]);
}

/** A prepaid data eSIM paid for: its profile ordered, confirmed and released at the SM-DP+. */
async function esimApplication() {
  const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
  const submitted = await submitAndPay(server, reference, token);
  expect(submitted.body.state).toBe("sim_assigned");
  await runEveryJobNow(server);
  const view = await server.api("GET", `/v1/applications/${reference}`, { token });
  const line = view.body.line as { iccid: string; esimActivationCode: string };
  return { reference, token, iccid: line.iccid, code: line.esimActivationCode };
}

let reports = 0;
/** An SM-DP+ download report (ES2+ HandleDownloadProgressInfo) for the eSIM. */
function progress(iccid: string, point: number, status: string) {
  reports += 1;
  return {
    header: { functionRequesterIdentifier: "smdp.test", functionCallIdentifier: `browser-${reports}` },
    iccid,
    profileType: "jitsumei-data",
    timestamp: new Date(Date.now() + reports * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    notificationPointId: point,
    notificationPointStatus:
      status === "Executed-Success"
        ? { status }
        : { status, statusCodeData: { subjectCode: "8.1", reasonCode: "4.8" } },
  };
}

describe("the network's side of a journey in a real browser", () => {
  it("the case view's Network operations card lists the journey's calls, with their requests and answers", async () => {
    const { reference, token } = await esimApplication();
    await server.api("POST", `/v1/applications/${reference}/activation-code`, { token });
    const code = await activationCodeFromOutbox(server, reference);
    const activated = await server.api("POST", `/v1/applications/${reference}/activation`, { token, body: { code } });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    const msisdn = String(activated.body.msisdn);
    // The subscriber ends the line: a second call to the network.
    const session = await subscriberSignIn(server, msisdn, "anna@example.test");
    const ended = await server.api("POST", `/v1/subscriber/lines/${msisdn}/termination`, { token: session });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const { rows } = await server.services.db.query<{ operation: string; outcome: string }>(
      `SELECT o.operation, o.outcome FROM provisioning_operations o JOIN applications a ON a.id = o.application_id
       WHERE a.reference = $1 ORDER BY o.id`,
      [reference],
    );
    expect(rows).toEqual([
      { operation: "activate", outcome: "succeeded" },
      { operation: "terminate", outcome: "succeeded" },
    ]);

    const reviewer = await signInAs(server, "reviewer");
    const context = await signedInContext(browser, server, reviewer.cookie, "desktop", "en-US");
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/cases/${reference}`);
    const card = page.getByRole("region", { name: "Network operations" });
    await card.getByRole("table").waitFor();
    const body = card.locator("tbody tr");
    await expect.poll(() => body.count()).toBe(2);
    const cells = async (i: number) => (await body.nth(i).locator("td").allTextContents()).slice(1, 4);
    // Oldest first, as the log has them: the operation, its outcome, its attempts.
    expect(await cells(0)).toEqual(["Activate", "Done", "1"]);
    expect(await cells(1)).toEqual(["Terminate", "Done", "1"]);
    // Each call's request and answer open under the adapter's name.
    const activation = body.nth(0).locator("details");
    expect(await activation.locator("summary").textContent()).toBe("local-simulator");
    await activation.locator("summary").click();
    const detail = JSON.parse(String(await activation.locator("pre").textContent())) as {
      request: { msisdn: string };
      answer: { networkRef: string };
    };
    expect(detail.request.msisdn).toBe(msisdn);
    expect(detail.answer.networkRef).toEqual(expect.any(String));
    await look(page, "case-network-operations-en-desktop");
    await context.close();
  });

  it("the applicant's status page offers a new download after a failed one, and the button orders it", async () => {
    const { reference, token, iccid, code } = await esimApplication();
    const url = String(server.es2plusCallbackUrl);
    expect((await smdp.reportProgress(url, progress(iccid, 3, "Failed"))).status).toBe(204);

    const applicant = await openContext(browser, { viewport: "phone", locale: "en-US" });
    await applicant.addInitScript(([ref, key]) => sessionStorage.setItem(`jitsumei.application.${ref}`, key), [
      reference,
      token,
    ] as const);
    const page = await applicant.newPage();
    await page.goto(`${server.url}/status/${reference}`);
    await page.getByText("The eSIM could not be installed on your phone.").waitFor();
    await look(page, "status-esim-download-failed-en-phone");

    const before = smdp.calls.length;
    await page.getByRole("button", { name: "Download the eSIM again" }).click();
    // The new order is made by the job worker; the page asks again and shows the new QR code.
    await expect
      .poll(async () => {
        await runEveryJobNow(server);
        return smdp.calls
          .slice(before)
          .filter((c) => c.body.iccid === iccid)
          .map((c) => c.fn);
      })
      .toEqual(["cancelOrder", "downloadOrder", "confirmOrder", "releaseProfile"]);
    const generated = smdp.orders.get(iccid)?.matchingId ?? "";
    expect(generated).toMatch(/^GEN-/);
    const newCode = code.replace(code.split("$")[2] ?? "", generated);
    await page.reload();
    await page.getByRole("heading", { name: "Install your eSIM" }).waitFor();
    await page.getByText(newCode, { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "Download the eSIM again" }).count()).toBe(0);
    await look(page, "status-esim-new-code-en-phone");
    await applicant.close();
  });
});
