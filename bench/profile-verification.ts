/**
 * `node --cpu-prof --import tsx bench/profile-verification.ts [count] [chip|jpki]`: passive authentications and
 * JPKI verifications in a loop, to be profiled (summarise the .cpuprofile with
 * bench/cpuprofile-summary.ts). Not a benchmark: no timings that matter.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyPassiveAuthentication } from "../packages/evidence/src/chip/passive-authentication.ts";
import { loadTrustStore } from "../packages/evidence/src/chip/trust-store.ts";
import { makeChipFixtures, readChip } from "../packages/evidence/src/fixtures/make-chip-fixtures.ts";
import { makeJpkiFixtures } from "../packages/evidence/src/fixtures/make-jpki-fixtures.ts";
import { crlRevocation, verifyJpkiSignature } from "../packages/evidence/src/jpki/verify-jpki-signature.ts";

const count = Number(process.argv[2] ?? 2000);
const only = process.argv[3]; // "chip", "jpki" or both
const root = mkdtempSync(join(tmpdir(), "jitsumei-profile-"));
const chip = await makeChipFixtures(root);
const jpki = makeJpkiFixtures(root);
const trust = loadTrustStore(chip.trustDir);
const jpkiTrust = loadTrustStore(jpki.trustDir);
const at = new Date();
const inputs = [chip.chips.rsa, chip.chips.p256, chip.chips.brainpool].map(readChip);
const context = { anchors: jpkiTrust.anchors, revocation: crlRevocation(jpkiTrust.crls), at };
const payload = readFileSync(jpki.payload);
const signature = readFileSync(jpki.signatures.cmsAttached);

const started = performance.now();
for (let i = 0; i < count; i++) {
  for (const input of only === "jpki" ? [] : inputs) {
    if (!verifyPassiveAuthentication(input, trust, { at }).valid) throw new Error("chip refused");
  }
  if (only === "chip") continue;
  if (!(await verifyJpkiSignature({ data: payload, signature }, context)).valid) throw new Error("jpki refused");
}
const ms = performance.now() - started;
process.stdout.write(`${count} rounds (${only ?? "3 chips and 1 JPKI"}) in ${Math.round(ms)} ms\n`);
