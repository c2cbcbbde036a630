import { randomInt } from "node:crypto";

/**
 * The actions an active liveness challenge may ask for: each one measured reliably from human's face
 * mesh on a phone's front camera (see frame-analyser.ts): a head turn (mesh depth), a blink (lid gap)
 * and coming closer (face width). Every challenge starts with `look_straight`, whose frames are the
 * baseline the other steps are measured against, then asks three distinct actions in a random order.
 * Directions are the applicant's own: `turn_left` is their left.
 */
export const livenessActions = ["turn_left", "turn_right", "blink", "closer"] as const;
export type LivenessAction = (typeof livenessActions)[number];
export type LivenessStep = "look_straight" | LivenessAction;

/** How many actions follow `look_straight`. */
export const challengeActionCount = 3;

/** A random challenge from the CSPRNG: `look_straight`, then three distinct actions (24 orders). */
export function drawLivenessSteps(pick: (below: number) => number = randomInt): LivenessStep[] {
  const pool: LivenessAction[] = [...livenessActions];
  const steps: LivenessStep[] = ["look_straight"];
  for (let i = 0; i < challengeActionCount; i++) {
    const [action] = pool.splice(pick(pool.length), 1);
    if (action) steps.push(action);
  }
  return steps;
}

/** Whether a stored or posted list is a well-formed challenge: used on input and in tests. */
export function isLivenessSteps(steps: readonly string[]): steps is LivenessStep[] {
  const actions = steps.slice(1);
  return (
    steps[0] === "look_straight" &&
    actions.length === challengeActionCount &&
    new Set(actions).size === actions.length &&
    actions.every((step) => (livenessActions as readonly string[]).includes(step))
  );
}
