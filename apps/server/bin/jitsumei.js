#!/usr/bin/env node
// The `jitsumei` command. Compiled JavaScript (dist/, written by `npm run build`: build.mjs) when it
// exists, as in production and the bench; otherwise, or with JITSUMEI_FROM_SOURCE=1 (the test suite
// sets it, development may), the TypeScript sources through tsx's loader.
import { existsSync } from "node:fs";

const built = new URL("../dist/jitsumei.js", import.meta.url);
let main;
if (process.env.JITSUMEI_FROM_SOURCE !== "1" && existsSync(built)) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
