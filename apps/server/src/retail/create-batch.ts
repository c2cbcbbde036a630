import { randomBytes, randomUUID } from "node:crypto";
import type { RetailChannel } from "@jitsumei/domain";
import { registrationCodeHint } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { codeIndex, packageCode, seedContext } from "./registration-codes.ts";

export const MAX_BATCH_SIZE = 100_000;
/** Packages written per statement: large batches report progress between chunks. */
const CHUNK = 500;

export type CreateBatchInput = {
  planId: string;
  channel: RetailChannel;
  count: number;
  actor: string;
  /** Called after each chunk with the packages made so far (the CLI's progress line). */
  onProgress?: (done: number, total: number) => void;
};

export type CreatedBatch = {
  batchId: string;
  planId: string;
  channel: RetailChannel;
  count: number;
  formFactor: string;
};

/**
 * Makes a batch of packages in one transaction: each binds one SIM card (physical plans) or one
 * eSIM profile (eSIM plans) taken out of the online stock ('packaged'), and gets a registration code
 * derived from the batch's seed. Not enough stock: nothing is made. The codes themselves are
 * written nowhere; `batchPackages` derives them again for the CSV and the labels.
 */
export async function createBatch(
  deps: { db: Database; keys: KeyManagement },
  input: CreateBatchInput,
): Promise<CreatedBatch> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BATCH_SIZE) {
    throw AppError.validation([{ field: "count", reason: `must be a whole number from 1 to ${MAX_BATCH_SIZE}` }]);
  }
  const plan = await findPlan(deps.db, input.planId, { onSale: true });
  if (!plan) {
    throw new AppError("plan_not_found", `There is no plan "${input.planId}" on sale`, {
      errors: [{ field: "planId", reason: "is not a plan on sale" }],
    });
  }
  if (plan.kind !== "prepaid") {
    throw AppError.validation([{ field: "planId", reason: "retail packages are for prepaid plans only" }]);
  }
  const formFactor = plan.formFactors[0] ?? "physical";
  const batchId = randomUUID();
  const seed = randomBytes(32);
  const wrappedSeed = await deps.keys.wrapDataKey(seed, seedContext(batchId));

  await deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO retail_batches (id, wrapped_seed, plan_id, channel, form_factor, package_count, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [batchId, wrappedSeed, plan.id, input.channel, formFactor, input.count, input.actor],
    );
    for (let start = 0; start < input.count; start += CHUNK) {
      const size = Math.min(CHUNK, input.count - start);
      const media = await takeMedia(tx, formFactor, size);
      if (media.length < size) {
        throw new AppError(
          "stock_insufficient",
          `Only ${start + media.length} ${formFactor === "esim" ? "eSIM profiles" : "SIM cards"} are in stock for ${input.count} packages: nothing was made`,
          { errors: [{ field: "count", reason: `is more than the ${formFactor} stock` }] },
        );
      }
      // One multi-row INSERT per chunk: plain placeholders run the same on pg and PGlite.
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let i = 0; i < size; i++) {
        const serial = start + i + 1;
        const code = packageCode(seed, serial).replaceAll("-", "");
        const medium = media[i] ?? "";
        const n = values.length;
        tuples.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}::bigint)`);
        values.push(
          randomUUID(),
          batchId,
          serial,
          codeIndex(deps.keys, code),
          registrationCodeHint(code),
          formFactor === "physical" ? medium : null,
          formFactor === "esim" ? medium : null,
        );
      }
      await tx.query(
        `INSERT INTO retail_packages (id, batch_id, serial, code_index, code_hint, iccid, esim_profile_id)
         VALUES ${tuples.join(", ")}`,
        values,
      );
      input.onProgress?.(start + size, input.count);
    }
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "retail.batch_created",
      subject: batchId,
      data: { planId: plan.id, channel: input.channel, count: input.count, formFactor },
    });
  });
  return { batchId, planId: plan.id, channel: input.channel, count: input.count, formFactor };
}

/** Takes `size` cards or profiles out of the online stock (SKIP LOCKED: online reservations go on). */
async function takeMedia(tx: Queryable, formFactor: string, size: number): Promise<string[]> {
  if (formFactor === "physical") {
    const { rows } = await tx.query<{ iccid: string }>(
      `UPDATE sim_cards SET status = 'packaged', changed_at = now() WHERE iccid IN (
         SELECT iccid FROM sim_cards WHERE status = 'available' ORDER BY iccid LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING iccid`,
      [size],
    );
    return rows.map((r) => r.iccid).sort();
  }
  const { rows } = await tx.query<{ id: string | number }>(
    `UPDATE esim_profiles SET status = 'packaged', changed_at = now() WHERE id IN (
       SELECT id FROM esim_profiles WHERE status = 'available' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [size],
  );
  return rows.map((r) => String(r.id)).sort((a, b) => Number(a) - Number(b));
}
