import type { EsimProfileStatus, PackageStatus, RetailChannel, SimCardStatus } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { RetailBatches, RetailPackages } from "../db/schema.ts";
import { sqlStatus } from "../db/sql-status.ts";

/**
 * The retail tables of batches and packages (retail_batches, retail_packages) and the stock the
 * packages take their cards and profiles from: read and written only here. A package's status moves
 * only through `transitionStatus` (package-steps.ts, register-package.ts).
 */

// Literals in the SQL text: the partial indexes sim_cards_available and esim_profiles_available name them.
const CARD_PACKAGED = sqlStatus<SimCardStatus>("packaged");
const CARD_AVAILABLE = sqlStatus<SimCardStatus>("available");
const PROFILE_PACKAGED = sqlStatus<EsimProfileStatus>("packaged");
const PROFILE_AVAILABLE = sqlStatus<EsimProfileStatus>("available");

export type FormFactor = "physical" | "esim";

// The generated row types, with the text columns the domain narrows and bigint ids as pg returns them.
type Batch = Selectable<RetailBatches> & { channel: RetailChannel; form_factor: FormFactor };
type Package = Omit<Selectable<RetailPackages>, "esim_profile_id"> & {
  status: PackageStatus;
  esim_profile_id: string | number | null;
};

export type BatchRow = Batch;

export async function findBatchRow(db: Queryable, batchId: string): Promise<BatchRow | null> {
  const { rows } = await db.query<BatchRow>("SELECT * FROM retail_batches WHERE id = $1", [batchId]);
  return rows[0] ?? null;
}

export async function insertBatch(
  tx: Queryable,
  batch: {
    id: string;
    wrappedSeed: Buffer;
    planId: string;
    channel: RetailChannel;
    formFactor: string;
    count: number;
    createdBy: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO retail_batches (id, wrapped_seed, plan_id, channel, form_factor, package_count, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [batch.id, batch.wrappedSeed, batch.planId, batch.channel, batch.formFactor, batch.count, batch.createdBy],
  );
}

export type NewPackage = {
  id: string;
  batchId: string;
  serial: number;
  codeIndex: Buffer;
  codeHint: string;
  iccid: string | null;
  esimProfileId: string | null;
};

/** One multi-row INSERT per chunk: plain placeholders run the same on pg and PGlite. */
export async function insertPackages(tx: Queryable, packages: readonly NewPackage[]): Promise<void> {
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const p of packages) {
    const n = values.length;
    tuples.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}::bigint)`);
    values.push(p.id, p.batchId, p.serial, p.codeIndex, p.codeHint, p.iccid, p.esimProfileId);
  }
  await tx.query(
    `INSERT INTO retail_packages (id, batch_id, serial, code_index, code_hint, iccid, esim_profile_id)
         VALUES ${tuples.join(", ")}`,
    values,
  );
}

/** Takes `size` cards out of the online stock (SKIP LOCKED: online reservations go on). */
export async function takeSimCards(tx: Queryable, size: number): Promise<string[]> {
  const { rows } = await tx.query<{ iccid: string }>(
    `UPDATE sim_cards SET status = ${CARD_PACKAGED}, changed_at = now() WHERE iccid IN (
         SELECT iccid FROM sim_cards WHERE status = ${CARD_AVAILABLE} ORDER BY iccid LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING iccid`,
    [size],
  );
  return rows.map((r) => r.iccid);
}

/** Takes `size` eSIM profiles out of the online stock (SKIP LOCKED: online reservations go on). */
export async function takeEsimProfiles(tx: Queryable, size: number): Promise<string[]> {
  const { rows } = await tx.query<{ id: string | number }>(
    `UPDATE esim_profiles SET status = ${PROFILE_PACKAGED}, changed_at = now() WHERE id IN (
       SELECT id FROM esim_profiles WHERE status = ${PROFILE_AVAILABLE} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [size],
  );
  return rows.map((r) => String(r.id));
}

export type BatchPackageRow = Pick<Package, "serial" | "status" | "iccid" | "esim_profile_id">;

export async function listBatchPackages(db: Queryable, batchId: string): Promise<BatchPackageRow[]> {
  const { rows } = await db.query<BatchPackageRow>(
    "SELECT serial, status, iccid, esim_profile_id FROM retail_packages WHERE batch_id = $1 ORDER BY serial",
    [batchId],
  );
  return rows;
}

