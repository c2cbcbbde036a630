import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * `jitsumei serve` logs through an asynchronous destination (http/log-destination.ts): lines still
 * buffered when the process ends must reach the log, also when an uncaught error ends it. A real
 * process, a real pipe: a logger as the server builds it writes many lines in one burst (most of them
 * still queued behind the first write), then the process dies.
 */
const LINES = 20_000;

function runLogger(ending: "uncaught exception" | "unhandled rejection" | "natural end") {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-log-"));
  const script = join(dir, "logger.ts");
  const destination = pathToFileURL(join(import.meta.dirname, "..", "src", "http", "log-destination.ts")).href;
  const pino = pathToFileURL(createRequire(import.meta.url).resolve("pino")).href;
  writeFileSync(
    script,
    `import pino from ${JSON.stringify(pino)};
import { asyncLogDestination } from ${JSON.stringify(destination)};
const log = pino({ level: "info" }, asyncLogDestination());
for (let i = 0; i < ${LINES}; i++) log.info({ n: i, url: "/v1/applications/JM-XXXX/submit" }, "request");
log.info({ n: ${LINES} }, "last");
const ending = ${JSON.stringify(ending)};
if (ending === "uncaught exception") throw new Error("crash after logging");
if (ending === "unhandled rejection") Promise.reject(new Error("crash after logging"));
`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: join(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  return new Promise<{ code: number | null; lines: { n: number; msg: string }[]; err: string }>((resolve) => {
    child.on("close", (code) =>
      resolve({
        code,
        lines: out
          .split("\n")
          .filter((l) => l.length > 0)
          .map((l) => JSON.parse(l) as { n: number; msg: string }),
        err,
      }),
    );
  });
}

describe("the server's asynchronous log", () => {
  for (const ending of ["uncaught exception", "unhandled rejection", "natural end"] as const) {
    it(`keeps every line when the process ends by ${ending}`, { timeout: 120_000 }, async () => {
      const { code, lines, err } = await runLogger(ending);
      expect(code).toBe(ending === "natural end" ? 0 : 1);
      if (ending !== "natural end") expect(err).toContain("crash after logging");
      expect(lines).toHaveLength(LINES + 1);
      // In order, none lost or repeated.
      expect(lines.every((line, i) => line.n === i)).toBe(true);
      expect(lines.at(-1)?.msg).toBe("last");
    });
  }
});
