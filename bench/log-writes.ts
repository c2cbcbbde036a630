/**
 * The request log's cost on the request's thread: pino's default synchronous destination against the
 * asynchronous one `jitsumei serve` uses (apps/server/src/http/log-destination.ts), writing lines
 * shaped as the server's `request` lines (its redaction paths and serializer style) to a file, in
 * alternating rounds. Reports the thread's time per line (wall time of the logging loop; the
 * asynchronous side also until its last write has finished and the file is closed) and the
 * process's CPU time per line. Usage: `tsx bench/log-writes.ts [lines-per-round] [rounds]`.
 */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";

const lines = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 6);
const dir = mkdtempSync(join(tmpdir(), "jitsumei-log-bench-"));
const redact = {
  paths: ["req.headers.authorization", "req.headers.cookie", 'req.headers["idempotency-key"]'],
  censor: "[redacted]",
};

type Kind = "sync" | "async" | "asyncBuffered";
const kinds: Kind[] = ["sync", "async", "asyncBuffered"];

async function round(kind: Kind, n: number) {
  const file = join(dir, `${kind}-${n}.log`);
  const sync = kind === "sync";
  // asyncBuffered: lines gathered up to 4 KiB a write (minLength), as pino's documentation suggests.
  const destination = pino.destination({
    dest: file,
    sync,
    mkdir: true,
    minLength: kind === "asyncBuffered" ? 4096 : 0,
  });
  await new Promise<void>((resolve) => destination.on("ready", () => resolve()));
  const log = pino({ level: "info", redact }, destination);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < lines; i++) {
    log.info(
      {
        req: { method: "POST", url: "/v1/applications/JM-7K3Q-9XWD/submit", remoteAddress: "127.0.0.1" },
        res: { statusCode: 201 },
        responseTime: 12,
      },
      "request",
    );
  }
  const loop = performance.now() - started;
  // Until the last line is in the file (the asynchronous side's writes finish after the loop).
  await new Promise<void>((resolve) => {
    destination.on("close", () => resolve());
    destination.end();
  });
  const total = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    loopUsPerLine: (loop * 1000) / lines,
    untilWrittenUsPerLine: (total * 1000) / lines,
    cpuUsPerLine: (used.user + used.system) / lines,
    bytes: statSync(file).size,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const results: Record<Kind, Awaited<ReturnType<typeof round>>[]> = { sync: [], async: [], asyncBuffered: [] };
for (const kind of kinds) await round(kind, -1); // warm-up
for (let i = 0; i < rounds; i++) {
  for (const kind of i % 2 === 0 ? kinds : [...kinds].reverse()) results[kind].push(await round(kind, i));
}
const summary = Object.fromEntries(
  Object.entries(results).map(([kind, rs]) => [
    kind,
    {
      loopUsPerLine: Math.round(median(rs.map((r) => r.loopUsPerLine)) * 100) / 100,
      untilWrittenUsPerLine: Math.round(median(rs.map((r) => r.untilWrittenUsPerLine)) * 100) / 100,
      cpuUsPerLine: Math.round(median(rs.map((r) => r.cpuUsPerLine)) * 100) / 100,
      bytesPerLine: Math.round((rs[0]?.bytes ?? 0) / lines),
    },
  ]),
);
process.stdout.write(
  `${JSON.stringify({ lines, rounds, loadAverage: (await import("node:os")).loadavg()[0], ...summary }, null, 2)}\n`,
);
