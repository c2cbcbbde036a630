import { returnQuarantinedNumbers } from "../inventory/release-line.ts";
import { queuePeriodicLineSweep } from "../keep-alive/queue-line-sweep.ts";
import { forgetOldHits } from "../limits/rate-limits.ts";
import { forgetOldSignInFailures } from "../limits/sign-in-delays.ts";
import { expirePortOuts } from "../number-portability/expire-port-outs.ts";
import { expireKonbiniPayments } from "../payments/konbini-payments.ts";
import { suspendOverdueLines } from "../police/suspend-overdue-lines.ts";
import { expireStaleApplications } from "../review/expire-applications.ts";
import type { Services } from "../services.ts";
import { deleteQueuedObjects } from "../storage/delete-queued-objects.ts";
import { errorSummary } from "./jobs.ts";
import { holdLease } from "./lease.ts";

/** The lease under which one server process at a time runs the sweeps below. */
export const SWEEPS_LEASE = "periodic-sweeps";

/**
 * The periodic sweeps, run by the holder of the sweeps lease only: applications nobody completed
 * expire, rested numbers return to the pool, unpaid konbini payments lapse, lines not verified again
 * by a police request's deadline are suspended, old rate-limit windows are forgotten, and the prepaid
 * lines' sweep is queued (reminders, receive-only, suspension, termination), port-out reservation
 * numbers past their 15 days expire, objects queued for deletion leave the document store, and network operations a
 * crash left without an outcome are reconciled with our records. Each is safe to run
 * twice (the one door, SKIP LOCKED), but with several server processes each ran in every process.
 * Answers whether this holder ran them.
 */
export async function runPeriodicSweeps(
  services: Services,
  holder: string,
  leaseSeconds: number,
  warn: (message: string) => void,
): Promise<boolean> {
  const { db, clock, config, jobs } = services;
  if (!(await holdLease(db, SWEEPS_LEASE, holder, leaseSeconds))) return false;
  const sweep = (label: string, work: () => Promise<unknown>) =>
    work().catch((error: unknown) => warn(`${label} failed: ${errorSummary(error)}`));
  await Promise.all([
    sweep("expiry sweep", () => expireStaleApplications(services)),
    sweep("number return", () => returnQuarantinedNumbers(db, clock())),
    sweep("konbini expiry", () => expireKonbiniPayments({ db, gateway: services.payments.gateway, clock })),
    // Network operations a crash left without an outcome: in doubt, then matched to our records.
    // Port-out reservation numbers past their 15 days (the line goes on).
    sweep("port-out expiry", () => expirePortOuts({ db, clock })),
    sweep("network reconciliation", () => services.provisioning.reconcile(clock())),
    sweep("police deadline sweep", () => suspendOverdueLines({ ...services, mailFrom: config.mail.from })),
    // Rate-limit windows and sign-in delays no limit looks at any more.
    sweep("rate-limit sweep", async () => {
      await forgetOldHits(db, clock());
      await forgetOldSignInFailures(db, clock());
    }),
    // Objects of deleted or shredded documents that the store has not deleted yet (docs/storage.md).
    sweep("document deletions", () => deleteQueuedObjects(services)),
    // Prepaid lines: reminders, receive-only, suspension, termination (one sweep job waits at most).
    sweep("line sweep", async () => {
      await queuePeriodicLineSweep(db);
      jobs.kick();
    }),
  ]);
  return true;
}
