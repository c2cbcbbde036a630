import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * The key-management port. Envelope encryption: each application (and each mail) gets its own
 * random data key; only the wrapped form of that key is stored, wrapped by the master key. A cloud KMS
 * adapter would implement wrap/unwrap remotely; the local one below holds the master keys in memory.
 */
export type KeyManagement = {
  wrapDataKey(dataKey: Buffer, context: string): Promise<Buffer>;
  /** Opens a key wrapped by the current master key or by any previous one still configured. */
  unwrapDataKey(wrapped: Buffer, context: string): Promise<Buffer>;
  /** Keyed, deterministic digest of a value (blind index): equal inputs give equal outputs. */
  blindIndex(purpose: string, value: string): Buffer;
  /**
   * The first bytes of every key wrapped now (format and master-key id): a wrapped key that does not
   * start with them is under a previous master key and is re-wrapped by `jitsumei keys rotate`.
   */
  readonly currentKeyTag: Buffer;
};

const FORMAT_V1 = 1;
/** A wrapped key that names its master key: 2 ‖ key id(8) ‖ seal(…). Format 1 (no id) predates rotation. */
const WRAPPED_WITH_KEY_ID = 2;
const KEY_ID_LENGTH = 8;

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

// Separate keys for separate jobs, so that no output of one use helps attack another.
const derive = (masterKey: Buffer, info: string) =>
  Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info, 32));

/**
 * The blind-index key a master key gave before blind-index keys were stored (and still gives a new
 * database on its first start): indexes made then stay valid after every rotation.
 */
export function initialBlindIndexKey(masterKey: Buffer): Buffer {
  return derive(masterKey, "jitsumei/blind-index/v1");
}

/** A public name for a master key (not secret: an HMAC of a fixed text), stored in what it wraps. */
export function masterKeyId(masterKey: Buffer): Buffer {
  return createHmac("sha256", masterKey).update("jitsumei/master-key-id/v1").digest().subarray(0, KEY_ID_LENGTH);
}

export class UnknownMasterKeyError extends Error {
  constructor(context: string) {
    super(
      `No configured master key opens the key of ${context.split(":")[0]}: ` +
        "JITSUMEI_MASTER_KEY or JITSUMEI_PREVIOUS_MASTER_KEYS lacks the key it was wrapped with",
    );
    this.name = "UnknownMasterKeyError";
  }
}

/**
 * The local adapter. `previous`: master keys from before a rotation, used only to unwrap until
 * `jitsumei keys rotate` has re-wrapped everything. `blindIndexKey`: the stable key of the blind
 * indexes (see key-ring.ts); by default derived from the master key, as before it was stored.
 */
export function localKeyManagement(
  masterKey: Buffer,
  options: { previous?: readonly Buffer[]; blindIndexKey?: Buffer } = {},
): KeyManagement {
  const ring = [masterKey, ...(options.previous ?? [])];
  for (const key of ring) if (key.length !== 32) throw new Error("The master key must be 32 bytes");
  const wrapKeys = ring.map((key) => ({ id: masterKeyId(key), wrapKey: derive(key, "jitsumei/wrap-data-key/v1") }));
  const current = wrapKeys[0] as (typeof wrapKeys)[number];
  const currentKeyTag = Buffer.concat([Buffer.from([WRAPPED_WITH_KEY_ID]), current.id]);
  const indexKey = options.blindIndexKey ?? initialBlindIndexKey(masterKey);
  return {
    currentKeyTag,
    wrapDataKey: async (dataKey, context) =>
      Buffer.concat([currentKeyTag, seal(current.wrapKey, dataKey, `wrap:${context}`)]),
    unwrapDataKey: async (wrapped, context) => {
      if (wrapped[0] === WRAPPED_WITH_KEY_ID) {
        const id = wrapped.subarray(1, 1 + KEY_ID_LENGTH);
        const key = wrapKeys.find((k) => k.id.equals(id));
        if (!key) throw new UnknownMasterKeyError(context);
        return open(key.wrapKey, wrapped.subarray(1 + KEY_ID_LENGTH), `wrap:${context}`);
      }
      // Format 1 names no key: the one whose authentication tag holds is the one.
      for (const key of wrapKeys) {
        try {
          return open(key.wrapKey, wrapped, `wrap:${context}`);
        } catch {}
      }
      throw new UnknownMasterKeyError(context);
    },
    blindIndex: (purpose, value) => createHmac("sha256", indexKey).update(`${purpose}\u0000${value}`).digest(),
  };
}
