#!/usr/bin/env node
// The `jitsumei` command. Compiled JavaScript (dist/, written by `npm run build`: build.mjs) when it
// exists and is not older than the sources, as in production and the bench; otherwise, or with
// JITSUMEI_FROM_SOURCE=1 (development may set it), the TypeScript sources through
// tsx's loader. A build older than a source file it was made from would run code that is no longer
// there: the sources run instead, and the command says so on stderr.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

// V8 lets the old generation grow up to four times what a full collection left before it collects
// again; at 1.5 times the server's peak resident memory under the onboarding benchmark's load fell
// from 307 to 226 MiB at the same throughput (BENCHMARKS.md). For `serve` only: its start costs about
// 0.3 s more CPU (more collections while the code loads), which a one-shot command need not pay. Set
// before any code is loaded; the flag on node's command line or in NODE_OPTIONS wins. (The young
// generation's size cannot be set from here, V8 fixes it when the process starts: `npm start` gives
// node --max-semi-space-size=8 itself; docs/operating.md.)
const given = (flag) =>
  process.execArgv.some((arg) => arg.startsWith(flag)) || (process.env.NODE_OPTIONS ?? "").includes(flag);
if (process.argv[2] === "serve" && !given("--heap-growing-percent")) {
  setFlagsFromString("--heap-growing-percent=50");
}

const built = new URL("../dist/jitsumei.js", import.meta.url);

/** The newest modification time of the server's and the workspace packages' TypeScript sources. */
function newestSource() {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const dirs = [`${root}apps/server/src`];
  for (const pkg of existsSync(`${root}packages`) ? readdirSync(`${root}packages`) : []) {
    dirs.push(`${root}packages/${pkg}/src`);
  }
  let newest = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true })) {
      if (!String(name).endsWith(".ts")) continue;
      const mtime = statSync(`${dir}/${name}`).mtimeMs;
      if (mtime > newest) newest = mtime;
    }
  }
  return newest;
}

function useBuild() {
  if (process.env.JITSUMEI_FROM_SOURCE === "1" || !existsSync(built)) return false;
  if (statSync(built).mtimeMs >= newestSource()) return true;
  process.stderr.write(
    "jitsumei: the build in apps/server/dist is older than the sources: running the sources (npm run build makes a new one)\n",
  );
  return false;
}

let main;
if (useBuild()) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
const code = await main(process.argv.slice(2));
process.exitCode = code;
// `reader …` leaves the process's PC/SC client running (packages/pcsc never stops it: pcsc-mini's stop
// can block for good), and that client keeps the process alive: a one-shot read ends it here.
if (process.argv[2] === "reader") process.exit(code);
