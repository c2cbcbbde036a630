import { createHash } from "node:crypto";
import { brainpoolP256r1 } from "@noble/curves/misc.js";
import { p256 } from "@noble/curves/nist.js";
import { type Channel, expectOk, type Transport } from "./apdu.ts";
import { type MrzKey, mrzInformation, type Random, secureRandom } from "./bac.ts";
import { aesCmac, aesDecrypt, type CipherKind, des3Decrypt, kdf, pad, retailMac, sameBytes } from "./crypto.ts";
import { ReaderError } from "./errors.ts";
import { SecureMessaging } from "./secure-messaging.ts";
import { concat, encodeTlv, readTlv, readTlvs } from "./tlv.ts";

/**
 * PACE (ICAO 9303-11 §4.4) with the generic mapping on elliptic curves (§4.4.3.3.1), keyed from the
 * MRZ (§9.7.3): the chip's nonce s, encrypted under K_π, is mapped to a fresh generator
 * G' = s·G + H (H the ECDH of the mapping keys), an ECDH on G' gives the session keys (§9.7.1), and
 * both sides prove them with authentication tokens (§4.4.3.4). Curves: NIST P-256 (parameter id 12) and
 * brainpoolP256r1 (13) — the ones issuers use; AES-128/192/256 with CMAC or 3DES secure messaging.
 */
export type PaceInfo = { oid: Uint8Array; cipher: CipherKind; parameterId: number };

// id-PACE-ECDH-GM-* = 0.4.0.127.0.7.2.2.4.2.{1 3DES, 2 AES-128, 3 AES-192, 4 AES-256} (§9.2.3)
const ID_PACE_ECDH_GM = Uint8Array.from([0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02]);
const CIPHERS: Record<number, CipherKind> = { 1: "3des", 2: "aes128", 3: "aes192", 4: "aes256" };
const CURVES = { 12: p256, 13: brainpoolP256r1 } as const;
type Curve = (typeof CURVES)[12] | (typeof CURVES)[13];
type Point = ReturnType<Curve["Point"]["fromBytes"]>;

/** The PACEInfos of EF.CardAccess (a DER SET OF SecurityInfo, §9.2) that this library can run, best first. */
export function supportedPaceInfos(cardAccess: Uint8Array): PaceInfo[] {
  const set = readTlv(cardAccess);
  if (set.tag !== 0x31) throw new ReaderError("malformed_response", "EF.CardAccess is not a SET of SecurityInfos");
  const found: PaceInfo[] = [];
  for (const info of readTlvs(set.value)) {
    if (info.tag !== 0x30) continue;
    const [oid, version, parameter] = readTlvs(info.value);
    if (oid?.tag !== 0x06 || oid.value.length !== 10 || !sameBytes(oid.value.subarray(0, 9), ID_PACE_ECDH_GM)) continue;
    const cipher = CIPHERS[oid.value[9] as number];
    const parameterId = parameter?.tag === 0x02 ? [...parameter.value].reduce((n, b) => n * 256 + b, 0) : -1;
    if (!cipher || version?.tag !== 0x02 || version.value[0] !== 2 || !(parameterId in CURVES)) continue;
    found.push({ oid: Uint8Array.from(oid.value), cipher, parameterId });
  }
  const rank = (p: PaceInfo) => (p.cipher === "3des" ? 1 : 0);
  return found.sort((a, b) => rank(a) - rank(b));
}

/** K_π from the MRZ (§9.7.3: K = SHA-1(MRZ_information), K_π = KDF(K, 3)). */
export function paceKeyFromMrz(key: MrzKey, cipher: CipherKind): Uint8Array {
  return kdf(new Uint8Array(createHash("sha1").update(mrzInformation(key), "ascii").digest()), 3, cipher);
}

/** The authentication token (§4.4.3.4): MAC over 7F49 { 06 OID, 86 public point }. */
export function authenticationToken(kMac: Uint8Array, info: PaceInfo, publicPoint: Uint8Array): Uint8Array {
  const data = encodeTlv(0x7f49, concat(encodeTlv(0x06, info.oid), encodeTlv(0x86, publicPoint)));
  return info.cipher === "3des" ? retailMac(kMac, pad(data, 8)) : aesCmac(kMac, data).subarray(0, 8);
}

/** The generic mapping (§4.4.3.3.1): G' = s·G + sk_map·PK_map_IC. */
export function mapGenerator(curve: Curve, nonce: Uint8Array, mappingKey: bigint, chipMappingPoint: Point): Point {
  const h = chipMappingPoint.multiply(mappingKey);
  return curve.Point.BASE.multiply(toBigInt(nonce)).add(h);
}

export type PaceSteps = { mappingKey?: bigint; agreementKey?: bigint };

