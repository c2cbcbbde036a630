export type { FaceCheckCode, FaceThresholds } from "./check-face-match.ts";
export { assertFaceThresholds, checkFaceMatch, defaultFaceThresholds, faceCheckCodes } from "./check-face-match.ts";
export type {
  DetectedFace,
  FaceComparison,
  FaceImageAnalysis,
  FaceMatcher,
  FaceModelInfo,
  ImageFormat,
} from "./face-matcher.ts";
export type { HumanFaceMatcher, HumanFaceMatcherOptions } from "./human-face-matcher.ts";
export { createHumanFaceMatcher } from "./human-face-matcher.ts";
export type { FrameAnalyser, FrameMeasurement, MeasuredFace } from "./liveness/frame-analyser.ts";
export type { HumanFrameAnalyserOptions } from "./liveness/human-frame-analyser.ts";
export { createHumanFrameAnalyser } from "./liveness/human-frame-analyser.ts";
export type { LivenessFrame, LivenessJudgement, LivenessThresholds } from "./liveness/judge-liveness.ts";
export {
  defaultLivenessThresholds,
  frameSha256,
  judgeLiveness,
  livenessCheckCodes,
} from "./liveness/judge-liveness.ts";
export type { LivenessAction, LivenessStep } from "./liveness/liveness-challenge.ts";
export { drawLivenessSteps, isLivenessSteps, livenessActions } from "./liveness/liveness-challenge.ts";
export type { FaceBackend } from "./load-human.ts";
