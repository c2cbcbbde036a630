import { constants, createHash, type KeyObject, privateEncrypt, sign } from "node:crypto";
import { brainpoolP256r1 } from "@noble/curves/misc.js";
import { p256 } from "@noble/curves/nist.js";
import type { Transport } from "../apdu.ts";
import { basicAccessKeys, type MrzKey, type Random, secureRandom } from "../bac.ts";
import {
  aesBlock,
  aesCmac,
  aesDecrypt,
  aesEncrypt,
  des3Decrypt,
  des3Encrypt,
  kdf,
  pad,
  retailMac,
  sameBytes,
  unpad,
  xor,
} from "../crypto.ts";
import { authenticationToken, mapGenerator, type PaceInfo, paceKeyFromMrz } from "../pace.ts";
import { FILE_ID, LDS1_AID } from "../read-file.ts";
import { concat, encodeTlv, readTlv } from "../tlv.ts";

/**
 * An ePassport chip in memory, for tests: the LDS1 application with BAC and 3DES secure messaging as
 * ICAO 9303-11 §4.3 and §9.8 describe them, written from the chip's side (it shares only the block
 * primitives with the library; the known-answer tests pin those). Unlike vsmartcard's `vicc`, it
 * refuses plain reads once the application is selected, so a test can count on that.
 *
 * `faults` make it misbehave as broken or hostile cards do: a wrong MAC on the n-th protected
 * response, a response that never comes, a file whose bytes differ from what the SOD signed.
 */
export type PassportFiles = { sod: Uint8Array; dataGroups: Readonly<Record<number, Uint8Array>>; com?: Uint8Array };
export type EmulatorFaults = {
  /** The n-th protected response (1-based) carries a MAC with one bit flipped. */
  wrongMacOnResponse?: number;
  /** From the n-th command (1-based) on, the card never answers. */
  stallFromCommand?: number;
};
export type EmulatedPassport = Transport & { commands: Uint8Array[] };
/** PACE on the chip: EF.CardAccess offers this one protocol (ECDH-GM, P-256 or brainpoolP256r1). */
export type EmulatedPace = { info: PaceInfo };

const SW = {
  ok: 0x9000,
  wrongLength: 0x6700,
  securityStatus: 0x6982,
  authFailed: 0x6300,
  smMissing: 0x6987,
  smWrong: 0x6988,
  notFound: 0x6a82,
  wrongParams: 0x6b00,
  insNotSupported: 0x6d00,
  conditions: 0x6985,
};

const DG_TAG = [0, 0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70];

/** EF.COM for these data groups: LDS 1.7, Unicode 4.0.0 (9303-10 §4.6.1). */
export function buildCom(dataGroups: readonly number[]): Uint8Array {
  const ascii = (s: string) => Uint8Array.from(Buffer.from(s, "ascii"));
  return encodeTlv(
    0x60,
    concat(
      encodeTlv(0x5f01, ascii("0107")),
      encodeTlv(0x5f36, ascii("040000")),
      encodeTlv(0x5c, Uint8Array.from(dataGroups.map((n) => DG_TAG[n] ?? 0))),
    ),
  );
}

export type Parsed = { cla: number; ins: number; p1: number; p2: number; data: Uint8Array; ne: number };

export function parseCommand(apdu: Uint8Array): Parsed | null {
  if (apdu.length < 4) return null;
  const [cla, ins, p1, p2] = apdu as unknown as [number, number, number, number];
  const body = apdu.subarray(4);
  if (body.length === 0) return { cla, ins, p1, p2, data: new Uint8Array(0), ne: 0 };
  if (body[0] !== 0 || body.length === 1) {
    // Short: Le only, Lc data, or Lc data Le.
    if (body.length === 1) return { cla, ins, p1, p2, data: new Uint8Array(0), ne: body[0] || 256 };
    const lc = body[0] as number;
    if (body.length === 1 + lc) return { cla, ins, p1, p2, data: body.subarray(1), ne: 0 };
    if (body.length === 2 + lc) return { cla, ins, p1, p2, data: body.subarray(1, 1 + lc), ne: body[1 + lc] || 256 };
    return null;
  }
  if (body.length === 3)
    return { cla, ins, p1, p2, data: new Uint8Array(0), ne: ((body[1] as number) << 8) | (body[2] as number) || 65536 };
  const lc = ((body[1] as number) << 8) | (body[2] as number);
  if (body.length === 3 + lc) return { cla, ins, p1, p2, data: body.subarray(3), ne: 0 };
  if (body.length === 5 + lc) {
    return {
      cla,
      ins,
      p1,
      p2,
      data: body.subarray(3, 3 + lc),
      ne: ((body[3 + lc] as number) << 8) | (body[4 + lc] as number) || 65536,
    };
  }
  return null;
}

