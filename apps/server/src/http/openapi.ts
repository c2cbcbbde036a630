import { z } from "zod";
import type { RouteSpec } from "./route.ts";
import { problemSchema } from "./schemas.ts";

/** OpenAPI 3.1, generated from the same route specs and schemas that validate requests. */
export function buildOpenApi(routes: readonly RouteSpec[], version: string, extensions: Record<string, unknown> = {}) {
  const components: Record<string, unknown> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output") => {
    const json = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      override: (ctx) => {
        delete (ctx.jsonSchema as Record<string, unknown>).$schema;
      },
    }) as Record<string, unknown>;
    delete json.$schema;
    // Named schemas (.meta({ id })) become shared components instead of inline $defs.
    const defs = (json.$defs ?? {}) as Record<string, unknown>;
    delete json.$defs;
    const hoisted = JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<
      string,
      unknown
    >;
    for (const [name, def] of Object.entries(defs)) {
      components[name] ??= JSON.parse(JSON.stringify(def).replaceAll('"#/$defs/', '"#/components/schemas/'));
    }
    return hoisted;
  };
  const problem = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  toSchema(problemSchema, "output"); // registers components.Problem

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
      parameters.push({ name: name.slice(1, -1), in: "path", required: true, schema: { type: "string" } });
    }
    if (route.query) {
      const q = toSchema(route.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema });
      }
    }
    if (route.auth === "applicant") {
      parameters.push({
        name: "Authorization",
        in: "header",
        required: true,
        description: "Bearer <accessToken> of the application",
        schema: { type: "string" },
      });
    }
    if (route.auth === "subscriber") {
      parameters.push({
        name: "Authorization",
        in: "header",
        required: true,
        description: "Bearer <token> from POST /v1/subscriber/sign-in/verify",
        schema: { type: "string" },
      });
    }
    if (route.auth === "staff" && route.method !== "GET") {
      parameters.push({
        name: "X-CSRF-Token",
        in: "header",
        required: true,
        description: "The csrfToken the sign-in (or GET /v1/staff/session) returned for this session",
        schema: { type: "string" },
      });
    }
    if (route.idempotent) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "16–255 printable characters (a UUID): the same key and body give the same response",
        schema: { type: "string", minLength: 16, maxLength: 255 },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = r.schema
        ? { description: r.description, content: { "application/json": { schema: toSchema(r.schema, "output") } } }
        : r.file
          ? { description: r.description, content: { [r.file]: { schema: { type: "string", format: "binary" } } } }
          : { description: r.description, content: problem };
    }
    responses.default = { description: "An error (RFC 9457 problem details)", content: problem };
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag, ...(route.alsoTags ?? [])],
      ...(route.auth === "staff"
        ? {
            security: [{ staffSession: [] }],
            "x-permission": route.permission,
          }
        : {}),
      parameters,
      ...(route.body
        ? {
            // A body whose fields are all optional may be left out (the server reads none as {}), as on submit.
            requestBody: {
              required: !route.body.safeParse({}).success,
              content: { "application/json": { schema: toSchema(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Jitsumei API",
      version,
      description: "Mobile subscriber onboarding with the identity verification Japanese law requires.",
      ...extensions,
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        staffSession: { type: "apiKey", in: "cookie", name: "jitsumei_staff", description: "POST /v1/staff/session" },
      },
    },
  };
}
