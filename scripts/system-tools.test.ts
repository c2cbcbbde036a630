import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { aptPackages, missingMessage, missingTools, requirements } from "./system-tools.mjs";

// A machine made up in a temporary folder: a PATH of fake executables, and files under a fake root
// (the python3 there is a shell script that imports nothing, or everything).
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function machine({
  commands,
  files = [],
  pythonImports = true,
}: {
  commands: string[];
  files?: string[];
  pythonImports?: boolean;
}) {
  const root = mkdtempSync(join(tmpdir(), "jitsumei-system-tools-"));
  made.push(root);
  const bin = join(root, "bin");
  mkdirSync(bin);
  for (const command of commands) {
    writeFileSync(join(bin, command), "#!/bin/sh\nexit 0\n");
    chmodSync(join(bin, command), 0o755);
  }
  for (const file of files) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), "");
  }
  mkdirSync(join(root, "usr", "bin"), { recursive: true });
  writeFileSync(join(root, "usr", "bin", "python3"), `#!/bin/sh\nexit ${pythonImports ? 0 : 1}\n`);
  chmodSync(join(root, "usr", "bin", "python3"), 0o755);
  return { path: bin, root };
}

const everyCommand = [
  "pg_dump",
  "initdb",
  "zbarimg",
  "pdfsig",
  "certutil",
  "openssl",
  "chromium-headless-shell",
  "pcscd",
  "vicc",
];
const everyFile = ["usr/share/fonts/opentype/noto/NotoSansCJK.ttc", "usr/lib/pcsc/drivers/serial/libifdvpcd.so"];

describe("the system tools npm test checks before it starts", () => {
  it("finds nothing missing on a machine that has every tool", () => {
    expect(missingTools(machine({ commands: everyCommand, files: everyFile }))).toEqual([]);
  });

  it("names certutil and its package, libnss3-tools, when only that is missing", () => {
    const missing = missingTools(machine({ commands: everyCommand.filter((c) => c !== "certutil"), files: everyFile }));
    expect(missing.map((r) => r.name)).toEqual(["certutil"]);
    expect(aptPackages(missing)).toEqual(["libnss3-tools"]);
    expect(missingMessage(missing)).toContain("apt-get install libnss3-tools\n");
  });

  it("takes a file for a command: PostgreSQL's initdb under /usr/lib/postgresql/N/bin, pcscd in /usr/sbin", () => {
    const commands = everyCommand.filter((c) => c !== "initdb" && c !== "pcscd");
    const files = [...everyFile, "usr/lib/postgresql/17/bin/initdb", "usr/sbin/pcscd"];
    expect(missingTools(machine({ commands, files }))).toEqual([]);
    expect(missingTools(machine({ commands, files: everyFile })).map((r) => r.name)).toEqual(["initdb", "pcscd"]);
  });

  it("ignores a file of that name that is not executable", () => {
    const { path, root } = machine({ commands: everyCommand, files: everyFile });
    chmodSync(join(path, "pdfsig"), 0o644);
    expect(missingTools({ path, root }).map((r) => r.name)).toEqual(["pdfsig"]);
  });

  it("names every package on an empty machine, each once, vicc's pycryptodome when python cannot import it", () => {
    const missing = missingTools(machine({ commands: [], pythonImports: false }));
    expect(missing).toEqual(requirements);
    expect(aptPackages(missing)).toEqual([
      "postgresql-client",
      "postgresql",
      "zbar-tools",
      "poppler-utils",
      "libnss3-tools",
      "openssl",
      "chromium-headless-shell",
      "fonts-noto-cjk",
      "pcscd",
      "vsmartcard-vpcd",
      "vsmartcard-vpicc",
      "python3-virtualsmartcard",
      "python3-pycryptodome",
    ]);
  });

  it("is the list .ci/run installs from", () => {
    const ciRun = readFileSync(join(import.meta.dirname, "..", ".ci", "run"), "utf8");
    expect(ciRun).toContain("apt_list=$(node scripts/system-tools.mjs --apt)");
    expect(ciRun).toContain('read -r -a need_apt <<< "$apt_list"');
    expect(ciRun).toContain('apt-get install -y -qq "$' + '{need_apt[@]}"');
  });

  it("is the list the README tells a newcomer to install", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    const install = /```sh\napt-get install ([^`]*?)\n```/
      .exec(readme)?.[1]
      ?.replace(/\\\n\s*/g, "")
      .split(/\s+/);
    expect(install?.sort()).toEqual(aptPackages(requirements).sort());
  });
});
