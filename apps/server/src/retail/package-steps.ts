import {
  nextPackageStatus,
  type PackageEvent,
  type PackageStatus,
  parseRegistrationCode,
  type VoidReason,
} from "@jitsumei/domain";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { transitionStatus } from "../lifecycles/transition-status.ts";
import {
  findPackagedMedium,
  findPackageIdByCode,
  findPackageIdOfApplication,
  findPackageView,
  lockPackageStatus,
} from "./packages-repository.ts";
import { codeIndex } from "./registration-codes.ts";

export type PackageView = {
  packageId: string;
  batchId: string;
  serial: number;
  codeHint: string;
  planId: string;
  channel: string;
  status: PackageStatus;
  soldAt: string | null;
};

/**
 * A package's steps other than registration, each through the status table
 * (`nextPackageStatus`): a shop's point of sale recording the sale (by the code it scans), an
 * admin voiding a lost or damaged package, the line's activation. A voided package's card or
 * profile stays out of stock ('packaged'): it is in someone's hands, or lost.
 */
export async function sellPackage(
  deps: { db: Database; keys: KeyManagement },
  input: { code: string; actor: string },
): Promise<PackageView> {
  const parsed = parseRegistrationCode(input.code);
  if (!parsed.ok) {
    throw new AppError("registration_code_invalid", "The scanned code is not a registration code", {
      errors: [{ field: "code", reason: `is not a registration code (${parsed.reason})` }],
    });
  }
  return deps.db.transaction(async (tx) => {
    const id = await findPackageIdByCode(tx, codeIndex(deps.keys, parsed.code));
    if (!id) {
      throw new AppError("registration_code_invalid", "No package has this code", {
        errors: [{ field: "code", reason: "is not a code we issued" }],
      });
    }
    return step(tx, id, "sell", input.actor, {});
  });
}

export async function voidPackage(
  db: Database,
  input: { packageId: string; reason: VoidReason; actor: string },
): Promise<PackageView> {
  return db.transaction((tx) => step(tx, input.packageId, "void", input.actor, { reason: input.reason }));
}

/** The line of the package's application went live: the package is activated (nothing if none). */
export async function activatePackageOf(tx: Queryable, applicationId: string): Promise<void> {
  const id = await findPackageIdOfApplication(tx, applicationId);
  if (id) await step(tx, id, "activate", "system", {});
}

async function step(
  tx: Queryable,
  packageId: string,
  event: PackageEvent,
  actor: string,
  detail: { reason?: VoidReason },
): Promise<PackageView> {
  const from = /^[0-9a-f-]{36}$/i.test(packageId) ? await lockPackageStatus(tx, packageId) : null;
  if (!from) {
    throw new AppError("not_found", `There is no package ${packageId}`, {
      errors: [{ field: "packageId", reason: "is not a package" }],
    });
  }
  const to = nextPackageStatus(from, event);
  if (!to) {
    throw new AppError("package_step_not_allowed", `A package that is ${from} cannot be ${pastTense[event]}`, {
      status: from,
      event,
    });
  }
  const column = { sell: "sold_at", void: "voided_at", activate: "activated_at", register: "registered_at" }[event];
  await transitionStatus(tx, "retail_package", packageId, event, actor, {
    audit: { action: `retail.package_${pastTense[event]}`, subject: packageId },
    set: {
      [column]: new Date(),
      ...(event === "sell" ? { sold_by: actor } : {}),
      ...(event === "void" ? { void_reason: detail.reason ?? null } : {}),
    },
    data: detail.reason ? { reason: detail.reason } : {},
  });
  return viewPackage(tx, packageId);
}

const pastTense: Record<PackageEvent, string> = {
  sell: "sold",
  void: "voided",
  activate: "activated",
  register: "registered",
};

export async function viewPackage(db: Queryable, packageId: string): Promise<PackageView> {
  const r = await findPackageView(db, packageId);
  if (!r) throw new AppError("not_found", `There is no package ${packageId}`);
  return {
    packageId: String(r.id),
    batchId: String(r.batch_id),
    serial: Number(r.serial),
    codeHint: String(r.code_hint),
    planId: String(r.plan_id),
    channel: String(r.channel),
    status: r.status,
    soldAt: r.sold_at ? new Date(r.sold_at).toISOString() : null,
  };
}

/** The card or profile a package binds, for the line's reservation; null for an application without one. */
export async function packagedMedium(
  tx: Queryable,
  applicationId: string,
): Promise<{ iccid: string | null; esimProfileId: number | null } | null> {
  const r = await findPackagedMedium(tx, applicationId);
  if (!r) return null;
  return { iccid: r.iccid, esimProfileId: r.esim_profile_id == null ? null : Number(r.esim_profile_id) };
}
