import {
  type HolderChangeStatus,
  interpolate,
  type Language,
  nextHolderChangeStatus,
  todayInJapan,
} from "@jitsumei/domain";
import { findApplicationById } from "../applications/application-row.ts";
import { emailIndex, phoneIndex } from "../applications/contact-indexes.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { type Database, toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { transitionStatus } from "../lifecycles/transition-status.ts";
import { queueMail } from "../mail/outbox.ts";
import { type RecordVersion, writeRecordVersion } from "../records/record-versions.ts";
import { recordedDocument } from "../records/write-verification-record.ts";
import type { StaffPrincipal } from "../staff/staff-sessions.ts";
import { fieldNames, holderChangeTexts } from "./after-activation-texts.ts";
import { findHolderChangeApplication, lockHolderChange, replaceContact } from "./holder-changes-repository.ts";
import type { StoredHolderChange } from "./request-holder-change.ts";

/** Why a change is refused: codes for the audit trail (no free text that could hold personal data). */
export const holderChangeRejectReasons = [
  "evidence_unreadable",
  "evidence_does_not_show_change",
  "document_not_valid",
  "other",
] as const;
export type HolderChangeRejectReason = (typeof holderChangeRejectReasons)[number];

export type HolderChangeDecision = { decision: "approve" } | { decision: "reject"; reason: HolderChangeRejectReason };

export type DecidedHolderChange = {
  id: string;
  status: HolderChangeStatus;
  record: RecordVersion | null;
};

/**
 * A person decides a requested change. Approving a name or address writes the next version of the
 * line's verification record (本人確認記録) with the new particulars and the evidence it rests on;
 * approving contact details replaces the address the subscriber is reached at (not part of the
 * record). Either way the subscriber hears it in their language, and the decision is audited.
 */
export async function decideHolderChange(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; mailFrom: string },
  staff: StaffPrincipal,
  changeId: string,
  decision: HolderChangeDecision,
): Promise<DecidedHolderChange> {
  const applicationId = await findHolderChangeApplication(deps.db, changeId);
  const application = applicationId ? await findApplicationById(deps.db, applicationId) : null;
  if (!application) throw new AppError("not_found", "No such change request");
  const { cipher, contact } = await loadApplicantDetails(deps.keys, application);
  const now = deps.clock();
  const by = `staff:${staff.id}`;

  return deps.db.transaction(async (tx) => {
    const change = await lockHolderChange(tx, changeId);
    if (!change) throw new AppError("not_found", "No such change request");
    if (!nextHolderChangeStatus(change.status, decision.decision)) {
      throw new AppError("holder_change_decided", `This change was ${change.status} already`);
    }
    const language = application.language as Language;
    const params = { msisdn: change.msisdn, field: fieldNames[change.kind][language], date: todayInJapan(now) };
    let record: RecordVersion | null = null;
    let mailTo = contact.email;

    if (decision.decision === "approve") {
      if (change.line_status !== "active") {
        throw new AppError("subscription_not_active", "The line has ended since the change was requested");
      }
      const stored = cipher.decryptJson<StoredHolderChange>(`holder-change:${changeId}`, toBuffer(change.request_enc));
      if (change.kind === "contact" && stored.contact) {
        const next = stored.contact;
        await replaceContact(tx, application.id, {
          contactEnc: cipher.encryptJson("contact", next),
          contactIndex: emailIndex(deps.keys, next.email),
          phoneIndex: next.phone ? phoneIndex(deps.keys, next.phone) : null,
        });
        mailTo = next.email;
      } else {
        record = await writeRecordVersion(tx, {
          applicationId: application.id,
          reference: application.reference,
          cipher,
          amendment: {
            reason: "holder_change",
            at: now.toISOString(),
            by,
            changeId,
            fields: change.kind === "name" && stored.document ? ["name", "document"] : [change.kind],
            evidence: stored.evidence.map((e) => ({
              documentType: e.documentType,
              issuedOn: e.issuedOn,
              sha256: e.sha256,
            })),
            policy: { id: change.policy_id, version: change.policy_version },
          },
          revise: (current) => {
            if (change.kind === "address" && stored.address) {
              return { ...current, particulars: { ...current.particulars, address: stored.address } };
            }
            if (change.kind === "name" && stored.name) {
              const document = stored.document ? recordedDocument(stored.document) : current.document;
              return { ...current, particulars: { ...current.particulars, name: stored.name }, document };
            }
            throw new Error(`holder change ${changeId} holds no new ${change.kind}`);
          },
        });
      }
    }
    const { to: status } = await transitionStatus(tx, "holder_change", changeId, decision.decision, by, {
      audit: {
        action: `holder_change.${decision.decision === "approve" ? "approved" : "rejected"}`,
        subject: application.reference,
      },
      set: {
        decided_at: now,
        decided_by: by,
        reject_reason: decision.decision === "reject" ? decision.reason : null,
        record_id: record?.recordId ?? null,
      },
      at: now,
      data: {
        changeId,
        kind: change.kind,
        ...(decision.decision === "reject" ? { reason: decision.reason } : {}),
        ...(record ? { recordId: record.recordId, version: record.version } : {}),
      },
    });
    const texts = holderChangeTexts;
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: application.id,
      template: `holder_change_${status}`,
      to: mailTo,
      from: deps.mailFrom,
      subject: `[Jitsumei] ${interpolate((status === "approved" ? texts.approvedSubject : texts.rejectedSubject)[language], params)}`,
      text: interpolate((status === "approved" ? texts.approved : texts.rejected)[language], params),
    });
    return { id: changeId, status, record };
  });
}
