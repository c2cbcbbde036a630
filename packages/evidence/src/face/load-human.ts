import { createHash } from "node:crypto";
import type { EventEmitter } from "node:events";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Tf from "@tensorflow/tfjs-core";
import type { Config, Human } from "@vladmandic/human";

/**
 * Loads @vladmandic/human in Node on the TensorFlow.js WASM (or pure CPU) backend, offline, with its
 * models read from the installed package's files. Why it is done this way:
 *
 * - human's Node builds (`human.node-wasm.js`, `human.esm-nobundle.js`) import
 *   `@tensorflow/tfjs-converter` (and the nobundle one also the WebGL and WebGPU backends), which are
 *   not installed; the package's `exports` also has no valid subpath for them. The one build that runs
 *   is `human.esm.js`, which bundles its own TensorFlow.js 4.22.0.
 * - That bundle, evaluated in Node, builds tfjs's Node platform from stubbed `util` and crashes
 *   ("this.util.TextEncoder is not a constructor"). TensorFlow.js keeps one engine and one flag set on
 *   `globalThis`, shared by every copy: the installed @tensorflow/tfjs-core creates it first with a
 *   working Node platform, and IS_NODE reads false only while the bundle is evaluated, so the bundle
 *   keeps that platform instead of building its own.
 * - The bundle's own WASM backend cannot read its binary in ESM (it reads `__dirname`), so the
 *   installed @tensorflow/tfjs-backend-wasm (same version, a real Node build) registers the `wasm`
 *   backend first; the bundle's registration is then ignored and its kernels, identical, replace the
 *   installed ones.
 * - Models load through a `file://` handler registered here, reading the JSON and weights from
 *   `@vladmandic/human/models` (tfjs's own file handler lives in tfjs-node). Nothing is fetched.
 *
 * With `@tensorflow/tfjs-converter@4.22.0` installed, `human.node-wasm.js` loads as it is (tried outside
 * the project) and the IS_NODE step and the bundle could go; the file handler and startBackend stay.
 *
 * PROD is set on the shared engine: it silences tfjs's console warnings about the duplicate
 * registrations above and its advice to install tfjs-node. This module owns TensorFlow.js in the
 * process: another tfjs user in the same process would share the engine, backend and flags.
 */

export type FaceBackend = "wasm" | "cpu";

/** The bundle's tfjs is 4.22.0, the same API as the installed tfjs-core whose types describe it. */
export type TfApi = typeof Tf;
type HumanConstructor = new (config?: Partial<Config>) => Human;
type HumanModule = { Human: HumanConstructor };

export type HumanLibrary = {
  Human: HumanConstructor;
  /** The bundle's tfjs API (tensors for human must be made with it). */
  tf: TfApi;
  humanVersion: string;
  tfjsVersion: string;
  /** `file://` URL of the installed models folder, ending in `/`. */
  modelBaseUrl: string;
  /** SHA-256 of each model's weights, by model name, as they were loaded. */
  modelHashes: ReadonlyMap<string, string>;
  backend: FaceBackend;
};

const require = createRequire(import.meta.url);
let loading: Promise<HumanLibrary> | undefined;

/** Loads once per process; a later call with another backend is refused (tfjs has one active backend). */
export async function loadHumanLibrary(backend: FaceBackend): Promise<HumanLibrary> {
  loading ??= bootstrap(backend);
  const library = await loading;
  if (library.backend !== backend)
    throw new Error(`human is already loaded on the ${library.backend} backend in this process, not ${backend}`);
  return library;
}

async function bootstrap(backend: FaceBackend): Promise<HumanLibrary> {
  const tfCore = require("@tensorflow/tfjs-core") as TfApi;
  const wasm = require("@tensorflow/tfjs-backend-wasm") as { setWasmPaths(prefix: string): void };
  const wasmDir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
  wasm.setWasmPaths(`${wasmDir}${path.sep}`);

  // The package's exports map resolves the bare name to dist/human.node.js (needs tfjs-node): only
  // used here to find the folder.
  const humanDist = path.dirname(require.resolve("@vladmandic/human"));
  const humanRoot = path.dirname(humanDist);
  const environment = tfCore.env();
  environment.set("PROD", true);
  const isNode = environment.getBool("IS_NODE");
  environment.set("IS_NODE", false);
  let module: HumanModule;
  try {
    module = (await import(pathToFileURL(path.join(humanDist, "human.esm.js")).href)) as HumanModule;
  } finally {
    environment.set("IS_NODE", isNode);
  }

  await startBackend(tfCore, backend);
  const probe = new module.Human({ backend });
  const tf = probe.tf as TfApi;
  const modelsDir = path.join(humanRoot, "models");
  const modelHashes = new Map<string, string>();
  registerModelFileRouter(tf, modelsDir, modelHashes);
  const packageJson = JSON.parse(await readFile(path.join(humanRoot, "package.json"), "utf8")) as { version: string };
  return {
    Human: module.Human,
    tf,
    humanVersion: packageJson.version,
    tfjsVersion: tfCore.version_core,
    modelBaseUrl: pathToFileURL(modelsDir + path.sep).href,
    modelHashes,
    backend,
  };
}

/**
 * Initialises the backend once, here rather than inside human. The WASM module (Emscripten) adds
 * process-wide `uncaughtException` and `unhandledRejection` listeners that rethrow, which would
 * override whatever the server decides about such errors; tfjs removes them only when the backend is
 * disposed. They serve Emscripten's `exit()`, which tfjs never calls, so they are removed at once.
 */
async function startBackend(tf: TfApi, backend: FaceBackend): Promise<void> {
  const emitter: EventEmitter = process;
  const events = ["uncaughtException", "unhandledRejection"];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  try {
    if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend of TensorFlow.js did not start`);
    await tf.ready();
  } finally {
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
}

type WeightsManifest = { paths: string[]; weights: Tf.io.WeightsManifestEntry[] }[];
type ModelJson = Tf.io.ModelJSON & { weightsManifest: WeightsManifest };

/** Serves `file://` URLs inside `modelsDir` (and nothing else) to tfjs's model loader. */
function registerModelFileRouter(tf: TfApi, modelsDir: string, hashes: Map<string, string>): void {
  const router = (url: string | string[]): Tf.io.IOHandler | null => {
    if (typeof url !== "string" || !url.startsWith("file://")) return null;
    const file = fileURLToPath(url);
    if (path.relative(modelsDir, file).startsWith("..")) return null;
    return {
      load: async () => {
        const json = JSON.parse(await readFile(file, "utf8")) as ModelJson;
        return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
          const groups = manifest as WeightsManifest;
          const buffers: Buffer[] = [];
          for (const group of groups) {
            for (const weightsPath of group.paths) {
              const weightsFile = path.resolve(path.dirname(file), weightsPath);
              if (path.relative(modelsDir, weightsFile).startsWith(".."))
                throw new Error(`model weights outside the models folder: ${weightsPath}`);
              buffers.push(await readFile(weightsFile));
            }
          }
          const weights = Buffer.concat(buffers);
          hashes.set(path.basename(file, ".json"), createHash("sha256").update(weights).digest("hex"));
          const data = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
          return [groups.flatMap((group) => group.weights), data];
        });
      },
    };
  };
  // tfjs's routers answer null for a URL they do not serve (its own http router does); the type omits it.
  tf.io.registerLoadRouter(router as Parameters<TfApi["io"]["registerLoadRouter"]>[0]);
}
