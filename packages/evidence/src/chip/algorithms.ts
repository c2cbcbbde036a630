/** Hash algorithm OIDs (NIST, and SHA-1 of OIWSEC) by node:crypto name. */
export const hashOids = {
  sha1: "1.3.14.3.2.26",
  sha224: "2.16.840.1.101.3.4.2.4",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
} as const;
export type HashName = keyof typeof hashOids;

export function hashNameOf(oid: string): HashName | null {
  for (const [name, value] of Object.entries(hashOids)) if (value === oid) return name as HashName;
  return null;
}

/**
 * How a signature algorithm OID verifies with node:crypto (OpenSSL, which unlike WebCrypto knows the
 * brainpool curves). `hash: null` means the hash comes from the SignerInfo's digest algorithm.
 */
export type SignatureScheme =
  | { kind: "rsa-pkcs1"; hash: HashName | null }
  | { kind: "rsa-pss" }
  | { kind: "ecdsa"; hash: HashName | null; encoding: "der" | "ieee-p1363" };

const schemes: Record<string, SignatureScheme> = {
  "1.2.840.113549.1.1.1": { kind: "rsa-pkcs1", hash: null }, // rsaEncryption
  "1.2.840.113549.1.1.5": { kind: "rsa-pkcs1", hash: "sha1" },
  "1.2.840.113549.1.1.14": { kind: "rsa-pkcs1", hash: "sha224" },
  "1.2.840.113549.1.1.11": { kind: "rsa-pkcs1", hash: "sha256" },
  "1.2.840.113549.1.1.12": { kind: "rsa-pkcs1", hash: "sha384" },
  "1.2.840.113549.1.1.13": { kind: "rsa-pkcs1", hash: "sha512" },
  "1.2.840.113549.1.1.10": { kind: "rsa-pss" },
  "1.2.840.10045.2.1": { kind: "ecdsa", hash: null, encoding: "der" }, // id-ecPublicKey as signature alg
  "1.2.840.10045.4.1": { kind: "ecdsa", hash: "sha1", encoding: "der" },
  "1.2.840.10045.4.3.1": { kind: "ecdsa", hash: "sha224", encoding: "der" },
  "1.2.840.10045.4.3.2": { kind: "ecdsa", hash: "sha256", encoding: "der" },
  "1.2.840.10045.4.3.3": { kind: "ecdsa", hash: "sha384", encoding: "der" },
  "1.2.840.10045.4.3.4": { kind: "ecdsa", hash: "sha512", encoding: "der" },
  // BSI TR-03111 plain ECDSA (r ‖ s), met in some European passports.
  "0.4.0.127.0.7.1.1.4.1.1": { kind: "ecdsa", hash: "sha1", encoding: "ieee-p1363" },
  "0.4.0.127.0.7.1.1.4.1.2": { kind: "ecdsa", hash: "sha224", encoding: "ieee-p1363" },
  "0.4.0.127.0.7.1.1.4.1.3": { kind: "ecdsa", hash: "sha256", encoding: "ieee-p1363" },
  "0.4.0.127.0.7.1.1.4.1.4": { kind: "ecdsa", hash: "sha384", encoding: "ieee-p1363" },
  "0.4.0.127.0.7.1.1.4.1.5": { kind: "ecdsa", hash: "sha512", encoding: "ieee-p1363" },
};

export function signatureSchemeOf(oid: string): SignatureScheme | null {
  return schemes[oid] ?? null;
}
