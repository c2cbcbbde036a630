// `npx tsx scripts/api-types.ts [--check]`: the API contract both front ends use (packages/api-contract),
// generated from the OpenAPI document the server publishes at /openapi.json (the routes a production server
// serves). `--check` (npm test's static checks) fails when either generated file is not current.
//
// - src/openapi.ts: the types of every path, parameter, body and answer (openapi-typescript), which the
//   typed client (openapi-fetch) takes its paths and shapes from. The X-CSRF-Token header is left out of
//   them: the console's client adds the session's token to every request that changes something, so no
//   call names it (the server still requires it; the document it serves still says so).
// - src/answer-schemas/{public,all}.ts: the JSON schema of each operation's JSON answers, by method, path
//   and status, which the client checks each answer against before a page reads it: public.ts every
//   operation outside /v1/staff/ (the site), all.ts every one (the console), each with only the shared
//   schemas its answers refer to, so a front end's bundle carries its own answers only. Only the keywords
//   that describe a shape are kept (type, properties, required, items, enum, const, unions): an answer
//   with a field the contract does not name yet passes (the server may add one before the page knows it),
//   and descriptions, patterns and formats stay out of the bundle.
import { readFileSync, writeFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { API_VERSION, allRoutes } from "../apps/server/src/http/app.ts";
import { buildOpenApi } from "../apps/server/src/http/openapi.ts";
import { READER_CONTRACT_VERSION } from "../apps/server/src/reader/reader-contract.ts";

type Json = Record<string, unknown>;

const typesTarget = new URL("../packages/api-contract/src/openapi.ts", import.meta.url);
const publicTarget = new URL("../packages/api-contract/src/answer-schemas/public.ts", import.meta.url);
const allTarget = new URL("../packages/api-contract/src/answer-schemas/all.ts", import.meta.url);
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

/** Every operation's JSON answers by status, and the names of the shared schemas they refer to. */
const operations: { name: string; path: string; answers: Json }[] = [];
for (const [path, methods] of Object.entries(document.paths).sort(([a], [b]) => a.localeCompare(b))) {
  for (const [method, operation] of Object.entries(methods).sort(([a], [b]) => a.localeCompare(b))) {
    const answers: Json = {};
    for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
      const json = (response.content as Record<string, { schema: unknown }> | undefined)?.["application/json"];
      if (/^2\d\d$/.test(status) && json) answers[status] = shape(json.schema);
    }
    if (Object.keys(answers).length > 0) operations.push({ name: `${method.toUpperCase()} ${path}`, path, answers });
  }
}
const shapes = Object.fromEntries(Object.entries(document.components.schemas).map(([name, s]) => [name, shape(s)]));

/** The shared schemas the answers refer to, directly or through another (request bodies' never ship). */
function referredTo(answers: unknown[]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    for (const [, name] of JSON.stringify(value).matchAll(/"#\/\$defs\/([^"]+)"/g)) {
      if (name && !found.has(name)) {
        found.add(name);
        visit(shapes[name]);
      }
    }
  };
  visit(answers);
  return [...found].sort((a, b) => a.localeCompare(b));
}

/**
 * A front end's answer schemas: the operations it may call, with only the shared schemas they use, so
 * its bundle carries nothing else. The site never calls a staff route (`/v1/staff/…`); the console
 * calls both kinds.
 */
function answerSchemas(audience: string, exportName: string, selected: typeof operations): string {
  const definitions = referredTo(selected.map((o) => o.answers)).map(
    (name) => `    ${JSON.stringify(name)}: ${JSON.stringify(shapes[name])},`,
  );
  return `// Generated from the server's OpenAPI document by scripts/api-types.ts: do not edit.
// The shape of each JSON answer ${audience} reads, by operation and status (see scripts/api-types.ts).
import type { AnswerSchemas } from "../check-answer.ts";

export const ${exportName}: AnswerSchemas = {
  /** The named schemas the answers refer to (#/$defs/Name). */
  definitions: {
${definitions.join("\n")}
  },
  /** "METHOD /path/{param}" → status → the answer's schema. */
  operations: {
${selected.map((o) => `    ${JSON.stringify(o.name)}: ${JSON.stringify(o.answers)},`).join("\n")}
  },
};
`;
}

const generated: [URL, string][] = [
  [typesTarget, types],
  [
    publicTarget,
    answerSchemas(
      "the applicant site",
      "publicAnswers",
      operations.filter((o) => !o.path.startsWith("/v1/staff/")),
    ),
  ],
  [allTarget, answerSchemas("the console (every operation)", "allAnswers", operations)],
];

if (process.argv.includes("--check")) {
  let stale = false;
  for (const [target, text] of generated) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {}
    if (current !== text) {
      process.stderr.write(`${target.pathname} is not current: run npx tsx scripts/api-types.ts\n`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
} else {
  for (const [target, text] of generated) writeFileSync(target, text);
}
