import { execFileSync, spawnSync } from "node:child_process";

/**
 * The command-line tools the tests check documents with. A missing tool fails the test that needs it
 * with the package to install, rather than skipping: CI must have them.
 */
const packages: Record<string, string> = {
  pdftotext: "poppler-utils",
  pdftoppm: "poppler-utils",
  pdffonts: "poppler-utils",
  pdfsig: "poppler-utils",
  openssl: "openssl",
  certutil: "libnss3-tools",
};

function missing(tool: string): Error {
  return new Error(`"${tool}" is not installed: apt-get install ${packages[tool] ?? tool} (and add it to .ci/run)`);
}

/** Runs a tool; throws with its stderr when it exits non-zero. */
export function run(tool: string, args: readonly string[], input?: Buffer | string): Buffer {
  try {
    return execFileSync(tool, args, { input, stdio: ["pipe", "pipe", "pipe"], maxBuffer: 1 << 26 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw missing(tool);
    throw error;
  }
}

/** Runs a tool and returns its exit status and output whatever the status (pdfsig exits non-zero on a bad signature). */
export function runStatus(tool: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(tool, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") throw missing(tool);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
