import type { components } from "@jitsumei/api-contract/client";
import { useEffect, useRef, useState } from "react";
import { ApiError, answer, applicationParams, type Check, client, type Session } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { Button, Checks, problemMessage } from "../ui.tsx";

type Step = components["schemas"]["LivenessChallenge"]["steps"][number];
type Frame = components["schemas"]["LivenessAnswer"]["frames"][number];
type State = "idle" | "starting" | "running" | "checking" | "passed" | "failed" | "denied" | "no_camera" | "error";

/** Each step is shown this long; frames are taken in its middle, when the applicant has moved. */
export const stepMs = 3000;
const captureAt = [1000, 1500, 2000];
/** Frames are sent at most this wide (VGA): enough for the models, small to send. */
const maxWidth = 640;

/**
 * The live selfie (NF_IC_SELFIE): the front camera, a challenge the server draws (look straight, then
 * three of turn left, turn right, close the eyes, come closer), the instruction of each step on
 * screen in the applicant's language, frames taken from a canvas in each step's middle and sent for
 * the server to judge. The preview is mirrored, as people expect of a front camera; the frames are
 * not, so "left" is the applicant's own left for the server too.
 */
export function LiveSelfie({ session, onPassed }: { session: Session; onPassed?: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<State>("idle");
  const [steps, setSteps] = useState<Step[]>([]);
  const [current, setCurrent] = useState(0);
  const [checks, setChecks] = useState<Check[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const stop = () => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
  };
  useEffect(() => stop, []);

  async function start() {
    setChecks([]);
    setProblem(null);
    setState("starting");
    if (!navigator.mediaDevices?.getUserMedia) return setState("no_camera");
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } },
      });
    } catch (error) {
      const name = error instanceof DOMException ? error.name : "";
      return setState(name === "NotAllowedError" || name === "SecurityError" ? "denied" : "no_camera");
    }
    try {
      const element = video.current;
      if (!element) throw new Error("no video element");
      element.srcObject = stream.current;
      await element.play();
      const challenge = await answer(
        client.POST("/v1/applications/{reference}/liveness/challenge", { params: applicationParams(session) }),
      );
      setSteps(challenge.steps);
      setState("running");
      const frames = await capture(element, challenge.steps.length, setCurrent);
      stop();
      setState("checking");
      const result = await answer(
        client.POST("/v1/applications/{reference}/liveness", {
          params: applicationParams(session),
          body: { nonce: challenge.nonce, frames },
        }),
      );
      setChecks(result.checks);
      setState(result.outcome === "pass" ? "passed" : "failed");
      if (result.outcome === "pass") onPassed?.();
    } catch (error) {
      stop();
      setProblem(error instanceof ApiError ? problemMessage(error, t) : t("live.noCamera"));
      setState("error");
    }
  }

  const running = state === "starting" || state === "running";
  const step = steps[current];
  return (
    <section className="card live-selfie" aria-labelledby="live-selfie-title">
      <h2 id="live-selfie-title">{t("live.title")}</h2>
      <p>{t("live.needed")}</p>
      <p className="small">{t("live.how")}</p>
      <div className={running ? "live-stage" : "live-stage live-stage-hidden"}>
        <video ref={video} className="live-video" playsInline muted aria-label={t("live.title")} />
      </div>
      <div role="status" aria-live="assertive" className="live-status">
        {state === "running" && step && (
          <>
            <p className="small muted">{t("live.progress", { n: current + 1, total: steps.length })}</p>
            <p className="live-instruction" data-step={step}>
              {t(`live.${step}`)}
            </p>
          </>
        )}
        {state === "checking" && <p>{t("live.checking")}</p>}
        {state === "passed" && <p className="ok">{t("live.passed")}</p>}
        {state === "failed" && <p className="error">{t("live.failed")}</p>}
        {state === "denied" && <p className="error">{t("live.denied")}</p>}
        {state === "no_camera" && <p className="error">{t("live.noCamera")}</p>}
        {state === "error" && problem && <p className="error">{problem}</p>}
      </div>
      <Checks checks={state === "failed" ? checks.filter((c) => c.status !== "pass") : []} />
      {!running && state !== "checking" && state !== "passed" && (
        <Button onClick={start}>{state === "idle" ? t("live.start") : t("live.retry")}</Button>
      )}
    </section>
  );
}

async function capture(element: HTMLVideoElement, count: number, onStep: (n: number) => void): Promise<Frame[]> {
  const canvas = document.createElement("canvas");
  const frames: Frame[] = [];
  const started = performance.now();
  for (let s = 0; s < count; s++) {
    onStep(s);
    for (const offset of captureAt) {
      await sleep(started + s * stepMs + offset - performance.now());
      frames.push({ step: s, at: Math.round(performance.now() - started), image: await grab(element, canvas) });
    }
    await sleep(started + (s + 1) * stepMs - performance.now());
  }
  return frames;
}

async function grab(element: HTMLVideoElement, canvas: HTMLCanvasElement): Promise<string> {
  const scale = Math.min(1, maxWidth / (element.videoWidth || maxWidth));
  canvas.width = Math.round((element.videoWidth || maxWidth) * scale);
  canvas.height = Math.round((element.videoHeight || 480) * scale);
  canvas.getContext("2d")?.drawImage(element, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  if (!blob) throw new Error("the camera frame could not be encoded");
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
