import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll } from "vitest";

/**
 * vsmartcard's virtual reader for tests: pcscd loads the vpcd driver (Debian's vsmartcard-vpcd), which
 * listens for a virtual card on two ports, one per slot; `vicc` (python3-virtualsmartcard) connects as
 * the card. PC/SC names the slots "Virtual PCD 00 00" and "Virtual PCD 00 01".
 */
const SLOTS = [
  { port: 35963, readerName: "Virtual PCD 00 00" },
  { port: 35964, readerName: "Virtual PCD 00 01" },
] as const;
const VICC_PYTHONPATH = "/usr/lib/python3/site-packages/virtualsmartcard";
const LAUNCHER = join(import.meta.dirname, "vicc-passport.py");

export type ViccPassportFiles = { com: Uint8Array; sod: Uint8Array; dataGroups: Record<number, Uint8Array> };
export type ViccCard = { readerName: string; stop(): Promise<void> };

function portListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function until(what: string, condition: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `pcscd -f` unless a PC/SC daemon with the vpcd driver already listens. Left running for the
 * next test file (it is the machine's PC/SC service; CI ends it with the run).
 *
 * Test files run side by side, and two daemons started at once break each other (both load vpcd and
 * run side by side, the ports in one of them, the clients' socket perhaps the other's; CI once found no
 * vpcd port open at all): one process at a time starts it, under a lock folder like a slot's. A pcscd
 * already running without vpcd is stopped and ours started instead.
 */
export async function ensurePcscd(): Promise<void> {
  if (await portListening(SLOTS[0].port)) return;
  const release = await claimLock(join(tmpdir(), "jitsumei-pcscd.lock"), "the lock on starting pcscd");
  try {
    if (await portListening(SLOTS[0].port)) return;
    // vpcd binds its ports when pcscd loads it, once: a port held at that moment (the ports lie in
    // Linux's ephemeral range, so any outgoing TCP connection of the machine can have taken one) leaves
    // a pcscd without vpcd, as a CI run once found. Such a daemon of ours is stopped and started again.
    // .ci/run also takes the two ports out of the ephemeral range (net.ipv4.ip_local_reserved_ports).
    // A daemon that runs without vpcd (that, or a service started before the driver was installed) is
    // of no use to the tests either: it is stopped, so that ours can take PC/SC's socket.
    let lastError: Error | undefined;
    // A port left in TIME_WAIT by a closed connection stays held for a minute: up to 8 tries, ~55 s.
    for (let attempt = 1; attempt <= 8; attempt++) {
      const running = runningPcscd();
      if (running !== undefined) {
        // Another daemon may still be starting.
        if (
          await until("vpcd's port", () => portListening(SLOTS[0].port), 10_000).then(
            () => true,
            () => false,
          )
        )
          return;
        stopPcscd(running);
        await until(`pcscd (pid ${running}) to stop`, () => runningPcscd() === undefined, 10_000);
      }
      lastError = await startPcscd();
      if (!lastError) return;
      await new Promise((r) => setTimeout(r, 2000));
    }
    throw new Error(`${lastError?.message}: is another program listening on ${SLOTS[0].port}? (ss -ltnp)`);
  } finally {
    release();
  }
}

/** Starts `pcscd -f`; undefined once vpcd listens, else why not (the daemon is stopped again). */
async function startPcscd(): Promise<Error | undefined> {
  // /usr/sbin is not on every user's PATH.
  const command = existsSync("/usr/sbin/pcscd") ? "/usr/sbin/pcscd" : "pcscd";
  const daemon = spawn(command, ["-f"], { detached: true, stdio: "ignore" });
  let failed: Error | undefined;
  daemon.once("error", (error) => {
    failed = new Error(`pcscd could not be started (apt-get install pcscd vsmartcard-vpcd): ${error.message}`);
  });
  daemon.once("exit", (code) => {
    failed ??= new Error(`pcscd exited (${code}) before vpcd listened on ${SLOTS[0].port}`);
  });
  daemon.unref();
  try {
    await until(
      "pcscd to load vpcd",
      () => {
        if (failed) throw failed;
        return portListening(SLOTS[0].port);
      },
      // pcscd loads vpcd within a second; a driver that could not bind does not try again.
      5_000,
    );
    return undefined;
  } catch (error) {
    if (daemon.pid !== undefined && daemon.exitCode === null && daemon.signalCode === null) {
      const exited = new Promise((resolve) => daemon.once("exit", resolve));
      stopPcscd(daemon.pid);
      await exited;
    }
    return error as Error;
  }
}

function stopPcscd(pid: number): void {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // gone already
  }
}

/** The pid in pcscd's pid file, if that process lives. */
function runningPcscd(): number | undefined {
  try {
    const pid = Number(readFileSync("/run/pcscd/pcscd.pid", "utf8").trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

async function claimLock(lock: string, what: string, ms = 60_000): Promise<() => void> {
  let release: (() => void) | undefined;
  await until(
    what,
    () => {
      release = tryLock(lock);
      return release !== undefined;
    },
    ms,
  );
  if (!release) throw new Error(`${what} was not taken`);
  return release;
}

/**
 * Waits until PC/SC reports no card in the reader. A card taken out of vpcd shows in pcscd only at its
 * next poll: a slot freed before that would hand the next card a reader still marked as holding the
 * old one, and the next read would connect to it and fail with a removed card.
 *
 * It watches from a child process that exits when done, so pcsc-mini's client is never stopped here:
 * its `stop()` can block the process for good (see `sharedMonitor` in pcsc-card.ts),
 * and the other test files' cards come and go all the time.
 */
export async function waitUntilEmpty(readerName: string): Promise<void> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", EMPTY_WATCHER, readerName], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${readerName} did not empty (watcher exit ${code}): ${stderr.trim()}`);
}

const EMPTY_WATCHER = `
import { Client, ReaderStatus } from ${JSON.stringify(import.meta.resolve("pcsc-mini"))};
const name = process.argv[1];
setTimeout(() => { console.error(name + " still holds a card after 10 s"); process.exit(1); }, 10000);
new Client()
  .on("error", (e) => { console.error(String(e)); process.exit(2); })
  .on("reader", (reader) => {
    if (reader.name() !== name) return;
    reader.on("change", (status) => { if (!status.has(ReaderStatus.PRESENT)) process.exit(0); });
  })
  .start();
`;

/**
 * Keeps this test file the only one using PC/SC while it runs (call it at the top of the file, before
 * other hooks). Two files whose cards came and went side by side hung for a minute each in runs of
 * these five files together (a read, or a client's stop, waiting on pcscd while the other file's card
 * changed): one file at a time costs little, as each takes seconds, and the other test files still run
 * beside it.
 */
export function usePcscAlone(): void {
  let release: (() => void) | undefined;
  beforeAll(async () => {
    release = await claimLock(join(tmpdir(), "jitsumei-pcsc-user.lock"), "the other test file using PC/SC", 280_000);
  }, 300_000);
  afterAll(() => release?.());
}

/**
 * A slot of the virtual reader for this test file alone: test files run side by side, and a slot takes
 * one card.
 */
export async function claimSlot(): Promise<{ slot: (typeof SLOTS)[number]; release(): void }> {
  let claimed: { slot: (typeof SLOTS)[number]; release(): void } | undefined;
  await until(
    "a free slot of the virtual reader",
    () => {
      for (const slot of SLOTS) {
        const release = tryLock(join(tmpdir(), `jitsumei-vpcd-${slot.port}.lock`));
        if (release) {
          claimed = { slot, release };
          return true;
        }
      }
      return false;
    },
    60_000,
  );
  if (!claimed) throw new Error("no slot claimed");
  return claimed;
}

/** Takes a lock folder (mkdir is atomic) holding the owner's pid, or a dead owner's; its release, or none. */
function tryLock(lock: string): (() => void) | undefined {
  try {
    mkdirSync(lock);
  } catch {
    if (!ownerAlive(lock)) rmSync(lock, { recursive: true, force: true });
    return undefined;
  }
  writeFileSync(join(lock, "pid"), String(process.pid));
  return () => rmSync(lock, { recursive: true, force: true });
}

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    return true; // being written right now
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts an ePassport with these files into a free slot: vicc's BAC and secure messaging (PassportSAM),
 * our EF.COM, EF.SOD and data groups. `corruptMac`: every protected response carries a wrong MAC.
 */
export async function startViccPassport(
  files: ViccPassportFiles,
  options: { corruptMac?: boolean } = {},
): Promise<ViccCard> {
  await ensurePcscd();
  const { slot, release } = await claimSlot();
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-vicc-"));
  const write = (name: string, bytes: Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const args = [LAUNCHER, "--port", String(slot.port), "--com", write("com.bin", files.com)];
  args.push("--sod", write("sod.bin", files.sod));
  for (const [n, bytes] of Object.entries(files.dataGroups)) args.push("--dg", `${n}=${write(`dg${n}.bin`, bytes)}`);
  if (options.corruptMac) args.push("--corrupt-mac");
  const child: ChildProcess = spawn("/usr/bin/python3", args, {
    env: { ...process.env, PYTHONPATH: VICC_PYTHONPATH },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    try {
      await waitUntilEmpty(slot.readerName);
    } finally {
      release();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      lines.on("line", (line) => {
        if (line === "ready") resolve();
      });
      child.once("exit", (code) => reject(new Error(`vicc exited (${code}) before connecting: ${stderr}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { readerName: slot.readerName, stop };
}
