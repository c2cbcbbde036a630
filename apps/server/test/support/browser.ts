import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page, type Request } from "playwright-core";

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) through playwright-core, against
 * the production builds served by a real test server: its headless shell (package
 * chromium-headless-shell, the same Blink and V8 without the browser around them, which Playwright's
 * own headless runs use too). Against the full browser in its headless mode it took a quarter less
 * of the machine's CPU for the console's page walk (60 s against 77-84 s, alone on two cores).
 * CHROMIUM_PATH names another (`/usr/bin/chromium` to watch the full browser).
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";

/** Screenshots the browser tests write, to be looked at: `<repo>/screenshots/<suite>/<name>.png`. */
export const screenshotsDir = resolve(import.meta.dirname, "..", "..", "..", "..", "screenshots");

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;
export type ViewportName = keyof typeof viewports;

/**
 * The test worker's Chromium, launched by the first browser test file the worker runs and used by the
 * next ones (vitest.config.ts: isolate false keeps a worker's process from one file to the next): a
 * launch costs ~2.4 s of CPU (Chromium's and Node's, measured on two loaded cores), which each of the
 * 15 files paid. Kept on globalThis rather than in this module, so that a module loaded afresh cannot
 * launch a second one; Playwright closes it when the worker process exits. Each file gives back what it
 * opened with `releaseBrowser`, never `close()`, which would end it for the files after.
 */
export async function launchBrowser(): Promise<Browser> {
  const shared = globalThis as { jitsumeiTestBrowser?: Promise<Browser> };
  const running = await shared.jitsumeiTestBrowser?.catch(() => undefined);
  if (running?.isConnected()) return running;
  shared.jitsumeiTestBrowser = chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
  return shared.jitsumeiTestBrowser;
}

/**
 * Closes every context of the shared browser (a file's contexts, pages and cookies go with it), leaving
 * the browser for the worker's next file. Test files run one at a time in a worker, so every context
 * open at the end of a file is that file's.
 */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  await Promise.all(browser.contexts().map((context) => context.close()));
}

/**
 * A fresh context (no cookies, no storage) with a viewport and the browser's preferred language. The
 * pages run under the server's own Content-Security-Policy; every violation is recorded for
 * `seriousAxeViolations`.
 */
export async function openContext(
  browser: Browser,
  options: { viewport?: ViewportName; locale?: string; userAgent?: string } = {},
): Promise<BrowserContext> {
  const viewport = viewports[options.viewport ?? "phone"];
  const context = await browser.newContext({
    viewport,
    locale: options.locale ?? "ja-JP",
    // A phone's own user agent, for pages that offer what only that phone can do (Chromium's otherwise).
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.viewport === "desktop" ? {} : { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return context;
}

const requestsInFlight = new WeakMap<Page, Set<Request>>();

/** Counts the page's requests in flight from now on, for `networkQuiet`. */
export function trackRequests(page: Page): void {
  const pending = new Set<Request>();
  page.on("request", (request) => pending.add(request));
  page.on("requestfinished", (request) => pending.delete(request));
  page.on("requestfailed", (request) => pending.delete(request));
  requestsInFlight.set(page, pending);
}

/**
 * Resolves once no request of the page has been in flight for `quietMs`. Playwright's "networkidle"
 * waits 500 ms of quiet on every page, which a walk over 76 pages spent as 40 s of sleep.
 */
export async function networkQuiet(page: Page, quietMs = 100, timeoutMs = 15_000): Promise<void> {
  const pending = requestsInFlight.get(page);
  if (!pending) throw new Error("networkQuiet: call trackRequests(page) when the page is opened");
  const deadline = Date.now() + timeoutMs;
  let quietSince = 0;
  while (Date.now() < deadline) {
    if (pending.size > 0) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`networkQuiet: still loading after ${timeoutMs} ms: ${[...pending].map((r) => r.url()).join(", ")}`);
}

/**
 * Writes a screenshot (in CSS pixels) of what the screen shows, or of the whole page when
 * JITSUMEI_SCREENSHOTS=full, and returns its path. No test reads these images: they are written to
 * be looked at, and the suite takes ~240 of them. A full page cost Chromium and Node 0.55-0.76 s of CPU
 * for a 3,241 px phone page against 0.07-0.08 s for the screen (10 shots of each, alternated twice);
 * most pages are much shorter: the console's every-page walk (80 shots) went from 69.1 to 65.3 s of CPU.
 * Look at whole pages with `JITSUMEI_SCREENSHOTS=full npx vitest run <file>`.
 */
export async function screenshot(page: Page, suite: string, name: string): Promise<string> {
  const dir = join(screenshotsDir, suite);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // One image pixel per CSS pixel: a phone context renders at device scale 2, and a full-page PNG of
  // four times the pixels took 2.6 times the CPU (20 shots of a long phone page: 36 s against 14 s of
  // Chromium's and Node's CPU).
  await page.screenshot({ path, fullPage: process.env.JITSUMEI_SCREENSHOTS === "full", scale: "css" });
  return path;
}

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

const axeSource: string = createRequire(import.meta.url)("axe-core").source;

/**
 * axe-core against the page as it stands, for WCAG 2.0/2.1/2.2 A and AA; returns the serious and
 * critical violations (the ones the web app must never have), and, as critical, every
 * Content-Security-Policy violation the page met since it loaded. axe is evaluated through the
 * debugging protocol, which the page's policy does not govern (a script tag would be refused).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Once per document: a single-page app keeps it across its own navigations.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const csp = await page.evaluate(() => [
    ...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  ]);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }),
    );
  });
  return [
    ...csp.map((help) => ({ id: "content-security-policy", impact: "critical", help, targets: [] })),
    ...(violations as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical"),
  ];
}

/**
 * Whether anything makes the page wider than the screen: `null` when nothing does, else how much wider
 * and the outermost elements that stick out (a scrolling container's content does not count, only
 * what widens the page itself). Measured against the layout viewport (`clientWidth`): on a phone
 * Chromium zooms out to fit a wide page, so `window.innerWidth` grows with the content and would hide it.
 */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const excess = root.scrollWidth - root.clientWidth;
    if (excess <= 0) return null;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${[...e.classList].map((c) => `.${c}`).join("")}`;
    // Inside a scrolling box an element widens that box, not the page; unless it is positioned outside it.
    const clipped = (e: Element) => {
      const escapes = ["absolute", "fixed"].includes(getComputedStyle(e).position);
      const containingBlock = (e as HTMLElement).offsetParent;
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const scrolls = getComputedStyle(a).overflowX !== "visible";
        if (scrolls && (!escapes || (containingBlock !== null && a.contains(containingBlock)))) return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll("*")].filter(
      (e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(e),
    );
    // The outermost ones: an element inside another that sticks out says nothing new.
    const outermost = wide.filter((e) => !wide.some((o) => o !== e && o.contains(e)));
    return `${excess}px wider than the screen: ${outermost.slice(0, 5).map(describe).join(", ")}`;
  });
}
