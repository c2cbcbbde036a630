import { createHash, randomUUID } from "node:crypto";
import type { FormFactor, Language } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { applicationCipher } from "../crypto/envelope.ts";
import { type KeyManagement, newDataKey } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { currentIdempotencyClaim } from "../idempotency/idempotency.ts";
import { findPlan } from "../plans/plans-repository.ts";
import {
  insertDraftApplication,
  selectApplicationByCreationKeyForUpdate,
  updateAccessTokenByCreationKey,
} from "./applications-repository.ts";
import { deviceIndex, emailIndex, ipIndex, phoneIndex } from "./contact-indexes.ts";
import { hashToken, newAccessToken, newReference } from "./secrets.ts";

export const channels = ["online", "shop", "airport_counter", "retail_package", "post"] as const;
export type Channel = (typeof channels)[number];

export type CreateApplicationInput = {
  planId: string;
  language: Language;
  channel: Channel;
  formFactor?: FormFactor;
  contact: { email: string; phone?: string };
  /** Where the request came from, kept only as blind indexes (velocity limits). */
  client?: { ip: string; deviceId: string | null };
  /** `transfer`: the new holder of an existing line (its plan, even one no longer on sale). */
  kind?: "new" | "transfer";
};

export type CreatedApplication = { reference: string; accessToken: string; state: "draft"; formFactor: FormFactor };

/**
 * `within` runs in the creating transaction after the row is written (a retail package binds itself
 * to the new application there, so a code cannot start two applications).
 */
export async function createApplication(
  deps: { db: Database; keys: KeyManagement },
  input: CreateApplicationInput,
  within?: (tx: Queryable, created: { id: string; reference: string }) => Promise<void>,
): Promise<CreatedApplication> {
  const kind = input.kind ?? "new";
  const plan = await findPlan(deps.db, input.planId, { onSale: kind === "new" });
  if (!plan) {
    throw new AppError("plan_not_found", `There is no plan "${input.planId}" on sale (see GET /v1/plans)`, {
      errors: [{ field: "planId", reason: "is not a plan on sale" }],
    });
  }
  const formFactor = input.formFactor ?? plan.formFactors[0];
  if (!formFactor || !plan.formFactors.includes(formFactor)) {
    throw AppError.validation([
      { field: "formFactor", reason: `must be one of ${plan.formFactors.join(", ")} for plan ${plan.id}` },
    ]);
  }

  const id = randomUUID();
  const accessToken = newAccessToken();
  const dataKey = newDataKey();
  const cipher = applicationCipher(id, dataKey);
  const wrappedDataKey = await deps.keys.wrapDataKey(dataKey, `application:${id}`);

  // Under an Idempotency-Key, the application remembers the key (its hash) in the creating
  // transaction: a retry after the process died between this commit and storing the answer finds it
  // here instead of creating a second application (the answer never reached the caller, so the
  // token is issued anew).
  const claim = currentIdempotencyClaim();
  const creationKey = claim ? createHash("sha256").update(`${claim.principal}\u0000${claim.key}`).digest() : null;

  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    try {
      return await deps.db.transaction(async (tx): Promise<CreatedApplication> => {
        if (creationKey) {
          const earlier = await selectApplicationByCreationKeyForUpdate(tx, creationKey);
          if (earlier) {
            await updateAccessTokenByCreationKey(tx, creationKey, hashToken(accessToken));
            await appendAuditEntry(tx, {
              actor: "applicant",
              action: "application.creation_answered_again",
              subject: earlier.reference,
              data: { reason: "idempotent retry after the first answer was lost" },
            });
            return { reference: earlier.reference, accessToken, state: "draft", formFactor: earlier.form_factor };
          }
        }
        await insertDraftApplication(tx, {
          id,
          reference,
          planId: plan.id,
          language: input.language,
          channel: input.channel,
          formFactor,
          accessTokenHash: hashToken(accessToken),
          wrappedDataKey,
          contactEnc: cipher.encryptJson("contact", input.contact),
          contactIndex: emailIndex(deps.keys, input.contact.email),
          phoneIndex: input.contact.phone ? phoneIndex(deps.keys, input.contact.phone) : null,
          ipIndex: input.client ? ipIndex(deps.keys, input.client.ip) : null,
          deviceIndex: input.client?.deviceId ? deviceIndex(deps.keys, input.client.deviceId) : null,
          kind,
          creationKey,
        });
        await within?.(tx, { id, reference });
        await appendAuditEntry(tx, {
          actor: "applicant",
          action: "application.created",
          subject: reference,
          data: { planId: plan.id, channel: input.channel, language: input.language, formFactor, kind },
        });
        return { reference, accessToken, state: "draft", formFactor };
      });
    } catch (error) {
      // 32^8 references make a clash rare; on one, draw another.
      if (attempt < 3 && isUniqueViolation(error, "applications_reference_key")) continue;
      throw error;
    }
  }
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23505") return false;
  return constraint === undefined || e.constraint === constraint || (e.message ?? "").includes(constraint);
}
