import type { CheckStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { ApplicationEvents, Notifications, PaymentNotices, Payments, Sims } from "../db/schema.ts";
import type { NotificationTemplate } from "./notification-texts.ts";

/**
 * The applicant's notifications and payment notices (notifications, payment_notices), and what their
 * texts read from elsewhere: read and written only here.
 */

export async function insertNotification(
  tx: Queryable,
  n: { applicationId: string; version: number; template: NotificationTemplate },
): Promise<void> {
  await tx.query("INSERT INTO notifications (application_id, version, template) VALUES ($1, $2, $3)", [
    n.applicationId,
    n.version,
    n.template,
  ]);
}

/** The template column holds only the names of notification-texts.ts (written by `insertNotification`). */
export type LockedNotification = Pick<Selectable<Notifications>, "rendered_at"> & { template: NotificationTemplate };

export async function lockNotification(
  tx: Queryable,
  applicationId: string,
  version: number,
): Promise<LockedNotification | null> {
  const { rows } = await tx.query<LockedNotification>(
    "SELECT template, rendered_at FROM notifications WHERE application_id = $1 AND version = $2 FOR UPDATE",
    [applicationId, version],
  );
  return rows[0] ?? null;
}

export async function markNotificationRendered(tx: Queryable, applicationId: string, version: number): Promise<void> {
  await tx.query("UPDATE notifications SET rendered_at = now() WHERE application_id = $1 AND version = $2", [
    applicationId,
    version,
  ]);
}

export type EventFacts = { data: Record<string, unknown>; created_at: Selectable<ApplicationEvents>["created_at"] };

/** The data and time of the application's event with this version. */
export async function findEventFacts(
  db: Queryable,
  applicationId: string,
  version: number,
): Promise<EventFacts | null> {
  const { rows } = await db.query<EventFacts>(
    "SELECT data, created_at FROM application_events WHERE application_id = $1 AND version = $2",
    [applicationId, version],
  );
  return rows[0] ?? null;
}

export async function findSimNumber(db: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await db.query<Pick<Selectable<Sims>, "msisdn">>(
    "SELECT msisdn FROM sims WHERE application_id = $1",
    [applicationId],
  );
  return rows[0]?.msisdn ?? null;
}

/** Records the notice once; false when it was recorded before. */
export async function insertPaymentNotice(
  tx: Queryable,
  n: { paymentId: string; template: string; applicationId: string },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO payment_notices (payment_id, template, application_id) VALUES ($1, $2, $3)
     ON CONFLICT (payment_id, template) DO NOTHING`,
    [n.paymentId, n.template, n.applicationId],
  );
  return rowCount > 0;
}

export type PaymentNoticeFacts = Pick<Selectable<PaymentNotices>, "application_id"> &
  Pick<Selectable<Payments>, "amount_jpy" | "refunded_jpy">;

export async function findPaymentNotice(
  db: Queryable,
  paymentId: string,
  template: string,
): Promise<PaymentNoticeFacts | null> {
  const { rows } = await db.query<PaymentNoticeFacts>(
    `SELECT n.application_id, p.amount_jpy, p.refunded_jpy FROM payment_notices n JOIN payments p ON p.id = n.payment_id
       WHERE n.payment_id = $1 AND n.template = $2`,
    [paymentId, template],
  );
  return rows[0] ?? null;
}

export async function lockPaymentNotice(
  tx: Queryable,
  paymentId: string,
  template: string,
): Promise<Pick<Selectable<PaymentNotices>, "rendered_at"> | null> {
  const { rows } = await tx.query<Pick<Selectable<PaymentNotices>, "rendered_at">>(
    "SELECT rendered_at FROM payment_notices WHERE payment_id = $1 AND template = $2 FOR UPDATE",
    [paymentId, template],
  );
  return rows[0] ?? null;
}

export async function markPaymentNoticeRendered(tx: Queryable, paymentId: string, template: string): Promise<void> {
  await tx.query("UPDATE payment_notices SET rendered_at = now() WHERE payment_id = $1 AND template = $2", [
    paymentId,
    template,
  ]);
}

/** The event that made an application's version (its name only). */
export async function findEventAt(db: Queryable, applicationId: string, version: number): Promise<string | null> {
  const { rows } = await db.query<Pick<Selectable<ApplicationEvents>, "event">>(
    "SELECT event FROM application_events WHERE application_id = $1 AND version = $2",
    [applicationId, version],
  );
  return rows[0]?.event ?? null;
}

/** Whether the application holds a JPKI signature (Digital Authentication App or My Number card). */
export async function hasJpkiSignature(db: Queryable, applicationId: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM evidence WHERE application_id = $1 AND kind = 'jpki' LIMIT 1", [
    applicationId,
  ]);
  return rows.length > 0;
}

/** The results, in the application's last check run, of the checks that decided its outcome. */
export async function decidingChecks(db: Queryable, applicationId: string, codes: readonly string[]) {
  const { rows } = await db.query<{ code: string; status: CheckStatus; params: Record<string, string | number> }>(
    `SELECT r.code, r.status, r.params FROM check_results r JOIN applications a ON a.id = r.application_id
     WHERE r.application_id = $1 AND r.run = a.check_run AND r.code = ANY($2) ORDER BY r.id`,
    [applicationId, codes],
  );
  return rows;
}
