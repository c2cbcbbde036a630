/**
 * The face-match port of the IC-chip + selfie method (NF_IC_SELFIE, 施行規則 第3条第1項第1号ハ): how
 * alike the applicant's selfie is to the face image read from the ID's IC chip.
 *
 * A comparison only measures; it decides nothing. `checkFaceMatch` turns it into check results, and
 * even a passing face match approves nothing on its own: the chip's face image proves something only
 * once the chip's passive authentication has shown it was written by the issuer, and the caller
 * combines both.
 */
export type FaceMatcher = {
  /**
   * The image files as received: the selfie (JPEG, PNG or WebP) and the chip's face image (JPEG; JPEG
   * 2000 is reported as unsupported while sharp here cannot decode it).
   */
  compare(selfie: Uint8Array, chipFace: Uint8Array): Promise<FaceComparison>;
};

/** The format as found from the bytes' signature, before any decoder is tried. */
export type ImageFormat = "jpeg" | "jpeg2000" | "png" | "webp" | "heif" | "unknown";

/**
 * What was found in one image. `unsupported_format`: no decoder here reads it (JPEG 2000 today);
 * `unreadable`: a decoder was tried and failed (corrupt, truncated, or too many pixels).
 */
export type FaceImageAnalysis =
  | {
      status: "analysed";
      format: ImageFormat;
      /** Upright dimensions of the decoded image, before any downscaling for the models. */
      width: number;
      height: number;
      /** Faces whose detection score reached the matcher's minimum. */
      faceCount: number;
      /** The face compared: the largest one (the person nearest the camera), or null when there is none. */
      primaryFace: DetectedFace | null;
    }
  | { status: "unsupported_format"; format: ImageFormat }
  | { status: "unreadable"; format: ImageFormat };

export type DetectedFace = {
  /** Overall confidence that this is a face (0..1), detector and mesh combined. */
  score: number;
  /** Bounding box in pixels of the decoded image: left, top, width, height. */
  box: readonly [number, number, number, number];
};

/** Which software measured: enough for a verification record to say how a result was produced. */
export type FaceModelInfo = {
  library: string;
  tfjs: string;
  backend: string;
  /** Each model file loaded, by name, with the SHA-256 of its weights (the models have no version numbers). */
  models: readonly { name: string; sha256: string }[];
  /** The similarity formula, so that thresholds are always read against the scale they were set on. */
  similarity: string;
};

export type FaceComparison = {
  selfie: FaceImageAnalysis;
  chipFace: FaceImageAnalysis;
  /** 0..1 between the two primary faces; null unless both images have one. */
  similarity: number | null;
  /** Selfie only, 0..1, higher is more likely a live capture; null without a selfie face. */
  liveness: number | null;
  /** Selfie only, 0..1, higher is more likely a real face than a print, screen or drawing; null without a face. */
  antiSpoof: number | null;
  model: FaceModelInfo;
  /** Milliseconds. */
  timings: { selfie: number; chipFace: number; total: number };
};
