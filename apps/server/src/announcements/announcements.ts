import { randomUUID } from "node:crypto";
import {
  type AnnouncementInput,
  type AnnouncementTarget,
  concerns,
  isCoveredByLaw,
  type Language,
  languages,
} from "@jitsumei/domain";
import { Feed } from "feed";
import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { queueMail } from "../mail/outbox.ts";
import { findPlan } from "../plans/plans-repository.ts";
import {
  findAnnouncementToSend,
  insertAnnouncement,
  insertDelivery,
  linesNotYetSent,
  selectAnnouncements,
} from "./announcements-repository.ts";

export const SEND_ANNOUNCEMENT_JOB = "send_announcement";

export type Announcement = {
  id: string;
  title: string;
  body: string;
  language: Language;
  effectiveOn: string | null;
  target: AnnouncementTarget;
  publishedAt: string;
};

/** Publishes a notice: public at once, and mailed to the subscribers it concerns by a job after commit. */
export async function publishAnnouncement(
  db: Database,
  input: AnnouncementInput,
  by: { staffId: string; now: Date },
): Promise<{ id: string; publishedAt: string }> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertAnnouncement(tx, {
      id,
      texts: { title: input.title, body: input.body },
      effectiveOn: input.effectiveOn,
      target: input.target,
      publishedBy: by.staffId,
      publishedAt: by.now,
    });
    await enqueueJob(tx, SEND_ANNOUNCEMENT_JOB, { announcementId: id });
    await appendAuditEntry(tx, {
      actor: `staff:${by.staffId}`,
      action: "announcement.published",
      subject: id,
      data: { target: input.target, effectiveOn: input.effectiveOn },
    });
  });
  return { id, publishedAt: by.now.toISOString() };
}

/** Published notices in one language, newest first. */
export async function listAnnouncements(
  db: Queryable,
  language: Language,
  options: { limit?: number; id?: string } = {},
): Promise<Announcement[]> {
  const rows = await selectAnnouncements(db, { limit: options.limit ?? 50, id: options.id ?? null });
  return rows.map((r) => ({
    id: r.id,
    title: r.texts.title[language],
    body: r.texts.body[language],
    language,
    effectiveOn: r.effective_on === null ? null : dateOnly(r.effective_on),
    target: r.target,
    publishedAt: new Date(r.published_at).toISOString(),
  }));
}

/** The notices as an Atom feed (RFC 4287) in one language. */
export function announcementsAtom(items: readonly Announcement[], language: Language, baseUrl: string): string {
  const self = `${baseUrl}/announcements.atom?lang=${encodeURIComponent(language)}`;
  const feed = new Feed({
    id: self,
    title: feedTitles[language],
    language,
    link: `${baseUrl}/`,
    feedLinks: { atom: self },
    updated: items[0] ? new Date(items[0].publishedAt) : new Date(0),
    generator: "Jitsumei",
    copyright: "",
  });
  for (const item of items) {
    const link = `${baseUrl}/v1/announcements/${item.id}?lang=${encodeURIComponent(language)}`;
    feed.addItem({
      id: `urn:uuid:${item.id}`,
      title: item.title,
      link,
      date: new Date(item.publishedAt),
      published: new Date(item.publishedAt),
      content: item.effectiveOn ? `${item.body}\n\n(${effectiveLabel[language]}: ${item.effectiveOn})` : item.body,
    });
  }
  return feed.atom1();
}

/**
 * Mails the notice to every active line it concerns, in the subscriber's language, once per line (a
 * repeated job sends nothing twice).
 */
export function sendAnnouncementJob(deps: { db: Database; keys: KeyManagement; mailFrom: string }) {
  return async (payload: { announcementId: string }) => {
    const announcement = await findAnnouncementToSend(deps.db, payload.announcementId);
    if (!announcement) return;
    for (const line of await linesNotYetSent(deps.db, payload.announcementId)) {
      const plan = await findPlan(deps.db, line.plan_id);
      if (!plan) continue;
      const lineType = isCoveredByLaw(plan) ? "voice" : "data";
      if (!concerns(announcement.target, { planId: line.plan_id, lineType, language: line.language })) continue;
      const application = await findApplicationById(deps.db, line.application_id);
      if (!application) continue;
      const { contact } = await loadApplicantDetails(deps.keys, application);
      const l = line.language;
      const effective = announcement.effective_on
        ? `\n\n${effectiveLabel[l]}: ${dateOnly(announcement.effective_on)}`
        : "";
      await deps.db.transaction(async (tx) => {
        const mailId = await queueMail(tx, deps.keys, {
          language: l,
          applicationId: application.id,
          template: "announcement",
          to: contact.email,
          from: deps.mailFrom,
          subject: `[Jitsumei] ${announcement.texts.title[l]}`,
          text: `${announcement.texts.body[l]}${effective}`,
        });
        await insertDelivery(tx, { announcementId: payload.announcementId, lineId: line.id, mailId, language: l });
      });
    }
  };
}

function dateOnly(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

const feedTitles: Record<Language, string> = {
  ja: "Jitsumei からのお知らせ",
  en: "Announcements from Jitsumei",
  "zh-Hans": "Jitsumei 公告",
  "zh-Hant": "Jitsumei 公告",
  ko: "Jitsumei 공지사항",
  vi: "Thông báo từ Jitsumei",
};

const effectiveLabel: Record<Language, string> = {
  ja: "適用日",
  en: "Takes effect on",
  "zh-Hans": "生效日期",
  "zh-Hant": "生效日期",
  ko: "적용일",
  vi: "Có hiệu lực từ",
};

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}
