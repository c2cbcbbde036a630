import { findApplicationById } from "../applications/application-row.ts";
import { collectApplicantData } from "../applications/export-applicant-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { type SubscriberPrincipal, subscriberDocuments, subscriberLines } from "../subscribers/subscriber-access.ts";
import {
  selectApplicationIdsOfIdentity,
  selectDeletionRequestsOfIdentity,
  selectNoticesOfIdentity,
  selectReferenceOfLine,
  selectTopUpsOfIdentity,
} from "./privacy-repository.ts";

/**
 * Everything held about a signed-in subscriber, as one machine-readable file (個人情報保護法 第33条,
 * disclosure on request): every application of the person (found by the identity blind index, as
 * their lines are) with its particulars, evidence, history, checks, credit queries with the exchange's
 * answers, payments and documents (the per-application export); their lines; the documents vault with
 * each SHA-256; top-ups; the notices sent to them; their deletion requests. Applications whose data was
 * destroyed (retention over, or deleted on request) are listed by reference only. Audited once.
 */
export async function exportSubscriberData(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; documents: DocumentStorage },
  who: SubscriberPrincipal,
) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  const applicationIds = await selectApplicationIdsOfIdentity(deps.db, who.identityIndex);
  const perApplication = [];
  for (const id of applicationIds) {
    const application = await findApplicationById(deps.db, id);
    if (application && !application.purgedAt) perApplication.push(await collectApplicantData(deps, application));
  }
  const topUps = await selectTopUpsOfIdentity(deps.db, who.identityIndex);
  const notices = await selectNoticesOfIdentity(deps.db, who.identityIndex);
  const deletionRequests = await selectDeletionRequestsOfIdentity(deps.db, who.identityIndex);
  const exportedAt = deps.clock();
  const data = {
    format: "jitsumei-subscriber-data/1",
    exportedAt: exportedAt.toISOString(),
    lines: await subscriberLines(deps.db, who, exportedAt),
    documents: await subscriberDocuments(deps.db, who),
    topUps: topUps.map((t) => ({
      msisdn: t.msisdn,
      amountJpy: t.amount_jpy,
      validityDays: t.validity_days,
      status: t.status,
      at: iso(t.created_at),
      creditedAt: iso(t.credited_at),
      validUntil: iso(t.valid_until),
    })),
    notices: notices.map((n) => ({
      id: n.id,
      msisdn: n.msisdn,
      language: n.language,
      title: n.texts.title[n.language] ?? null,
      body: n.texts.body[n.language] ?? null,
      publishedAt: iso(n.published_at),
    })),
    applications: perApplication,
    deletionRequests: deletionRequests.map((r) => ({
      id: r.id,
      status: r.status,
      filedAt: iso(r.filed_at),
      decidedAt: iso(r.decided_at),
      outcome: r.outcome,
    })),
  };
  const lineReference = await selectReferenceOfLine(deps.db, who.subscriptionId);
  await deps.db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: "subscriber",
      action: "subscriber.data_exported",
      subject: lineReference,
      data: { applications: perApplication.length },
    }),
  );
  return data;
}
