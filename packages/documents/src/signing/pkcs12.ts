import { createPrivateKey, X509Certificate } from "node:crypto";
import forge from "node-forge";
import type { CmsSigner } from "./cms.ts";

/**
 * PKCS#12 files (the operator's sealing key and certificate chain) through node-forge, which @signpdf
 * itself uses for this. forge reads the PBES2/AES and legacy 3DES files openssl writes; it handles RSA
 * keys and certificates only.
 */
export class Pkcs12Error extends Error {}

// PKCS#12 bag types (RFC 7292); forge's own `pki.oids` table is typed as possibly undefined.
const bagTypes = {
  keyBag: "1.2.840.113549.1.12.10.1.1",
  pkcs8ShroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
} as const;

const bagsOf = (pfx: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] =>
  pfx.getBags({ bagType })[bagType] ?? [];

const binary = (b: Buffer) => forge.util.createBuffer(b.toString("binary"));
const fromBinary = (s: string) => Buffer.from(s, "binary");

export function readPkcs12(p12: Buffer, passphrase: string): CmsSigner {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(binary(p12)), true, passphrase);
  } catch (error) {
    throw new Pkcs12Error(`cannot open the PKCS#12 file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const keyBags = [...bagsOf(pfx, bagTypes.pkcs8ShroudedKeyBag), ...bagsOf(pfx, bagTypes.keyBag)];
  const keyBag = keyBags[0];
  if (!keyBag?.key) throw new Pkcs12Error("the PKCS#12 file holds no RSA private key");
  if (keyBags.length > 1) throw new Pkcs12Error("the PKCS#12 file holds more than one private key");
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));

  const certificates = bagsOf(pfx, bagTypes.certBag).map((bag) => {
    if (!bag.cert) throw new Pkcs12Error("the PKCS#12 file holds a certificate that is not RSA");
    return fromBinary(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes());
  });
  const x509 = certificates.map((der) => new X509Certificate(der));
  const own = x509.findIndex((c) => c.checkPrivateKey(privateKey));
  const certificate = certificates[own];
  if (own < 0 || !certificate) throw new Pkcs12Error("no certificate in the PKCS#12 file matches its private key");
  const chain = certificates.filter((_, i) => i !== own);
  // forge re-encodes certificates: make sure each still verifies under its issuer from the file.
  for (const cert of x509) {
    const issuer = x509.find((c) => c.subject === cert.issuer);
    if (issuer && !cert.verify(issuer.publicKey)) {
      throw new Pkcs12Error(`certificate "${cert.subject}" does not verify after reading; re-export the file`);
    }
  }
  return { privateKey, certificate, chain };
}

export function writePkcs12(options: {
  privateKeyPem: string;
  certificatesPem: readonly string[];
  passphrase: string;
  friendlyName: string;
}): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(options.privateKeyPem),
    options.certificatesPem.map((pem) => forge.pki.certificateFromPem(pem)),
    options.passphrase,
    { algorithm: "aes256", friendlyName: options.friendlyName, generateLocalKeyId: true },
  );
  return fromBinary(forge.asn1.toDer(asn1).getBytes());
}
