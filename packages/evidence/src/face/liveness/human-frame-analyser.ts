import type { Tensor } from "@tensorflow/tfjs-core";
import type { Config, FaceResult, Human } from "@vladmandic/human";
import type { FaceBackend } from "../load-human.ts";
import { loadHumanLibrary } from "../load-human.ts";
import { readFaceImage } from "../read-face-image.ts";
import type { FrameAnalyser, FrameMeasurement, MeasuredFace } from "./frame-analyser.ts";

/**
 * The FrameAnalyser on @vladmandic/human (the same library, backend and models as the face matcher,
 * its own Human instance): BlazeFace, FaceMesh (head turn and eye lids from its 468 points), FaceRes
 * (the descriptor), and the `antispoof` and `liveness` models. Frames are analysed one at a time.
 */
export type HumanFrameAnalyserOptions = {
  backend?: FaceBackend;
  /** Detector confidence for a region to count as a face. */
  minFaceScore?: number;
  /** Frames are scaled down to this longer side before detection (a video frame is 640 px or so). */
  maxSide?: number;
  maxPixels?: number;
  /** Run human's passive `antispoof` and `liveness` models (default true; off only to measure their cost). */
  passive?: boolean;
};

const defaults: Required<HumanFrameAnalyserOptions> = {
  backend: "wasm",
  minFaceScore: 0.5,
  maxSide: 640,
  maxPixels: 4_000_000,
  passive: true,
};
const similarityOptions = { order: 2, multiplier: 25, min: 0.2, max: 0.8 };

export async function createHumanFrameAnalyser(options: HumanFrameAnalyserOptions = {}): Promise<FrameAnalyser> {
  const settings = { ...defaults, ...options };
  const library = await loadHumanLibrary(settings.backend);
  const fresh = { skipFrames: 0, skipTime: 0 };
  const human: Human = new library.Human({
    backend: settings.backend,
    modelBasePath: library.modelBaseUrl,
    debug: false,
    warmup: "none",
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { ...fresh, rotation: true, maxDetected: 5, minConfidence: settings.minFaceScore, return: false },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      description: { enabled: true, ...fresh },
      emotion: { enabled: false },
      antispoof: { enabled: settings.passive, ...fresh },
      liveness: { enabled: settings.passive, ...fresh },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>);
  await human.load();

  const analyseNow = async (frame: Uint8Array): Promise<FrameMeasurement> => {
    const read = await readFaceImage(frame, settings);
    if (read.kind !== "decoded") return { status: "unreadable" };
    const { image } = read;
    const tensor: Tensor = library.tf.tensor4d(image.pixels, [1, image.height, image.width, 3], "int32");
    let faces: FaceResult[];
    try {
      const result = await human.detect(tensor);
      if (result.error) throw new Error(`human could not analyse the frame: ${result.error}`);
      faces = result.face.filter((face) => face.score >= settings.minFaceScore);
    } finally {
      tensor.dispose();
    }
    const largest = faces.reduce<FaceResult | null>(
      (best, face) => (best === null || face.box[2] * face.box[3] > best.box[2] * best.box[3] ? face : best),
      null,
    );
    return {
      status: "analysed",
      width: image.originalWidth,
      height: image.originalHeight,
      faceCount: faces.length,
      face: largest ? measure(largest, image.width) : null,
    };
  };

  let queue: Promise<unknown> = Promise.resolve();
  return {
    analyse(frame) {
      const run = queue.then(() => analyseNow(frame));
      queue = run.catch(() => undefined);
      return run;
    },
    similarity: (a, b) =>
      a.length > 0 && a.length === b.length ? human.match.similarity([...a], [...b], similarityOptions) : 0,
    model: { library: `@vladmandic/human@${library.humanVersion}`, backend: library.tf.getBackend() },
  };
}

const finite = (value: number | undefined) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const round = (value: number) => Math.round(value * 1000) / 1000;

/** The mesh's points as human numbers them (MediaPipe FaceMesh's 468 landmarks). */
function measure(face: FaceResult, frameWidth: number): MeasuredFace {
  const mesh = face.mesh;
  const point = (i: number) => mesh[i] ?? [0, 0, 0];
  let yaw = 0;
  let eyeOpenness = 0;
  if (mesh.length > 450) {
    // Outer eye corners (33: the subject's right, 263: left), as in human's "facing" gesture.
    const xDiff = point(33)[0] - point(263)[0];
    const zDiff = (point(33)[2] ?? 0) - (point(263)[2] ?? 0);
    yaw = xDiff === 0 ? 0 : zDiff / xDiff;
    // Lid gap over the height of the region around each eye, as in human's "blink" gesture.
    const open = (lidA: number, lidB: number, rimA: number, rimB: number) => {
      const rim = Math.abs(point(rimA)[1] - point(rimB)[1]);
      return rim === 0 ? 0 : Math.abs(point(lidA)[1] - point(lidB)[1]) / rim;
    };
    eyeOpenness = Math.min(open(374, 386, 443, 450), open(145, 159, 223, 230));
  }
  return {
    score: round(face.score),
    widthShare: round(face.box[2] / frameWidth),
    yaw: round(yaw),
    eyeOpenness: round(eyeOpenness),
    embedding: face.embedding ?? [],
    antiSpoof: finite(face.real),
    liveness: finite(face.live),
  };
}
