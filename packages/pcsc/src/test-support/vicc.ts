import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

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
 */
export async function ensurePcscd(): Promise<void> {
  if (await portListening(SLOTS[0].port)) return;
  // /usr/sbin is not on every user's PATH.
  const command = existsSync("/usr/sbin/pcscd") ? "/usr/sbin/pcscd" : "pcscd";
  const daemon = spawn(command, ["-f"], { detached: true, stdio: "ignore" });
  let failed: Error | undefined;
  daemon.once("error", (error) => {
    failed = new Error(`pcscd could not be started (apt-get install pcscd vsmartcard-vpcd): ${error.message}`);
  });
  daemon.unref();
  await until("pcscd and its vpcd driver", () => {
    if (failed) throw failed;
    return portListening(SLOTS[0].port);
  });
}

/**
 * A slot of the virtual reader for this test file alone: test files run two at a time, and a slot takes
 * one card. The lock is a folder (mkdir is atomic) holding the owner's pid; a dead owner's lock is taken.
 */
export async function claimSlot(): Promise<{ slot: (typeof SLOTS)[number]; release(): void }> {
  let claimed: { slot: (typeof SLOTS)[number]; release(): void } | undefined;
  await until(
    "a free slot of the virtual reader",
    () => {
      for (const slot of SLOTS) {
        const lock = join(tmpdir(), `jitsumei-vpcd-${slot.port}.lock`);
        try {
          mkdirSync(lock);
        } catch {
          if (ownerAlive(lock)) continue;
          rmSync(lock, { recursive: true, force: true });
          continue;
        }
        writeFileSync(join(lock, "pid"), String(process.pid));
        claimed = { slot, release: () => rmSync(lock, { recursive: true, force: true }) };
        return true;
      }
      return false;
    },
    60_000,
  );
  if (!claimed) throw new Error("no slot claimed");
  return claimed;
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
    release();
    rmSync(dir, { recursive: true, force: true });
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
