import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Outside production an unset JITSUMEI_MASTER_KEY is generated once into the data folder, so that
 * `npm start` needs no set-up. Losing that file loses every encrypted record: production must set
 * the variable (config refuses to start without it).
 */
export function loadOrCreateMasterKey(
  configured: Buffer | null,
  dataDir: string,
  warn: (message: string) => void,
): Buffer {
  if (configured) return configured;
  const file = join(dataDir, "master.key");
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  warn(
    `JITSUMEI_MASTER_KEY is not set: generated a development master key in ${file}. ` +
      "Anyone with that file can read the personal data in this database, and without it the data is lost. " +
      "Set JITSUMEI_MASTER_KEY in production.",
  );
  return key;
}
