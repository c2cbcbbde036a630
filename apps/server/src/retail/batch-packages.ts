import type { Language, PackageStatus, RetailChannel, Translations } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { writeCsv } from "../csv/write-csv.ts";
import { type Queryable, toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import {
  countBatchPackagesByStatus,
  findBatchRow,
  latestBatchesByStatus,
  listBatchPackages,
} from "./packages-repository.ts";
import { packageCode, registrationLink, seedContext } from "./registration-codes.ts";

export type BatchPackage = {
  serial: number;
  code: string;
  link: string;
  status: PackageStatus;
  iccid: string | null;
  esimProfileId: number | null;
};

export type BatchWithCodes = {
  batchId: string;
  planId: string;
  planName: Translations;
  channel: RetailChannel;
  formFactor: "physical" | "esim";
  createdAt: Date;
  packages: BatchPackage[];
};

/**
 * A batch's packages with their codes and links, derived again from the batch's seed: for the CSV
 * and the labels, which only an admin reaches. Never logged.
 */
export async function batchWithCodes(
  deps: { db: Queryable; keys: KeyManagement; publicUrl: string },
  batchId: string,
): Promise<BatchWithCodes> {
  const batch = await findBatch(deps.db, batchId);
  const seed = await deps.keys.unwrapDataKey(batch.wrappedSeed, seedContext(batchId));
  const plan = await findPlan(deps.db, batch.planId);
  const rows = await listBatchPackages(deps.db, batchId);
  return {
    batchId,
    planId: batch.planId,
    planName: plan?.name ?? ({ ja: batch.planId, en: batch.planId } as Translations),
    channel: batch.channel,
    formFactor: batch.formFactor,
    createdAt: batch.createdAt,
    packages: rows.map((r) => {
      const code = packageCode(seed, Number(r.serial));
      return {
        serial: Number(r.serial),
        code,
        link: registrationLink(deps.publicUrl, code),
        status: r.status,
        iccid: r.iccid,
        esimProfileId: r.esim_profile_id == null ? null : Number(r.esim_profile_id),
      };
    }),
  };
}

/**
 * A batch's codes for a member of staff (the console's table, the CSV, the label sheet): each
 * export is written to the audit trail with who took it and in which form, since a code in the
 * wrong hands registers someone else's SIM. The codes themselves are never written there.
 */
export async function exportBatchCodes(
  deps: { db: Queryable; keys: KeyManagement; publicUrl: string },
  batchId: string,
  input: { actor: string; format: "table" | "csv" | "labels" },
): Promise<BatchWithCodes> {
  const batch = await batchWithCodes(deps, batchId);
  await appendAuditEntry(deps.db, {
    actor: input.actor,
    action: "retail.batch_codes_exported",
    subject: batchId,
    data: { format: input.format, count: batch.packages.length },
  });
  return batch;
}

export type BatchSummary = {
  batchId: string;
  planId: string;
  channel: RetailChannel;
  formFactor: "physical" | "esim";
  count: number;
  createdAt: string;
  statuses: Record<PackageStatus, number>;
};

export async function batchSummary(db: Queryable, batchId: string): Promise<BatchSummary> {
  const batch = await findBatch(db, batchId);
  const rows = await countBatchPackagesByStatus(db, batchId);
  const statuses: Record<PackageStatus, number> = { in_stock: 0, sold: 0, registered: 0, activated: 0, void: 0 };
  for (const r of rows) statuses[r.status] = Number(r.n);
  return {
    batchId,
    planId: batch.planId,
    channel: batch.channel,
    formFactor: batch.formFactor,
    count: batch.count,
    createdAt: batch.createdAt.toISOString(),
    statuses,
  };
}

/** The latest batches first, each with its packages counted by status: the console's list. */
export async function listBatches(db: Queryable, limit: number): Promise<BatchSummary[]> {
  const rows = await latestBatchesByStatus(db, limit);
  const batches = new Map<string, BatchSummary>();
  for (const r of rows) {
    const id = String(r.id);
    let batch = batches.get(id);
    if (!batch) {
      batch = {
        batchId: id,
        planId: String(r.plan_id),
        channel: r.channel,
        formFactor: r.form_factor,
        count: Number(r.package_count),
        createdAt: new Date(r.created_at).toISOString(),
        statuses: { in_stock: 0, sold: 0, registered: 0, activated: 0, void: 0 },
      };
      batches.set(id, batch);
    }
    if (r.status) batch.statuses[r.status] = Number(r.n);
  }
  return [...batches.values()];
}

/** The CSV a shop's system imports: one package per row, the code as printed and the link in its QR. */
export function batchCsv(batch: BatchWithCodes, language: Language = "en"): string {
  return writeCsv(
    [
      "serial",
      "registration_code",
      "plan_id",
      "plan_name",
      "channel",
      "form_factor",
      "iccid",
      "status",
      "registration_link",
    ],
    batch.packages.map((p) => [
      String(p.serial),
      p.code,
      batch.planId,
      batch.planName[language] ?? batch.planId,
      batch.channel,
      batch.formFactor,
      p.iccid ?? "",
      p.status,
      p.link,
    ]),
  );
}

type StoredBatch = {
  planId: string;
  channel: RetailChannel;
  formFactor: "physical" | "esim";
  count: number;
  createdAt: Date;
  wrappedSeed: Buffer;
};

async function findBatch(db: Queryable, batchId: string): Promise<StoredBatch> {
  const r = /^[0-9a-f-]{36}$/i.test(batchId) ? await findBatchRow(db, batchId) : null;
  if (!r)
    throw new AppError("not_found", `There is no batch ${batchId}`, {
      errors: [{ field: "batchId", reason: "is not a batch" }],
    });
  return {
    planId: String(r.plan_id),
    channel: r.channel,
    formFactor: r.form_factor,
    count: Number(r.package_count),
    createdAt: new Date(r.created_at),
    wrappedSeed: toBuffer(r.wrapped_seed),
  };
}
