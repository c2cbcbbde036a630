import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContentInfo, SignedData } from "@peculiar/asn1-cms";
import { AsnConvert } from "@peculiar/asn1-schema";
import { extractSignature } from "@signpdf/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderContract } from "../render/render-contract.ts";
import { sampleContractInput } from "../sample/sample-data.ts";
import { writeSampleContract } from "../sample/write-sample-contract.ts";
import { run, runStatus } from "../test-support/tools.ts";
import { oids } from "./cms.ts";
import { createDevelopmentSigner, type DevelopmentSigner } from "./development-signer.ts";
import { Pkcs12Error, readPkcs12 } from "./pkcs12.ts";
import { signPdf } from "./sign-pdf.ts";
import { requestTimeStamp, timeStampRequest, tokenFromResponse } from "./time-stamp.ts";

const dir = mkdtempSync(join(tmpdir(), "jitsumei-signing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let development: DevelopmentSigner;
let signed: Buffer;
let nssDir: string;
let tsaCertificate: string;

beforeAll(async () => {
  development = createDevelopmentSigner(join(dir, "pki"));
  const pdf = await renderContract(sampleContractInput("postpaid-voice", "en"));
  signed = await signPdf(pdf, development.signer, {
    reason: "契約書の封印 / Contract seal",
    location: "Tokyo, JP",
    tsa: development.tsa,
  });
  writeFileSync(join(dir, "signed.pdf"), signed);

  // An NSS database trusting the development CA, so pdfsig can judge the certificate as well.
  nssDir = join(dir, "nss");
  mkdirSync(nssDir);
  run("certutil", ["-N", "-d", `sql:${nssDir}`, "--empty-password"]);
  run("certutil", ["-A", "-d", `sql:${nssDir}`, "-n", "jitsumei-dev-ca", "-t", "CT,C,C", "-i", development.files.ca]);

  tsaCertificate = join(dir, "tsa.pem");
  run("openssl", [
    "pkcs12",
    "-in",
    development.files.tsa,
    "-passin",
    `file:${development.files.passphrase}`,
    "-nokeys",
    "-clcerts",
    "-out",
    tsaCertificate,
  ]);
});

function pdfsig(file: string): string {
  return runStatus("pdfsig", ["-nssdir", `sql:${nssDir}`, file]).output;
}

/** The CMS in the signature dictionary and the bytes its /ByteRange covers. */
function signatureOf(pdf: Buffer): { cms: Buffer; signedBytes: Buffer } {
  const { signature, signedData } = extractSignature(pdf);
  return { cms: Buffer.from(signature, "binary"), signedBytes: signedData };
}

describe("signPdf (PAdES, ETSI.CAdES.detached)", () => {
  it("pdfsig reports the signature valid, the whole document signed and the certificate trusted", () => {
    const out = pdfsig(join(dir, "signed.pdf"));
    expect(out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Total document signed");
    expect(out).toContain("Certificate Validation: Certificate is Trusted.");
    expect(out).toContain("Signing Hash Algorithm: SHA-256");
  });

  it("pdfsig reports a changed byte in the signed range as invalid", () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf("Jitsumei (pdfkit)");
    expect(at).toBeGreaterThan(0);
    tampered[at] = "X".charCodeAt(0);
    const file = join(dir, "tampered.pdf");
    writeFileSync(file, tampered);
    const out = pdfsig(file);
    expect(out).not.toContain("Signature is Valid.");
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it("openssl cms -verify accepts the CMS over the signed byte ranges", () => {
    const { cms, signedBytes } = signatureOf(signed);
    writeFileSync(join(dir, "sig.der"), cms);
    writeFileSync(join(dir, "content.bin"), signedBytes);
    const out = runStatus("openssl", [
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      join(dir, "sig.der"),
      "-content",
      join(dir, "content.bin"),
      "-CAfile",
      development.files.ca,
      "-purpose",
      "any",
      "-out",
      "/dev/null",
    ]);
    expect(out.output).toContain("Verification successful");
  });

  it("carries ESS signing-certificate-v2 and a signature time-stamp that openssl ts -verify accepts", () => {
    const { cms } = signatureOf(signed);
    const signedData = AsnConvert.parse(AsnConvert.parse(cms, ContentInfo).content, SignedData);
    const signer = signedData.signerInfos[0];
    if (!signer) throw new Error("no signer");
    expect(signer.signedAttrs?.map((a) => a.attrType)).toContain(oids.signingCertificateV2);
    // PAdES: the signing time is the dictionary's /M, not a CMS attribute.
    expect(signer.signedAttrs?.map((a) => a.attrType)).not.toContain("1.2.840.113549.1.9.5");
    const token = signer.unsignedAttrs?.find((a) => a.attrType === oids.signatureTimeStampToken)?.attrValues[0];
    if (!token) throw new Error("no signature time-stamp");
    writeFileSync(join(dir, "token.der"), Buffer.from(token));
    writeFileSync(join(dir, "signature-value.bin"), Buffer.from(signer.signature.buffer));
    const verify = (data: string) =>
      runStatus("openssl", [
        "ts",
        "-verify",
        "-data",
        data,
        "-in",
        join(dir, "token.der"),
        "-token_in",
        "-CAfile",
        development.files.ca,
        "-untrusted",
        tsaCertificate,
      ]).output;
    expect(verify(join(dir, "signature-value.bin"))).toContain("Verification: OK");
    writeFileSync(join(dir, "other.bin"), "not the signature");
    expect(verify(join(dir, "other.bin"))).toContain("Verification: FAILED");
  });

  it("signs without a TSA too (PAdES B-B)", async () => {
    const pdf = await renderContract(sampleContractInput("prepaid-voice-sim", "ja"));
    const file = join(dir, "no-tsa.pdf");
    writeFileSync(file, await signPdf(pdf, development.signer, { reason: "seal", location: "Tokyo" }));
    expect(pdfsig(file)).toContain("Signature is Valid.");
  });
});

describe("LocalTimeStampAuthority", () => {
  it("answers a DER TimeStampReq with a granted TimeStampResp that openssl reads", async () => {
    const digest = createHash("sha256").update("a document").digest();
    const response = await development.tsa.respond(timeStampRequest(digest));
    writeFileSync(join(dir, "resp.tsr"), response);
    writeFileSync(join(dir, "data.txt"), "a document");
    const text = run("openssl", ["ts", "-reply", "-in", join(dir, "resp.tsr"), "-text"]).toString();
    expect(text).toContain("Status: Granted.");
    expect(text).toContain("Policy OID: 1.3.6.1.4.1.32473.1.1");
    const out = runStatus("openssl", [
      "ts",
      "-verify",
      "-data",
      join(dir, "data.txt"),
      "-in",
      join(dir, "resp.tsr"),
      "-CAfile",
      development.files.ca,
      "-untrusted",
      tsaCertificate,
    ]).output;
    expect(out).toContain("Verification: OK");
  });

  it("gives a token only for the request asked: another digest or nonce is refused", async () => {
    const digest = createHash("sha256").update("asked").digest();
    const other = createHash("sha256").update("not asked").digest();
    const nonce = Buffer.from([0x11, 0x22, 0x33, 0x44]);
    const response = await development.tsa.respond(timeStampRequest(digest, nonce));
    expect(tokenFromResponse(response, { digest, nonce }).length).toBeGreaterThan(100);
    expect(() => tokenFromResponse(response, { digest: other, nonce })).toThrow(/another digest/);
    expect(() => tokenFromResponse(response, { digest, nonce: Buffer.from([0x55]) })).toThrow(/nonce/);
    // A TSA that answers with a replayed response is caught by requestTimeStamp's own nonce.
    await expect(requestTimeStamp(digest, async () => response)).rejects.toThrow(/nonce/);
    expect((await requestTimeStamp(digest, (req) => development.tsa.respond(req))).length).toBeGreaterThan(100);
  });

  it("refuses a request that is not DER", async () => {
    const response = await development.tsa.respond(Buffer.from("nonsense"));
    writeFileSync(join(dir, "bad.tsr"), response);
    expect(run("openssl", ["ts", "-reply", "-in", join(dir, "bad.tsr"), "-text"]).toString()).toContain("Rejected");
  });

  it("has a certificate with extended key usage timeStamping, critical", () => {
    const text = run("openssl", ["x509", "-in", tsaCertificate, "-noout", "-ext", "extendedKeyUsage"]).toString();
    expect(text).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
  });
});

describe("createDevelopmentSigner", () => {
  it("makes the PKI once and reuses it", () => {
    const again = createDevelopmentSigner(join(dir, "pki"));
    expect(again.signer.p12.equals(development.signer.p12)).toBe(true);
    expect(again.caCertificatePem).toBe(development.caCertificatePem);
  });

  it("gives the sealing certificate digitalSignature and nonRepudiation, issued by the CA", () => {
    const pem = run("openssl", [
      "pkcs12",
      "-in",
      development.files.signer,
      "-passin",
      `file:${development.files.passphrase}`,
      "-nokeys",
      "-clcerts",
    ]);
    writeFileSync(join(dir, "signer.pem"), pem);
    const text = run("openssl", ["x509", "-in", join(dir, "signer.pem"), "-noout", "-ext", "keyUsage"]).toString();
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    const verified = runStatus("openssl", ["verify", "-CAfile", development.files.ca, join(dir, "signer.pem")]);
    expect(verified.output).toContain("OK");
  });

  it("reads a PKCS#12 file as openssl 3 writes it (PBES2, AES-256, SHA-256 MAC) and refuses a wrong passphrase", () => {
    const passin = `file:${development.files.passphrase}`;
    const keyAndCerts = run("openssl", ["pkcs12", "-in", development.files.signer, "-passin", passin, "-nodes"]);
    writeFileSync(join(dir, "key-and-certs.pem"), keyAndCerts);
    const p12 = run("openssl", [
      "pkcs12",
      "-export",
      "-in",
      join(dir, "key-and-certs.pem"),
      "-passout",
      "pass:openssl-made",
    ]);
    const fromOpenssl = readPkcs12(p12, "openssl-made");
    const ours = readPkcs12(development.signer.p12, development.signer.passphrase);
    expect(fromOpenssl.certificate.equals(ours.certificate)).toBe(true);
    expect(fromOpenssl.chain).toHaveLength(1);
    expect(() => readPkcs12(p12, "wrong")).toThrow(Pkcs12Error);
  });
});

describe("writeSampleContract", () => {
  it("writes a sealed, time-stamped sample contract", async () => {
    const out = join(dir, "sample.pdf");
    const { bytes } = await writeSampleContract({
      plan: "postpaid-voice",
      language: "zh-Hant",
      out,
      signerDir: join(dir, "pki"),
    });
    expect(bytes).toBe(readFileSync(out).length);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(pdfsig(out)).toContain("Signature is Valid.");
    expect(run("pdftotext", [out, "-"]).toString()).toContain("行動電話服務契約書");
  });

  it("names the known plans and languages when given an unknown one", async () => {
    await expect(writeSampleContract({ plan: "nope", language: "en", out: join(dir, "x.pdf") })).rejects.toThrow(
      /postpaid-voice/,
    );
    await expect(
      writeSampleContract({ plan: "postpaid-voice", language: "fr", out: join(dir, "x.pdf") }),
    ).rejects.toThrow(/zh-Hant/);
  });
});