export async function countBatchPackagesByStatus(
  db: Queryable,
  batchId: string,
): Promise<(Pick<Package, "status"> & { n: string | number })[]> {
  const { rows } = await db.query<Pick<Package, "status"> & { n: string | number }>(
    "SELECT status, count(*) AS n FROM retail_packages WHERE batch_id = $1 GROUP BY status",
    [batchId],
  );
  return rows;
}

/** A batch with one of its package statuses and how many packages have it (status null: none). */
export type BatchStatusCountRow = Pick<
  Batch,
  "id" | "plan_id" | "channel" | "form_factor" | "package_count" | "created_at"
> & {
  status: PackageStatus | null;
  n: string | number;
};

export async function latestBatchesByStatus(db: Queryable, limit: number): Promise<BatchStatusCountRow[]> {
  const { rows } = await db.query<BatchStatusCountRow>(
    `SELECT b.id, b.plan_id, b.channel, b.form_factor, b.package_count, b.created_at,
            p.status, count(p.id) AS n
       FROM (SELECT * FROM retail_batches ORDER BY created_at DESC, id LIMIT $1) b
       LEFT JOIN retail_packages p ON p.batch_id = b.id
      GROUP BY b.id, b.plan_id, b.channel, b.form_factor, b.package_count, b.created_at, p.status
      ORDER BY b.created_at DESC, b.id`,
    [limit],
  );
  return rows;
}

export type PackageByCodeRow = Pick<Package, "id" | "code_hint"> & Pick<Batch, "plan_id" | "form_factor">;

export async function findPackageByCode(db: Queryable, codeIndex: Buffer): Promise<PackageByCodeRow | null> {
  const { rows } = await db.query<PackageByCodeRow>(
    `SELECT p.id, b.plan_id, b.form_factor, p.code_hint FROM retail_packages p JOIN retail_batches b ON b.id = p.batch_id
     WHERE p.code_index = $1`,
    [codeIndex],
  );
  return rows[0] ?? null;
}

export async function findPackageIdByCode(db: Queryable, codeIndex: Buffer): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM retail_packages WHERE code_index = $1", [codeIndex]);
  return rows[0]?.id ?? null;
}

export async function findPackageIdOfApplication(db: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM retail_packages WHERE application_id = $1", [
    applicationId,
  ]);
  return rows[0]?.id ?? null;
}

/** The package's status, locked; null when there is no such package. */
export async function lockPackageStatus(tx: Queryable, packageId: string): Promise<PackageStatus | null> {
  const { rows } = await tx.query<Pick<Package, "status">>(
    "SELECT status FROM retail_packages WHERE id = $1 FOR UPDATE",
    [packageId],
  );
  return rows[0]?.status ?? null;
}

/** A package registered without a recorded sale was sold by its registration. */
export async function markSoldByRegistration(tx: Queryable, packageId: string): Promise<void> {
  await tx.query(
    "UPDATE retail_packages SET sold_at = coalesce(sold_at, now()), sold_by = coalesce(sold_by, 'registration') WHERE id = $1",
    [packageId],
  );
}

export type PackageViewRow = Pick<Package, "id" | "batch_id" | "serial" | "code_hint" | "status" | "sold_at"> &
  Pick<Batch, "plan_id" | "channel">;

export async function findPackageView(db: Queryable, packageId: string): Promise<PackageViewRow | null> {
  const { rows } = await db.query<PackageViewRow>(
    `SELECT p.id, p.batch_id, p.serial, p.code_hint, p.status, p.sold_at, b.plan_id, b.channel
     FROM retail_packages p JOIN retail_batches b ON b.id = p.batch_id WHERE p.id = $1`,
    [packageId],
  );
  return rows[0] ?? null;
}

export async function findPackagedMedium(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Package, "iccid" | "esim_profile_id"> | null> {
  const { rows } = await db.query<Pick<Package, "iccid" | "esim_profile_id">>(
    "SELECT iccid, esim_profile_id FROM retail_packages WHERE application_id = $1",
    [applicationId],
  );
  return rows[0] ?? null;
}
