import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * The two web apps, served from their production builds by the API's own server (one origin, so the
 * browser needs no CORS and the staff cookie stays first-party): the applicant site at `/` and the
 * staff console at `/staff/`. `npm run build` writes the builds; a server started without them serves
 * only the API.
 */
export interface WebApp {
  /** URL prefix, ending in a slash. */
  prefix: string;
  /** The Vite build folder. */
  dir: string;
}

const appsDir = resolve(import.meta.dirname, "..", "..", "..");

/** The builds present on disk, the most specific prefix first (so `/staff/` wins over `/`). */
export function builtWebApps(): WebApp[] {
  const candidates: WebApp[] = [
    { prefix: "/staff/", dir: join(appsDir, "console", "dist") },
    { prefix: "/", dir: join(appsDir, "web", "dist") },
  ];
  return candidates.filter((app) => existsSync(join(app.dir, "index.html")));
}

export async function serveWebApps(server: FastifyInstance, apps: WebApp[]): Promise<void> {
  for (const [index, app] of apps.entries()) {
    await server.register(fastifyStatic, {
      root: app.dir,
      prefix: app.prefix,
      // One registration may decorate the reply with sendFile; the others reuse it.
      decorateReply: index === 0,
      index: ["index.html"],
      wildcard: true,
      // Hashed asset names never change; the HTML must be fetched again after an upgrade.
      setHeaders: (res, path) => {
        res.header("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
}

/**
 * A page address the apps route in the browser (`/status/AB12…`, `/staff/cases/…`) is not a file:
 * a browser asking for HTML gets the app's index.html and the app draws the page. API paths never
 * fall back.
 */
export function sendAppShell(apps: WebApp[], request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = request.url.split("?")[0] ?? "/";
  if (path.startsWith("/v1/") || path.startsWith("/dev/")) return false;
  if (!String(request.headers.accept ?? "").includes("text/html")) return false;
  const app = apps.find((candidate) => path.startsWith(candidate.prefix) || `${path}/` === candidate.prefix);
  if (!app) return false;
  reply.header("cache-control", "no-cache");
  void reply.sendFile("index.html", app.dir);
  return true;
}
