import { performance } from "node:perf_hooks";
import type { Tensor } from "@tensorflow/tfjs-core";
import type { Config, FaceResult, Human } from "@vladmandic/human";
import type { DetectedFace, FaceComparison, FaceImageAnalysis, FaceMatcher, FaceModelInfo } from "./face-matcher.ts";
import type { FaceBackend, HumanLibrary } from "./load-human.ts";
import { loadHumanLibrary } from "./load-human.ts";
import type { RgbImage } from "./read-face-image.ts";
import { readFaceImage } from "./read-face-image.ts";

/**
 * The FaceMatcher on @vladmandic/human, offline on CPU: BlazeFace finds faces, FaceMesh aligns them,
 * FaceRes (HSE-FaceRes, 1024 values) describes them; the `antispoof` and `liveness` models score the
 * selfie. Built once (models loaded and warmed up), then reused; calls are run one at a time, since a
 * Human instance keeps per-call state and the backend has a single thread anyway.
 */

export type HumanFaceMatcherOptions = {
  /** `wasm` (default) or `cpu` (pure JavaScript, about 25 times slower here). One backend per process. */
  backend?: FaceBackend;
  /** Detector confidence (0..1) for a region to count as a face. */
  minFaceScore?: number;
  /** Faces analysed per image at most; more are not counted. */
  maxFaces?: number;
  /** Images declaring more pixels are refused before decoding. */
  maxPixels?: number;
  /** Longer side the image is scaled down to before detection. */
  maxSide?: number;
};

export type HumanFaceMatcher = FaceMatcher & {
  readonly model: FaceModelInfo;
  /** Milliseconds spent loading the models and warming them up, measured once at creation. */
  readonly startup: { load: number; warmUp: number };
};

const defaults: Required<HumanFaceMatcherOptions> = {
  backend: "wasm",
  // human's default, 0.2, suits video (a missed face costs one frame); counting the faces of one still
  // photo wants fewer false ones. Its FaceID demo requires 0.6 of a face it accepts.
  minFaceScore: 0.5,
  maxFaces: 5,
  maxPixels: 40_000_000,
  // Faces are analysed at 256 px or less (FaceRes 224): 1280 px keeps a face that fills a fifth of a
  // selfie's width at full model resolution, and bounds the tensor a 12-megapixel photo would make.
  maxSide: 1280,
};

/** Human's documented default for FaceRes descriptors; the thresholds are set on this scale. */
const similarityOptions = { order: 2, multiplier: 25, min: 0.2, max: 0.8 };
const modelNames = ["blazeface", "facemesh", "faceres", "antispoof", "liveness"] as const;

export async function createHumanFaceMatcher(options: HumanFaceMatcherOptions = {}): Promise<HumanFaceMatcher> {
  const settings = { ...defaults, ...options };
  const started = performance.now();
  const library = await loadHumanLibrary(settings.backend);
  const human = new library.Human(humanConfig(library, settings));
  await human.load();
  const missing = modelNames.filter((name) => !human.models.models[name]);
  if (missing.length > 0) throw new Error(`human did not load the models ${missing.join(", ")}`);
  const loaded = performance.now();
  await warmUp(human, library);
  const warmed = performance.now();

  const model: FaceModelInfo = {
    library: `@vladmandic/human@${library.humanVersion}`,
    tfjs: library.tfjsVersion,
    backend: library.tf.getBackend(),
    models: modelNames.map((name) => ({ name, sha256: library.modelHashes.get(name) ?? "unknown" })),
    similarity: `human.match.similarity on faceres descriptors, ${JSON.stringify(similarityOptions)}`,
  };

  let queue: Promise<unknown> = Promise.resolve();
  const compare = (selfie: Uint8Array, chipFace: Uint8Array): Promise<FaceComparison> => {
    const run = queue.then(() => compareNow(human, library, settings, model, selfie, chipFace));
    queue = run.catch(() => undefined);
    return run;
  };
  return { compare, model, startup: { load: loaded - started, warmUp: warmed - loaded } };
}

