import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import {
  certificateMatchesSigner,
  certificateMatchesSignerGeneric,
  parseSignedDataDer,
  parseSignedDataGeneric,
} from "../asn1/cms.ts";
import { readTlv } from "../asn1/tlv.ts";
import {
  parseLdsSecurityObjectDer,
  parseLdsSecurityObjectGeneric,
  verifyPassiveAuthentication,
} from "../chip/passive-authentication.ts";
import { loadTrustStore } from "../chip/trust-store.ts";
import { readChip } from "../fixtures/make-chip-fixtures.ts";
import { BoundedCache, issuerCertificate } from "./cache.ts";
import { crlSignedBy, parseCrl } from "./crl.ts";

const { chip, jpki } = inject("evidenceFixtures");
const trust = loadTrustStore(chip.trustDir);
const now = new Date();
const check = (r: ReturnType<typeof verifyPassiveAuthentication>, code: string) =>
  r.checks.filter((c) => c.code === code);
const rsaCsca = () => {
  const csca = trust.anchors.find((a) => a.subject.includes("csca-rsa") && !a.subject.includes("pss"));
  if (!csca) throw new Error("no RSA CSCA in the fixtures");
  return csca;
};

describe("the CRL signature cache", () => {
  it("still refuses a tampered CRL from the same issuer after the genuine one was verified", () => {
    const der = readFileSync(`${chip.trustDir}/csca-rsa.crl`);
    const genuine = parseCrl(der);
    expect(crlSignedBy(genuine, rsaCsca())).toBe(true);
    expect(crlSignedBy(genuine, rsaCsca())).toBe(true); // from the cache

    const badSignature = Buffer.from(der);
    badSignature[badSignature.length - 3] = (badSignature[badSignature.length - 3] ?? 0) ^ 0xff;
    expect(crlSignedBy(parseCrl(badSignature), rsaCsca())).toBe(false);
    // The same signature over a changed signed part (same issuer, a different revoked list or date).
    expect(
      crlSignedBy({ ...genuine, tbs: Buffer.concat([genuine.tbs.subarray(0, -1), Buffer.from([0])]) }, rsaCsca()),
    ).toBe(false);
    // The genuine CRL against another issuer's key.
    const other = trust.anchors.find((a) => a.subject.includes("p256"));
    expect(other && crlSignedBy(genuine, other)).toBe(false);

    // End to end: a broken CRL after the genuine one still goes to a person.
    const revoked = readChip(chip.chips.revokedSigner);
    expect(check(verifyPassiveAuthentication(revoked, trust, { at: now }), "chip.document_signer_not_revoked")).toEqual(
      [{ code: "chip.document_signer_not_revoked", status: "fail" }],
    );
    const broken = { anchors: trust.anchors, crls: [parseCrl(badSignature)] };
    expect(
      check(verifyPassiveAuthentication(revoked, broken, { at: now }), "chip.document_signer_not_revoked"),
    ).toEqual([{ code: "chip.document_signer_not_revoked", status: "review", params: { crl: "invalid" } }]);
  });
});

describe("the issuer certificate cache", () => {
  it("parses the same bytes once and different bytes afresh", () => {
    const der = parseSignedDataDer(readTlv(readChip(chip.chips.rsa).sod).value).certificates[0] as Buffer;
    expect(issuerCertificate(der)).toBe(issuerCertificate(Buffer.from(der)));
    const changed = Buffer.from(der);
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0x01;
    expect(issuerCertificate(changed)).not.toBe(issuerCertificate(der));
  });

  it("refuses a document signer whose certificate was altered after the genuine one was seen", () => {
    const genuine = readChip(chip.chips.rsa);
    expect(verifyPassiveAuthentication(genuine, trust, { at: now }).valid).toBe(true);
    // Flip the last byte of the document signer certificate's own signature inside the SOD: the SOD's
    // signature does not cover the certificates, so only the chain check can catch it.
    const der = parseSignedDataDer(readTlv(genuine.sod).value).certificates[0] as Buffer;
    const at = Buffer.from(genuine.sod).indexOf(der);
    expect(at).toBeGreaterThan(0);
    const sod = Buffer.from(genuine.sod);
    sod[at + der.length - 1] = (sod[at + der.length - 1] ?? 0) ^ 0x01;
    const result = verifyPassiveAuthentication({ ...genuine, sod }, trust, { at: now });
    expect(result.valid).toBe(false);
    expect(check(result, "chip.document_signer_trusted")[0]?.status).toBe("fail");
  });
});

describe("BoundedCache", () => {
  it("forgets the least recently used entry beyond its size", () => {
    const cache = new BoundedCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });
});

describe("the one-pass DER parse of SignedData", () => {
  it("reads what the generic parse reads, for every fixture", () => {
    const inputs = [
      ...Object.values(chip.chips).map((c) => Buffer.from(readTlv(readChip(c).sod).value)),
      readFileSync(chip.masterList),
      readFileSync(jpki.signatures.cmsAttached),
      readFileSync(jpki.signatures.cmsDetached),
    ];
    for (const input of inputs) {
      const parsed = parseSignedDataDer(input);
      expect(parsed).toEqual(parseSignedDataGeneric(input));
      for (const certificate of parsed.certificates) {
        expect(certificateMatchesSigner(certificate, parsed.signer.sid)).toBe(
          certificateMatchesSignerGeneric(certificate, parsed.signer.sid),
        );
      }
    }
    for (const c of Object.values(chip.chips)) {
      const eContent = parseSignedDataDer(readTlv(readChip(c).sod).value).eContent as Buffer;
      expect(parseLdsSecurityObjectDer(eContent)).toEqual(parseLdsSecurityObjectGeneric(eContent));
    }
  });
});
