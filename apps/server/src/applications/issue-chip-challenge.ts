import { randomBytes } from "node:crypto";
import { hasTag } from "@jitsumei/domain";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { ApplicationRow } from "./application-row.ts";
import { countChipChallengesSince, insertChipChallenge } from "./chip-challenge-repository.ts";

/** How long a challenge waits for its chip: a read takes seconds; a reader asks again after a failed one. */
export const CHIP_CHALLENGE_MINUTES = 5;
/** More than any honest reader needs in an hour (each read is one); stops a loop filling the table. */
export const MAX_CHIP_CHALLENGES_PER_HOUR = 30;

export type IssuedChipChallenge = { challenge: string; expiresAt: string };

/**
 * A fresh Active Authentication challenge for one application (ICAO 9303-11 §6.1: 8 random bytes): the
 * reader sends it to the chip in INTERNAL AUTHENTICATE and uploads the chip's answer with the chip
 * (`activeAuthentication` in the chip evidence). The upload uses it up: the server verifies the
 * signature over its own, fresh challenge, so a recorded answer from another read proves nothing.
 */
export async function issueChipChallenge(
  deps: { db: Database; clock: () => Date },
  application: ApplicationRow,
): Promise<IssuedChipChallenge> {
  if (!hasTag(application.state, "editable")) {
    throw new AppError(
      "application_not_editable",
      `The application is ${application.state}: it takes no chip data now, so there is nothing to challenge`,
    );
  }
  const now = deps.clock();
  const challenge = randomBytes(8);
  const expiresAt = new Date(now.getTime() + CHIP_CHALLENGE_MINUTES * 60_000);
  await deps.db.transaction(async (tx) => {
    const since = new Date(now.getTime() - 3_600_000);
    if ((await countChipChallengesSince(tx, application.id, since)) >= MAX_CHIP_CHALLENGES_PER_HOUR) {
      throw new AppError(
        "rate_limited",
        `This application was given ${MAX_CHIP_CHALLENGES_PER_HOUR} chip challenges in the last hour: wait`,
        { retryAfterSeconds: 600 },
      );
    }
    await insertChipChallenge(tx, { challenge, applicationId: application.id, createdAt: now, expiresAt });
  });
  return { challenge: challenge.toString("base64"), expiresAt: expiresAt.toISOString() };
}
