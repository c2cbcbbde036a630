import { z } from "zod";
import { pingDatabase } from "../../db/ping.ts";
import { listOutbox } from "../../mail/outbox.ts";
import { operatorMailFooter } from "../../site/operator-contact.ts";
import { listSmsOutbox } from "../../sms/sms-outbox.ts";
import { demoStaffCodes } from "../../staff/demo-staff.ts";
import { demoStaffPage, devPagesCss, outboxPage, wantsHtml } from "../dev-pages.ts";
import { defineRoute } from "../route.ts";

/** A browser gets the page (HTML), anything else JSON; `?format=json` or `?format=html` chooses. */
const format = z.enum(["html", "json"]).optional();
const html = (page: string) => ({
  status: 200,
  body: page,
  headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
});

export const opsRoutes = [
  defineRoute({
    method: "GET",
    path: "/healthz",
    operationId: "health",
    summary: "The process is alive",
    tag: "operations",
    auth: "none",
    responses: { 200: { description: "Alive", schema: z.object({ status: z.literal("ok") }) } },
    handler: async () => ({ status: 200, body: { status: "ok" } }),
  }),
  defineRoute({
    method: "GET",
    path: "/readyz",
    operationId: "ready",
    summary: "The server can serve requests (its database answers)",
    tag: "operations",
    auth: "none",
    responses: {
      200: { description: "Ready", schema: z.object({ status: z.literal("ready"), database: z.string() }) },
      503: { description: "The database does not answer" },
    },
    async handler(_input, { db }) {
      await pingDatabase(db);
      return { status: 200, body: { status: "ready", database: db.kind } };
    },
  }),
  defineRoute<undefined, { limit: number; format?: "html" | "json" }>({
    method: "GET",
    path: "/dev/outbox",
    operationId: "devOutbox",
    summary:
      "Mail kept locally when SMTP_URL is unset (not in production): a page for a browser (Accept: text/html), else JSON",
    tag: "development",
    auth: "none",
    devOnly: true,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), format }),
    responses: {
      200: {
        description: "Newest first (JSON; a browser gets the same as an HTML page)",
        schema: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              template: z.string(),
              to: z.string(),
              subject: z.string(),
              text: z.string(),
              language: z.string().optional(),
              status: z.string(),
              createdAt: z.string(),
            }),
          ),
        }),
      },
    },
    async handler({ query, headers }, { db, keys, config, operator }) {
      const items = await listOutbox(db, keys, query.limit, operatorMailFooter(operator.contact, config));
      if (wantsHtml(headers.accept, query.format)) return html(outboxPage(items, config.mail.kind, query.limit));
      return { status: 200, body: { mailTransport: config.mail.kind, items } };
    },
  }),
  defineRoute<undefined, { limit: number }>({
    method: "GET",
    path: "/dev/sms-outbox",
    operationId: "devSmsOutbox",
    summary: "SMS kept locally (no SMS provider is configured; not in production)",
    tag: "development",
    auth: "none",
    devOnly: true,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: {
      200: {
        description: "Newest first",
        schema: z.object({
          items: z.array(
            z.object({ id: z.string(), template: z.string(), to: z.string(), text: z.string(), status: z.string() }),
          ),
        }),
      },
    },
    async handler({ query }, { db, keys }) {
      return { status: 200, body: { items: await listSmsOutbox(db, keys, query.limit) } };
    },
  }),
  defineRoute<undefined, { format?: "html" | "json" }>({
    method: "GET",
    path: "/dev/demo-staff",
    operationId: "devDemoStaff",
    summary:
      "The demo staff accounts `npm start` creates (one per role), their password and each one's TOTP code now (not in production): a page for a browser, else JSON",
    tag: "development",
    auth: "none",
    devOnly: true,
    query: z.object({ format }),
    responses: {
      200: {
        description: "One entry per demo account present (JSON; a browser gets the same as an HTML page)",
        schema: z.object({
          items: z.array(
            z.object({
              email: z.string(),
              role: z.string(),
              password: z.string(),
              code: z.string(),
              validForSeconds: z.number().int(),
            }),
          ),
        }),
      },
    },
    async handler({ query, headers }, { db, keys, clock }) {
      const items = await demoStaffCodes({ db, keys }, clock());
      if (wantsHtml(headers.accept, query.format)) return html(demoStaffPage(items));
      return { status: 200, body: { items }, headers: { "cache-control": "no-store" } };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/dev/dev-pages.css",
    operationId: "devPagesStylesheet",
    summary: "The development pages' stylesheet (the CSP allows no inline style; not in production)",
    tag: "development",
    auth: "none",
    devOnly: true,
    responses: { 200: { description: "The stylesheet", file: "text/css" } },
    handler: async () => ({
      status: 200,
      body: devPagesCss,
      headers: { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache" },
    }),
  }),
];
