import type { defaultLivenessThresholds, LivenessStep } from "@jitsumei/evidence";

/** What the selfie evidence records of the challenge it was taken in (encrypted with the evidence). */
export type SelfieLiveness = {
  challengeId: string;
  steps: LivenessStep[];
  issuedAt: string;
  answeredAt: string;
  outcome: "pass";
  frames: number;
  checks: string[];
  /** Medians of human's passive models over the frames, and whether they reached the minimum. */
  passive: { antiSpoof: number | null; liveness: number | null; pass: boolean };
  thresholds: typeof defaultLivenessThresholds;
  model: { library: string; backend: string };
};
