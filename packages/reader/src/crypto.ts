import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from "node:crypto";
import { concat } from "./tlv.ts";

/**
 * The generic cryptography ICAO 9303-11 uses, on Node's OpenSSL: two-key 3DES-CBC, the ISO/IEC 9797-1
 * MAC algorithm 3 ("retail MAC") built from DES-CBC, AES-CBC/ECB and AES-CMAC (NIST SP 800-38B).
 */
export type CipherKind = "3des" | "aes128" | "aes192" | "aes256";

const ZERO8 = new Uint8Array(8);

/** ISO/IEC 9797-1 padding method 2: 80 then zeros up to the block size (always at least one byte). */
export function pad(data: Uint8Array, block: number): Uint8Array {
  const out = new Uint8Array((Math.floor(data.length / block) + 1) * block);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

export function unpad(data: Uint8Array): Uint8Array | null {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0) i--;
  return i >= 0 && data[i] === 0x80 ? data.subarray(0, i) : null;
}

function run(
  algorithm: string,
  key: Uint8Array,
  iv: Uint8Array | null,
  data: Uint8Array,
  encrypt: boolean,
): Uint8Array {
  const cipher = encrypt ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  cipher.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

/** Two-key 3DES in CBC mode (9303-11 §9.8.6.1: IV zero for BAC and 3DES secure messaging). */
export function des3Encrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO8): Uint8Array {
  return run("des-ede-cbc", key, iv, data, true);
}
export function des3Decrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO8): Uint8Array {
  return run("des-ede-cbc", key, iv, data, false);
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 with DES (9303-11 §9.8.6.2): DES-CBC under K1 over every block, then
 * decrypt under K2 and encrypt under K1. `data` must already be padded. Single DES is K1‖K1‖K1 in
 * 3DES (OpenSSL 3 keeps plain DES in its legacy provider); the last block is 3DES-EDE(K1,K2,K1).
 */
export function retailMac(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0 || data.length % 8 !== 0) throw new RangeError("retail MAC input must be padded to 8 bytes");
  const k1 = key.subarray(0, 8);
  const head = data.subarray(0, data.length - 8);
  const chain = head.length > 0 ? run("des-ede3-cbc", concat(k1, k1, k1), ZERO8, head, true).subarray(-8) : ZERO8;
  return des3Encrypt(key.subarray(0, 16), data.subarray(-8), chain);
}

function aesName(key: Uint8Array, mode: "cbc" | "ecb"): string {
  return `aes-${key.length * 8}-${mode}`;
}
export function aesEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(16)): Uint8Array {
  return run(aesName(key, "cbc"), key, iv, data, true);
}
export function aesDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(16)): Uint8Array {
  return run(aesName(key, "cbc"), key, iv, data, false);
}
export function aesBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return run(aesName(key, "ecb"), key, null, block, true);
}

function shiftLeft(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (((block[i] as number) << 1) | ((block[i + 1] ?? 0) >> 7)) & 0xff;
  if ((block[0] as number) & 0x80) out[15] = (out[15] as number) ^ 0x87;
  return out;
}

/** AES-CMAC (NIST SP 800-38B / RFC 4493), full 16 bytes; 9303-11 §9.8.6.2 truncates it to 8. */
export function aesCmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k1 = shiftLeft(aesBlock(key, new Uint8Array(16)));
  const k2 = shiftLeft(k1);
  const complete = message.length > 0 && message.length % 16 === 0;
  const last = complete
    ? message.slice(-16)
    : pad(message.subarray(Math.floor(message.length / 16) * 16), 16).subarray(0, 16);
  const subkey = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) last[i] = (last[i] as number) ^ (subkey[i] as number);
  const blocks = concat(
    message.subarray(0, complete ? message.length - 16 : Math.floor(message.length / 16) * 16),
    last,
  );
  return aesEncrypt(key, blocks).subarray(-16);
}

/** Key derivation function (9303-11 §9.7.1): SHA-1 for 3DES and AES-128, SHA-256 for AES-192/256. */
export function kdf(secret: Uint8Array, counter: number, kind: CipherKind): Uint8Array {
  const c = Uint8Array.from([0, 0, 0, counter]);
  const hash = (name: string) => new Uint8Array(createHash(name).update(secret).update(c).digest());
  switch (kind) {
    case "3des":
      return withOddParity(hash("sha1").subarray(0, 16));
    case "aes128":
      return hash("sha1").subarray(0, 16);
    case "aes192":
      return hash("sha256").subarray(0, 24);
    case "aes256":
      return hash("sha256");
  }
}

/** DES keys carry odd parity in each byte's low bit; 3DES ignores it, the worked examples set it. */
function withOddParity(key: Uint8Array): Uint8Array {
  return key.map((b) => {
    let ones = 0;
    for (let v = b >> 1; v; v >>= 1) ones += v & 1;
    return (b & 0xfe) | (ones % 2 === 0 ? 1 : 0);
  });
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((v, i) => v ^ (b[i] as number));
}
