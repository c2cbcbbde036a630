import {
  createHumanFrameAnalyser,
  drawLivenessSteps,
  type FrameAnalyser,
  type FrameMeasurement,
  type LivenessStep,
} from "@jitsumei/evidence";

/** What the liveness actions use: the frame analyser (models loaded on first use) and the challenge's draw. */
export type LivenessServices = {
  analyser: FrameAnalyser;
  /** Draws a challenge's steps: the CSPRNG in production; only a test server may fix them. */
  drawSteps: () => LivenessStep[];
  /** How long a challenge may be answered, ms. */
  ttlMs: number;
};

export const livenessChallengeTtlMs = 2 * 60 * 1000;

export function livenessServices(options: { drawSteps?: () => LivenessStep[] } = {}): LivenessServices {
  return {
    analyser: lazyFrameAnalyser(),
    drawSteps: options.drawSteps ?? (() => drawLivenessSteps()),
    ttlMs: livenessChallengeTtlMs,
  };
}

/** Models load on the first frame (as the face matcher's do), so a server that never sees a selfie never pays. */
function lazyFrameAnalyser(create: () => Promise<FrameAnalyser> = () => createHumanFrameAnalyser()): FrameAnalyser {
  let analyser: Promise<FrameAnalyser> | null = null;
  let loaded: FrameAnalyser | null = null;
  const ready = () => {
    analyser ??= create().then(
      (a) => {
        loaded = a;
        return a;
      },
      (error) => {
        analyser = null; // the next frame tries again
        throw error;
      },
    );
    return analyser;
  };
  return {
    analyse: (frame: Uint8Array): Promise<FrameMeasurement> => ready().then((a) => a.analyse(frame)),
    similarity: (a, b) => {
      if (!loaded) throw new Error("the frame analyser is not loaded: analyse a frame first");
      return loaded.similarity(a, b);
    },
    get model() {
      return loaded?.model ?? { library: "@vladmandic/human (not loaded)", backend: "none" };
    },
  };
}
