import { brainpoolP256r1 } from "@noble/curves/misc.js";
import { p256 } from "@noble/curves/nist.js";
import type { Channel, Transport } from "./apdu.ts";
import { expectOk } from "./apdu.ts";
import { type Random, secureRandom } from "./bac.ts";
import { type CipherKind, kdf, sameBytes } from "./crypto.ts";
import { ReaderError } from "./errors.ts";
import { FILE_ID, selectFile } from "./read-file.ts";
import { SecureMessaging } from "./secure-messaging.ts";
import { concat, encodeTlv, readTlv, readTlvs } from "./tlv.ts";

/**
 * Chip Authentication (ICAO 9303-11 §6.2), ECDH on the key in DG14: an ephemeral terminal key, the
 * chip's static key, and fresh secure-messaging keys from their shared secret (§6.2.3, §9.7.1) with the
 * SSC back to zero. A chip without the private key of DG14's public key (a clone) cannot answer the
 * next protected command: the check is that it does. DG14 itself must pass passive authentication.
 */
export type ChipAuthentication = {
  passed: boolean;
  reason?: string;
  /** The CA protocol DG14 named (dotted object identifier), where one was run: a reader reports it. */
  protocol?: string;
};
export type ChipAuthenticationInfo = {
  oid: Uint8Array;
  cipher: CipherKind;
  curve: "P-256" | "brainpoolP256r1";
  publicKey: Uint8Array;
  keyId?: Uint8Array;
};

// id-CA-ECDH-{3DES-CBC-CBC, AES-CBC-CMAC-128/192/256} = 0.4.0.127.0.7.2.2.3.2.{1..4}; id-PK-ECDH = …2.2.1.2 (§9.2.5, §9.2.6)
const ID_CA_ECDH = Uint8Array.from([0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02]);
const ID_PK_ECDH = Uint8Array.from([0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x01, 0x02]);
const CIPHERS: Record<number, CipherKind> = { 1: "3des", 2: "aes128", 3: "aes192", 4: "aes256" };
const CURVE_OIDS: Record<string, ChipAuthenticationInfo["curve"]> = {
  "2a8648ce3d030107": "P-256",
  "2b2403030208010107": "brainpoolP256r1",
};
const curveOf = (name: ChipAuthenticationInfo["curve"]) => (name === "P-256" ? p256 : brainpoolP256r1);

/** The ECDH Chip Authentication DG14 offers (tag 6E around SecurityInfos), if this library runs it. */
export function chipAuthenticationInfo(dg14: Uint8Array): ChipAuthenticationInfo | null {
  const outer = readTlv(dg14);
  if (outer.tag !== 0x6e) throw new ReaderError("malformed_response", "DG14 does not start with tag 6E");
  const set = readTlv(outer.value);
  if (set.tag !== 0x31) throw new ReaderError("malformed_response", "DG14 does not hold a SET of SecurityInfos");
  let protocol: { oid: Uint8Array; cipher: CipherKind } | null = null;
  let key: { curve: ChipAuthenticationInfo["curve"]; publicKey: Uint8Array; keyId?: Uint8Array } | null = null;
  for (const info of readTlvs(set.value)) {
    if (info.tag !== 0x30) continue;
    const [oid, second, third] = readTlvs(info.value);
    if (oid?.tag !== 0x06) continue;
    const cipher = CIPHERS[oid.value[9] as number];
    if (oid.value.length === 10 && sameBytes(oid.value.subarray(0, 9), ID_CA_ECDH) && cipher) {
      protocol = { oid: Uint8Array.from(oid.value), cipher };
    }
    if (sameBytes(oid.value, ID_PK_ECDH) && second?.tag === 0x30) {
      // SubjectPublicKeyInfo { { id-ecPublicKey, namedCurve }, BIT STRING point }; explicit parameters: not read.
      const [algorithm, bits] = readTlvs(second.value);
      const [, parameters] = algorithm ? readTlvs(algorithm.value) : [];
      const curve = parameters?.tag === 0x06 ? CURVE_OIDS[Buffer.from(parameters.value).toString("hex")] : undefined;
      if (curve && bits?.tag === 0x03 && bits.value[0] === 0) {
        key = {
          curve,
          publicKey: Uint8Array.from(bits.value.subarray(1)),
          keyId: third?.tag === 0x02 ? Uint8Array.from(third.value) : undefined,
        };
      }
    }
  }
  return protocol && key ? { ...protocol, ...key } : null;
}

/**
 * Runs Chip Authentication over the current secure channel and returns the new one. The MSE:Set AT
 * and GENERAL AUTHENTICATE (§6.2.4.2, AES and 3DES alike here) go under the old keys; a SELECT of
 * EF.COM under the new keys is the proof.
 */
export async function performChipAuthentication(
  channel: Channel,
  transport: Transport,
  info: ChipAuthenticationInfo,
  options: { random?: Random; privateKey?: bigint } = {},
): Promise<{ result: ChipAuthentication; channel: Channel }> {
  const curve = curveOf(info.curve);
  let chipKey: ReturnType<typeof curve.Point.fromBytes>;
  try {
    chipKey = curve.Point.fromBytes(info.publicKey);
  } catch {
    return { result: { passed: false, reason: "DG14's key is not a point on its curve" }, channel };
  }
  const order = curve.Point.Fn.ORDER;
  const random = options.random ?? secureRandom;
  const secret = options.privateKey ?? (BigInt(`0x${Buffer.from(random(48)).toString("hex")}`) % (order - 1n)) + 1n;
  const ephemeral = curve.Point.BASE.multiply(secret).toBytes(false);
  const keyReference = info.keyId ? encodeTlv(0x84, info.keyId) : new Uint8Array(0);
  expectOk(
    await channel.send({
      cla: 0,
      ins: 0x22,
      p1: 0x41,
      p2: 0xa4,
      data: concat(encodeTlv(0x80, info.oid), keyReference),
    }),
    "MSE:Set AT for Chip Authentication",
  );
  expectOk(
    await channel.send({ cla: 0, ins: 0x86, p1: 0, p2: 0, data: encodeTlv(0x7c, encodeTlv(0x80, ephemeral)), ne: 256 }),
    "GENERAL AUTHENTICATE for Chip Authentication",
  );
  let x: bigint;
  try {
    x = chipKey.multiply(secret).toAffine().x;
  } catch {
    return { result: { passed: false, reason: "DG14's key gives no shared secret" }, channel };
  }
  const shared = Uint8Array.from(Buffer.from(x.toString(16).padStart(curve.Point.Fp.BYTES * 2, "0"), "hex"));
  const aes = info.cipher !== "3des";
  const next = new SecureMessaging(
    transport,
    aes ? "aes" : "3des",
    kdf(shared, 1, info.cipher),
    kdf(shared, 2, info.cipher),
    new Uint8Array(aes ? 16 : 8),
  );
  try {
    await selectFile(next, FILE_ID.com);
  } catch (error) {
    if (error instanceof ReaderError && (error.code === "secure_messaging" || error.code === "status_word")) {
      return {
        result: { passed: false, reason: "the chip could not answer under the keys agreed with DG14's key" },
        channel: next,
      };
    }
    throw error;
  }
  return { result: { passed: true }, channel: next };
}
