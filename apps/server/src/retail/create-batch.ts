import { randomBytes, randomUUID } from "node:crypto";
import type { RetailChannel } from "@jitsumei/domain";
import { registrationCodeHint } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { insertBatch, insertPackages, type NewPackage, takeEsimProfiles, takeSimCards } from "./packages-repository.ts";
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
    await insertBatch(tx, {
      id: batchId,
      wrappedSeed,
      planId: plan.id,
      channel: input.channel,
      formFactor,
      count: input.count,
      createdBy: input.actor,
    });
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
      const packages: NewPackage[] = [];
      for (let i = 0; i < size; i++) {
        const serial = start + i + 1;
        const code = packageCode(seed, serial).replaceAll("-", "");
        const medium = media[i] ?? "";
        packages.push({
          id: randomUUID(),
          batchId,
          serial,
          codeIndex: codeIndex(deps.keys, code),
          codeHint: registrationCodeHint(code),
          iccid: formFactor === "physical" ? medium : null,
          esimProfileId: formFactor === "esim" ? medium : null,
        });
      }
      await insertPackages(tx, packages);
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
  if (formFactor === "physical") return (await takeSimCards(tx, size)).sort();
  return (await takeEsimProfiles(tx, size)).sort((a, b) => Number(a) - Number(b));
}
