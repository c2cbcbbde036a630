import { createHash, type KeyObject, X509Certificate } from "node:crypto";
import { type CertificateFields, certificateFields } from "../asn1/der.ts";

/**
 * What verification may remember between calls, and only that: parsed public objects, keyed by the
 * exact bytes they were parsed from (SHA-256), never a person's own certificate or data. A profile
 * of passive authentication showed the same document signer certificate and CSCA keys parsed on every
 * call. No cache here holds a signature result over bytes it did not hash: a changed byte is a miss.
 */

/** A Map that forgets its least recently used entry beyond `max` entries. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
  get size(): number {
    return this.entries.size;
  }
}

export function sha256Hex(...parts: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  // The lengths first, so that two different splits of the same bytes are different keys.
  const lengths = Buffer.alloc(4 * parts.length);
  for (const [i, part] of parts.entries()) lengths.writeUInt32BE(part.length, 4 * i);
  hash.update(lengths);
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

// `X509Certificate.publicKey` builds a new KeyObject on every access.
const publicKeys = new WeakMap<X509Certificate, KeyObject>();

/** The certificate's public key, built once per certificate object. */
export function publicKeyOf(certificate: X509Certificate): KeyObject {
  let key = publicKeys.get(certificate);
  if (!key) {
    key = certificate.publicKey;
    publicKeys.set(certificate, key);
  }
  return key;
}

const issuerCertificates = new BoundedCache<X509Certificate>(1024);
const issuerFields = new BoundedCache<CertificateFields>(1024);

/**
 * An issuer's certificate (a document signer: one signs many passports) parsed once per exact DER.
 * Only for public issuer certificates: a person's own (JPKI) certificate is parsed per call.
 */
export function issuerCertificate(der: Uint8Array): X509Certificate {
  const key = sha256Hex(der);
  let certificate = issuerCertificates.get(key);
  if (!certificate) {
    certificate = new X509Certificate(der);
    issuerCertificates.set(key, certificate);
  }
  return certificate;
}

/** An issuer certificate's names, serial and extensions (`certificateFields`), read once per exact DER. */
export function issuerCertificateFields(der: Buffer): CertificateFields {
  const key = sha256Hex(der);
  let fields = issuerFields.get(key);
  if (!fields) {
    fields = certificateFields(der);
    issuerFields.set(key, fields);
  }
  return fields;
}
