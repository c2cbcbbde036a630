import { appendAuditEntry } from "../audit/audit-chain.ts";
import { listDocuments } from "../contracts/contract-documents.ts";
import { creditHistoryForExport } from "../credit/assess-application-credit.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { listPayments } from "../payments/payments-repository.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import type { ApplicationRow } from "./application-row.ts";
import { listAllEvents, listCheckResults, listSubscriptionsOfApplication } from "./applications-repository.ts";
import { listAllEvidence } from "./evidence-repository.ts";
import { loadApplicantDetails, type StoredEvidence } from "./load-application-data.ts";

/**
 * Everything held about the applicant through this application, machine-readable (個人情報保護法
 * 第33条, disclosure on request): particulars and contact, every piece of evidence as stored, the
 * history, every check, the credit assessments with what the non-payment exchange answered, payments,
 * documents and the line. The export itself is audited. What other people did (staff notes, other
 * applications) is not the applicant's data and is not included.
 */
export async function exportApplicantData(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; documents: DocumentStorage },
  application: ApplicationRow,
) {
  const data = await collectApplicantData(deps, application);
  await deps.db.transaction((tx) =>
    appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.data_exported",
      subject: application.reference,
      data: {},
    }),
  );
  return data;
}

/** The same, unaudited: the subscriber-wide export gathers it for each application and audits once. */
export async function collectApplicantData(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; documents: DocumentStorage },
  application: ApplicationRow,
) {
  const { cipher, contact, particulars } = await loadApplicantDetails(deps.keys, application);
  const evidence = await listAllEvidence(deps.db, application.id);
  const contents: StoredEvidence[] = [];
  for (const e of evidence) {
    contents.push(cipher.decryptJson<StoredEvidence>(`evidence:${e.kind}`, await deps.documents.read(e)));
  }
  const events = await listAllEvents(deps.db, application.id);
  const checks = await listCheckResults(deps.db, application.id);
  const lines = await listSubscriptionsOfApplication(deps.db, application.id);
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  const exportedAt = deps.clock();
  const data = {
    format: "jitsumei-applicant-data/1",
    exportedAt: exportedAt.toISOString(),
    application: {
      reference: application.reference,
      state: application.state,
      planId: application.planId,
      language: application.language,
      channel: application.channel,
      formFactor: application.formFactor,
      submittedAt: iso(application.submittedAt),
    },
    contact,
    particulars,
    evidence: evidence.map((e, i) => ({ kind: e.kind, at: iso(e.created_at), content: contents[i] })),
    history: events.map((e) => ({
      version: e.version,
      event: e.event,
      from: e.from_state,
      to: e.to_state,
      by: e.actor_kind,
      at: iso(e.created_at),
    })),
    checks: checks.map((c) => ({
      run: c.run,
      code: c.code,
      status: c.status,
      params: c.params,
      at: iso(c.created_at),
    })),
    credit: await creditHistoryForExport(deps.db, cipher, application.id),
    payments: (await listPayments(deps.db, application.id)).map((p) => ({
      kind: p.kind,
      amountJpy: p.amountJpy,
      method: p.method,
      status: p.status,
      refundedJpy: p.refundedJpy,
      at: iso(p.createdAt),
    })),
    documents: (await listDocuments(deps.db, application.id)).map((d) => ({
      kind: d.kind,
      documentNumber: d.documentNumber,
      sha256: d.sha256,
      at: d.createdAt,
    })),
    lines: lines.map((l) => ({
      msisdn: l.msisdn,
      iccid: l.iccid,
      formFactor: l.form_factor,
      status: l.status,
      startedAt: iso(l.started_at),
      endedAt: iso(l.ended_at),
    })),
  };
  return data;
}
