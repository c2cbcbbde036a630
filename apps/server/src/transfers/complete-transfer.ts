import { interpolate, type Language, todayInJapan } from "@jitsumei/domain";
import { type ApplicationRow, findApplicationById } from "../applications/application-row.ts";
import { type Actor, applyEvent } from "../applications/apply-event.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { transferTexts } from "../holder-changes/after-activation-texts.ts";
import { createSubscription } from "../issuance/subscriptions.ts";
import { queueMail } from "../mail/outbox.ts";
import { setLineValidUntil } from "../payments/top-ups-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { writeRecordVersion } from "../records/record-versions.ts";
import { markContractEndedIn } from "../records/retention.ts";
import { writeVerificationRecord } from "../records/write-verification-record.ts";
import { hasVerificationRecord } from "../subscribers/lines-repository.ts";
import { transitionLine } from "../subscribers/transition-line.ts";
import {
  lockActiveLineDetails,
  lockTransferTo,
  markTransferCompleted,
  moveSimToApplication,
} from "./transfers-repository.ts";

export type CompletedTransfer = { transferId: string; msisdn: string; from: string; to: string };

/**
 * The approved new holder takes the line over, in the approving transaction (the reviewer's
 * approval is the carrier's consent): the old holder's subscription ends (reason `transfer`), the
 * old holder's verification record gets its last version (transferred to whom, under which
 * relationship) and its retention clock starts; the SIM and the number stay as they are and now
 * belong to the new holder's application, whose subscription starts with the same number, network
 * reference and prepaid validity; the new holder's verification record is written. Audited, and the
 * old holder is told in their language (the new holder hears of the activation as any applicant does).
 */
export async function completeTransfer(
  tx: Queryable,
  deps: { keys: KeyManagement; clock: () => Date; policies: readonly LoadedPolicy[]; mailFrom: string },
  application: ApplicationRow,
  actor: Actor,
): Promise<CompletedTransfer> {
  const transfer = await lockTransferTo(tx, application.id);
  if (!transfer) throw new Error(`transfer application ${application.reference} has no transfer`);
  if (transfer.completed_at) throw new AppError("transition_not_allowed", "This transfer is complete already");
  const line = await lockActiveLineDetails(tx, transfer.subscription_id);
  if (!line) {
    throw new AppError("subscription_not_active", "The line has ended since the transfer was asked for: reject it");
  }
  const previous = await findApplicationById(tx, transfer.from_application_id);
  if (!previous) throw new Error(`transfer ${transfer.id} names no previous application`);
  const now = deps.clock();
  const by = actor.id ? `${actor.kind}:${actor.id}` : actor.kind;

  // The old holder's contract ends today.
  await transitionLine(
    tx,
    transfer.subscription_id,
    "transfer",
    { kind: actor.kind === "applicant" ? "subscriber" : actor.kind, ...(actor.id ? { id: actor.id } : {}) },
    { at: now, endReason: "transfer", data: { transferId: transfer.id } },
  );
  const old = await loadApplicantDetails(deps.keys, previous);
  if (await hasVerificationRecord(tx, previous.id)) {
    await writeRecordVersion(tx, {
      applicationId: previous.id,
      reference: previous.reference,
      cipher: old.cipher,
      amendment: { reason: "transferred_away", at: now.toISOString(), by },
      revise: (current) => ({
        ...current,
        transferredTo: {
          transferId: transfer.id,
          reference: application.reference,
          relationship: transfer.relationship,
          at: now.toISOString(),
        },
      }),
    });
    await markContractEndedIn(tx, previous.reference, now, by);
  }
  // The line itself does not move: the same SIM or profile and number, now the new holder's.
  await moveSimToApplication(tx, previous.id, application.id);

  const { cipher, particulars } = await loadApplicantDetails(deps.keys, application);
  let subscriptionId = "";
  await applyEvent(
    tx,
    { applicationId: application.id, event: "activate", actor, data: { transferId: transfer.id } },
    async (locked) => {
      subscriptionId = await createSubscription(tx, {
        application: locked,
        msisdn: line.msisdn,
        iccid: line.iccid,
        networkRef: line.network_ref,
        startedAt: now,
      });
      if (line.valid_until) {
        await setLineValidUntil(tx, subscriptionId, line.valid_until);
      }
      if (particulars) {
        await writeVerificationRecord(tx, {
          application: locked,
          cipher,
          particulars,
          phoneNumbers: [line.msisdn],
          policies: deps.policies,
          now,
          transferredFrom: {
            transferId: transfer.id,
            reference: previous.reference,
            relationship: transfer.relationship,
          },
        });
      }
      return { msisdn: line.msisdn };
    },
  );
  await markTransferCompleted(tx, transfer.id, now, subscriptionId);
  await appendAuditEntry(tx, {
    actor: by,
    action: "line_transfer.completed",
    subject: application.reference,
    data: {
      transferId: transfer.id,
      from: previous.reference,
      to: application.reference,
      relationship: transfer.relationship,
    },
  });
  if (!previous.purgedAt) {
    const language = previous.language as Language;
    const params = { msisdn: line.msisdn, date: todayInJapan(now) };
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: previous.id,
      template: "line_transferred",
      to: old.contact.email,
      from: deps.mailFrom,
      subject: `[Jitsumei] ${interpolate(transferTexts.transferredSubject[language], params)}`,
      text: interpolate(transferTexts.transferred[language], params),
    });
  }
  return { transferId: transfer.id, msisdn: line.msisdn, from: previous.reference, to: application.reference };
}
