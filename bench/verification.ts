import { createPublicKey, type KeyObject, verify, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { certificateMatchesSigner, parseSignedData } from "../packages/evidence/src/asn1/cms.ts";
import { certificateFields } from "../packages/evidence/src/asn1/der.ts";
import { readTlv } from "../packages/evidence/src/asn1/tlv.ts";
import { verifyPassiveAuthentication } from "../packages/evidence/src/chip/passive-authentication.ts";
import { loadTrustStore } from "../packages/evidence/src/chip/trust-store.ts";
import { makeChipFixtures, readChip } from "../packages/evidence/src/fixtures/make-chip-fixtures.ts";
import { makeJpkiFixtures } from "../packages/evidence/src/fixtures/make-jpki-fixtures.ts";
import { crlRevocation, verifyJpkiSignature } from "../packages/evidence/src/jpki/verify-jpki-signature.ts";
import { readCertificateDer } from "../packages/evidence/src/x509/certificate-der.ts";
import type { Crl } from "../packages/evidence/src/x509/crl.ts";
import { ratesSideBySide, round, table } from "./util.ts";

type Raw = { run: () => boolean; runParsing: () => boolean; runKeyOnly: () => boolean; signatures: string[] };

/**
 * The raw floor: exactly the signatures a verification must check, verified with node:crypto on
 * keys and certificates parsed beforehand: the signer's signature over the signed attributes, the
 * signer's certificate under its issuer (CSCA or JPKI CA) and, when that issuer publishes a CRL in the
 * trust store, the CRL's signature. No parsing, hashing of data groups or other checks.
 */
function rawVerifications(cms: Buffer, anchors: readonly X509Certificate[], crls: readonly Crl[], ec: boolean): Raw {
  const parsed = parseSignedData(cms);
  const der = parsed.certificates.find((c) => certificateMatchesSigner(c, parsed.signer.sid)) as Buffer;
  const signer = new X509Certificate(der);
  const data = parsed.signer.signedAttrs as Buffer;
  const signature = parsed.signer.signature;
  const issuer = anchors.find((a) => signer.checkIssued(a) && signer.verify(a.publicKey));
  if (!issuer) throw new Error("no issuer for the raw floor");
  const issuerKey = issuer.publicKey;
  const issuerSubject = certificateFields(issuer.raw).subject;
  const crl = crls.find((c) => c.issuer.equals(issuerSubject));
  const verifyAll = (certificate: X509Certificate, key: KeyObject) =>
    verify("sha256", data, ec ? { key, dsaEncoding: "der" } : key, signature) &&
    certificate.verify(issuerKey) &&
    (!crl || verify("sha256", crl.tbs, issuerKey, crl.signature));
  const key = signer.publicKey;
  if (!verifyAll(signer, key)) throw new Error("raw floor: a signature does not verify");
  let read: ReturnType<typeof readCertificateDer> | undefined; // only JPKI's floor reads it

  return {
    run: () => verifyAll(signer, key),
    // The same with the signer's certificate parsed by node:crypto first, as it must be when the
    // certificate arrives with each signature and is not kept (a person's JPKI certificate).
    runParsing: () => {
      const certificate = new X509Certificate(der);
      return verifyAll(certificate, certificate.publicKey);
    },
    // The least any implementation can do when the certificate arrives with the signature: build the
    // RSA key from its PKCS#1 bytes (which the certificate holds as they are), and verify the
    // certificate's signature over its signed part, both found in the DER beforehand.
    runKeyOnly: () => {
      read ??= readCertificateDer(der);
      const key = createPublicKey({ key: read.publicKey.bits, format: "der", type: "pkcs1" });
      return (
        verify("sha256", data, key, signature) &&
        verify("sha256", read.tbs, issuerKey, read.signature) &&
        (!crl || verify("sha256", crl.tbs, issuerKey, crl.signature))
      );
    },
    signatures: ["signer", "certificate", ...(crl ? ["crl"] : [])],
  };
}

/**
 * Passive authentications and JPKI verifications per second beside raw node:crypto verifications of
 * the same signatures with the same keys (`rawVerifications`), in the same run and in alternating
 * slices (`ratesSideBySide`), so that other load on a shared machine falls on both alike.
 */
export async function benchVerification(quick: boolean) {
  const ms = quick ? 1500 : 5000;
  const root = mkdtempSync(join(tmpdir(), "jitsumei-bench-fixtures-"));
  const chip = await makeChipFixtures(root);
  const jpki = makeJpkiFixtures(root);
  const trust = loadTrustStore(chip.trustDir);
  const at = new Date();
  const rows: { name: string; engine: number; raw: number; ratio: number; signatures: string }[] = [];

  for (const [name, ec] of [
    ["chip rsa-2048", false],
    ["chip ecdsa p-256", true],
    ["chip ecdsa brainpoolP256r1", true],
  ] as const) {
    const fixture = name.includes("brainpool")
      ? chip.chips.brainpool
      : name.includes("p-256")
        ? chip.chips.p256
        : chip.chips.rsa;
    const input = readChip(fixture);
    const raw = rawVerifications(Buffer.from(readTlv(input.sod).value), trust.anchors, trust.crls, ec);
    const [engine = 0, rawRate = 0] = await ratesSideBySide(ms, [
      () => verifyPassiveAuthentication(input, trust, { at }),
      raw.run,
    ]);
    rows.push({ name, engine, raw: rawRate, ratio: engine / rawRate, signatures: raw.signatures.join("+") });
  }

  const jpkiTrust = loadTrustStore(jpki.trustDir);
  const payload = readFileSync(jpki.payload);
  const signature = readFileSync(jpki.signatures.cmsAttached);
  const context = { anchors: jpkiTrust.anchors, revocation: crlRevocation(jpkiTrust.crls), at };
  const raw = rawVerifications(signature, jpkiTrust.anchors, jpkiTrust.crls, false);
  if (!raw.runKeyOnly()) throw new Error("raw floor (key only): a signature does not verify");
  const [jpkiEngine = 0, jpkiRaw = 0, jpkiRawParsing = 0, jpkiRawKeyOnly = 0] = await ratesSideBySide(ms, [
    () => verifyJpkiSignature({ data: payload, signature }, context),
    raw.run,
    raw.runParsing,
    raw.runKeyOnly,
  ]);
  // The like-for-like floor for JPKI builds the applicant's key from the PKCS#1 bytes its certificate
  // holds and verifies the certificate's signature over its signed part under the JPKI CA (both found
  // in the DER beforehand), then the signer's signature: what the engine does, without its checks.
  // The applicant's certificate cannot be parsed beforehand (one per person, arriving with each
  // signature and never kept), but the engine no longer parses it with OpenSSL either, so the floor
  // that does (X509Certificate on every call) is slower than the engine and shown for reference only,
  // as is the floor with the certificate parsed beforehand.
  rows.push({
    name: "jpki rsa-2048 (cms)",
    engine: jpkiEngine,
    raw: jpkiRawKeyOnly,
    ratio: jpkiEngine / jpkiRawKeyOnly,
    signatures: `key+${raw.signatures.join("+")}`,
  });
  rows.push({
    name: "jpki rsa-2048 (cms), raw parsing the certificate with OpenSSL (reference)",
    engine: jpkiEngine,
    raw: jpkiRawParsing,
    ratio: jpkiEngine / jpkiRawParsing,
    signatures: `parse+${raw.signatures.join("+")}`,
  });
  rows.push({
    name: "jpki rsa-2048 (cms), raw with the certificate parsed beforehand (reference)",
    engine: jpkiEngine,
    raw: jpkiRaw,
    ratio: jpkiEngine / jpkiRaw,
    signatures: raw.signatures.join("+"),
  });

  process.stdout.write(
    `${table([
      ["verification", "engine /s", "raw /s", "raw verifies", "ratio"],
      ...rows.map((r) => [r.name, round(r.engine, 0), round(r.raw, 0), r.signatures, round(r.ratio)]),
    ])}\n\n`,
  );
  const chipRows = rows.filter((r) => r.name.startsWith("chip"));
  const jpkiRow = rows.find((r) => r.name === "jpki rsa-2048 (cms)");
  return {
    // The overall ratio: the worst case, since each must hold (each against its like-for-like floor).
    ratio: round(Math.min(...rows.filter((r) => !r.name.endsWith("(reference)")).map((r) => r.ratio))),
    chipRatio: round(Math.min(...chipRows.map((r) => r.ratio))),
    jpkiRatio: round(jpkiRow?.ratio ?? 0),
    jpkiRatioWithoutParse: round(jpkiEngine / jpkiRaw),
    jpkiRatioParsingWithOpenSsl: round(jpkiEngine / jpkiRawParsing),
    rows: rows.map((r) => ({ ...r, engine: round(r.engine, 0), raw: round(r.raw, 0), ratio: round(r.ratio) })),
  };
}
