import { randomBytes } from "node:crypto";
import { hasTag } from "@jitsumei/domain";
import type { ApplicationRow } from "../applications/application-row.ts";
import { hashToken } from "../applications/secrets.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { countHandoffsSince, insertHandoff } from "./handoff-repository.ts";
import { HANDOFF_TOKEN_PREFIX, type HandoffPurpose, handoffUrl, MAX_HANDOFFS_PER_HOUR } from "./handoff-tokens.ts";

type Deps = { db: Database; clock: () => Date; config: { publicUrl: string; handoff: { tokenMinutes: number } } };

export type IssuedHandoff = { token: string; url: string; purpose: HandoffPurpose; expiresAt: string };

/**
 * The applicant's session asks for a hand-off to another device: a single-use token (256 random bits,
 * only its SHA-256 stored) that expires after HANDOFF_TOKEN_MINUTES, and the URL the QR code shows,
 * on PUBLIC_URL. A chip reader is handed an application that still takes evidence.
 */
export async function issueHandoff(
  deps: Deps,
  application: ApplicationRow,
  purpose: HandoffPurpose,
): Promise<IssuedHandoff> {
  if (purpose === "chip_reader" && !hasTag(application.state, "editable")) {
    throw new AppError(
      "application_not_editable",
      `The application is ${application.state}: it takes no chip data now, so there is nothing to hand to a reader`,
    );
  }
  const now = deps.clock();
  const token = `${HANDOFF_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + deps.config.handoff.tokenMinutes * 60_000);
  await deps.db.transaction(async (tx) => {
    if ((await countHandoffsSince(tx, application.id, new Date(now.getTime() - 3_600_000))) >= MAX_HANDOFFS_PER_HOUR) {
      throw new AppError(
        "rate_limited",
        `This application was given ${MAX_HANDOFFS_PER_HOUR} hand-off codes in the last hour: use one of them, or wait`,
        { retryAfterSeconds: 600 },
      );
    }
    await insertHandoff(tx, {
      tokenHash: hashToken(token),
      applicationId: application.id,
      purpose,
      createdAt: now,
      expiresAt,
    });
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.handoff_issued",
      subject: application.reference,
      data: { purpose, expiresAt: expiresAt.toISOString() },
    });
  });
  return {
    token,
    url: handoffUrl(deps.config.publicUrl, purpose, application.reference, token),
    purpose,
    expiresAt: expiresAt.toISOString(),
  };
}
