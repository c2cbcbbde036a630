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
export type { FaceBackend } from "./load-human.ts";
