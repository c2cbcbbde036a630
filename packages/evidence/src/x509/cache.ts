import { createHash, type KeyObject, X509Certificate } from "node:crypto";

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
  for (const part of parts) {
    // Length-prefixed, so that two different splits of the same bytes are different keys.
    const length = Buffer.alloc(4);
    length.writeUInt32BE(part.length);
    hash.update(length).update(part);
  }
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
