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

type Texts = { title: Record<Language, string>; body: Record<Language, string> };

/** Publishes a notice: public at once, and mailed to the subscribers it concerns by a job after commit. */
export async function publishAnnouncement(
  db: Database,
  input: AnnouncementInput,
  by: { staffId: string; now: Date },
): Promise<{ id: string; publishedAt: string }> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      "INSERT INTO announcements (id, texts, effective_on, target, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6)",
      [
        id,
        JSON.stringify({ title: input.title, body: input.body }),
        input.effectiveOn,
        JSON.stringify(input.target),
        by.staffId,
        by.now,
      ],
    );
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
  const { rows } = await db.query<{
    id: string;
    texts: Texts;
    effective_on: string | Date | null;
    target: AnnouncementTarget;
    published_at: Date;
  }>(
    "SELECT id, texts, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, target, published_at FROM announcements WHERE $2::uuid IS NULL OR id = $2 ORDER BY published_at DESC, id LIMIT $1",
    [options.limit ?? 50, options.id ?? null],
  );
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
    const found = await deps.db.query<{ texts: Texts; effective_on: string | Date | null; target: AnnouncementTarget }>(
      "SELECT texts, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, target FROM announcements WHERE id = $1",
      [payload.announcementId],
    );
    const announcement = found.rows[0];
    if (!announcement) return;
    const lines = await deps.db.query<{ id: string; application_id: string; plan_id: string; language: Language }>(
      `SELECT s.id, s.application_id, s.plan_id, a.language FROM subscriptions s JOIN applications a ON a.id = s.application_id
       WHERE s.status = 'active' AND NOT EXISTS (
         SELECT 1 FROM announcement_deliveries d WHERE d.announcement_id = $1 AND d.subscription_id = s.id)
       ORDER BY s.started_at, s.id`,
      [payload.announcementId],
    );
    for (const line of lines.rows) {
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
          applicationId: application.id,
          template: "announcement",
          to: contact.email,
          from: deps.mailFrom,
          subject: `[Jitsumei] ${announcement.texts.title[l]}`,
          text: `${announcement.texts.body[l]}${effective}`,
        });
        await tx.query(
          "INSERT INTO announcement_deliveries (announcement_id, subscription_id, mail_id, language) VALUES ($1, $2, $3, $4)",
          [payload.announcementId, line.id, mailId, l],
        );
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
