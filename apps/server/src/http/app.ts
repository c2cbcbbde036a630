import { join } from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RouteOptions,
} from "fastify";
import type { z } from "zod";
import type { ApplicationRow } from "../applications/application-row.ts";
import { authenticateApplicant } from "../applications/authenticate-applicant.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { registerDigitalAuthSimulator, type SimulatorOptions } from "../digital-auth/simulator.ts";
import { AppError, type FieldError } from "../errors.ts";
import { requestHash, withIdempotency } from "../idempotency/idempotency.ts";
import type { LocalPortingSimulator } from "../number-portability/local-porting-simulator.ts";
import { registerMnpLinesPage } from "../number-portability/mnp-lines-page.ts";
import { registerOneStopSimulator } from "../number-portability/one-stop-simulator-page.ts";
import { registerKonbiniTill } from "../payments/konbini-till.ts";
import type { LocalTestGateway } from "../payments/local-test-gateway.ts";
import { registerReaderAppSimulator } from "../reader/reader-app-simulator.ts";
import { READER_CONTRACT_VERSION, READER_TAG } from "../reader/reader-contract.ts";
import type { Services } from "../services.ts";
import { roleMay } from "../staff/permissions.ts";
import {
  authenticateStaff,
  CSRF_HEADER,
  csrfMatches,
  type StaffPrincipal,
  sessionCookieName,
} from "../staff/staff-sessions.ts";
import { authenticateSubscriber, type SubscriberPrincipal } from "../subscribers/subscriber-access.ts";
import { unsafeBodyField } from "./body-hygiene.ts";
import { answerClientError, limitedServerFactory } from "./connection-limits.ts";
import { devToolsEnabled } from "./dev-tools.ts";
import { fieldHoldingIndividualNumber, individualNumberReason } from "./individual-number-guard.ts";
import { buildOpenApi } from "./openapi.ts";
import { problem, problemResult } from "./problem.ts";
import { databaseRateLimitStore } from "./rate-limit-store.ts";
import { CursorError, type RouteResult, type RouteSpec } from "./route.ts";
import { afterActivationRoutes } from "./routes/after-activation-routes.ts";
import { announcementRoutes } from "./routes/announcement-routes.ts";
import { applicantSignInRoutes } from "./routes/applicant-sign-in-routes.ts";
import { applicationRoutes } from "./routes/application-routes.ts";
import { complianceRoutes } from "./routes/compliance-routes.ts";
import { contractRoutes } from "./routes/contract-routes.ts";
import { creditRoutes } from "./routes/credit-routes.ts";
import { dashboardRoutes } from "./routes/dashboard-routes.ts";
import { digitalAuthRoutes } from "./routes/digital-auth-routes.ts";
import { handoffRoutes } from "./routes/handoff-routes.ts";
import { inventoryRoutes } from "./routes/inventory-routes.ts";
import { issuanceRoutes } from "./routes/issuance-routes.ts";
import { livenessRoutes } from "./routes/liveness-routes.ts";
import { numberPortabilityRoutes } from "./routes/number-portability-routes.ts";
import { opsRoutes } from "./routes/ops-routes.ts";
import { paymentRoutes } from "./routes/payment-routes.ts";
import { planRoutes } from "./routes/plan-routes.ts";
import { policeRoutes } from "./routes/police-routes.ts";
import { privacyRoutes } from "./routes/privacy-routes.ts";
import { readerRoutes } from "./routes/reader-routes.ts";
import { retailRoutes } from "./routes/retail-routes.ts";
import { reviewRoutes } from "./routes/review-routes.ts";
import { siteRoutes } from "./routes/site-routes.ts";
import { staffRoutes } from "./routes/staff-routes.ts";
import { subscriberRoutes } from "./routes/subscriber-routes.ts";
import { webhookRoutes } from "./routes/webhook-routes.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { tokenGuesses } from "./token-guesses.ts";
import { builtWebApps, sendAppShell, serveWebApps } from "./web-apps.ts";

export const allRoutes: readonly RouteSpec[] = [
  ...opsRoutes,
  ...planRoutes,
  ...applicationRoutes,
  ...digitalAuthRoutes,
  ...handoffRoutes,
  ...applicantSignInRoutes,
  ...readerRoutes(() => allRoutes),
  ...siteRoutes,
  ...livenessRoutes,
  ...issuanceRoutes,
  ...contractRoutes,
  ...paymentRoutes,
  ...creditRoutes,
  ...privacyRoutes,
  ...announcementRoutes,
  ...subscriberRoutes,
  ...numberPortabilityRoutes,
  ...afterActivationRoutes,
  ...policeRoutes,
  ...inventoryRoutes,
  ...staffRoutes,
  ...reviewRoutes,
  ...dashboardRoutes,
  ...webhookRoutes,
  ...retailRoutes,
  ...complianceRoutes,
];

