import { randomUUID } from "node:crypto";
import { findApplicationById, findApplicationByReference } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { terminateLineIn } from "../subscribers/terminate-line.ts";
import { creditIdentity } from "./assess-application-credit.ts";
import {
  insertNonpaymentRegistration,
  lockUnpaidRegistration,
  markRegistrationPaid,
  markRegistrationRemoved,
  selectRegistrationForSync,
  setRegistrationExchangeRef,
} from "./credit-repository.ts";
import type { NonpaymentExchange } from "./nonpayment-exchange.ts";

export const EXCHANGE_SYNC_JOB = "sync_nonpayment_exchange";

type Deps = {
  db: Database;
  clock: () => Date;
  quarantineDays: number;
  provisioning: Provisioning;
  keys: KeyManagement;
  mailFrom: string;
};

/**
 * The operator ends a line for unpaid bills (利用停止の後の契約解除): the line ends as every line does
 * (terminateLineIn: off the network, number into quarantine, retention clock started), and the subscriber is registered in the carriers' non-payment exchange — by a
 * job after commit, since the exchange is another system. Our own later assessments find the unpaid
 * balance by the person's blind index at once.
 */
export async function terminateForNonpayment(
  deps: Deps,
  input: { reference: string; unpaidJpy: number; staffId: string },
): Promise<{ registrationId: string; endedAt: string; msisdn: string }> {
  const application = await findApplicationByReference(deps.db, input.reference);
  if (!application) throw new AppError("application_not_found", `No application ${input.reference}`);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const line = await terminateLineIn(tx, deps, {
      applicationId: application.id,
      reason: "nonpayment",
      actor: `staff:${input.staffId}`,
      at: now,
    });
    if (!line.identityIndex) {
      throw new AppError(
        "application_purged",
        `Application ${input.reference} no longer holds the subscriber's particulars`,
      );
    }
    const registrationId = randomUUID();
    await insertNonpaymentRegistration(tx, {
      id: registrationId,
      subscriptionId: line.subscriptionId,
      identityIndex: line.identityIndex,
      unpaidJpy: input.unpaidJpy,
      registeredAt: now,
    });
    await enqueueJob(tx, EXCHANGE_SYNC_JOB, { registrationId });
    await appendAuditEntry(tx, {
      actor: `staff:${input.staffId}`,
      action: "subscription.terminated_for_nonpayment",
      subject: application.reference,
      data: { registrationId, unpaidJpy: input.unpaidJpy },
    });
    return { registrationId, endedAt: now.toISOString(), msisdn: line.msisdn };
  });
}

/** The unpaid balance is paid: the registration is withdrawn from the exchange (by the job). */
export async function settleNonpayment(
  deps: Deps,
  input: { reference: string; paidJpy: number; staffId: string },
): Promise<{ registrationId: string; paidAt: string }> {
  const application = await findApplicationByReference(deps.db, input.reference);
  if (!application) throw new AppError("application_not_found", `No application ${input.reference}`);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const registration = await lockUnpaidRegistration(tx, application.id);
    if (!registration)
      throw new AppError("not_found", `Application ${input.reference} has no unpaid balance on record`);
    const owed = Number(registration.unpaid_jpy);
    if (input.paidJpy < owed) {
      throw AppError.validation([
        { field: "paidJpy", reason: `must cover the unpaid balance of ¥${owed.toLocaleString("en-US")}` },
      ]);
    }
    await markRegistrationPaid(tx, registration.id, now);
    await enqueueJob(tx, EXCHANGE_SYNC_JOB, { registrationId: registration.id });
    await appendAuditEntry(tx, {
      actor: `staff:${input.staffId}`,
      action: "subscription.nonpayment_settled",
      subject: application.reference,
      data: { registrationId: registration.id, paidJpy: input.paidJpy },
    });
    return { registrationId: registration.id, paidAt: now.toISOString() };
  });
}

/**
 * Brings the exchange in line with our record: registers an unpaid registration not yet registered,
 * withdraws a paid one still registered. Runs at least once; each step is keyed (our registration id,
 * the exchange's ref), so a repeat changes nothing.
 */
export function syncNonpaymentExchangeJob(deps: { db: Database; keys: KeyManagement; exchange: NonpaymentExchange }) {
  return async (payload: { registrationId: string }) => {
    const r = await selectRegistrationForSync(deps.db, payload.registrationId);
    if (!r || r.removed_at) return;
    const application = await findApplicationById(deps.db, r.application_id);
    if (!application) return;
    if (!r.paid_at && !r.exchange_ref) {
      const { particulars } = await loadApplicantDetails(deps.keys, application);
      if (!particulars) throw new Error(`application ${application.reference} has no particulars to register`);
      const { ref } = await deps.exchange.register(r.id, creditIdentity(particulars), {
        amountJpy: Number(r.unpaid_jpy),
      });
      await deps.db.transaction(async (tx) => {
        // Paid while we were registering: withdraw what was just registered, in another run.
        const after = await setRegistrationExchangeRef(tx, r.id, ref);
        if (after?.paid_at) await enqueueJob(tx, EXCHANGE_SYNC_JOB, { registrationId: r.id });
        await appendAuditEntry(tx, {
          actor: "system",
          action: "credit.exchange_registered",
          subject: application.reference,
          data: { exchange: deps.exchange.name, registrationId: r.id, ref },
        });
      });
    } else if (r.paid_at) {
      if (r.exchange_ref) await deps.exchange.remove(r.exchange_ref);
      await deps.db.transaction(async (tx) => {
        // Registered by another run since we read it (its ref is new): that run withdraws it.
        if (!(await markRegistrationRemoved(tx, r.id, r.exchange_ref))) return;
        await appendAuditEntry(tx, {
          actor: "system",
          action: "credit.exchange_removed",
          subject: application.reference,
          data: { exchange: deps.exchange.name, registrationId: r.id, ref: r.exchange_ref },
        });
      });
    }
  };
}