export const swBytes = (sw: number) => Uint8Array.of(sw >> 8, sw & 0xff);

export function emulatedPassport(
  mrz: MrzKey,
  files: PassportFiles,
  options: {
    faults?: EmulatorFaults;
    random?: Random;
    pace?: EmulatedPace;
    activeAuthenticationKey?: KeyObject;
    /** The chip's static Chip Authentication key (DG14 carries the public half, or another's). */
    chipAuthentication?: { curve: "P-256" | "brainpoolP256r1"; privateKey: bigint };
  } = {},
): EmulatedPassport {
  const random = options.random ?? secureRandom;
  const faults = options.faults ?? {};
  const groups = Object.keys(files.dataGroups)
    .map(Number)
    .sort((a, b) => a - b);
  const fs = new Map<number, Uint8Array>([
    [FILE_ID.com, files.com ?? buildCom(groups)],
    [FILE_ID.sod, files.sod],
    ...groups.map((n) => [FILE_ID.dataGroup(n), files.dataGroups[n] as Uint8Array] as const),
  ]);
  const access = basicAccessKeys(mrz);
  let applicationSelected = false;
  let selected: Uint8Array | null = null;
  let challenge: Uint8Array | null = null;
  type Session = { aes: boolean; kEnc: Uint8Array; kMac: Uint8Array; ssc: Uint8Array };
  let session: Session | null = null;
  const block = () => (session?.aes ? 16 : 8);
  const smMac = (s: Session, data: Uint8Array) =>
    s.aes ? aesCmac(s.kMac, pad(data, 16)).subarray(0, 8) : retailMac(s.kMac, pad(data, 8));
  const smEncrypt = (s: Session, data: Uint8Array) =>
    s.aes ? aesEncrypt(s.kEnc, pad(data, 16), aesBlock(s.kEnc, s.ssc)) : des3Encrypt(s.kEnc, pad(data, 8));
  const smDecrypt = (s: Session, data: Uint8Array) =>
    s.aes ? aesDecrypt(s.kEnc, data, aesBlock(s.kEnc, s.ssc)) : des3Decrypt(s.kEnc, data);
  const cardAccess = options.pace ? buildCardAccess(options.pace.info) : null;
  type PaceState = {
    stage: number;
    nonce?: Uint8Array;
    generator?: ReturnType<typeof mapGenerator>;
    ours?: Uint8Array;
    theirs?: Uint8Array;
    kEnc?: Uint8Array;
    kMac?: Uint8Array;
  };
  let pace: PaceState | null = null;
  let protectedResponses = 0;
  const commands: Uint8Array[] = [];

  const increment = (ssc: Uint8Array) => {
    for (let i = ssc.length - 1; i >= 0; i--) {
      ssc[i] = ((ssc[i] as number) + 1) & 0xff;
      if (ssc[i] !== 0) break;
    }
  };

  // 9303-11 §9.8: the chip checks the command's MAC, then answers DO'87' ‖ DO'99' ‖ DO'8E'.
  const unwrapCommand = (command: Parsed): Parsed | number => {
    if (!session) return SW.securityStatus;
    increment(session.ssc);
    let do87: Uint8Array | null = null;
    let do97: Uint8Array | null = null;
    let mac: Uint8Array | null = null;
    let macAt = 0;
    try {
      for (let i = 0; i < command.data.length; ) {
        const tlv = readTlv(command.data, i);
        if (tlv.tag === 0x87 || tlv.tag === 0x85) do87 = tlv.tag === 0x87 ? tlv.value.subarray(1) : tlv.value;
        else if (tlv.tag === 0x97) do97 = tlv.value;
        else if (tlv.tag === 0x8e) {
          mac = tlv.value;
          macAt = i;
        } else return SW.smWrong;
        i = tlv.end;
      }
    } catch {
      return SW.smWrong;
    }
    if (!mac) return SW.smMissing;
    const header = pad(Uint8Array.of(command.cla, command.ins, command.p1, command.p2), block());
    if (!sameBytes(mac, smMac(session, concat(session.ssc, header, command.data.subarray(0, macAt))))) {
      return SW.smWrong;
    }
    const data = do87 ? unpad(smDecrypt(session, do87)) : new Uint8Array(0);
    if (!data) return SW.smWrong;
    const ne = !do97
      ? 0
      : do97.length === 1
        ? do97[0] || 256
        : ((do97[0] as number) << 8) | (do97[1] as number) || 65536;
    return { cla: command.cla & ~0x0c, ins: command.ins, p1: command.p1, p2: command.p2, data, ne };
  };

  const wrapResponse = (data: Uint8Array, sw: number): Uint8Array => {
    if (!session) return concat(data, swBytes(sw));
    increment(session.ssc);
    const do87 =
      data.length > 0 ? encodeTlv(0x87, concat(Uint8Array.of(1), smEncrypt(session, data))) : new Uint8Array(0);
    const do99 = encodeTlv(0x99, swBytes(sw));
    const mac = smMac(session, concat(session.ssc, do87, do99));
    if (++protectedResponses === faults.wrongMacOnResponse) mac[7] = (mac[7] as number) ^ 0x01;
    return concat(do87, do99, encodeTlv(0x8e, mac), swBytes(SW.ok));
  };

  const externalAuthenticate = (data: Uint8Array): [Uint8Array, number] => {
    if (!challenge || data.length !== 40) return [new Uint8Array(0), SW.conditions];
    const eIfd = data.subarray(0, 32);
    if (!sameBytes(retailMac(access.kMac, pad(eIfd, 8)), data.subarray(32))) return [new Uint8Array(0), SW.authFailed];
    const s = des3Decrypt(access.kEnc, eIfd);
    if (!sameBytes(s.subarray(8, 16), challenge)) return [new Uint8Array(0), SW.authFailed];
    const rndIfd = s.subarray(0, 8);
    const kIc = random(16);
    const eIc = des3Encrypt(access.kEnc, concat(challenge, rndIfd, kIc));
    const seed = xor(s.subarray(16, 32), kIc);
    session = {
      aes: false,
      kEnc: kdf(seed, 1, "3des"),
      kMac: kdf(seed, 2, "3des"),
      ssc: concat(challenge.subarray(4), rndIfd.subarray(4)),
    };
    challenge = null;
    return [concat(eIc, retailMac(access.kMac, pad(eIc, 8))), SW.ok];
  };

  // PACE on the chip's side (9303-11 §4.4.3): nonce, mapping, key agreement, tokens.
  const generalAuthenticate = (c: Parsed): [Uint8Array, number] => {
    const none = new Uint8Array(0);
    if (!options.pace || !pace) return [none, SW.conditions];
    const { info } = options.pace;
    const curve = info.parameterId === 12 ? p256 : brainpoolP256r1;
    const secret = () => (BigInt(`0x${Buffer.from(random(40)).toString("hex")}`) % (curve.Point.Fn.ORDER - 1n)) + 1n;
    const answer = (tag: number, value: Uint8Array): [Uint8Array, number] => [
      encodeTlv(0x7c, encodeTlv(tag, value)),
      SW.ok,
    ];
    const state = pace;
    pace = null; // any failure below ends the protocol
    try {
      const body = readTlv(c.data);
      const inner = body.value.length > 0 ? readTlv(body.value) : null;
      if (state.stage === 0 && !inner) {
        const kPi = paceKeyFromMrz(mrz, info.cipher);
        state.nonce = random(info.cipher === "3des" ? 8 : 16);
        state.stage = 1;
        pace = state;
        return answer(0x80, info.cipher === "3des" ? des3Encrypt(kPi, state.nonce) : aesEncrypt(kPi, state.nonce));
      }
      if (state.stage === 1 && inner?.tag === 0x81 && state.nonce) {
        const key = secret();
        state.generator = mapGenerator(curve, state.nonce, key, curve.Point.fromBytes(inner.value));
        state.stage = 2;
        pace = state;
        return answer(0x82, curve.Point.BASE.multiply(key).toBytes(false));
      }
      if (state.stage === 2 && inner?.tag === 0x83 && state.generator) {
        const key = secret();
        state.theirs = Uint8Array.from(inner.value);
        state.ours = state.generator.multiply(key).toBytes(false);
        const x = curve.Point.fromBytes(inner.value).multiply(key).toAffine().x;
        const shared = Uint8Array.from(Buffer.from(x.toString(16).padStart(64, "0"), "hex"));
        state.kEnc = kdf(shared, 1, info.cipher);
        state.kMac = kdf(shared, 2, info.cipher);
        state.stage = 3;
        pace = state;
        return answer(0x84, state.ours);
      }
      if (state.stage === 3 && inner?.tag === 0x85 && state.kMac && state.kEnc && state.ours && state.theirs) {
        if (!sameBytes(inner.value, authenticationToken(state.kMac, info, state.ours))) return [none, SW.authFailed];
        const aes = info.cipher !== "3des";
        session = { aes, kEnc: state.kEnc, kMac: state.kMac, ssc: new Uint8Array(aes ? 16 : 8) };
        return answer(0x86, authenticationToken(state.kMac, info, state.theirs));
      }
    } catch {
      return [none, SW.smWrong];
    }
    return [none, SW.conditions];
  };

  // Active Authentication (9303-11 §6.1): RSA with ISO/IEC 9796-2 scheme 1 and SHA-1, or ECDSA SHA-256.
  const internalAuthenticate = (challenge: Uint8Array): [Uint8Array, number] => {
    const key = options.activeAuthenticationKey;
    if (!key || !session || challenge.length !== 8) return [new Uint8Array(0), SW.conditions];
    if (key.asymmetricKeyType !== "rsa") {
      return [new Uint8Array(sign("sha256", challenge, { key, dsaEncoding: "ieee-p1363" })), SW.ok];
    }
    const k = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
    const m1 = random(k - 22);
    const digest = createHash("sha1").update(m1).update(challenge).digest();
    const f = concat(Uint8Array.of(0x6a), m1, digest, Uint8Array.of(0xbc));
    return [new Uint8Array(privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, f)), SW.ok];
  };

  // Chip Authentication (9303-11 §6.2): the answer goes under the old keys, then the new ones apply.
  let caPending: Uint8Array | null = null;
  let nextSession: Session | null = null;
  const chipAuthenticate = (c: Parsed): [Uint8Array, number] => {
    const ca = options.chipAuthentication;
    const oid = caPending;
    caPending = null;
    if (!ca || !oid) return [new Uint8Array(0), SW.conditions];
    const curve = ca.curve === "P-256" ? p256 : brainpoolP256r1;
    try {
      const inner = readTlv(readTlv(c.data).value);
      if (inner.tag !== 0x80) return [new Uint8Array(0), SW.wrongParams];
      const x = curve.Point.fromBytes(inner.value).multiply(ca.privateKey).toAffine().x;
      const shared = Uint8Array.from(Buffer.from(x.toString(16).padStart(64, "0"), "hex"));
      const cipher = ({ 1: "3des", 2: "aes128", 3: "aes192", 4: "aes256" } as const)[oid[9] as 1 | 2 | 3 | 4];
      const aes = cipher !== "3des";
      nextSession = {
        aes,
        kEnc: kdf(shared, 1, cipher),
        kMac: kdf(shared, 2, cipher),
        ssc: new Uint8Array(aes ? 16 : 8),
      };
      return [encodeTlv(0x7c, new Uint8Array(0)), SW.ok];
    } catch {
      return [new Uint8Array(0), SW.smWrong];
    }
  };

  const execute = (c: Parsed): [Uint8Array, number] => {
    const none = new Uint8Array(0);
    switch (c.ins) {
      case 0xa4: {
        if (c.p1 === 0x04) {
          if (!sameBytes(c.data, LDS1_AID)) return [none, SW.notFound];
          applicationSelected = true;
          return [none, SW.ok];
        }
        if (!applicationSelected && cardAccess && c.data.length === 2 && c.data[0] === 0x01 && c.data[1] === 0x1c) {
          selected = cardAccess;
          return [none, SW.ok];
        }
        if (!applicationSelected || c.data.length !== 2) return [none, SW.notFound];
        const file = fs.get(((c.data[0] as number) << 8) | (c.data[1] as number));
        if (!file) return [none, SW.notFound];
        selected = file;
        return [none, SW.ok];
      }
      case 0x84:
        if (c.ne !== 8) return [none, SW.wrongLength];
        challenge = random(8);
        return [challenge, SW.ok];
      case 0x82:
        return externalAuthenticate(c.data);
      case 0x22:
        if (c.p1 === 0x41 && c.p2 === 0xa4 && options.chipAuthentication && session) {
          caPending = readTlv(c.data).value;
          return [none, SW.ok];
        }
        if (!options.pace || c.p1 !== 0xc1 || c.p2 !== 0xa4) return [none, SW.wrongParams];
        pace = { stage: 0 };
        return [none, SW.ok];
      case 0x86:
        return caPending ? chipAuthenticate(c) : generalAuthenticate(c);
      case 0x88:
        return internalAuthenticate(c.data);
      case 0xb0:
      case 0xb1: {
        if (!selected) return [none, SW.conditions];
        let offset = ((c.p1 & 0x7f) << 8) | c.p2;
        if (c.ins === 0xb1) {
          const tlv = readTlv(c.data);
          offset = [...tlv.value].reduce((n, b) => n * 256 + b, 0);
        }
        if (offset > selected.length) return [none, SW.wrongParams];
        const wanted = c.ins === 0xb1 ? c.ne - 4 : c.ne;
        const part = selected.subarray(offset, offset + wanted);
        const answer = c.ins === 0xb1 ? encodeTlv(0x53, part) : part;
        return [answer, part.length < wanted ? 0x6282 : SW.ok];
      }
      default:
        return [none, SW.insNotSupported];
    }
  };

  const transport = async (apdu: Uint8Array): Promise<Uint8Array> => {
    commands.push(apdu);
    if (faults.stallFromCommand !== undefined && commands.length >= faults.stallFromCommand)
      return new Promise<never>(() => {});
    const parsed = parseCommand(apdu);
    if (!parsed) return swBytes(SW.wrongLength);
    if ((parsed.cla & 0x0c) === 0x0c) {
      const inner = unwrapCommand(parsed);
      if (typeof inner === "number") {
        session = null; // 9303-11 §9.8.4: a secure-messaging error ends the session
        return swBytes(inner);
      }
      const [data, sw] = execute(inner);
      const answer = wrapResponse(data, sw);
      if (nextSession) {
        session = nextSession;
        nextSession = null;
      }
      return answer;
    }
    // Plain commands: SELECT of the application, EF.CardAccess in the master file, the BAC and PACE
    // exchanges; everything in the application needs secure messaging.
    const masterFileRead = !applicationSelected && cardAccess !== null && (parsed.ins === 0xa4 || parsed.ins === 0xb0);
    if (![0xa4, 0x84, 0x82, 0x22, 0x86].includes(parsed.ins) && !masterFileRead) return swBytes(SW.securityStatus);
    if (parsed.ins === 0xa4 && parsed.p1 !== 0x04 && !masterFileRead) return swBytes(SW.securityStatus);
    if (parsed.ins === 0xa4 && parsed.p1 === 0x04) session = null;
    if (parsed.ins === 0xb0 && selected !== cardAccess) return swBytes(SW.securityStatus);
    const [data, sw] = execute(parsed);
    return concat(data, swBytes(sw));
  };
  return Object.assign(transport, { commands });
}

/** EF.CardAccess with one PACEInfo (9303-11 §9.2.1): SET { SEQUENCE { OID, version 2, parameterId } }. */
export function buildCardAccess(info: PaceInfo): Uint8Array {
  const paceInfo = encodeTlv(
    0x30,
    concat(
      encodeTlv(0x06, info.oid),
      encodeTlv(0x02, Uint8Array.of(2)),
      encodeTlv(0x02, Uint8Array.of(info.parameterId)),
    ),
  );
  return encodeTlv(0x31, paceInfo);
}

/** DG14 with ECDH Chip Authentication (9303-11 §9.2.5–6): the CA protocol and the chip's public key. */
export function buildDg14(publicKeySpki: Uint8Array, protocol = "04007F00070202030202"): Uint8Array {
  const oid = (hex: string) => encodeTlv(0x06, Uint8Array.from(Buffer.from(hex, "hex")));
  const caInfo = encodeTlv(0x30, concat(oid(protocol), encodeTlv(0x02, Uint8Array.of(1))));
  const keyInfo = encodeTlv(0x30, concat(oid("04007F000702020102"), publicKeySpki));
  return encodeTlv(0x6e, encodeTlv(0x31, concat(caInfo, keyInfo)));
}
