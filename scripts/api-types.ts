// `npx tsx scripts/api-types.ts [--check]`: the API contract both front ends use (packages/api-contract),
// generated from the OpenAPI document the server publishes at /openapi.json (the routes a production server
// serves). `--check` (npm test's static checks) fails when either generated file is not current.
//
// - src/openapi.ts: the types of every path, parameter, body and answer (openapi-typescript), which the
//   typed client (openapi-fetch) takes its paths and shapes from. The X-CSRF-Token header is left out of
//   them: the console's client adds the session's token to every request that changes something, so no
//   call names it (the server still requires it; the document it serves still says so).
// - src/response-schemas.ts: the JSON schema of every operation's JSON answers, by method, path and
//   status, which the client checks each answer against before a page reads it. Only the keywords that
//   describe a shape are kept (type, properties, required, items, enum, const, unions): an answer with a
//   field the contract does not name yet passes (the server may add one before the page knows it), and
//   descriptions, patterns and formats stay out of the bundle.
import { readFileSync, writeFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { API_VERSION, allRoutes } from "../apps/server/src/http/app.ts";
import { buildOpenApi } from "../apps/server/src/http/openapi.ts";
import { READER_CONTRACT_VERSION } from "../apps/server/src/reader/reader-contract.ts";

type Json = Record<string, unknown>;

const typesTarget = new URL("../packages/api-contract/src/openapi.ts", import.meta.url);
const schemasTarget = new URL("../packages/api-contract/src/response-schemas.ts", import.meta.url);
const document = JSON.parse(
  JSON.stringify(
    buildOpenApi(
      allRoutes.filter((route) => !route.devOnly),
      API_VERSION,
      { "x-reader-contract": READER_CONTRACT_VERSION },
    ),
  ),
) as {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

const forTypes = structuredClone(document);
for (const operations of Object.values(forTypes.paths)) {
  for (const operation of Object.values(operations)) {
    const parameters = operation.parameters as { name: string; in: string }[] | undefined;
    if (parameters) operation.parameters = parameters.filter((p) => !(p.in === "header" && p.name === "X-CSRF-Token"));
  }
}
const types = `// Generated from the server's OpenAPI document by scripts/api-types.ts: do not edit.\n\n${astToString(
  await openapiTS(JSON.parse(JSON.stringify(forTypes)), { alphabetize: true }),
)}`;

/** The keywords that describe a shape; the rest (descriptions, formats, lengths, patterns) is dropped. */
const kept = new Set(["type", "properties", "required", "items", "prefixItems", "enum", "const", "anyOf", "$ref"]);
function shape(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shape);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, s]) => [name, shape(s)]));
    } else if (key === "oneOf" || key === "allOf") {
      // Without additionalProperties: false two branches may both fit; any fitting branch will do.
      out[key === "oneOf" ? "anyOf" : "allOf"] = shape(value);
    } else if (key === "additionalProperties" && typeof value === "object") {
      out.additionalProperties = shape(value); // a record's values
    } else if (key === "$ref") {
      out.$ref = String(value).replace("#/components/schemas/", "#/$defs/");
    } else if (kept.has(key)) {
      out[key] = shape(value);
    }
  }
  return out;
}

const operations: string[] = [];
for (const [path, methods] of Object.entries(document.paths).sort(([a], [b]) => a.localeCompare(b))) {
  for (const [method, operation] of Object.entries(methods).sort(([a], [b]) => a.localeCompare(b))) {
    const answers: Json = {};
    for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
      const json = (response.content as Record<string, { schema: unknown }> | undefined)?.["application/json"];
      if (/^2\d\d$/.test(status) && json) answers[status] = shape(json.schema);
    }
    if (Object.keys(answers).length > 0) {
      operations.push(`  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: ${JSON.stringify(answers)},`);
    }
  }
}
const definitions = Object.entries(document.components.schemas)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, schema]) => `  ${JSON.stringify(name)}: ${JSON.stringify(shape(schema))},`);
const schemas = `// Generated from the server's OpenAPI document by scripts/api-types.ts: do not edit.
// The shape of each operation's JSON answers, by status (see scripts/api-types.ts for what is kept).
import type { Schema } from "@cfworker/json-schema";

/** The named schemas the answers refer to (#/$defs/Name). */
export const definitions: Record<string, Schema> = {
${definitions.join("\n")}
};

/** "METHOD /path/{param}" → status → the answer's schema. */
export const responseSchemas: Record<string, Record<string, Schema>> = {
${operations.join("\n")}
};
`;

if (process.argv.includes("--check")) {
  let stale = false;
  for (const [target, generated] of [
    [typesTarget, types],
    [schemasTarget, schemas],
  ] as const) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {}
    if (current !== generated) {
      process.stderr.write(`${target.pathname} is not current: run npx tsx scripts/api-types.ts\n`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
} else {
  writeFileSync(typesTarget, types);
  writeFileSync(schemasTarget, schemas);
}
