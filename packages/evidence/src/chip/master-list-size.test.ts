import { createPrivateKey, sign, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTlv } from "../asn1/tlv.ts";
import { buildMasterListContent } from "../fixtures/lds-builders.ts";
import { createRootAuthority, issue, openssl } from "../fixtures/openssl.ts";
import { importMasterList } from "./master-list.ts";

// A real ICAO master list holds about 540 CSCAs in about 780 KB (issue #22: the engine refused one as
// malformed). Made here at that size with the test CA tooling, never downloaded: one 4096-bit key,
// 540 self-signed CSCAs with distinct names, each signed for real, in a list signed under a test CSCA.
const dir = mkdtempSync(join(tmpdir(), "jitsumei-master-list-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function syntheticCscas(count: number): Buffer[] {
  const key = join(dir, "csca.key");
  openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096", "-out", key]);
  const name = "CSCA Synthetic 0000";
  const template = openssl([
    "req",
    "-x509",
    "-new",
    "-key",
    key,
    "-subj",
    `/C=UT/O=Utopia Country Signing Certification Authority/CN=${name}`,
    "-days",
    "3650",
    "-outform",
    "DER",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  const cert = readTlv(template);
  const tbs = readTlv(cert.value);
  const tbsStart = cert.value.byteOffset - template.byteOffset + tbs.start;
  const tbsEnd = cert.value.byteOffset - template.byteOffset + tbs.end;
  const privateKey = createPrivateKey(readFileSync(key));
  // Same-length names keep every length field; the 512-byte signature is the certificate's last bytes.
  return Array.from({ length: count }, (_, i) => {
    const out = Buffer.from(template);
    const tbsBytes = out.subarray(tbsStart, tbsEnd);
    const own = Buffer.from(`CSCA Synthetic ${String(i).padStart(4, "0")}`, "ascii");
    for (let at = tbsBytes.indexOf(name); at !== -1; at = tbsBytes.indexOf(name, at + 1)) own.copy(tbsBytes, at);
    sign("sha256", tbsBytes, privateKey).copy(out, out.length - 512);
    return out;
  });
}

describe("a CSCA master list of real-world size", () => {
  it("540 CSCAs in about 780 KB import, every one", () => {
    const ca = createRootAuthority(dir, "ml-csca", "/C=UT/O=Utopia/CN=CSCA Utopia list", "rsa");
    const signer = issue(ca, "ml-signer", {
      subject: "/C=UT/O=Utopia/CN=Master List Signer",
      keyType: "rsa",
      extensions: "keyUsage = critical, digitalSignature\nauthorityKeyIdentifier = keyid",
    });
    const cscas = syntheticCscas(540);
    // Each synthetic CSCA verifies under its own key, as openssl checks it.
    const sample = new X509Certificate(cscas[539] as Buffer);
    expect(sample.verify(sample.publicKey)).toBe(true);
    const content = join(dir, "content.der");
    writeFileSync(content, buildMasterListContent(cscas));
    const list = openssl([
      "cms",
      "-sign",
      "-binary",
      "-nodetach",
      "-nosmimecap",
      "-in",
      content,
      "-econtent_type",
      "2.23.136.1.1.2",
      "-signer",
      signer.cert,
      "-inkey",
      signer.key,
      "-md",
      "sha256",
      "-outform",
      "DER",
    ]);
    expect(list.length).toBeGreaterThan(740_000);
    expect(list.length).toBeLessThan(900_000);
    const imported = importMasterList(list, [new X509Certificate(readFileSync(ca.cert))], new Date());
    expect(imported.certificates).toHaveLength(540);
    expect(new Set(imported.certificates.map((c) => c.fingerprint256)).size).toBe(540);
  });
});
