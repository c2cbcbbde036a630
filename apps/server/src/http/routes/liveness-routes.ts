import { explainCheck } from "@jitsumei/domain";
import type { z } from "zod";
import { issueLivenessChallenge } from "../../liveness/issue-liveness-challenge.ts";
import { type LivenessAnswer, submitLiveness } from "../../liveness/submit-liveness.ts";
import {
  livenessAnswerSchema,
  livenessChallengeSchema,
  livenessResultSchema,
  maxLivenessFrames,
} from "../liveness-schemas.ts";
import { defineRoute } from "../route.ts";
import { referenceParamsSchema } from "../schemas.ts";
import { opened } from "./application-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

export const livenessRoutes = [
  defineRoute<Ref>({
    method: "POST",
    path: "/v1/applications/{reference}/liveness/challenge",
    operationId: "issueLivenessChallenge",
    summary: "Start a live selfie: a random sequence of steps, a nonce and a two-minute expiry",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    responses: { 201: { description: "The challenge", schema: livenessChallengeSchema } },
    async handler({ application }, services) {
      return { status: 201, body: await issueLivenessChallenge(services, opened(application)) };
    },
  }),

  defineRoute<Ref, undefined, LivenessAnswer>({
    method: "POST",
    path: "/v1/applications/{reference}/liveness",
    operationId: "submitLiveness",
    summary: "Answer a liveness challenge with camera frames: the server judges them; a pass becomes the selfie",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    body: livenessAnswerSchema,
    responses: {
      200: { description: "The judgement, explained in the applicant's language", schema: livenessResultSchema },
    },
    bodyLimit: maxLivenessFrames * 560 * 1024,
    async handler({ application, body }, services) {
      const result = await submitLiveness(services, opened(application), body);
      const language = opened(application).language;
      return { status: 200, body: { ...result, checks: result.checks.map((c) => explainCheck(c, language)) } };
    },
  }),
];