export async function performPace(
  plain: Channel,
  transport: Transport,
  info: PaceInfo,
  key: MrzKey,
  options: { random?: Random; keys?: PaceSteps } = {},
): Promise<SecureMessaging> {
  try {
    return await runPace(plain, transport, info, key, options);
  } catch (error) {
    // The chip chose the nonce and the points: a zero nonce or a point at infinity fails the curve
    // arithmetic, which is a failed PACE, not a crash.
    if (error instanceof ReaderError) throw error;
    throw new ReaderError("access_denied", "the chip's PACE answers do not make a valid key agreement");
  }
}

async function runPace(
  plain: Channel,
  transport: Transport,
  info: PaceInfo,
  key: MrzKey,
  options: { random?: Random; keys?: PaceSteps },
): Promise<SecureMessaging> {
  const random = options.random ?? secureRandom;
  const curve = CURVES[info.parameterId as 12 | 13];
  const order = curve.Point.Fn.ORDER;
  const privateKey = () => (toBigInt(random(48)) % (order - 1n)) + 1n;
  const step = async (data: Uint8Array, last: boolean, expectTag: number, what: string) => {
    const answer = await plain.send({
      cla: last ? 0x00 : 0x10,
      ins: 0x86,
      p1: 0,
      p2: 0,
      data: encodeTlv(0x7c, data),
      ne: 256,
    });
    if (answer.sw === 0x6300 || answer.sw === 0x6982 || (answer.sw & 0xfff0) === 0x63c0) {
      throw new ReaderError(
        "access_denied",
        "the chip refused PACE: the MRZ typed does not match this document",
        answer.sw,
      );
    }
    const body = readTlv(expectOk(answer, `GENERAL AUTHENTICATE (${what})`));
    const inner = body.tag === 0x7c ? readTlvs(body.value).find((t) => t.tag === expectTag) : undefined;
    if (!inner)
      throw new ReaderError(
        "malformed_response",
        `GENERAL AUTHENTICATE (${what}) did not answer tag ${expectTag.toString(16)}`,
      );
    return inner.value;
  };
  const point = (bytes: Uint8Array, what: string) => {
    try {
      return curve.Point.fromBytes(bytes);
    } catch {
      throw new ReaderError("access_denied", `the chip's ${what} is not a point on the curve`);
    }
  };

  // MSE:Set AT (§4.4.4.1): the protocol, the MRZ as password (83 01 01), the domain parameters.
  expectOk(
    await plain.send({
      cla: 0,
      ins: 0x22,
      p1: 0xc1,
      p2: 0xa4,
      data: concat(
        encodeTlv(0x80, info.oid),
        encodeTlv(0x83, Uint8Array.of(1)),
        encodeTlv(0x84, Uint8Array.of(info.parameterId)),
      ),
    }),
    "MSE:Set AT for PACE",
  );
  // 1. The encrypted nonce.
  const encryptedNonce = await step(new Uint8Array(0), false, 0x80, "nonce");
  const block = info.cipher === "3des" ? 8 : 16;
  if (encryptedNonce.length === 0 || encryptedNonce.length % block !== 0)
    throw new ReaderError("malformed_response", "an encrypted nonce of a wrong length");
  const kPi = paceKeyFromMrz(key, info.cipher);
  const nonce = info.cipher === "3des" ? des3Decrypt(kPi, encryptedNonce) : aesDecrypt(kPi, encryptedNonce);
  // 2. Mapping.
  const mappingKey = options.keys?.mappingKey ?? privateKey();
  const chipMapping = point(
    await step(encodeTlv(0x81, curve.Point.BASE.multiply(mappingKey).toBytes(false)), false, 0x82, "map"),
    "mapping key",
  );
  const generator = mapGenerator(curve, nonce, mappingKey, chipMapping);
  // 3. Key agreement on the mapped generator.
  const agreementKey = options.keys?.agreementKey ?? privateKey();
  const ours = generator.multiply(agreementKey).toBytes(false);
  const chipPublic = await step(encodeTlv(0x83, ours), false, 0x84, "key agreement");
  const chipPoint = point(chipPublic, "ephemeral key");
  if (sameBytes(chipPublic, ours)) throw new ReaderError("access_denied", "the chip sent back the terminal's own key");
  const shared = chipPoint.multiply(agreementKey).toAffine().x;
  const secret = fixedBytes(shared, curve.Point.Fp.BYTES);
  const kEnc = kdf(secret, 1, info.cipher);
  const kMac = kdf(secret, 2, info.cipher);
  // 4. Mutual authentication.
  const chipToken = await step(
    encodeTlv(0x85, authenticationToken(kMac, info, chipPublic)),
    true,
    0x86,
    "mutual authentication",
  );
  if (!sameBytes(chipToken, authenticationToken(kMac, info, ours))) {
    throw new ReaderError("access_denied", "the chip's PACE authentication token is wrong");
  }
  return new SecureMessaging(transport, info.cipher === "3des" ? "3des" : "aes", kEnc, kMac, new Uint8Array(block));
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString("hex")}`);
}

function fixedBytes(value: bigint, length: number): Uint8Array {
  return Uint8Array.from(Buffer.from(value.toString(16).padStart(length * 2, "0"), "hex"));
}
