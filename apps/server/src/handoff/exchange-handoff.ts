import { type ApplicantSessionOrigin, openApplicantSession } from "../applications/applicant-sessions.ts";
import { hashToken } from "../applications/secrets.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { lockHandoff, markHandoffUsed } from "./handoff-repository.ts";
import { HANDOFF_TOKEN_PREFIX, type HandoffPurpose } from "./handoff-tokens.ts";

type Deps = { db: Database; clock: () => Date; config: { handoff: { sessionHours: number } } };

export type ExchangedHandoff = { reference: string; accessToken: string; purpose: HandoffPurpose; expiresAt: string };

type Refusal = "unknown" | "other_application" | "used" | "expired";

/**
 * The other device exchanges the hand-off token, once, for a session of its own on the application the
 * token was issued for. Refused when the token is unknown, was issued for another application than the
 * one named, was used already, or expired; each refusal of a token we know is audited on its
 * application (and committed: the refusal is answered after the transaction).
 */
export async function exchangeHandoff(
  deps: Deps,
  input: { reference: string; token: string },
): Promise<ExchangedHandoff> {
  const now = deps.clock();
  const outcome = input.token.startsWith(HANDOFF_TOKEN_PREFIX)
    ? await deps.db.transaction(async (tx): Promise<ExchangedHandoff | Refusal> => {
        const found = await lockHandoff(tx, hashToken(input.token));
        if (!found || found.purged_at) return "unknown";
        const refusal: Refusal | null =
          found.reference !== input.reference
            ? "other_application"
            : found.used_at
              ? "used"
              : new Date(found.expires_at) <= now
                ? "expired"
                : null;
        if (refusal) {
          await appendAuditEntry(tx, {
            actor: "applicant",
            action: "application.handoff_refused",
            subject: found.reference,
            data: { purpose: found.purpose, reason: refusal },
          });
          return refusal;
        }
        await markHandoffUsed(tx, hashToken(input.token), now);
        const session = await openApplicantSession(tx, {
          applicationId: found.application_id,
          origin: `handoff:${found.purpose}` as ApplicantSessionOrigin,
          now,
          ttlMs: deps.config.handoff.sessionHours * 3_600_000,
        });
        await appendAuditEntry(tx, {
          actor: "applicant",
          action: "application.handoff_exchanged",
          subject: found.reference,
          data: { purpose: found.purpose, sessionExpiresAt: session.expiresAt.toISOString() },
        });
        return {
          reference: found.reference,
          accessToken: session.token,
          purpose: found.purpose,
          expiresAt: session.expiresAt.toISOString(),
        };
      })
    : "unknown";
  if (typeof outcome !== "string") return outcome;
  if (outcome === "used") {
    throw new AppError("handoff_used", "This hand-off code was used already: show a new QR code on the other screen");
  }
  if (outcome === "expired") {
    throw new AppError("handoff_expired", "This hand-off code expired: show a new QR code on the other screen");
  }
  // Unknown, or issued for another application: the same answer, so neither can be probed.
  throw new AppError("handoff_invalid", `No hand-off code for ${input.reference} matches the one given`);
}
