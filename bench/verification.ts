import { verify, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { certificateMatchesSigner, parseSignedData } from "../packages/evidence/src/asn1/cms.ts";
import { readTlv } from "../packages/evidence/src/asn1/tlv.ts";
import { verifyPassiveAuthentication } from "../packages/evidence/src/chip/passive-authentication.ts";
import { loadTrustStore } from "../packages/evidence/src/chip/trust-store.ts";
import { makeChipFixtures, readChip } from "../packages/evidence/src/fixtures/make-chip-fixtures.ts";
import { makeJpkiFixtures } from "../packages/evidence/src/fixtures/make-jpki-fixtures.ts";
import { crlRevocation, verifyJpkiSignature } from "../packages/evidence/src/jpki/verify-jpki-signature.ts";
import { rate, round, table } from "./util.ts";

/** The signer's signature alone, verified with node:crypto: the raw cost under each verification. */
function rawSignerVerify(cms: Buffer, hash: string, dsaEncoding?: "der") {
  const parsed = parseSignedData(cms);
  const der = parsed.certificates.find((c) => certificateMatchesSigner(c, parsed.signer.sid));
  const key = new X509Certificate(der as Buffer).publicKey;
  const data = parsed.signer.signedAttrs as Buffer;
  const signature = parsed.signer.signature;
  return () => verify(hash, data, dsaEncoding ? { key, dsaEncoding } : key, signature);
}

/**
 * Passive authentications and JPKI verifications per second beside raw node:crypto verifications of
 * the same signatures with the same keys, in the same run.
 */
export async function benchVerification(quick: boolean) {
  const ms = quick ? 1500 : 5000;
  const root = mkdtempSync(join(tmpdir(), "jitsumei-bench-fixtures-"));
  const chip = await makeChipFixtures(root);
  const jpki = makeJpkiFixtures(root);
  const trust = loadTrustStore(chip.trustDir);
  const at = new Date();
  const rows: { name: string; engine: number; raw: number; ratio: number }[] = [];

  for (const [name, hash, ec] of [
    ["chip rsa-2048", "sha256", false],
    ["chip ecdsa p-256", "sha256", true],
    ["chip ecdsa brainpoolP256r1", "sha256", true],
  ] as const) {
    const fixture = name.includes("brainpool")
      ? chip.chips.brainpool
      : name.includes("p-256")
        ? chip.chips.p256
        : chip.chips.rsa;
    const input = readChip(fixture);
    const raw = rawSignerVerify(Buffer.from(readTlv(input.sod).value), hash, ec ? "der" : undefined);
    const engine = await rate(ms, () => verifyPassiveAuthentication(input, trust, { at }));
    const rawRate = await rate(ms, raw);
    rows.push({ name, engine, raw: rawRate, ratio: engine / rawRate });
  }

  const jpkiTrust = loadTrustStore(jpki.trustDir);
  const payload = readFileSync(jpki.payload);
  const signature = readFileSync(jpki.signatures.cmsAttached);
  const context = { anchors: jpkiTrust.anchors, revocation: crlRevocation(jpkiTrust.crls), at };
  const jpkiEngine = await rate(ms, () => verifyJpkiSignature({ data: payload, signature }, context));
  const jpkiRaw = await rate(ms, rawSignerVerify(signature, "sha256"));
  rows.push({ name: "jpki rsa-2048 (cms)", engine: jpkiEngine, raw: jpkiRaw, ratio: jpkiEngine / jpkiRaw });

  process.stdout.write(
    `${table([
      ["verification", "engine /s", "raw verify /s", "ratio"],
      ...rows.map((r) => [r.name, round(r.engine, 0), round(r.raw, 0), round(r.ratio)]),
    ])}\n\n`,
  );
  const chipRows = rows.filter((r) => r.name.startsWith("chip"));
  return {
    // The overall ratio: the worst case, since each must hold.
    ratio: round(Math.min(...rows.map((r) => r.ratio))),
    chipRatio: round(Math.min(...chipRows.map((r) => r.ratio))),
    jpkiRatio: round(jpkiEngine / jpkiRaw),
    rows: rows.map((r) => ({ ...r, engine: round(r.engine, 0), raw: round(r.raw, 0), ratio: round(r.ratio) })),
  };
}
