import { findApplicationById } from "../applications/application-row.ts";
import { collectApplicantData } from "../applications/export-applicant-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { type SubscriberPrincipal, subscriberDocuments, subscriberLines } from "../subscribers/subscriber-access.ts";

/**
 * Everything held about a signed-in subscriber, as one machine-readable file (個人情報保護法 第33条,
 * disclosure on request): every application of the person (found by the identity blind index, as
 * their lines are) with its particulars, evidence, history, checks, credit queries with the exchange's
 * answers, payments and documents (the per-application export); their lines; the documents vault with
 * each SHA-256; top-ups; the notices sent to them; their deletion requests. Applications whose data was
 * destroyed (retention over, or deleted on request) are listed by reference only. Audited once.
 */
export async function exportSubscriberData(
  deps: { db: Database; keys: KeyManagement; clock: () => Date },
  who: SubscriberPrincipal,
) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  const applications = await deps.db.query<{ id: string }>(
    "SELECT id FROM applications WHERE identity_index = $1 ORDER BY created_at, id",
    [who.identityIndex],
  );
  const perApplication = [];
  for (const { id } of applications.rows) {
    const application = await findApplicationById(deps.db, id);
    if (application && !application.purgedAt) perApplication.push(await collectApplicantData(deps, application));
  }
  const topUps = await deps.db.query<{
    msisdn: string;
    amount_jpy: number;
    validity_days: number;
    status: string;
    created_at: Date;
    credited_at: Date | null;
    valid_until: Date | null;
  }>(
    `SELECT s.msisdn, t.amount_jpy, t.validity_days, t.status, t.created_at, t.credited_at, t.valid_until
     FROM top_ups t JOIN subscriptions s ON s.id = t.subscription_id JOIN applications a ON a.id = s.application_id
     WHERE a.identity_index = $1 ORDER BY t.created_at, t.id`,
    [who.identityIndex],
  );
  const notices = await deps.db.query<{
    id: string;
    msisdn: string;
    language: string;
    texts: { title: Record<string, string>; body: Record<string, string> };
    published_at: Date;
  }>(
    `SELECT n.id, s.msisdn, d.language, n.texts, n.published_at
     FROM announcement_deliveries d JOIN announcements n ON n.id = d.announcement_id
     JOIN subscriptions s ON s.id = d.subscription_id JOIN applications a ON a.id = s.application_id
     WHERE a.identity_index = $1 ORDER BY n.published_at, n.id, s.msisdn`,
    [who.identityIndex],
  );
  const deletionRequests = await deps.db.query<{
    id: string;
    status: string;
    filed_at: Date;
    decided_at: Date | null;
    outcome: unknown;
  }>(
    "SELECT id, status, filed_at, decided_at, outcome FROM deletion_requests WHERE identity_index = $1 ORDER BY filed_at",
    [who.identityIndex],
  );
  const exportedAt = deps.clock();
  const data = {
    format: "jitsumei-subscriber-data/1",
    exportedAt: exportedAt.toISOString(),
    lines: await subscriberLines(deps.db, who),
    documents: await subscriberDocuments(deps.db, who),
    topUps: topUps.rows.map((t) => ({
      msisdn: t.msisdn,
      amountJpy: t.amount_jpy,
      validityDays: t.validity_days,
      status: t.status,
      at: iso(t.created_at),
      creditedAt: iso(t.credited_at),
      validUntil: iso(t.valid_until),
    })),
    notices: notices.rows.map((n) => ({
      id: n.id,
      msisdn: n.msisdn,
      language: n.language,
      title: n.texts.title[n.language] ?? null,
      body: n.texts.body[n.language] ?? null,
      publishedAt: iso(n.published_at),
    })),
    applications: perApplication,
    deletionRequests: deletionRequests.rows.map((r) => ({
      id: r.id,
      status: r.status,
      filedAt: iso(r.filed_at),
      decidedAt: iso(r.decided_at),
      outcome: r.outcome,
    })),
  };
  const line = await deps.db.query<{ reference: string }>(
    "SELECT a.reference FROM subscriptions s JOIN applications a ON a.id = s.application_id WHERE s.id = $1",
    [who.subscriptionId],
  );
  await deps.db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: "subscriber",
      action: "subscriber.data_exported",
      subject: line.rows[0]?.reference ?? null,
      data: { applications: perApplication.length },
    }),
  );
  return data;
}
