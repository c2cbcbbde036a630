import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ApplicationRow } from "../applications/application-row.ts";
import { authenticateApplicant } from "../applications/authenticate-applicant.ts";
import { AppError, type FieldError } from "../errors.ts";
import { requestHash, withIdempotency } from "../idempotency/idempotency.ts";
import type { Services } from "../services.ts";
import { buildOpenApi } from "./openapi.ts";
import { isDatabaseUnavailable, problem, problemResult } from "./problem.ts";
import { CursorError, type RouteResult, type RouteSpec } from "./route.ts";
import { applicationRoutes } from "./routes/application-routes.ts";
import { opsRoutes } from "./routes/ops-routes.ts";
import { planRoutes } from "./routes/plan-routes.ts";

export const allRoutes: readonly RouteSpec[] = [...opsRoutes, ...planRoutes, ...applicationRoutes];

export const API_VERSION = "0.1.0";

export async function buildApp(
  services: Services,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      services.config.logLevel === "silent"
        ? false
        : {
            level: services.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Personal data never reaches the log: no bodies are logged, and secrets in headers are cut.
            redact: {
              paths: ["req.headers.authorization", "req.headers.cookie", 'req.headers["idempotency-key"]'],
              censor: "[redacted]",
            },
          },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });

  // JSON only: a text/plain body is refused (415) rather than handed to a route as a string.
  app.removeContentTypeParser("text/plain");

  // Developer tools only outside production, and the outbox only where mail stays local.
  const devTools = services.config.env !== "production" && services.config.mail.kind === "local-outbox";
  const routes = allRoutes.filter((r) => !r.devOnly || devTools);
  const openapi = buildOpenApi(routes, API_VERSION);
  app.get("/openapi.json", async () => openapi);

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ":$1"),
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      // Applicants are recognised before the body is read: a wrong token never makes the server parse
      // a 20 MiB upload.
      ...(route.auth === "applicant"
        ? {
            onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
              const instance = request.url.split("?")[0] ?? request.url;
              try {
                opened.set(
                  request,
                  await authenticateApplicant(
                    services.db,
                    String((request.params as Record<string, string>).reference ?? ""),
                    bearerToken(request),
                  ),
                );
              } catch (error) {
                if (!(error instanceof AppError)) throw error;
                return send(reply, problemResult(error, instance));
              }
            },
          }
        : {}),
      handler: async (request, reply) => send(reply, await handle(route, request, services)),
    });
  }

  app.setNotFoundHandler((request, reply) => {
    send(reply, problem("not_found", `No route ${request.method} ${request.url.split("?")[0]}`, request.url));
  });

  app.setErrorHandler((error, request, reply) => {
    send(reply, errorResult(error, request, services));
  });

  return app;
}

/** The application each applicant request opened, from its onRequest hook to its handler. */
const opened = new WeakMap<FastifyRequest, ApplicationRow>();

async function handle(route: RouteSpec, request: FastifyRequest, services: Services): Promise<RouteResult> {
  const instance = request.url.split("?")[0] ?? request.url;
  const answer = async (fn: () => Promise<RouteResult>): Promise<RouteResult> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof AppError) return problemResult(error, instance);
      if (error instanceof CursorError) {
        return problemResult(
          AppError.validation([{ field: "cursor", reason: "is not a cursor this API gave out" }]),
          instance,
        );
      }
      throw error;
    }
  };

  // Who is asking comes first: nothing (not even an idempotency key) is stored for a wrong token.
  // Opened in the route's onRequest hook, before the body was read.
  const application: ApplicationRow | null = opened.get(request) ?? null;
  if (route.auth === "applicant" && !application)
    throw new Error("applicant route reached its handler unauthenticated");

  const run = () =>
    answer(async () => {
      const errors: FieldError[] = [];
      const params = parse(route.params, request.params, "", errors);
      const query = parse(route.query, request.query, "", errors);
      const body = parse(route.body, request.body ?? {}, "", errors);
      if (errors.length > 0) throw AppError.validation(errors);
      return route.handler(
        {
          params,
          query,
          body,
          application,
          client: {
            ip: request.ip,
            userAgent: request.headers["user-agent"] ?? null,
            // An app's installation id, for velocity limits; only its blind index is kept.
            deviceId:
              typeof request.headers["x-device-id"] === "string" ? request.headers["x-device-id"].slice(0, 200) : null,
          },
        },
        services,
      );
    });

  const key = request.headers["idempotency-key"];
  if (!route.idempotent || key === undefined) return run();
  return answer(async () => {
    const result = await withIdempotency(
      services,
      {
        principal: application ? `application:${application.id}` : "anonymous",
        key: String(key),
        hash: requestHash(route.method, instance, request.body ?? null),
      },
      run,
    );
    return result.replayed ? { ...result, headers: { ...result.headers, "idempotent-replayed": "true" } } : result;
  });
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, prefix: string, errors: FieldError[]): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    errors.push({
      field: `${prefix}${path}` || "body",
      reason: issue.code === "unrecognized_keys" ? `has unknown fields: ${issue.keys.join(", ")}` : issue.message,
    });
  }
  return undefined as T;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function errorResult(error: unknown, request: FastifyRequest, services: Services): RouteResult {
  const instance = request.url.split("?")[0] ?? request.url;
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (isDatabaseUnavailable(error)) {
    return problem("database_unavailable", "The database is not reachable just now: retry in a few seconds", instance);
  }
  if (e.statusCode === 415) {
    return problem("unsupported_media_type", "Send the body as JSON with Content-Type: application/json", instance);
  }
  if (e.statusCode === 413) {
    return problem("malformed_request", "The body is larger than this endpoint accepts", instance);
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return problem("malformed_request", `The body is not valid JSON (${e.message ?? "unreadable"})`, instance);
  }
  request.log.error({ err: error, database: services.db.kind }, "unhandled error");
  return problem("internal_error", "Something went wrong on our side; it has been logged", instance);
}

function send(reply: FastifyReply, result: RouteResult): FastifyReply {
  reply.status(result.status);
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
  if (result.body === undefined) return reply.send();
  if (!result.headers?.["content-type"]) reply.header("content-type", "application/json; charset=utf-8");
  return reply.send(JSON.stringify(result.body));
}
