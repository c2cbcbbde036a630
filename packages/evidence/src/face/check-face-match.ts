import type { CheckResult, CheckStatus } from "@jitsumei/domain";
import type { FaceComparison } from "./face-matcher.ts";

/**
 * The face checks of the IC-chip + selfie method (NF_IC_SELFIE). Pure: a FaceComparison and thresholds
 * in, check results out.
 *
 * A face match never approves anything alone. It says the selfie shows the face stored on a chip; that
 * the chip (and so its face image) is genuine is proved only by the chip's passive authentication, and
 * the caller must require both. A pass here with an unauthenticated chip proves nothing.
 *
 * Codes (each result's `params` hold no biometric value; the scores stay in the stored FaceComparison):
 * - `face.selfie_readable`     fail: the selfie could not be decoded (retake).
 * - `face.chip_photo_readable` review: the chip image is in a format decoded nowhere here (JPEG 2000,
 *                              `params.format`) or is corrupt: staff compare the faces by eye.
 * - `face.detected_in_selfie`  fail: no face in the selfie (retake).
 * - `face.single_face`         review: several faces in the selfie (someone behind, a photo held up).
 * - `face.detected_in_chip_photo` review: no face found in the chip image (the applicant cannot fix it).
 * - `face.matches_chip_photo`  pass ≥ `match`, fail < `reject`, review in between.
 * - `face.live`                review when liveness or anti-spoofing scores fall below their minimum.
 * Checks that depend on a missing input are left out rather than guessed.
 */

/**
 * Thresholds, on the scale of FaceComparison (human's `match.similarity` with its default options for
 * the faceres model). Policy data: these defaults are where to start, not calibrated numbers.
 */
export type FaceThresholds = {
  /** Similarity at or above which the faces match. */
  match: number;
  /** Similarity below which the faces do not match. Between `reject` and `match`, staff review. */
  reject: number;
  /** Selfie liveness below this → review. */
  liveness: number;
  /** Selfie anti-spoofing score below this → review. */
  antiSpoof: number;
};

/**
 * Where the numbers come from (human 3.3.6, faceres model, similarity options order 2, multiplier 25,
 * range 0.2–0.8):
 * - `reject` 0.5: human's documentation (`match.similarity`, and its wiki page "Embedding") says a
 *   similarity above 0.5 "can be considered a match", and its FaceID demo uses 0.5 as the minimum; so
 *   below 0.5 the library itself would not call it a match.
 * - `match` 0.75: above that guidance on purpose. Users of the library have reported different people
 *   at 0.61 to 0.77 (vladmandic/human issues #274, #401, #451), and an older version of the wiki called
 *   0.65 a "good match"; a wrongly accepted face costs more than a staff review.
 * - `liveness` and `antiSpoof` 0.6: the minimum score the FaceID demo shipped with human applies to
 *   both. Both models are tiny single-frame classifiers ("a quick check when used together with other
 *   indicators", human's FaceID notes): they catch crude replays, not a determined attacker.
 * Calibrate all four on a consented, licensed evaluation set before relying on them.
 */
export const defaultFaceThresholds: Readonly<FaceThresholds> = Object.freeze({
  match: 0.75,
  reject: 0.5,
  liveness: 0.6,
  antiSpoof: 0.6,
});

/** The codes checkFaceMatch can produce. */
export const faceCheckCodes = [
  "face.selfie_readable",
  "face.chip_photo_readable",
  "face.detected_in_selfie",
  "face.single_face",
  "face.detected_in_chip_photo",
  "face.matches_chip_photo",
  "face.live",
] as const;
export type FaceCheckCode = (typeof faceCheckCodes)[number];

type FaceCheckResult = CheckResult & { code: FaceCheckCode };

/** Throws a RangeError on thresholds outside 0..1 or with `reject` above `match`: a configuration error. */
export function assertFaceThresholds(thresholds: FaceThresholds): void {
  for (const [name, value] of Object.entries(thresholds)) {
    if (typeof value !== "number" || !(value >= 0 && value <= 1))
      throw new RangeError(`face threshold ${name} must be within 0..1, got ${String(value)}`);
  }
  if (thresholds.reject > thresholds.match)
    throw new RangeError(`face threshold reject (${thresholds.reject}) is above match (${thresholds.match})`);
}

export function checkFaceMatch(
  comparison: FaceComparison,
  thresholds: FaceThresholds = defaultFaceThresholds,
): FaceCheckResult[] {
  assertFaceThresholds(thresholds);
  const results: FaceCheckResult[] = [];
  const { selfie, chipFace } = comparison;

  if (selfie.status !== "analysed") {
    results.push({ code: "face.selfie_readable", status: "fail", params: { format: selfie.format } });
  } else {
    results.push({ code: "face.selfie_readable", status: "pass" });
    results.push({ code: "face.detected_in_selfie", status: selfie.faceCount > 0 ? "pass" : "fail" });
    if (selfie.faceCount > 0) {
      results.push({
        code: "face.single_face",
        status: selfie.faceCount === 1 ? "pass" : "review",
        params: { faces: selfie.faceCount },
      });
      results.push({ code: "face.live", status: isLive(comparison, thresholds) ? "pass" : "review" });
    }
  }

  if (chipFace.status !== "analysed") {
    results.push({ code: "face.chip_photo_readable", status: "review", params: { format: chipFace.format } });
  } else {
    results.push({ code: "face.chip_photo_readable", status: "pass" });
    results.push({ code: "face.detected_in_chip_photo", status: chipFace.faceCount > 0 ? "pass" : "review" });
  }

  const bothFaces =
    selfie.status === "analysed" && selfie.faceCount > 0 && chipFace.status === "analysed" && chipFace.faceCount > 0;
  if (bothFaces)
    results.push({ code: "face.matches_chip_photo", status: gradeSimilarity(comparison.similarity, thresholds) });
  return results;
}

/** Faces on both sides but no similarity (a descriptor the model did not produce): staff compare. */
function gradeSimilarity(similarity: number | null, thresholds: FaceThresholds): CheckStatus {
  if (similarity === null) return "review";
  if (similarity >= thresholds.match) return "pass";
  return similarity < thresholds.reject ? "fail" : "review";
}

/** A missing score (a matcher run without that model) is not evidence of liveness: it fails the test. */
function isLive(comparison: FaceComparison, thresholds: FaceThresholds): boolean {
  const { liveness, antiSpoof } = comparison;
  return (
    liveness !== null && antiSpoof !== null && liveness >= thresholds.liveness && antiSpoof >= thresholds.antiSpoof
  );
}
