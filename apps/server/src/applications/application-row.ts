import { type ApplicationState, type FormFactor, hasTag, type Language, type PlanKind } from "@jitsumei/domain";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import {
  type ApplicationRecord,
  selectApplicationById,
  selectApplicationByReference,
  selectApplicationForUpdate,
  selectApplicationOfPaymentForUpdate,
} from "./applications-repository.ts";

/** An application as stored (personal data still encrypted). Only this module reads the table. */
export type ApplicationRow = {
  id: string;
  reference: string;
  planId: string;
  planKind: PlanKind;
  /** The plan's price in yen, tax included (prepaid: per purchase). */
  planPriceJpy: number;
  state: ApplicationState;
  version: number;
  language: Language;
  channel: string;
  formFactor: FormFactor;
  accessTokenHash: Buffer;
  wrappedDataKey: Buffer;
  contactEnc: Buffer;
  particularsEnc: Buffer | null;
  depositRequired: boolean;
  checkRun: number;
  activationFailures: number;
  activationLockedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  purgedAt: Date | null;
  /** Increases with every change of particulars or evidence. */
  contentVersion: number;
  /** When the application entered its current state (SLA age, expiry). */
  stateChangedAt: Date;
  /** `transfer`: it verifies the new holder of an existing line (譲渡), see transfers/. */
  kind: "new" | "transfer";
};

function fromRaw(r: ApplicationRecord): ApplicationRow {
  return {
    id: String(r.id),
    reference: String(r.reference),
    planId: String(r.plan_id),
    planKind: r.plan_kind as PlanKind,
    planPriceJpy: Number(r.plan_price_jpy),
    state: r.state as ApplicationState,
    version: Number(r.version),
    language: r.language as Language,
    channel: String(r.channel),
    formFactor: r.form_factor as FormFactor,
    accessTokenHash: toBuffer(r.access_token_hash),
    wrappedDataKey: toBuffer(r.wrapped_data_key),
    contactEnc: toBuffer(r.contact_enc),
    particularsEnc: r.particulars_enc == null ? null : toBuffer(r.particulars_enc),
    depositRequired: Boolean(r.deposit_required),
    checkRun: Number(r.check_run),
    activationFailures: Number(r.activation_failures),
    activationLockedAt: (r.activation_locked_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    submittedAt: (r.submitted_at as Date | null) ?? null,
    purgedAt: (r.purged_at as Date | null) ?? null,
    contentVersion: Number(r.content_version),
    stateChangedAt: new Date(r.state_changed_at as Date),
    kind: r.kind === "transfer" ? "transfer" : "new",
  };
}

/** A row a repository statement answered (the door's transition answers the row it wrote). */
export const applicationRowFrom = fromRaw;

export async function findApplicationByReference(db: Queryable, reference: string): Promise<ApplicationRow | null> {
  const row = await selectApplicationByReference(db, reference);
  return row ? fromRaw(row) : null;
}

export async function findApplicationById(db: Queryable, id: string): Promise<ApplicationRow | null> {
  const row = await selectApplicationById(db, id);
  return row ? fromRaw(row) : null;
}

/** Locks the row for the rest of the transaction: the start of every change to an application. */
export async function lockApplication(tx: Queryable, id: string): Promise<ApplicationRow | null> {
  const row = await selectApplicationForUpdate(tx, id);
  return row ? fromRaw(row) : null;
}

/** Locks the application a payment belongs to (null when there is no such payment). */
export async function lockApplicationOfPayment(tx: Queryable, paymentId: string): Promise<ApplicationRow | null> {
  const row = await selectApplicationOfPaymentForUpdate(tx, paymentId);
  return row ? fromRaw(row) : null;
}

/** Locks the row and refuses unless the applicant may still change it (draft, correction requested). */
export async function lockEditable(tx: Queryable, id: string, what: string): Promise<ApplicationRow> {
  const locked = await lockApplication(tx, id);
  if (!locked || !hasTag(locked.state, "editable")) {
    throw new AppError("application_not_editable", `The application is ${locked?.state}: ${what}`, {
      state: locked?.state,
    });
  }
  return locked;
}

/** Channels whose shop took the price at its till: the application owes nothing online. */
const tillChannels: readonly string[] = ["retail_package", "airport_counter"];

/** Whether a prepaid plan's price is still owed online before its SIM is released (lifecycle `purchaseDue`). */
export function purchaseDue(application: Pick<ApplicationRow, "planKind" | "planPriceJpy" | "channel">): boolean {
  return (
    application.planKind === "prepaid" && application.planPriceJpy > 0 && !tillChannels.includes(application.channel)
  );
}