export const API_VERSION = "0.1.0";

/** Secrets in headers, wherever a log entry holds headers (the request's own, or a copy of them). */
const secretHeaders = ["authorization", "cookie", '["set-cookie"]', '["idempotency-key"]', '["x-csrf-token"]'];
const redactedLogPaths = ["req.headers", "headers", "*.headers"].flatMap((at) =>
  secretHeaders.map((h) => (h.startsWith("[") ? `${at}${h}` : `${at}.${h}`)),
);

/**
 * A request as the log shows it. Paths may hold a line's phone number
 * (`/v1/subscriber/lines/{msisdn}/…`): any run of eight or more digits is masked.
 */
function logRequest(request: FastifyRequest) {
  return {
    method: request.method,
    // The app's authorization code and state (and anything OAuth-like) never reach the log.
    url: request.url
      .replace(/([?&](?:code|state|nonce|code_challenge|sign_transaction_id|handoff)=)[^&]*/g, "$1[redacted]")
      .replace(/\d{8,}/g, "[digits]"),
    remoteAddress: request.ip,
  };
}

export async function buildApp(
  services: Services,
  options: {
    logStream?: { write(line: string): unknown };
    /** The Digital Authentication App simulator, mounted at /dev/digital-auth (never in production). */
    digitalAuthSimulator?: SimulatorOptions | null;
  } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      services.config.logLevel === "silent"
        ? false
        : {
            level: services.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Personal data never reaches the log: no bodies are logged, and secrets in headers are cut.
            redact: { paths: redactedLogPaths, censor: "[redacted]" },
            serializers: { req: logRequest },
          },
    bodyLimit: 1024 * 1024,
    // `__proto__` and `constructor` keys are kept as plain own properties by the parser and refused,
    // by name, before anything reads the body (body-hygiene.ts).
    onProtoPoisoning: "ignore",
    onConstructorPoisoning: "ignore",
    // Only the proxies the operator named (TRUST_PROXY) may say who the client is: without them every
    // client behind a proxy would share the proxy's address and its limits.
    trustProxy: services.config.trustProxy.length > 0 ? services.config.trustProxy : false,
    serverFactory: limitedServerFactory(services.config.http),
    clientErrorHandler: answerClientError,
    // One line per request (below), not Fastify's two: a status page polling every two seconds wrote two
    // lines each time.
    logController: new LogController({ disableRequestLogging: true }),
  });
  // A read that succeeded is routine (pages poll): debug. Everything else, writes and refusals: info.
  app.addHook("onResponse", async (request, reply) => {
    const routine = (request.method === "GET" || request.method === "HEAD") && reply.statusCode < 400;
    request.log[routine ? "debug" : "info"](
      { req: request, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) },
      "request",
    );
  });

  // First, so that every answer carries them: refusals, 404s and rate limits too.
  await registerSecurityHeaders(app);
  // JSON only: a text/plain body is refused (415) rather than handed to a route as a string.
  app.removeContentTypeParser("text/plain");
  await app.register(cookie);
  // Per client address, on the routes that name a limit (guessable secrets, reference lookups), counted
  // in the database so that the limit holds across server processes.
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(services),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      rateLimited: true,
      retryAfterSeconds: Math.ceil(context.ttl / 1000),
    }),
  });

  // Developer tools (the outboxes, the demo staff's codes) only outside production, where mail stays
  // local, and on a server only this machine can reach: HOST=0.0.0.0 in development turns them off.
  const devTools = devToolsEnabled(services.config);
  const routes = allRoutes.filter((r) => !r.devOnly || devTools);
  // Built on the first request for it, not at start (0.5 s of zod's JSON Schema conversion).
  let openapi: ReturnType<typeof buildOpenApi> | null = null;
  const guesses = tokenGuesses(services, services.config.rateLimits.token);
  /** Too many wrong bearer tokens from this address: refused before the token is even looked at. */
  const tooManyGuesses = async (request: FastifyRequest, instance: string): Promise<RouteResult | null> => {
    const wait = await guesses.retryAfter(request.ip);
    if (wait === null) return null;
    return problemResult(
      new AppError("rate_limited", `Too many wrong access tokens from this address: retry in ${wait} s`, {
        retryAfterSeconds: wait,
      }),
      instance,
    );
  };
  app.get("/openapi.json", async () => {
    openapi ??= buildOpenApi(routes, API_VERSION, { "x-reader-contract": READER_CONTRACT_VERSION });
    return openapi;
  });
  if (options.digitalAuthSimulator) await registerDigitalAuthSimulator(app, options.digitalAuthSimulator);
  // The convenience store's till for the local test gateway's konbini slips, with the other dev tools.
  const gateway = services.payments.gateway as Partial<LocalTestGateway>;
  if (devTools && gateway.findKonbiniSlip && gateway.payAtKonbini) {
    await registerKonbiniTill(app, { env: services.config.env, gateway: gateway as LocalTestGateway });
  }
  // The porting-out operator's one-stop page, for the MNP simulator.
  const porting = services.numberPortability as Partial<LocalPortingSimulator>;
  if (devTools && porting.kind === "local-simulator" && porting.answerOneStop) {
    await registerOneStopSimulator(app, {
      env: services.config.env,
      simulator: porting as LocalPortingSimulator,
      publicOrigin: () => new URL(services.config.publicUrl).origin,
    });
    await registerMnpLinesPage(app, { env: services.config.env });
  }

  // The chip reader app's stand-in, uploading the demo chips (docs/reader-contract.md).
  if (devTools) {
    await registerReaderAppSimulator(app, {
      env: services.config.env,
      demoEvidenceDir: join(services.config.dataDir, "demo-evidence"),
    });
  }

  // The web apps' files, registered (and awaited) before the routes: an awaited register after them
  // would build them with the default error handler.
  const webApps = builtWebApps();
  await serveWebApps(app, webApps);

  for (const route of routes) {
    const options: RouteOptions = {
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ":$1"),
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      ...(route.rateLimit
        ? { config: { rateLimit: { max: services.config.rateLimits[route.rateLimit], timeWindow: 60_000 } } }
        : {}),
      // Applicants are recognised before the body is read: a wrong token never makes the server parse
      // a 20 MiB upload.
      ...(route.auth === "applicant"
        ? {
            onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
              const instance = request.url.split("?")[0] ?? request.url;
              const limited = await tooManyGuesses(request, instance);
              if (limited) return send(reply, limited);
              try {
                opened.set(
                  request,
                  await authenticateApplicant(
                    services.db,
                    String((request.params as Record<string, string>).reference ?? ""),
                    bearerToken(request),
                    services.clock(),
                    { readerRoute: route.tag === READER_TAG || route.alsoTags?.includes(READER_TAG) === true },
                  ),
                );
              } catch (error) {
                if (!(error instanceof AppError)) throw error;
                if (error.code === "application_not_found") await guesses.refused(request.ip);
                return send(reply, problemResult(error, instance));
              }
            },
          }
        : route.auth === "subscriber"
          ? {
              onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
                const instance = request.url.split("?")[0] ?? request.url;
                const limited = await tooManyGuesses(request, instance);
                if (limited) return send(reply, limited);
                const token = bearerToken(request);
                try {
                  subscribers.set(request, await authenticateSubscriber(services.db, token, services.clock()));
                } catch (error) {
                  if (!(error instanceof AppError)) throw error;
                  if (token !== null) await guesses.refused(request.ip);
                  return send(reply, problemResult(error, instance));
                }
              },
            }
          : route.auth === "staff"
            ? {
                onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
                  const instance = request.url.split("?")[0] ?? request.url;
                  try {
                    signedIn.set(request, await admitStaff(route, request, services));
                  } catch (error) {
                    if (!(error instanceof AppError)) throw error;
                    return send(reply, problemResult(error, instance));
                  }
                },
              }
            : route.countsTokenGuesses
              ? {
                  onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
                    const limited = await tooManyGuesses(request, request.url.split("?")[0] ?? request.url);
                    if (limited) return send(reply, limited);
                  },
                }
              : {}),
      handler: async (request, reply) => {
        const result = await handle(route, request, services);
        if (route.countsTokenGuesses && result.status === 404) await guesses.refused(request.ip);
        // A change may have queued work (mail, SMS, webhooks): look for it now, not at the next poll.
        if (route.method !== "GET" && result.status < 400) services.jobs.kick();
        return send(reply, result);
      },
    };
    if (route.rawBody) {
      // Its own scope, where JSON stays bytes: a signature covers exactly what was received. (Not
      // awaited: an awaited register here changes the error handling of the routes after it.)
      app.register(async (scope) => {
        scope.removeContentTypeParser("application/json");
        scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) =>
          done(null, body),
        );
        scope.route(options);
      });
    } else {
      app.route(options);
    }
  }

  app.setNotFoundHandler((request, reply) => {
    if (sendAppShell(webApps, request, reply)) return;
    send(reply, problem("not_found", `No route ${request.method} ${request.url.split("?")[0]}`, request.url));
  });

  app.setErrorHandler((error, request, reply) => {
    send(reply, errorResult(error, request, services));
  });

  return app;
}

