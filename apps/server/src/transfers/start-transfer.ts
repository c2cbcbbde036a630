import { randomUUID } from "node:crypto";
import {
  interpolate,
  type Language,
  type TransferRelationship,
  type TransferRequirements,
  todayInJapan,
  transferRequirements,
} from "@jitsumei/domain";
import { createApplication } from "../applications/create-application.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { transferTexts } from "../holder-changes/after-activation-texts.ts";
import { ownActiveLine } from "../holder-changes/request-holder-change.ts";
import { queueMail } from "../mail/outbox.ts";
import { signInUrl } from "../notifications/notify-applicant.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import type { SubscriberPrincipal } from "../subscribers/subscriber-access.ts";
import {
  findApplicationIdByReference,
  hasOpenTransfer,
  insertTransfer,
  lockActiveLine,
} from "./transfers-repository.ts";

export type StartedTransfer = {
  transferId: string;
  msisdn: string;
  /** The new holder's application: they fill it in and prove who they are with this reference and key. */
  reference: string;
  accessToken: string;
  requirements: TransferRequirements;
};

/**
 * The holder of a line asks to transfer it (譲渡) to someone else, naming the relationship (a
 * relative, or none). The new holder gets an application of kind `transfer` for the same plan and
 * number: their particulars and evidence go through the same checks as any application, under the
 * policy in force when they submit, and the application then waits for a reviewer, whose approval is
 * the carrier's consent (transfers/complete-transfer.ts). What the law and the house policy ask for
 * this relationship is recorded with the transfer. The new holder is mailed their reference and key.
 */
export async function startTransfer(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    policies: readonly LoadedPolicy[];
    mailFrom: string;
    config: { publicUrl: string };
  },
  who: SubscriberPrincipal,
  msisdn: string,
  input: {
    relationship: TransferRelationship;
    newHolder: { email: string; phone?: string; language: Language };
  },
): Promise<StartedTransfer> {
  const line = await ownActiveLine(deps.db, who, msisdn);
  if (!line) throw new AppError("not_found", "None of your active lines has this number");
  const now = deps.clock();
  const requirements = transferRequirements(deps.policies, input.relationship, todayInJapan(now));
  const transferId = randomUUID();
  const { language } = input.newHolder;
  const created = await createApplication(
    deps,
    {
      planId: line.plan_id,
      language,
      channel: "online",
      formFactor: line.form_factor,
      contact: { email: input.newHolder.email, ...(input.newHolder.phone ? { phone: input.newHolder.phone } : {}) },
      kind: "transfer",
    },
    async (tx, application) => {
      // One transfer at a time: the line is locked, and an earlier transfer still under way refuses this one.
      if (!(await lockActiveLine(tx, line.id)))
        throw new AppError("subscription_not_active", "The line is no longer active");
      if (await hasOpenTransfer(tx, line.id))
        throw new AppError("transfer_pending", "A transfer of this line is already under way");
      await insertTransfer(tx, {
        id: transferId,
        lineId: line.id,
        fromApplicationId: line.application_id,
        toApplicationId: application.id,
        relationship: input.relationship,
        requirements: requirements.steps,
        policyId: requirements.policy.id,
        policyVersion: requirements.policy.version,
        requestedAt: now,
      });
      await appendAuditEntry(tx, {
        actor: "subscriber",
        action: "line_transfer.requested",
        subject: application.reference,
        data: {
          transferId,
          relationship: input.relationship,
          exemptRelative: requirements.exemptRelative,
          steps: requirements.steps,
          policy: `${requirements.policy.id}@${requirements.policy.version}`,
        },
      });
    },
  );
  // The invitation carries no secret: the new holder signs in with a code sent to this address.
  const params = {
    msisdn: line.msisdn,
    reference: created.reference,
    signInUrl: signInUrl(deps.config.publicUrl, created.reference),
  };
  await deps.db.transaction(async (tx) => {
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: await findApplicationIdByReference(tx, created.reference),
      template: "transfer_invitation",
      to: input.newHolder.email,
      from: deps.mailFrom,
      subject: `[Jitsumei] ${interpolate(transferTexts.inviteSubject[language], params)}`,
      text: interpolate(transferTexts.invite[language], params),
    });
  });
  return {
    transferId,
    msisdn: line.msisdn,
    reference: created.reference,
    accessToken: created.accessToken,
    requirements,
  };
}
