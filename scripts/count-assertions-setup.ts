// Loaded by vitest.config.ts only when JITSUMEI_COUNT_ASSERTIONS names a file (scripts/count-assertions.mjs
// sets it): after each test, one JSON line with the test file, the test's full name and how many
// assertions it made (vitest's own count, `expect.getState().assertionCalls`: one per `expect(...)`
// call, an `expect.poll(...)` counting once however often it polls). Assertions made in
// beforeAll/afterAll hooks belong to no test and are not counted; a test that asserts inside a loop
// whose length depends on what happened (a retry loop) may count differently from run to run.
import { appendFileSync } from "node:fs";
import { afterAll, afterEach, expect } from "vitest";

const out = process.env.JITSUMEI_COUNT_ASSERTIONS;
if (out) {
  // The browser tests share one Chromium per worker (apps/server/test/support/browser.ts), which
  // Playwright kills when the worker exits, without the worker reaping it: its CPU time would go
  // uncounted. When counting, it is closed (and so reaped) after each file, which launches its own as
  // before the sharing: the figures count every browser's CPU, a launch per file included.
  afterAll(async () => {
    const shared = globalThis as { jitsumeiTestBrowser?: Promise<{ close(): Promise<void> }> };
    const browser = await shared.jitsumeiTestBrowser?.catch(() => undefined);
    shared.jitsumeiTestBrowser = undefined;
    await browser?.close();
  });
  afterEach((context) => {
    const names: string[] = [];
    // The test's name under its describe blocks; the file itself is a suite too, named by its path.
    type Named = { name: string; suite?: Named; filepath?: string };
    for (let task: Named | undefined = context.task; task && task.filepath === undefined; task = task.suite) {
      names.unshift(task.name);
    }
    const line = {
      file: context.task.file.filepath,
      test: names.join(" > "),
      assertions: expect.getState().assertionCalls,
    };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}
