import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * The key-management port. Envelope encryption: each application (and each mail) gets its own
 * random data key; only the wrapped form of that key is stored, wrapped by the master key. A cloud KMS
 * adapter would implement wrap/unwrap remotely; the local one below holds the master key in memory.
 */
export type KeyManagement = {
  wrapDataKey(dataKey: Buffer, context: string): Promise<Buffer>;
  unwrapDataKey(wrapped: Buffer, context: string): Promise<Buffer>;
  /** Keyed, deterministic digest of a value (blind index): equal inputs give equal outputs. */
  blindIndex(purpose: string, value: string): Buffer;
};

const FORMAT_V1 = 1;

/** AES-256-GCM with `aad` bound in: version(1) ‖ iv(12) ‖ tag(16) ‖ ciphertext. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 29 || sealed[0] !== FORMAT_V1) throw new Error("Unknown ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function localKeyManagement(masterKey: Buffer): KeyManagement {
  if (masterKey.length !== 32) throw new Error("The master key must be 32 bytes");
  // Separate keys for separate jobs, so that no output of one use helps attack another.
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info, 32));
  const wrapKey = derive("jitsumei/wrap-data-key/v1");
  const indexKey = derive("jitsumei/blind-index/v1");
  return {
    wrapDataKey: async (dataKey, context) => seal(wrapKey, dataKey, `wrap:${context}`),
    unwrapDataKey: async (wrapped, context) => open(wrapKey, wrapped, `wrap:${context}`),
    blindIndex: (purpose, value) => createHmac("sha256", indexKey).update(`${purpose}\u0000${value}`).digest(),
  };
}
