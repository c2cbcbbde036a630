import { livenessActions } from "@jitsumei/evidence";
import { z } from "zod";
import { base64Bytes } from "./schemas.ts";

/** Bodies and answers of the live selfie's routes (liveness challenge and its answer). */

const stepSchema = z.enum(["look_straight", ...livenessActions]);
/** A frame as a phone's canvas makes it: a JPEG of VGA size is 30-80 KiB. */
const maxFrameBytes = 400 * 1024;
export const maxLivenessFrames = 24;

export const livenessChallengeSchema = z
  .object({
    challengeId: z.string(),
    nonce: z.string().describe("Send it back with the frames; it answers one challenge once"),
    steps: z
      .array(stepSchema)
      .describe("What to ask the applicant, in order: look_straight, then three actions (their own left and right)"),
    issuedAt: z.string(),
    expiresAt: z.string().describe("Frames must reach the server before this"),
  })
  .meta({ id: "LivenessChallenge" });

export const livenessAnswerSchema = z
  .object({
    nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be the nonce of a challenge"),
    frames: z
      .array(
        z
          .object({
            step: z.number().int("must be a whole number").min(0, "must be 0 to 3").max(3, "must be 0 to 3"),
            at: z
              .number()
              .int("must be a whole number")
              .min(0, "must not be negative")
              .max(600_000, "must be at most 600000")
              .describe("Milliseconds since the challenge was received, when the frame was taken"),
            image: base64Bytes(maxFrameBytes)
              .refine((b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, "must be a JPEG")
              .describe("The camera frame as JPEG"),
          })
          .strict(),
      )
      .min(4, "must hold at least one frame per step (4)")
      .max(maxLivenessFrames, `must hold at most ${maxLivenessFrames} frames`)
      .describe("Frames in the order taken, each with the index of the step shown on screen"),
  })
  .strict()
  .meta({ id: "LivenessAnswer" });

export const livenessResultSchema = z
  .object({
    challengeId: z.string(),
    outcome: z.enum(["pass", "fail"]).describe("fail: ask for a new challenge and try again"),
    evidenceId: z.string().nullable().describe("The selfie evidence stored on a pass"),
    checks: z.array(
      z.object({
        code: z.string(),
        status: z.enum(["pass", "fail", "review"]),
        message: z.string(),
        language: z.string(),
      }),
    ),
  })
  .meta({ id: "LivenessResult" });
