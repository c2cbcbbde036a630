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
  type ViewportName,
} from "../../server/test/support/browser.ts";
import {
  activeLine,
  anna,
  konbiniRefundOwed,
  particularsOf,
  somebody,
  submitAndPay,
  td3,
} from "../../server/test/support/journey.ts";
import { signWithMyNumberCard } from "../../server/test/support/jpki.ts";
import { type StaffClient, sessionCookieFrom, signInAs, totpCode } from "../../server/test/support/staff.ts";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.ts";
import { en, type Messages } from "../src/i18n/en.ts";
import { ja } from "../src/i18n/ja.ts";
import { zhHans } from "../src/i18n/zh-Hans.ts";
import {
  expectChipReadAtCounter,
  physicalSimToShip,
  postpaidInReview,
  recordPassportChip,
  tokyoAddress,
  useSession,
} from "./support.ts";

/**
 * Every page of the staff console in Japanese and Simplified Chinese, on a phone and on a desktop:
 * photographed (screenshots/console/<page>-<language>-<size>.png), checked with axe (no serious or
 * critical violation), nothing wider than the screen, and no English text of the console's own on the
 * page. One browser context per size and language; the staff member changes by swapping the session
 * cookie, so no journey runs twice. The journeys themselves (and English) are console.browser.test.ts's.
 */

const languages = [
  { lang: "ja", locale: "ja-JP", t: ja },
  { lang: "zh-Hans", locale: "zh-CN", t: zhHans },
] as const;
type Who = "signed_out" | "new" | "reviewer" | "admin" | "compliance";

/**
 * The console's English texts (and their fixed parts around `{values}`) that `dictionary` words
 * differently: none of them may show on a page in that language. Short fragments (SIM, SLA) and
 * those the other dictionary uses too (eSIM, CSV) say nothing.
 */
function englishOnly(dictionary: Messages): string[] {
  const theirs = Object.values(dictionary);
  const fragments = Object.entries(en).flatMap(([key, text]) =>
    text === dictionary[key as keyof Messages] ? [] : text.split(/\{\w+\}/),
  );
  return [
    ...new Set(
      fragments
        .map((f) => f.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ""))
        .filter((f) => f.length >= 4 && /[A-Za-z]{3}/.test(f) && !theirs.some((text) => text.includes(f))),
    ),
  ];
}

/**
 * What no dictionary holds but the page can still show untranslated: a code shown as it is where the
 * console has no label for it (`useCodeLabel` falls back to the code: a method `UNKNOWN`, a reason
 * `billing_bank_transfer`), and a sentence the server wrote in English (a reason it explains only in
 * ja and en). The English check above reads the console's own texts only, so these escaped it.
 * Words in capitals of four letters or more, snake_case words and runs of four English words are
 * flagged, except the acronyms the language's dictionary itself writes (JPKI, ICAO) and the test
 * card's brand as the payment gateway names it (VISA).
 */
