import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/config.ts";

/** What the demo put in place: the CSCA folder it filled, and a passport chip's read for the counter. */
export type DemoTrust = { cscaDir: string; filled: boolean; chipFile: string; mrz: readonly string[] };

const trustFile = /\.(pem|crt|cer|der|crl)$/i;

/**
 * `npm start` (development, `--demo`): fictitious passport and residence-card chips signed under test
 * country signing CAs, made once with openssl in the data folder (`demo-evidence/`), and those CAs
 * copied into the CSCA trust folder when it holds none, so a chip read at the demo's counter passes
 * its trust check. Never in production or tests; a folder the operator filled is left as it is.
 * Writes the passport chip as the counter's chip reader saves it (`passport-chip.json`: SOD and data
 * groups) beside the specimen MRZ to type with it.
 */
export async function fillDemoTrust(config: Pick<Config, "env" | "dataDir" | "trust">): Promise<DemoTrust | null> {
  if (config.env !== "development") return null;
  const { makeChipFixtures, specimenMrz } = await import(
    "../../../../packages/evidence/src/fixtures/make-chip-fixtures.ts"
  );
  const root = join(config.dataDir, "demo-evidence");
  const chip = join(root, "chips", "rsa");
  // Made once: key generation takes seconds, and the same CAs stay trusted from one start to the next.
  if (!existsSync(join(chip, "sod.bin"))) {
    mkdirSync(root, { recursive: true });
    await makeChipFixtures(root);
  }
  const cscaDir = config.trust.cscaDir;
  const empty = !existsSync(cscaDir) || readdirSync(cscaDir).filter((f) => trustFile.test(f)).length === 0;
  if (empty) {
    mkdirSync(cscaDir, { recursive: true });
    for (const file of readdirSync(join(root, "trust")).filter((f) => trustFile.test(f))) {
      copyFileSync(join(root, "trust", file), join(cscaDir, file));
    }
  }
  const chipFile = join(root, "passport-chip.json");
  const b64 = (name: string) => readFileSync(join(chip, name)).toString("base64");
  writeFileSync(
    chipFile,
    `${JSON.stringify({ sod: b64("sod.bin"), dataGroups: { "1": b64("dg1.bin"), "2": b64("dg2.bin") } })}\n`,
  );
  return { cscaDir, filled: empty, chipFile, mrz: specimenMrz };
}
