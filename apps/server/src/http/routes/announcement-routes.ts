import { announcementInputSchema, languages } from "@jitsumei/domain";
import { z } from "zod";
import { announcementsAtom, listAnnouncements, publishAnnouncement } from "../../announcements/announcements.ts";
import { AppError } from "../../errors.ts";
import { defineRoute } from "../route.ts";
import { signedIn } from "./staff-routes.ts";

const langQuery = z.object({
  lang: z.enum(languages, { error: `must be one of ${languages.join(", ")}` }).default("ja"),
});
const announcementSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    language: z.enum(languages),
    effectiveOn: z.string().nullable(),
    target: z.object({ planIds: z.array(z.string()), lineTypes: z.array(z.string()), languages: z.array(z.string()) }),
    publishedAt: z.string(),
  })
  .meta({ id: "Announcement" });

/** Notices to subscribers: published by staff, public on the site, as a feed, and mailed to whom they concern. */
export const announcementRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof announcementInputSchema>>({
    method: "POST",
    path: "/v1/staff/announcements",
    operationId: "publishAnnouncement",
    summary:
      "Publish a notice in all six languages; it is mailed to the subscribers it targets (plans, line types, languages)",
    tag: "announcements",
    auth: "staff",
    permission: "announcements.publish",
    body: announcementInputSchema,
    idempotent: true,
    responses: { 201: { description: "Published", schema: z.object({ id: z.string(), publishedAt: z.string() }) } },
    async handler({ body, staff }, services) {
      const published = await publishAnnouncement(services.db, body, {
        staffId: signedIn(staff).id,
        now: services.clock(),
      });
      services.jobs.kick();
      return { status: 201, body: published };
    },
  }),
  defineRoute<undefined, z.infer<typeof langQuery>>({
    method: "GET",
    path: "/v1/announcements",
    operationId: "listAnnouncements",
    summary: "Published notices in one language, newest first",
    tag: "announcements",
    auth: "none",
    query: langQuery,
    responses: { 200: { description: "Notices", schema: z.object({ items: z.array(announcementSchema) }) } },
    async handler({ query }, { db }) {
      return { status: 200, body: { items: await listAnnouncements(db, query.lang) } };
    },
  }),
  defineRoute<{ id: string }, z.infer<typeof langQuery>>({
    method: "GET",
    path: "/v1/announcements/{id}",
    operationId: "getAnnouncement",
    summary: "One notice in one language",
    tag: "announcements",
    auth: "none",
    params: z.object({ id: z.uuid({ error: "must be an announcement id" }) }),
    query: langQuery,
    responses: { 200: { description: "The notice", schema: announcementSchema } },
    async handler({ params, query }, { db }) {
      const [found] = await listAnnouncements(db, query.lang, { id: params.id, limit: 1 });
      if (!found) throw new AppError("not_found", "No such announcement");
      return { status: 200, body: found };
    },
  }),
  defineRoute<undefined, z.infer<typeof langQuery>>({
    method: "GET",
    path: "/announcements.atom",
    operationId: "announcementsFeed",
    summary: "Published notices as an Atom feed; ?lang= picks the language",
    tag: "announcements",
    auth: "none",
    query: langQuery,
    responses: { 200: { description: "The Atom feed", file: "application/atom+xml" } },
    async handler({ query }, { db, config }) {
      const items = await listAnnouncements(db, query.lang);
      return {
        status: 200,
        body: Buffer.from(announcementsAtom(items, query.lang, config.publicUrl), "utf8"),
        headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300" },
      };
    },
  }),
];
