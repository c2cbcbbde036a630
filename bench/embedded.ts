import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { esimCsv, msisdnCsv } from "../apps/server/test/inventory-support.ts";
import { cpuSeconds, freePort, startDriver, startServerProcess } from "./onboarding.ts";
import { round, table } from "./util.ts";

const root = join(import.meta.dirname, "..");

/**
 * The same prepaid journeys as the onboarding part, over HTTP against `jitsumei serve` on the
 * embedded database (PGlite in the data folder, no DATABASE_URL: what `npm start` runs), at the same
 * number of clients: the server's peak RSS under that load (goal < 384 MiB) and its throughput for
 * context (no floor: the floor is PostgreSQL's). The stock is imported with the CLI before the server
 * starts (`jitsumei inventory import`, as an operator would); the driver reads each activation code
 * from the server's local outbox (`/dev/outbox`, as a tester would), which adds that page's work to
 * the server's: an upper bound on the journeys' own. The buffer cache is the server's default
 * (EMBEDDED_DATABASE_SHARED_BUFFERS, 32MB) unless the environment sets it.
 */
export async function benchEmbedded(quick: boolean) {
  const journeys = quick ? 120 : 600;
  const clients = quick ? 8 : 16;
  const warmup = clients;
  const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-bench-embedded-"));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: undefined,
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "info",
    NODE_ENV: "development",
    SMTP_URL: undefined,
    JITSUMEI_MASTER_KEY: randomBytes(32).toString("base64"),
    JITSUMEI_DATA_DIR: dataDir,
    JITSUMEI_VELOCITY_LIMITS: "email=1000000,phone=1000000,device=1000000,ip=1000000",
    JITSUMEI_APPLICATION_LIMITS: "ip=1000000,device=1000000,contact=1000000,review=1000000",
    JITSUMEI_BENCH_STATEMENTS_FILE: join(dataDir, "statements"),
    JITSUMEI_FROM_SOURCE: undefined,
  };
  const url = `http://127.0.0.1:${port}`;
  execFileSync(process.execPath, [join(root, "apps/server/build.mjs")], { stdio: "ignore" });
  const jitsumei = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, "apps/server/bin/jitsumei.js"), ...args], { env, stdio: "pipe" });
  // Numbers and eSIM profiles for every journey, as an operator adds stock.
  const stock = (journeys + warmup) * 2 + 10;
  writeFileSync(join(dataDir, "numbers.csv"), msisdnCsv("020", stock));
  writeFileSync(join(dataDir, "esims.csv"), esimCsv(stock));
  jitsumei("migrate");
  jitsumei("inventory", "import", "--kind", "msisdn", join(dataDir, "numbers.csv"));
  jitsumei("inventory", "import", "--kind", "esim", join(dataDir, "esims.csv"));

  // The first start seeds the demo data (its staff's passwords hashed, its test CAs made): its own
  // peak, not the journeys'. The measured server starts on the seeded database, as a restart would.
  // The server as `npm start` runs it (package.json): node given a young generation of 8 MiB halves.
  const nodeArgs = ["--max-semi-space-size=8"];
  const first = await startServerProcess(env, url, join(dataDir, "server-first.log"), nodeArgs);
  await first.stop();
  const server = await startServerProcess(env, url, join(dataDir, "server.log"), nodeArgs);
  const idle = server.memory();
  // The applicant's mailbox: the newest activation-code mail to the journey's address.
  const codeFor = async (_reference: string, email: string) => {
    for (let tries = 0; tries < 200; tries++) {
      // The newest 40 hold it once it is written (a job may write it a moment after the answer),
      // unless the other clients' mails came first: then, after a second of asking, the newest 200.
      const limit = tries < 20 ? 40 : 200;
      const outbox = (await (await fetch(`${url}/dev/outbox?format=json&limit=${limit}`)).json()) as {
        items: { template: string; to: string; text: string }[];
      };
      const mail = outbox.items.find((m) => m.template === "activation_code" && m.to === email);
      const code = mail && /\b(\d{6})\b/.exec(mail.text)?.[1];
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no activation code mail to ${email}`);
  };
  const driver = startDriver(url, clients, codeFor);
  await driver.run(0, warmup, false);
  const cpuBefore = cpuSeconds(server.pid);
  const seconds = await driver.run(warmup, journeys, true);
  const serverCpu = cpuSeconds(server.pid) - cpuBefore;
  await driver.finish();
  const memory = server.memory();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });

  process.stdout.write(
    `${table([
      ["onboarding on the embedded database", "journeys/s", "elapsed s", "server CPU s", "peak RSS MiB"],
      [
        `${journeys} journeys, ${clients} clients`,
        round(journeys / seconds),
        round(seconds),
        round(serverCpu),
        memory.peakMiB,
      ],
    ])}\nserver: peak RSS ${memory.peakMiB} MiB (VmHWM; ${idle.peakMiB} MiB once started, before the journeys), ${memory.rssMiB} MiB at the end; started in ${round(server.startSeconds)} s (the first start, seeding, ${round(first.startSeconds)} s) on ${cpus().length} cores\n\n`,
  );
  return {
    journeys,
    clients,
    journeysPerSecond: round(journeys / seconds),
    serverCpuSecondsPerJourney: round(serverCpu / journeys, 4),
    serverPeakRssMiB: memory.peakMiB,
    serverPeakRssOnceStartedMiB: idle.peakMiB,
    serverRssAtEndMiB: memory.rssMiB,
    startupSeconds: round(server.startSeconds),
  };
}
