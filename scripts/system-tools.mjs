#!/usr/bin/env node
// The system tools the tests run for real, and the Debian packages that give them: the one list that
// `.ci/run` installs from (`node scripts/system-tools.mjs --apt`: the packages missing here, one line)
// and that `npm test` checks before it starts (scripts/test.mjs), so a newcomer learns what to install
// up front rather than from tests failing one at a time. Node's own modules only: .ci/run calls it
// before `npm ci`.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Each requirement: what it is for, how to tell it is there, and the packages that give it.
 * `command`: an executable on the PATH; `anyFile`: one of these files (a `*` stands for one folder
 * name); `python`: a module /usr/bin/python3 imports (vsmartcard's vicc runs on it).
 */
export const requirements = [
  {
    name: "pg_dump",
    command: "pg_dump",
    packages: ["postgresql-client"],
    for: "backups and the dumps searched for personal data",
  },
  {
    name: "initdb",
    command: "initdb",
    anyFile: ["/usr/lib/postgresql/*/bin/initdb"],
    packages: ["postgresql"],
    for: "the failover test's primary and standby",
  },
  { name: "zbarimg", command: "zbarimg", packages: ["zbar-tools"], for: "QR codes read back by a real reader" },
  { name: "pdfsig", command: "pdfsig", packages: ["poppler-utils"], for: "PDF signatures, text and pages" },
  { name: "certutil", command: "certutil", packages: ["libnss3-tools"], for: "trust for pdfsig's certificate check" },
  { name: "openssl", command: "openssl", packages: ["openssl"], for: "the test fixtures (chips, CAs, sealing keys)" },
  {
    name: "chromium-headless-shell",
    command: "chromium-headless-shell",
    packages: ["chromium-headless-shell"],
    for: "browser tests (playwright-core drives Chromium's headless shell)",
  },
  {
    name: "CJK fonts",
    anyFile: ["/usr/share/fonts/opentype/noto"],
    packages: ["fonts-noto-cjk"],
    for: "CJK glyphs in the browser's screenshots",
  },
  {
    name: "pcscd",
    command: "pcscd",
    anyFile: ["/usr/sbin/pcscd"],
    packages: ["pcscd"],
    for: "the counter's chip reader tests (PC/SC)",
  },
  {
    name: "vpcd",
    anyFile: ["/usr/lib/pcsc/drivers/serial/libifdvpcd.so"],
    packages: ["vsmartcard-vpcd"],
    for: "vsmartcard's virtual reader",
  },
  {
    name: "vicc",
    command: "vicc",
    packages: ["vsmartcard-vpicc", "python3-virtualsmartcard"],
    for: "vsmartcard's virtual passport",
  },
  {
    name: "pycryptodome",
    python: "Cryptodome",
    packages: ["python3-pycryptodome"],
    for: "vicc's BAC and secure messaging",
  },
];

/** Whether an executable named `command` is in one of the PATH's folders. */
export function onPath(command, path) {
  for (const dir of (path ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, command);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {}
  }
  return false;
}

/** Whether a file matching `pattern` exists under root; a `*` matches any one folder name. */
export function fileExists(pattern, root = "/") {
  const parts = pattern.split("/").filter(Boolean);
  const walk = (dir, index) => {
    if (index === parts.length) return existsSync(dir);
    if (parts[index] !== "*") return walk(join(dir, parts[index]), index + 1);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((entry) => entry.isDirectory() && walk(join(dir, entry.name), index + 1));
  };
  return walk(root, 0);
}

/**
 * The requirements missing on this machine (or under `root` with `path`, for a test): each is there when
 * its command is on the PATH or one of its files exists, and its Python module imports.
 */
export function missingTools({ path = process.env.PATH, root = "/" } = {}) {
  return requirements.filter((requirement) => {
    const byCommand = requirement.command !== undefined && onPath(requirement.command, path);
    const byFile = (requirement.anyFile ?? []).some((pattern) => fileExists(pattern, root));
    if (requirement.command !== undefined || requirement.anyFile !== undefined) {
      if (!byCommand && !byFile) return true;
    }
    if (requirement.python !== undefined) {
      const python = join(root, "usr", "bin", "python3");
      const imported = spawnSync(python, ["-c", `import ${requirement.python}`], { stdio: "ignore" });
      if (imported.status !== 0) return true;
    }
    return false;
  });
}

/** The Debian packages that give the missing requirements, each once, in the list's order. */
export function aptPackages(missing) {
  return [...new Set(missing.flatMap((requirement) => requirement.packages))];
}

/** What `npm test` prints when something is missing: each tool, what it is for, and the install line. */
export function missingMessage(missing) {
  const lines = missing.map(
    (requirement) => `  ${requirement.name}: ${requirement.for} (${requirement.packages.join(" ")})`,
  );
  return (
    `The tests need these system tools, missing here:\n${lines.join("\n")}\n` +
    `On Debian or Ubuntu: apt-get install ${aptPackages(missing).join(" ")}\n` +
    "(.ci/run installs them; the list is scripts/system-tools.mjs.)\n"
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missing = missingTools();
  if (process.argv.includes("--apt")) {
    // For .ci/run: the packages to install, space-separated (nothing when all is there).
    process.stdout.write(`${aptPackages(missing).join(" ")}\n`);
  } else if (process.argv.includes("--all")) {
    process.stdout.write(`${aptPackages(requirements).join(" ")}\n`);
  } else {
    process.stdout.write(
      missing.length === 0 ? "Every system tool the tests need is here.\n" : missingMessage(missing),
    );
    process.exitCode = missing.length === 0 ? 0 : 1;
  }
}
