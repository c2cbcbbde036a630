import type { AnnouncementTarget, Language, LineState } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Announcements, Subscriptions } from "../db/schema.ts";

/** Announcements and who was sent each (announcements, announcement_deliveries): only here. */

// States passed as parameters, typed by the domain's tables: a renamed state fails to compile.
const ACTIVE_LINE: LineState = "active";

export type AnnouncementTexts = { title: Record<Language, string>; body: Record<Language, string> };

export async function insertAnnouncement(
  tx: Queryable,
  a: {
    id: string;
    texts: AnnouncementTexts;
    effectiveOn: string | null;
    target: AnnouncementTarget;
    publishedBy: string;
    publishedAt: Date;
  },
): Promise<void> {
  await tx.query(
    "INSERT INTO announcements (id, texts, effective_on, target, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6)",
    [a.id, JSON.stringify(a.texts), a.effectiveOn, JSON.stringify(a.target), a.publishedBy, a.publishedAt],
  );
}

/** An announcement with its effective day as YYYY-MM-DD (computed). */
/** `texts` and `target` are JSON columns, typed here by what is written into them. */
export type AnnouncementRow = Pick<Selectable<Announcements>, "id" | "published_at"> & {
  texts: AnnouncementTexts;
  effective_on: string | Date | null;
  target: AnnouncementTarget;
};

/** Newest first, at most `limit`; only the one with `id` when given. */
export async function selectAnnouncements(
  db: Queryable,
  options: { limit: number; id: string | null },
): Promise<AnnouncementRow[]> {
  const { rows } = await db.query<AnnouncementRow>(
    "SELECT id, texts, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, target, published_at FROM announcements WHERE $2::uuid IS NULL OR id = $2 ORDER BY published_at DESC, id LIMIT $1",
    [options.limit, options.id],
  );
  return rows;
}

export async function findAnnouncementToSend(
  db: Queryable,
  announcementId: string,
): Promise<Pick<AnnouncementRow, "texts" | "effective_on" | "target"> | null> {
  const found = await db.query<Pick<AnnouncementRow, "texts" | "effective_on" | "target">>(
    "SELECT texts, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, target FROM announcements WHERE id = $1",
    [announcementId],
  );
  return found.rows[0] ?? null;
}

export type UnsentLineRow = Pick<Selectable<Subscriptions>, "id" | "application_id" | "plan_id"> & {
  language: Language;
};

/** Active lines the announcement has not been delivered to yet, oldest first. */
export async function linesNotYetSent(db: Queryable, announcementId: string): Promise<UnsentLineRow[]> {
  const lines = await db.query<UnsentLineRow>(
    `SELECT s.id, s.application_id, s.plan_id, a.language FROM subscriptions s JOIN applications a ON a.id = s.application_id
       WHERE s.status = $2 AND NOT EXISTS (
         SELECT 1 FROM announcement_deliveries d WHERE d.announcement_id = $1 AND d.subscription_id = s.id)
       ORDER BY s.started_at, s.id`,
    [announcementId, ACTIVE_LINE],
  );
  return lines.rows;
}

export async function insertDelivery(
  tx: Queryable,
  d: { announcementId: string; lineId: string; mailId: string; language: Language },
): Promise<void> {
  await tx.query(
    "INSERT INTO announcement_deliveries (announcement_id, subscription_id, mail_id, language) VALUES ($1, $2, $3, $4)",
    [d.announcementId, d.lineId, d.mailId, d.language],
  );
}
