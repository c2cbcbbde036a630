// `npx tsx scripts/api-types.ts [--check]`: the site's API types (apps/web/src/api/openapi.ts), generated
// by openapi-typescript from the OpenAPI document the server publishes at /openapi.json (the routes a
// production server serves). `--check` (npm test's static checks) fails when the file is not current.
import { readFileSync, writeFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { API_VERSION, allRoutes } from "../apps/server/src/http/app.ts";
import { buildOpenApi } from "../apps/server/src/http/openapi.ts";
import { READER_CONTRACT_VERSION } from "../apps/server/src/reader/reader-contract.ts";

const target = new URL("../apps/web/src/api/openapi.ts", import.meta.url);
const document = buildOpenApi(
  allRoutes.filter((route) => !route.devOnly),
  API_VERSION,
  { "x-reader-contract": READER_CONTRACT_VERSION },
);
const generated = `// Generated from the server's OpenAPI document by scripts/api-types.ts: do not edit.\n\n${astToString(
  await openapiTS(JSON.parse(JSON.stringify(document)), { alphabetize: true }),
)}`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== generated) {
    process.stderr.write("apps/web/src/api/openapi.ts is not current: run npx tsx scripts/api-types.ts\n");
    process.exit(1);
  }
} else {
  writeFileSync(target, generated);
}