function humanConfig(library: HumanLibrary, settings: Required<HumanFaceMatcherOptions>): Partial<Config> {
  // Still images: no result may be reused from a previous call (human's video frame cache is off).
  const fresh = { skipFrames: 0, skipTime: 0 };
  return {
    backend: settings.backend,
    modelBasePath: library.modelBaseUrl,
    debug: false,
    warmup: "none",
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: {
        ...fresh,
        rotation: true,
        maxDetected: settings.maxFaces,
        minConfidence: settings.minFaceScore,
        return: false,
      },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      description: { enabled: true, ...fresh },
      emotion: { enabled: false },
      antispoof: { enabled: true, ...fresh },
      liveness: { enabled: true, ...fresh },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>;
}

/** Runs every model once on zeros of its input shape, then the whole pipeline on a blank image. */
async function warmUp(human: Human, library: HumanLibrary): Promise<void> {
  const { tf } = library;
  for (const name of modelNames) {
    const graph = human.models.models[name] as WarmableModel | null | undefined;
    const shape = graph?.inputs[0]?.shape?.map((size) => (size > 0 ? size : 1));
    if (!graph || !shape) continue;
    const input = tf.zeros(shape);
    const output = graph.execute(input);
    tf.dispose([input, ...(Array.isArray(output) ? output : [output])]);
  }
  await detect(human, library, { pixels: new Uint8Array(64 * 64 * 3), width: 64, height: 64 });
}

type WarmableModel = {
  inputs: { shape?: number[] }[];
  execute(input: Tensor): Tensor | Tensor[];
};

async function detect(human: Human, library: HumanLibrary, image: Pick<RgbImage, "pixels" | "width" | "height">) {
  const tensor = library.tf.tensor4d(image.pixels, [1, image.height, image.width, 3], "int32");
  try {
    const result = await human.detect(tensor);
    if (result.error) throw new Error(`human could not analyse the image: ${result.error}`);
    return result.face;
  } finally {
    tensor.dispose();
  }
}

type Analysis = { analysis: FaceImageAnalysis; primary: FaceResult | null; ms: number };

async function analyse(
  human: Human,
  library: HumanLibrary,
  settings: Required<HumanFaceMatcherOptions>,
  bytes: Uint8Array,
): Promise<Analysis> {
  const started = performance.now();
  const read = await readFaceImage(bytes, settings);
  if (read.kind !== "decoded")
    return { analysis: { status: read.kind, format: read.format }, primary: null, ms: performance.now() - started };
  const { image } = read;
  const faces = (await detect(human, library, image)).filter((face) => face.score >= settings.minFaceScore);
  // The largest face is the person in front of the camera; the best-matching one could be a photo
  // held up beside them (the chip photo's own card, say), so it is not chosen by similarity.
  const primary = faces.reduce<FaceResult | null>(
    (largest, face) => (largest === null || area(face) > area(largest) ? face : largest),
    null,
  );
  const scale = image.originalWidth / image.width;
  return {
    analysis: {
      status: "analysed",
      format: read.format,
      width: image.originalWidth,
      height: image.originalHeight,
      faceCount: faces.length,
      primaryFace: primary === null ? null : describe(primary, scale),
    },
    primary,
    ms: performance.now() - started,
  };
}

async function compareNow(
  human: Human,
  library: HumanLibrary,
  settings: Required<HumanFaceMatcherOptions>,
  model: FaceModelInfo,
  selfieBytes: Uint8Array,
  chipBytes: Uint8Array,
): Promise<FaceComparison> {
  const started = performance.now();
  const selfie = await analyse(human, library, settings, selfieBytes);
  const chip = await analyse(human, library, settings, chipBytes);
  const a = selfie.primary?.embedding;
  const b = chip.primary?.embedding;
  const similarity =
    a && b && a.length > 0 && a.length === b.length ? human.match.similarity(a, b, similarityOptions) : null;
  return {
    selfie: selfie.analysis,
    chipFace: chip.analysis,
    similarity,
    liveness: score(selfie.primary?.live),
    antiSpoof: score(selfie.primary?.real),
    model,
    timings: { selfie: selfie.ms, chipFace: chip.ms, total: performance.now() - started },
  };
}

const area = (face: FaceResult) => face.box[2] * face.box[3];
const score = (value: number | undefined) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const round = (value: number) => Math.round(value * 1000) / 1000;

function describe(face: FaceResult, scale: number): DetectedFace {
  const [left, top, width, height] = face.box.map((v) => Math.round(v * scale));
  return { score: round(face.score), box: [left ?? 0, top ?? 0, width ?? 0, height ?? 0] };
}