function untranslated(text: string, dictionary: Messages): string[] {
  const written = new Set([
    ...(Object.values(dictionary)
      .join(" ")
      .match(/[A-Za-z][\w-]*/g) ?? []),
    "VISA",
  ]);
  const codes = (text.match(/(?<![\w@.-])(?:[A-Z]{4,}(?:_[A-Z0-9]+)*|[a-z]+(?:_[a-z0-9]+)+)(?![\w@.-])/g) ?? []).filter(
    (word) => !written.has(word),
  );
  // "The applicant is 19, under 20: little payment history": words and the figures among them.
  const sentences = text.match(/(?<![\w@.-])[A-Za-z]+(?:[ ,:]+(?:[a-z]+(?:'[a-z]+)?|\d+)){3,}/g) ?? [];
  return [...new Set([...codes, ...sentences])];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A dictionary text with its `{values}` left open, to find it on the page whatever they are. */
const like = (text: string) =>
  new RegExp(
    text
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join(".+"),
  );

/**
 * The page's text as staff read it, without codes, identifiers and data shown as they are (mono, pre)
 * and without what the console shows as its authors wrote it (`data-untranslated`: policy titles, a
 * reviewer's own message). `words`: the same text with a space between elements (`<dt>SIM</dt><dd>SIM
 * 卡</dd>` is not the word SIMSIM).
 */
async function pageText(page: Page): Promise<{ text: string; words: string }> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const e of body.querySelectorAll("pre, code, .mono, [data-untranslated], script, style")) e.remove();
    const nodes = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const words: string[] = [];
    for (let node = nodes.nextNode(); node; node = nodes.nextNode()) words.push(node.textContent ?? "");
    return { text: body.textContent ?? "", words: words.join(" ") };
  });
}

describe("every page of the staff console in Japanese and Simplified Chinese, phone and desktop", () => {
  let server: TestServer;
  let browser: Browser;
  let sessions: Record<Exclude<Who, "signed_out">, string>;
  let reviewer: StaffClient;
  let waiting: string;
  let held: string;
  let line: string;
  let packages: { code: string; iccid: string }[];
  let refundOwed: string;

  beforeAll(async () => {
    // The test CSCAs: the counter reads the passport's chip, as the law asks of a shop (F2F_IC).
    server = await startTestServer({ JITSUMEI_CSCA_DIR: inject("evidenceFixtures").chip.trustDir });
    browser = await launchBrowser();
    // Names without English words in them: the text check below reads the whole page.
    reviewer = await signInAs(server, "reviewer", "Mori Kenji");
    const admin = await signInAs(server, "admin", "Sato Aki");
    const compliance = await signInAs(server, "compliance", "Chen Jing");
    // A new member, signed in with the one-time password: the password page until they change it.
    const email = "newcomer@operator.test";
    const created = await createStaff(server.services, {
      email,
      displayName: "Ito Hana",
      role: "reviewer",
      createdBy: "test",
    });
    const signIn = await server.api("POST", "/v1/staff/session", {
      body: { email, password: created.oneTimePassword, otp: totpCode(server, created.totpSecret) },
    });
    expect(signIn.status).toBe(200);
    sessions = {
      new: sessionCookieFrom(signIn),
      reviewer: reviewer.cookie,
      admin: admin.cookie,
      compliance: compliance.cookie,
    };

    // A case nobody works on; a case the reviewer holds, its correction answered; a line (a record).
    waiting = (await postpaidInReview(server)).reference;
    const answered = await postpaidInReview(server);
    held = answered.reference;
    await reviewer.api("POST", `/v1/staff/applications/${held}/claim`);
    const asked = await reviewer.api("POST", `/v1/staff/applications/${held}/events`, {
      body: { type: "request_correction", fields: ["address"], message: "Please give your current address." },
    });
    expect(asked.body.state).toBe("correction_requested");
    const corrected = await server.api("PUT", `/v1/applications/${held}/applicant`, {
      token: answered.token,
      body: particularsOf(answered.person, { address: { ...tokyoAddress, city: "渋谷区", line1: "神宮前1-1-1" } }),
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    // The card signed the old address: the applicant signs again before sending (NF_JPKI stays complete).
    await signWithMyNumberCard(server, held, answered.token, answered.person, {
      ...tokyoAddress,
      city: "渋谷区",
      line1: "神宮前1-1-1",
    });
    const resubmitted = await submitAndPay(server, held, answered.token);
    expect(resubmitted.body.state).toBe("in_review");
    expect((await reviewer.api("POST", `/v1/staff/applications/${held}/claim`)).status).toBe(200);
    line = (await activeLine(server, somebody())).reference;
    // The shipping desk: one SIM waiting to be sent, one parcel in transit.
    const physical = [await physicalSimToShip(server, reviewer), await physicalSimToShip(server, reviewer)];
    const shipped = await admin.api("POST", `/v1/staff/applications/${physical[1]}/shipment`);
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);

    // Cash paid at a konbini for an application cancelled since: a refund owed by bank transfer.
    refundOwed = (await konbiniRefundOwed(server)).reference;
    // Packages for the airport counter, one for each walk through its steps.
    const batch = await admin.api("POST", "/v1/staff/package-batches", {
      body: { planId: "prepaid-voice-sim", channel: "airport", count: 4 },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const csv = await fetch(`${server.url}/v1/staff/package-batches/${String(batch.body.batchId)}/packages.csv`, {
      headers: { cookie: admin.cookie },
    });
    // serial,registration_code,…,plan_name (quoted, with commas),…,iccid,…: the code second, the ICCID by its form.
    const rows = (await csv.text()).trim().split("\n").slice(1);
    packages = rows.map((row) => ({ code: row.split(",")[1] ?? "", iccid: /,(\d{19,20}),/.exec(row)?.[1] ?? "" }));
    expect(packages).toHaveLength(4);
    // Password hashing for four members and a database to fill: slow on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await releaseBrowser(browser);
    await server?.close();
  });

  /** `open` goes to a console address: through the console's own router, as its links do, once it runs. */
  type Visit = { t: Messages; n: number; open(path: string): Promise<void> };
  /** Each page: who sees it, and how to get there (from the page before it, for the counter's steps). */
  const pages: { name: string; as: Who; show(page: Page, visit: Visit): Promise<void> }[] = [
    {
      name: "login",
      as: "signed_out",
      async show(page, { t, open }) {
        await open(`/staff/`);
        await page.getByRole("heading", { name: t["login.title"] }).waitFor();
      },
    },
    {
      name: "password",
      as: "new",
      async show(page, { t, open }) {
        await open(`/staff/`);
        await page.getByRole("heading", { name: t["password.title"] }).waitFor();
      },
    },
    {
      name: "home",
      as: "reviewer",
      async show(page, { t, open }) {
        await open(`/staff/`);
        await page.getByRole("heading", { name: t["home.title"].replace("{name}", "Mori Kenji") }).waitFor();
      },
    },
    {
      name: "queue",
      as: "reviewer",
      async show(page, { open }) {
        await open(`/staff/queue`);
        await page.getByRole("link", { name: waiting }).waitFor();
      },
    },
    {
      name: "case",
      as: "reviewer",
      async show(page, { t, open }) {
        await open(`/staff/cases/${waiting}`);
        await page.getByRole("heading", { name: t["case.title"].replace("{reference}", waiting) }).waitFor();
        await page.getByRole("button", { name: t["case.claimAction"] }).waitFor();
      },
    },
    {
      name: "case-held",
      as: "reviewer",
      async show(page, { t, open }) {
        await open(`/staff/cases/${held}`);
        await page.getByRole("table", { name: t["case.changes"] }).waitFor();
        // The reviewer's own claim: said so, with no button to claim it again.
        await page.getByText(like(t["case.heldByYou"])).waitFor();
        expect(await page.getByRole("button", { name: t["case.claimAction"] }).count()).toBe(0);
        await page.getByRole("button", { name: t["case.releaseAction"] }).waitFor();
        await page.getByRole("radio", { name: t["decide.correct"] }).check();
        await page.getByRole("group", { name: t["decide.fields"] }).waitFor();
      },
    },
    {
      name: "lookup",
      as: "reviewer",
      async show(page, { t, open }) {
        await open(`/staff/lookup`);
        await page.getByLabel(t["lookup.reference"]).fill(line);
        await page.getByRole("button", { name: t["lookup.submit"] }).click();
        await page.getByRole("heading", { name: t["lookup.timeline"] }).waitFor();
      },
    },
    {
      name: "dashboard",
      as: "reviewer",
      async show(page, { t, open }) {
        await open(`/staff/dashboard`);
        await page.getByRole("img", { name: new RegExp(`^${t["dashboard.funnel"]}`) }).waitFor();
      },
    },
    {
      name: "counter",
      as: "admin",
      async show(page, { t, open }) {
        await open(`/staff/counter`);
        await page.getByRole("heading", { name: t["counter.step1"] }).waitFor();
      },
    },
    {
      name: "counter-recorded",
      as: "admin",
      async show(page, { t, n }) {
        const sold = packages[n] as { code: string };
        await page.getByLabel(t["counter.code"]).fill(sold.code);
        await page.getByLabel(t["counter.email"]).fill("visitor@example.test");
        await page.getByRole("button", { name: t["counter.sell"] }).click();
        // The specimen passport (four sales of it, within the five lines a person may hold): its chip is read next.
        await page.getByLabel(t["counter.mrz"]).fill(td3(anna).join("\n"));
        await page.getByLabel(t["counter.postalCode"]).fill(tokyoAddress.postalCode);
        await page.getByLabel(t["counter.prefecture"]).selectOption(tokyoAddress.prefecture);
        await page.getByLabel(t["counter.city"]).fill(tokyoAddress.city);
        await page.getByLabel(t["counter.line1"]).fill(tokyoAddress.line1);
        await page.getByRole("button", { name: t["counter.saveMrz"] }).click();
        await page.getByRole("button", { name: t["counter.chipSave"] }).waitFor();
      },
    },
    {
      name: "counter-activated",
      as: "admin",
      async show(page, { t, n }) {
        const sold = packages[n] as { iccid: string };
        const reference = /JT-[A-Z0-9-]+/.exec((await page.getByRole("status").first().textContent()) ?? "")?.[0] ?? "";
        await recordPassportChip(page, t);
        await page.getByRole("button", { name: t["counter.submit"] }).click();
        await page.getByText(like(t["counter.submitted"])).waitFor();
        await expectChipReadAtCounter(reviewer, reference);
        // A reviewer completes the check the counter could not (the address), while the customer waits.
        await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
        const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
          body: { type: "approve" },
        });
        expect(approved.body.state, JSON.stringify(approved.body)).toBe("sim_assigned");
        await page.getByLabel(t["counter.iccid"]).fill(sold.iccid);
        await page.getByRole("button", { name: t["counter.activate"] }).click();
        await page.getByRole("button", { name: t["counter.again"] }).waitFor();
      },
    },
    {
      name: "shipping",
      as: "admin",
      async show(page, { open }) {
        await open(`/staff/shipping`);
        // One row in each table (a phone's stacked tables show no header row): waiting, and in transit.
        await page.locator("tbody tr").nth(1).waitFor();
      },
    },
    {
      name: "inventory",
      as: "admin",
      async show(page, { t, n, open }) {
        await open(`/staff/inventory`);
        const rows = [1, 2].map((k) => {
          const body = `898110000098${String(n * 10 + k).padStart(6, "0")}`;
          return `${body}${luhnDigit(body)},4401098${String(n * 10 + k).padStart(8, "0")}`;
        });
        await page.getByLabel(t["inventory.file"]).setInputFiles({
          name: "sims.csv",
          mimeType: "text/csv",
          buffer: Buffer.from(`iccid,imsi\n${rows.join("\n")}\n`),
        });
        await page.getByRole("button", { name: t["inventory.submit"] }).click();
        await page.getByText(like(t["inventory.result"].replace("{imported}", "2").replace("{rows}", "2"))).waitFor();
      },
    },
    {
      name: "packages",
      as: "admin",
      async show(page, { t, open }) {
        await open(`/staff/packages`);
        await page.getByLabel(t["packages.plan"]).selectOption("prepaid-data-esim");
        await page.getByLabel(t["packages.count"]).fill("1");
        await page.getByRole("button", { name: t["packages.submit"] }).click();
        await page.getByRole("table", { name: t["packages.codes"] }).waitFor();
      },
    },
    {
      name: "refunds",
      as: "admin",
      async show(page, { open }) {
        await open(`/staff/refunds`);
        await page.getByRole("row").filter({ hasText: refundOwed }).waitFor();
      },
    },
    {
      name: "staff",
      as: "admin",
      async show(page, { t, n, open }) {
        await open(`/staff/staff`);
        await page.getByLabel(t["staff.name"], { exact: true }).fill(`Lin Wei ${n}`);
        await page.getByLabel(t["staff.email"], { exact: true }).fill(`lin.wei.${n}@operator.test`);
        await page.getByRole("button", { name: t["staff.createSubmit"] }).click();
        await page.getByText(like(t["staff.created"])).waitFor();
      },
    },
    {
      name: "plans",
      as: "admin",
      async show(page, { open }) {
        await open(`/staff/plans`);
        await page.getByRole("row").filter({ hasText: "prepaid-voice-sim" }).waitFor();
      },
    },
    {
      name: "policies",
      as: "admin",
      async show(page, { open }) {
        await open(`/staff/policies`);
        const law = page.getByRole("row").filter({ hasText: "jp-mobile-act" }).first();
        await law.waitFor();
        await law.getByRole("button").click();
        await page.locator("details[open] .json pre").first().waitFor();
      },
    },
    {
      name: "audit",
      as: "admin",
      async show(page, { t, open }) {
        await open(`/staff/audit`);
        await page.getByRole("button", { name: t["audit.run"] }).click();
        await page.getByRole("heading", { name: t["audit.valid"] }).waitFor();
      },
    },
    {
      name: "records",
      as: "compliance",
      async show(page, { t, open }) {
        await open(`/staff/records`);
        await page.getByRole("button", { name: t["records.search"] }).click();
        await page.getByRole("row").filter({ hasText: line }).waitFor();
      },
    },
  ];

  it("shows each page without a serious accessibility violation, overflow or English text", async () => {
    const failures: string[] = [];
    let n = 0;
    for (const viewport of ["phone", "desktop"] as ViewportName[]) {
      for (const { lang, locale, t } of languages) {
        const english = englishOnly(t);
        const context = await openContext(browser, { viewport, locale });
        const page = await context.newPage();
        let who: Who | null = null;
        let loaded = false;
        const open = async (path: string) => {
          if (loaded) {
            await page.evaluate((to) => {
              history.pushState(null, "", to);
              window.dispatchEvent(new PopStateEvent("popstate"));
            }, path);
          } else {
            await page.goto(`${server.url}${path}`);
            loaded = true;
          }
        };
        for (const p of pages) {
          if (p.as !== who) {
            // Another member: the console reads the session when it starts.
            await useSession(context, server, p.as === "signed_out" ? null : sessions[p.as]);
            who = p.as;
            loaded = false;
          }
          const name = `${p.name}-${lang}-${viewport}`;
          await p.show(page, { t, n, open }).catch(async (e) => {
            await screenshot(page, "console", `FAILED-${name}`);
            throw e;
          });
          await page.getByText(t["common.loading"]).waitFor({ state: "detached" });
          expect(await page.evaluate(() => document.documentElement.lang), name).toBe(lang);
          await screenshot(page, "console", name);
          const overflow = await horizontalOverflow(page);
          if (overflow) failures.push(`${name}: ${overflow}`);
          // The same markup at both sizes: axe runs on the phone's layout, where contrast and targets
          // are tightest.
          if (viewport === "phone") {
            for (const v of await seriousAxeViolations(page)) {
              failures.push(`${name}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(", ")}`);
            }
          }
          const { text, words } = await pageText(page);
          const leaked = english.filter((e) => new RegExp(`(?<![A-Za-z])${escapeRegExp(e)}(?![A-Za-z])`).test(text));
          if (leaked.length > 0) failures.push(`${name}: English on the page: ${leaked.join(" | ")}`);
          const raw = untranslated(words, t);
          if (raw.length > 0) failures.push(`${name}: untranslated codes or sentences: ${raw.join(" | ")}`);
          const keys = Object.keys(en).filter((key) => text.includes(key));
          if (keys.length > 0) failures.push(`${name}: dictionary keys on the page: ${keys.join(", ")}`);
        }
        await context.close();
        n++;
      }
    }
    expect(failures).toEqual([]);
    // A bound, not a measure: the walk (~160 pages) used 55 s of CPU but 240 s of a machine shared with
    // other runs, and timed out there.
  }, 600_000);
});
