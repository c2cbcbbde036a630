import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { deleteCaseClaims, selectLiveClaim, upsertClaim } from "./case-repository.ts";

/**
 * One reviewer works a case at a time. A claim lasts `minutes` and lapses by itself; claiming again
 * renews it. Another reviewer's live claim is theirs until it lapses or an admin releases it.
 */

export type Claim = { staffId: string; displayName: string; claimedAt: Date; expiresAt: Date };

export async function currentClaim(db: Queryable, applicationId: string, now: Date): Promise<Claim | null> {
  const r = await selectLiveClaim(db, applicationId, now);
  return r
    ? {
        staffId: r.staff_id,
        displayName: r.display_name,
        claimedAt: new Date(r.claimed_at),
        expiresAt: new Date(r.expires_at),
      }
    : null;
}

/** Claims (or renews) the case for `staffId`; call with the application row locked. */
export async function claimCase(
  tx: Queryable,
  input: { applicationId: string; reference: string; staffId: string; now: Date; minutes: number },
): Promise<Claim> {
  const held = await currentClaim(tx, input.applicationId, input.now);
  if (held && held.staffId !== input.staffId) {
    throw new AppError(
      "claimed_by_another",
      `${held.displayName} is working on this case until ${held.expiresAt.toISOString()}`,
      {
        claimedBy: held.displayName,
        expiresAt: held.expiresAt.toISOString(),
      },
    );
  }
  const expiresAt = new Date(input.now.getTime() + input.minutes * 60_000);
  await upsertClaim(tx, {
    applicationId: input.applicationId,
    staffId: input.staffId,
    claimedAt: held ? held.claimedAt : input.now,
    expiresAt,
  });
  if (!held) {
    await appendAuditEntry(tx, {
      actor: `staff:${input.staffId}`,
      action: "case.claimed",
      subject: input.reference,
      data: { expiresAt: expiresAt.toISOString() },
    });
  }
  return { staffId: input.staffId, displayName: "", claimedAt: held ? held.claimedAt : input.now, expiresAt };
}

/** A decision needs the decider's own live claim. */
export async function requireClaim(tx: Queryable, applicationId: string, staffId: string, now: Date): Promise<void> {
  const held = await currentClaim(tx, applicationId, now);
  if (!held) throw new AppError("claim_required", "Claim the case before deciding it (POST …/claim)");
  if (held.staffId !== staffId) {
    throw new AppError("claimed_by_another", `${held.displayName} is working on this case`, {
      claimedBy: held.displayName,
      expiresAt: held.expiresAt.toISOString(),
    });
  }
}

/**
 * Ends a claim: the holder may drop their own; someone else's needs `mayReleaseOthers` (admins).
 */
export async function releaseClaim(
  tx: Queryable,
  input: { applicationId: string; reference: string; staffId: string; now: Date; mayReleaseOthers: boolean },
): Promise<void> {
  const held = await currentClaim(tx, input.applicationId, input.now);
  if (!held) return;
  if (held.staffId !== input.staffId && !input.mayReleaseOthers) {
    throw new AppError("claimed_by_another", `${held.displayName} holds this case; an admin can release it`, {
      claimedBy: held.displayName,
    });
  }
  await deleteCaseClaims(tx, input.applicationId);
  await appendAuditEntry(tx, {
    actor: `staff:${input.staffId}`,
    action: "case.released",
    subject: input.reference,
    data: held.staffId === input.staffId ? {} : { releasedFrom: `staff:${held.staffId}` },
  });
}