/** The application each applicant request opened, from its onRequest hook to its handler. */
const opened = new WeakMap<FastifyRequest, ApplicationRow>();
/** The staff member behind each staff request, likewise. */
const signedIn = new WeakMap<FastifyRequest, StaffPrincipal>();
/** The subscriber behind each subscriber request, likewise. */
const subscribers = new WeakMap<FastifyRequest, SubscriberPrincipal>();

/**
 * The one place staff requests are let in: a live session (401 otherwise), a role that holds the
 * route's permission (403), the session's CSRF token on anything but a read (403), and a changed
 * first password (403) before anything but the session itself.
 */
async function admitStaff(route: RouteSpec, request: FastifyRequest, services: Services): Promise<StaffPrincipal> {
  const principal = await authenticateStaff(
    { db: services.db, clock: services.clock, limits: services.config.staff },
    request.cookies[sessionCookieName(services.config)],
  );
  if (!principal) throw new AppError("authentication_required", "Sign in first (POST /v1/staff/session)");
  const permission = route.permission;
  if (permission === undefined) throw new Error(`staff route ${route.operationId} names no permission`);
  if (permission !== "signed_in" && !roleMay(principal.role, permission)) {
    throw new AppError("forbidden", `The role ${principal.role} may not do this (${permission})`, {
      permission,
    });
  }
  if (route.method !== "GET" && !csrfMatches(principal, headerValue(request, CSRF_HEADER))) {
    throw new AppError("csrf_failed", `Send the session's CSRF token in the ${CSRF_HEADER} header`);
  }
  if (principal.mustChangePassword && !route.beforePasswordChange) {
    throw new AppError("password_change_required", "Change the one-time password first (POST /v1/staff/password)");
  }
  return principal;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

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
  const staff: StaffPrincipal | null = signedIn.get(request) ?? null;
  if (route.auth === "staff" && !staff) throw new Error("staff route reached its handler unauthenticated");
  const subscriber: SubscriberPrincipal | null = subscribers.get(request) ?? null;
  if (route.auth === "subscriber" && !subscriber)
    throw new Error("subscriber route reached its handler unauthenticated");

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
          staff,
          subscriber,
          rawBody: route.rawBody && Buffer.isBuffer(request.body) ? request.body : null,
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]),
          ),
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

  const unsafe = route.rawBody ? null : unsafeBodyField(request.body);
  if (unsafe) return problemResult(AppError.validation([unsafe]), instance);

  const holding = route.rawBody
    ? null
    : (fieldHoldingIndividualNumber(request.body, "", 0, route.issuedNumberFields) ??
      fieldHoldingIndividualNumber(request.query));
  if (holding) {
    return problemResult(
      AppError.validation([{ field: holding, reason: individualNumberReason, code: "individual_number" }]),
      instance,
    );
  }

  const key = request.headers["idempotency-key"];
  if (!route.idempotent || key === undefined) return run();
  return answer(async () => {
    const result = await withIdempotency(
      { ...services, abandonedAfterSeconds: services.config.idempotencyAbandonSeconds },
      {
        // A key is only ever replayed to whoever sent it: the application, the staff member, the line.
        principal: application
          ? `application:${application.id}`
          : staff
            ? `staff:${staff.id}`
            : subscriber
              ? `subscriber:${subscriber.subscriptionId}`
              : "anonymous",
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
  if (e.statusCode === 429) {
    const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60;
    const result = problem("rate_limited", `Too many requests from this address: retry in ${retry} s`, instance);
    return { ...result, headers: { ...result.headers, "retry-after": String(retry) } };
  }
  if (e.statusCode === 415) {
    return problem("unsupported_media_type", "Send the body as JSON with Content-Type: application/json", instance);
  }
  if (e.statusCode === 413) {
    return problem("payload_too_large", "The body is larger than this endpoint accepts", instance);
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
  // Files (a PDF, a QR code) go out as they are, with the content type their route set.
  if (Buffer.isBuffer(result.body) || (typeof result.body === "string" && result.headers?.["content-type"])) {
    return reply.send(result.body);
  }
  if (!result.headers?.["content-type"]) reply.header("content-type", "application/json; charset=utf-8");
  return reply.send(JSON.stringify(result.body));
}

export { isLoopbackHost } from "./dev-tools.ts";
