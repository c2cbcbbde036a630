import { randomUUID } from "node:crypto";
import { activateAssignedLine } from "../applications/activate-line.ts";
import { type ApplicationRow, findApplicationByReference, lockApplication } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { assertActivatable } from "../applications/request-activation-code.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { portedNumberOf } from "../number-portability/port-in-repository.ts";
import { findCounterPaymentId, insertPayment, movePayment } from "../payments/payments-repository.ts";
import { findPlan } from "../plans/plans-repository.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { packagedMedium, sellPackage } from "./package-steps.ts";
import { type RegisteredPackage, type RegisterPackageInput, registerPackage } from "./register-package.ts";

/**
 * Airport counter mode: a clerk sells a package and the customer's application starts at once, on
 * the counter channel (the policy's face-to-face methods: for a voice line the clerk reads the ID's
 * IC chip through the applicant routes with the token this returns). The price is taken by the
 * counter's own till and recorded as a captured 'counter' payment, so its receipt can be printed.
 */
export async function sellAtCounter(
  deps: { db: Database; keys: KeyManagement; clock: () => Date },
  input: Omit<RegisterPackageInput, "channel"> & { staffId: string },
): Promise<RegisteredPackage & { paymentId: string }> {
  const actor = `staff:${input.staffId}`;
  try {
    await sellPackage(deps, { code: input.code, actor });
  } catch (error) {
    // Already sold by the shop's point of sale: registration decides whether the code still works.
    if (!(error instanceof AppError && error.code === "package_step_not_allowed")) throw error;
  }
  const registered = await registerPackage(deps, { ...input, channel: "airport_counter" });
  const application = await findApplicationByReference(deps.db, registered.reference);
  const plan = await findPlan(deps.db, registered.planId);
  if (!application || !plan) throw new Error(`registered application ${registered.reference} vanished`);
  const paymentId = randomUUID();
  await deps.db.transaction(async (tx) => {
    await lockApplication(tx, application.id);
    const payment = await insertPayment(tx, {
      id: paymentId,
      applicationId: application.id,
      kind: "purchase",
      amountJpy: plan.priceJpy,
      gateway: "counter",
      idempotencyKey: `purchase_${paymentId}`,
      method: "counter",
    });
    await movePayment(tx, payment, { to: "captured", source: "staff", reference: application.reference });
  });
  return { ...registered, paymentId };
}

/**
 * The clerk hands the SIM over and activates it on the spot: no one-time code, since the person
 * verified face to face is standing at the counter with the package. Only for applications that
 * started at a counter from a package.
 */
export async function activateAtCounter(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    policies: readonly LoadedPolicy[];
    provisioning: Provisioning;
  },
  input: { reference: string; staffId: string },
): Promise<{ msisdn: string; iccid: string }> {
  const application = await counterApplication(deps.db, input.reference);
  const { cipher, particulars } = await loadApplicantDetails(deps.keys, application);
  return deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    if (!locked) throw new AppError("application_not_found", "No such application");
    assertActivatable(locked);
    if (await portedNumberOf(tx, locked.id)) {
      throw new AppError(
        "mnp_not_possible_now",
        "A line that brings its number is activated online, when the applicant chose",
      );
    }
    if (locked.state !== "sim_assigned") {
      throw new AppError("activation_not_ready", `The application is ${locked.state}: its line cannot be activated`, {
        state: locked.state,
      });
    }
    return activateAssignedLine(tx, deps, {
      application: locked,
      actor: { kind: "staff", id: input.staffId },
      cipher,
      particulars,
    });
  });
}

export async function counterApplication(db: Database, reference: string): Promise<ApplicationRow> {
  const application = await findApplicationByReference(db, reference);
  if (application?.channel !== "airport_counter" || !(await packagedMedium(db, application.id))) {
    throw new AppError("application_not_found", `No counter sale has the reference ${reference}`, {
      errors: [{ field: "reference", reason: "is not an application started at a counter from a package" }],
    });
  }
  return application;
}

export async function counterPaymentId(db: Database, application: ApplicationRow): Promise<string> {
  const id = await findCounterPaymentId(db, application.id);
  if (!id) throw new AppError("not_found", "The counter sale recorded no payment");
  return id;
}
