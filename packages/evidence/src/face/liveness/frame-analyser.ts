/**
 * What the liveness judgement needs to know about one captured frame, measured by a FrameAnalyser
 * (the port; `human-frame-analyser.ts` is its implementation on @vladmandic/human). The judgement
 * (`judge-liveness.ts`) is pure over these measurements.
 */
export type FrameMeasurement =
  | {
      status: "analysed";
      width: number;
      height: number;
      /** Faces whose detection score reached the analyser's minimum. */
      faceCount: number;
      /** The largest face, or null when there is none. */
      face: MeasuredFace | null;
    }
  | { status: "unreadable" };

export type MeasuredFace = {
  score: number;
  /** The face box's width as a share of the frame's width (0..1): grows as the face comes closer. */
  widthShare: number;
  /**
   * Head turn from the face mesh: the depth difference of the outer eye corners over their horizontal
   * distance (human's own "facing left/right" gesture uses the same ratio, at ±0.15). Positive: the
   * head is turned towards the applicant's left, which on a mirrored preview is the screen's left.
   */
  yaw: number;
  /** Eye openness, the smaller of the two eyes: lid gap over eye-region height (human's blink gesture fires below 0.2). */
  eyeOpenness: number;
  /** FaceRes descriptor, to tell whether two frames show the same person. */
  embedding: readonly number[];
  /** human's anti-spoofing score (0..1, higher is a real face rather than a print, screen or drawing). */
  antiSpoof: number | null;
  /** human's liveness score (0..1). */
  liveness: number | null;
};

export type FrameAnalyser = {
  analyse(frame: Uint8Array): Promise<FrameMeasurement>;
  /** 0..1 on the FaceMatcher's scale (human.match.similarity with its options). */
  similarity(a: readonly number[], b: readonly number[]): number;
  readonly model: { library: string; backend: string };
};
