import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The headers every answer carries, errors and 404s included. The Content-Security-Policy is the one
 * the web app (served from this origin at `/` and `/staff`) will live under: its own scripts, styles
 * and fonts only, no inline script, images also from `data:` and `blob:` (camera captures, QR codes),
 * requests only to this API and to the counter program on the clerk's own PC (`jitsumei counter-reader`,
 * loopback port 47900: a page elsewhere cannot reach it, and it answers only the paired console), never
 * framed.
 */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'", "http://127.0.0.1:47900"],
  "media-src": ["'self'", "blob:"],
  "worker-src": ["'self'", "blob:"],
  "manifest-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "script-src-attr": ["'none'"],
} as const;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]])),
    },
    // Two years, every subdomain: the operator serves staff and applicants over HTTPS only.
    strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: true },
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
    // The API answers other origins' scripts nothing they may read (no CORS headers are sent).
    crossOriginResourcePolicy: { policy: "same-origin" },
    crossOriginOpenerPolicy: { policy: "same-origin" },
  });
  // Answers hold personal data: no browser or proxy keeps a copy unless a route says otherwise.
  app.addHook("onSend", async (_request, reply, payload) => {
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });
}
