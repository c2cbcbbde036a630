import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrationFiles } from "../src/db/migrate.ts";
import { createTestDatabase, testDatabaseKind } from "./support/test-database.ts";

const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");

function run(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !["DATABASE_URL", "JITSUMEI_MASTER_KEY", "SMTP_URL", "PORT"].includes(k),
    ),
  );
  return spawnSync(process.execPath, [cli, ...args], { env: { ...clean, ...env }, encoding: "utf8", timeout: 60_000 });
}

describe("the jitsumei command", () => {
  it("prints help (exit 0) and refuses an unknown command (exit 2)", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/audit verify/);
    const unknown = run(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badOption = run(["migrate", "--force"]);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/--force/);
  });

  it("stops on a wrong configuration value, naming the variable (exit 2)", () => {
    const r = run(["migrate"], { PORT: "eighty" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/PORT: must be a whole number/);
  });

  it("migrates and seeds the database, printing JSON", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-cli-"));
    // On PostgreSQL: a fresh database of its own; embedded: a fresh folder.
    const database = testDatabaseKind === "postgres" ? await createTestDatabase() : null;
    const env = { JITSUMEI_DATA_DIR: dataDir, ...(database?.url ? { DATABASE_URL: database.url } : {}) };
    try {
      const first = run(["seed"], env);
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual({ plans: 3, simsInserted: 200 });
      const again = run(["migrate"], env);
      expect(JSON.parse(again.stdout)).toEqual({ applied: [], alreadyApplied: migrationFiles().length });
      expect(JSON.parse(run(["seed"], env).stdout)).toEqual({ plans: 3, simsInserted: 0 });
      // Only the server needs the master key: these commands do not generate one.
      expect(existsSync(join(dataDir, "master.key"))).toBe(false);
    } finally {
      await database?.drop();
    }
  });
});

describe("the master key outside production", () => {
  it("is generated once into the data folder, readable by its owner only, with a warning", async () => {
    const { loadOrCreateMasterKey } = await import("../src/crypto/master-key.ts");
    const dataDir = mkdtempSync(join(tmpdir(), "jitsumei-key-"));
    const warnings: string[] = [];
    const key = loadOrCreateMasterKey(null, dataDir, (m) => warnings.push(m));
    expect(key).toHaveLength(32);
    expect(warnings[0]).toMatch(/JITSUMEI_MASTER_KEY is not set.*production/s);
    expect(statSync(join(dataDir, "master.key")).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(join(dataDir, "master.key"), "utf8").trim(), "base64").equals(key)).toBe(true);
    const again = loadOrCreateMasterKey(null, dataDir, (m) => warnings.push(m));
    expect(again.equals(key)).toBe(true);
    expect(warnings).toHaveLength(1);
  });
});
