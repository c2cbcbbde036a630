import { expect } from "vitest";
import { drawFrameJpeg, poseFor } from "../../../../packages/evidence/src/face/fixtures/draw-liveness-frames.ts";
import type { LivenessStep } from "../../../../packages/evidence/src/face/liveness/liveness-challenge.ts";
import type { TestServer } from "./test-server.ts";

let captures = 0;

/**
 * Takes a live selfie as a browser would: asks for a challenge, draws the frames its steps ask for
 * (seed 1: the face on the test chips), posts them. Each capture makes new bytes (a frame seen before
 * is a replay); `performed` overrides what the face does.
 */
export async function takeLiveSelfie(
  server: TestServer,
  reference: string,
  token: string,
  performed?: (steps: LivenessStep[]) => LivenessStep[],
) {
  const issued = await server.api("POST", `/v1/applications/${reference}/liveness/challenge`, { token });
  expect(issued.status).toBe(201);
  const steps = issued.body.steps as LivenessStep[];
  const doing = performed ? performed(steps) : steps;
  const base = 8 * captures++;
  const frames = [];
  for (let s = 0; s < doing.length; s++) {
    for (const jitter of [1, 2]) {
      const image = await drawFrameJpeg(1, poseFor(doing[s] as LivenessStep), base + 2 * s + jitter);
      frames.push({ step: s, at: 400 + frames.length * 600, image: image.toString("base64") });
    }
  }
  return server.api("POST", `/v1/applications/${reference}/liveness`, {
    token,
    body: { nonce: issued.body.nonce, frames },
  });
}
