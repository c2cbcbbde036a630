import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import forge from "node-forge";
import { readPkcs12, writePkcs12 } from "./pkcs12.ts";
import type { PdfSigner } from "./sign-pdf.ts";
import { LocalTimeStampAuthority } from "./time-stamp.ts";

/**
 * A development operator PKI, made on first use in `dir` and reused after, so a server can seal
 * documents from its first start: a CA, the operator's sealing certificate (key usage digitalSignature
 * + nonRepudiation) and a TSA certificate (extended key usage timeStamping, critical), the two keys
 * as PKCS#12 files under one random passphrase kept beside them. Never for production: the
 * passphrase sits next to the keys.
 */
export type DevelopmentSigner = {
  signer: PdfSigner;
  tsa: LocalTimeStampAuthority;
  /** The CA to trust when checking signatures (pdfsig -nssdir, openssl -CAfile). */
  caCertificatePem: string;
  files: { ca: string; signer: string; tsa: string; passphrase: string };
};

const names = { ca: "operator-ca.pem", signer: "operator-signer.p12", tsa: "tsa.p12", passphrase: "passphrase" };

export function createDevelopmentSigner(dir: string): DevelopmentSigner {
  const files = {
    ca: join(dir, names.ca),
    signer: join(dir, names.signer),
    tsa: join(dir, names.tsa),
    passphrase: join(dir, names.passphrase),
  };
  if (!Object.values(files).every((file) => existsSync(file))) generate(dir, files);
  const passphrase = readFileSync(files.passphrase, "utf8").trim();
  const signer = { p12: readFileSync(files.signer), passphrase };
  const tsa = new LocalTimeStampAuthority(readPkcs12(readFileSync(files.tsa), passphrase));
  return { signer, tsa, caCertificatePem: readFileSync(files.ca, "utf8"), files };
}

type KeyPair = { privateKeyPem: string; forgePrivate: forge.pki.rsa.PrivateKey; forgePublic: forge.pki.rsa.PublicKey };

function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 3072,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    privateKeyPem: privateKey,
    forgePrivate: forge.pki.privateKeyFromPem(privateKey),
    forgePublic: forge.pki.publicKeyFromPem(publicKey),
  };
}

function certificate(options: {
  subject: string;
  key: KeyPair;
  issuer: { name: forge.pki.CertificateField[]; key: KeyPair };
  years: number;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.key.forgePublic;
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  cert.serialNumber = serial.toString("hex");
  const now = Date.now();
  // An hour back, for clocks that disagree a little.
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + options.years * 365 * 24 * 60 * 60 * 1000);
  cert.setSubject(subjectName(options.subject));
  cert.setIssuer(options.issuer.name);
  cert.setExtensions([
    ...options.extensions,
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: authorityKeyId(options.issuer.key) },
  ]);
  cert.sign(options.issuer.key.forgePrivate, forge.md.sha256.create());
  return cert;
}

function subjectName(commonName: string): forge.pki.CertificateField[] {
  return [
    { shortName: "C", value: "JP" },
    { shortName: "O", value: "Jitsumei development" },
    { shortName: "CN", value: commonName },
  ];
}

/** The issuer's subjectKeyIdentifier, computed as forge computes it (SHA-1 of the RSAPublicKey). */
function authorityKeyId(key: KeyPair): string {
  return forge.pki.getPublicKeyFingerprint(key.forgePublic, { type: "RSAPublicKey" }).getBytes();
}

function generate(dir: string, files: Record<keyof typeof names, string>): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caKey = keyPair();
  const caName = subjectName("Jitsumei Development Operator CA");
  const ca = certificate({
    subject: "Jitsumei Development Operator CA",
    key: caKey,
    issuer: { name: caName, key: caKey },
    years: 10,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const issuer = { name: caName, key: caKey };
  const signerKey = keyPair();
  const signer = certificate({
    subject: "Jitsumei Mobile K.K. document seal (development)",
    key: signerKey,
    issuer,
    years: 5,
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    ],
  });
  const tsaKey = keyPair();
  const tsa = certificate({
    subject: "Jitsumei Development Time-Stamp Authority",
    key: tsaKey,
    issuer,
    years: 5,
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
      { name: "extKeyUsage", timeStamping: true, critical: true },
    ],
  });

  const passphrase = randomBytes(24).toString("base64url");
  const caPem = forge.pki.certificateToPem(ca);
  const p12 = (key: KeyPair, cert: forge.pki.Certificate, friendlyName: string) =>
    writePkcs12({
      privateKeyPem: key.privateKeyPem,
      certificatesPem: [forge.pki.certificateToPem(cert), caPem],
      passphrase,
      friendlyName,
    });
  // Written beside and renamed into place, the passphrase last: a half-made set is made again.
  const put = (file: string, data: string | Buffer) => {
    writeFileSync(`${file}.tmp`, data, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  put(files.ca, caPem);
  put(files.signer, p12(signerKey, signer, "operator document seal"));
  put(files.tsa, p12(tsaKey, tsa, "time-stamp authority"));
  put(files.passphrase, `${passphrase}\n`);
}
