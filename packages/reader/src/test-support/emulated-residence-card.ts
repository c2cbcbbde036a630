import { createHash } from "node:crypto";
import type { Transport } from "../apdu.ts";
import { type Random, secureRandom } from "../bac.ts";
import {
  aesCmac,
  aesDecrypt,
  aesEncrypt,
  des3Decrypt,
  des3Encrypt,
  pad,
  retailMac,
  sameBytes,
  unpad,
  xor,
} from "../crypto.ts";
import { RESIDENCE_CARD_AID, type ResidenceCardGeneration } from "../residence-card.ts";
import { concat, encodeTlv, readTlv } from "../tlv.ts";
import { parseCommand, swBytes } from "./emulated-passport.ts";

/**
 * A residence card (在留カード) in memory, written from the card's side of 在留カード等仕様書 Ver 1.5
 * (§3.3 files, §3.4.1 authentication with the card number, §3.4.2 secure messaging, §3.6 commands)
 * and, with `generation: 2`, the second generation's AES. No public emulator of this card exists:
 * this one shares only the block primitives with the library (pinned by ICAO's worked examples and RFC
 * 4493) and derives its keys itself, so a wrong exchange on either side fails the read.
 * It refuses every file but the MF's two before VERIFY, and plain reads of the DFs' files always.
 *
 * The signed content comes from the evidence fixtures (openssl-made signers under a test CA).
 */
export type ResidenceCardFiles = {
  cardNumber: string;
  cardType?: "1" | "2";
  front: Uint8Array;
  face: Uint8Array;
  /** DA (first generation) or DC (second). */
  checkCode: Uint8Array;
  /** DB (first generation) or DD (second). */
  certificate: Uint8Array;
  /** The value of D2 (追記書き込み年月日 ‖ 市町村コード ‖ 住居地), or nothing written. */
  address?: Uint8Array;
};

export type ResidenceCardFaults = {
  /** The MUTUAL AUTHENTICATE answer's MAC has a bit flipped. */
  wrongMacOnAuthentication?: boolean;
  /** From the n-th command (1-based) on, the card answers random bytes. */
  garbageFromCommand?: number;
  /** From the n-th command (1-based) on, the card never answers. */
  stallFromCommand?: number;
  /** Protected answers carry padding indicator 02 (not one the specification knows). */
  wrongPaddingIndicator?: boolean;
  /** The front image file's header claims this many bytes. */
  frontLengthClaim?: number;
};

export type EmulatedResidenceCard = Transport & { commands: Uint8Array[] };

const SW = {
  ok: 0x9000,
  securityStatus: 0x6982,
  authFailed: 0x6300,
  notFound: 0x6a82,
  wrongParams: 0x6b00,
  conditions: 0x6985,
  wrongData: 0x6a80,
  insNotSupported: 0x6d00,
};

export function emulatedResidenceCard(
  files: ResidenceCardFiles,
  options: {
    generation?: ResidenceCardGeneration;
    faults?: ResidenceCardFaults;
    random?: Random;
    /** At most this many plain bytes per protected READ BINARY answer (a card without big buffers). */
    maxAnswer?: number;
  } = {},
): EmulatedResidenceCard {
  const generation = options.generation ?? 1;
  const faults = options.faults ?? {};
  const random = options.random ?? secureRandom;
  // §3.4.1: K = SHA-1(card number)[0..16]; the session key SHA-1((K.IFD ⊕ K.ICC) ‖ 00000001)[0..16].
  const sha1 = (data: Uint8Array) => new Uint8Array(createHash("sha1").update(data).digest()).subarray(0, 16);
  const accessKey = sha1(Uint8Array.from(Buffer.from(files.cardNumber, "ascii")));
  const sessionKeyOf = (kIfd: Uint8Array, kIcc: Uint8Array) => sha1(concat(xor(kIfd, kIcc), Uint8Array.of(0, 0, 0, 1)));
  const crypto =
    generation === 1
      ? {
          block: 8,
          encrypt: (k: Uint8Array, d: Uint8Array) => des3Encrypt(k, d),
          decrypt: (k: Uint8Array, d: Uint8Array) => des3Decrypt(k, d),
          mac: (k: Uint8Array, d: Uint8Array) => retailMac(k, pad(d, 8)),
        }
      : {
          block: 16,
          encrypt: (k: Uint8Array, d: Uint8Array) => aesEncrypt(k, d),
          decrypt: (k: Uint8Array, d: Uint8Array) => aesDecrypt(k, d),
          mac: (k: Uint8Array, d: Uint8Array) => aesCmac(k, d).subarray(0, 8),
        };
  const [checkTag, certificateTag] = generation === 1 ? [0xda, 0xdb] : [0xdc, 0xdd];
  const frontFile = faults.frontLengthClaim
    ? concat(Uint8Array.of(0xd0, 0x82, faults.frontLengthClaim >> 8, faults.frontLengthClaim & 0xff), files.front)
    : encodeTlv(0xd0, files.front);
  const tree: Record<string, Record<number, Uint8Array>> = {
    mf: {
      1: concat(encodeTlv(0xc0, Uint8Array.of(0x01, 0x05)), encodeTlv(0xc1, Uint8Array.of(0x31))),
      2: encodeTlv(0xc1, Uint8Array.of((files.cardType ?? "1").charCodeAt(0))),
    },
    df1: { 5: frontFile, 6: encodeTlv(0xd1, files.face) },
    df2: { 1: encodeTlv(0xd2, files.address ?? new Uint8Array(200)) },
    df3: { 2: concat(encodeTlv(checkTag, files.checkCode), encodeTlv(certificateTag, files.certificate)) },
  };
  let df = "mf";
  let current: Uint8Array | null = null;
  let challenge: Uint8Array | null = null;
  let sessionKey: Uint8Array | null = null;
  let verified = false;
  const commands: Uint8Array[] = [];

  const answer = (data: Uint8Array, sw: number) => concat(data, swBytes(sw));
  const status = (sw: number) => swBytes(sw);

  const mutualAuthenticate = (data: Uint8Array): Uint8Array => {
    if (!challenge || data.length !== 40) return status(SW.conditions);
    const rndIcc = challenge;
    challenge = null;
    const eIfd = data.subarray(0, 32);
    if (!sameBytes(crypto.mac(accessKey, eIfd), data.subarray(32))) return status(SW.authFailed);
    const s = crypto.decrypt(accessKey, eIfd);
    if (!sameBytes(s.subarray(8, 16), rndIcc)) return status(SW.authFailed);
    const kIcc = random(16);
    const eIcc = crypto.encrypt(accessKey, concat(rndIcc, s.subarray(0, 8), kIcc));
    const mac = crypto.mac(accessKey, eIcc);
    if (faults.wrongMacOnAuthentication) mac[0] = (mac[0] as number) ^ 0x01;
    sessionKey = sessionKeyOf(s.subarray(16, 32), kIcc);
    return answer(concat(eIcc, mac), SW.ok);
  };

  const decryptDo86 = (data: Uint8Array): Uint8Array | null => {
    if (!sessionKey) return null;
    try {
      const tlv = readTlv(data);
      if (tlv.tag !== 0x86 || tlv.value[0] !== 1 || tlv.end !== data.length) return null;
      const ciphertext = tlv.value.subarray(1);
      if (ciphertext.length === 0 || ciphertext.length % crypto.block !== 0) return null;
      return unpad(crypto.decrypt(sessionKey, ciphertext));
    } catch {
      return null;
    }
  };

  const protectedRead = (p1: number, p2: number, data: Uint8Array): Uint8Array => {
    if (!verified || !sessionKey) return status(SW.securityStatus);
    let tlv: ReturnType<typeof readTlv>;
    try {
      tlv = readTlv(data);
    } catch {
      return status(SW.wrongData);
    }
    if (tlv.tag !== 0x96 || tlv.value.length !== 2) return status(SW.wrongData);
    let offset = p2;
    if (p1 & 0x80) {
      current = tree[df]?.[p1 & 0x1f] ?? null;
      if (!current) return status(SW.notFound);
    } else {
      offset = (p1 << 8) | p2;
    }
    if (!current) return status(SW.conditions);
    if (offset > current.length) return status(SW.wrongParams);
    const asked = ((tlv.value[0] as number) << 8) | (tlv.value[1] as number);
    const length = Math.min(asked || 0xffff, options.maxAnswer ?? 0xffff);
    const part = current.subarray(offset, offset + length);
    const body = concat(
      Uint8Array.of(faults.wrongPaddingIndicator ? 2 : 1),
      crypto.encrypt(sessionKey, pad(part, crypto.block)),
    );
    return answer(encodeTlv(0x86, body), SW.ok);
  };

  const execute = (apdu: Uint8Array): Uint8Array => {
    const c = parseCommand(apdu);
    if (!c) return status(0x6700);
    if (c.cla === 0x08 && c.ins === 0x20 && c.p2 === 0x86) {
      const number = decryptDo86(c.data);
      verified = number !== null && Buffer.from(number).toString("latin1") === files.cardNumber;
      return status(verified ? SW.ok : SW.authFailed);
    }
    if (c.cla === 0x08 && c.ins === 0xb0) return protectedRead(c.p1, c.p2, c.data);
    if (c.cla !== 0) return status(0x6e00);
    switch (c.ins) {
      case 0xa4: {
        current = null;
        if (c.p1 === 0x00 && (c.data.length === 0 || (c.data[0] === 0x3f && c.data[1] === 0x00))) {
          df = "mf";
          return status(SW.ok);
        }
        if (c.p1 !== 0x04) return status(SW.wrongParams);
        const name = Object.entries(RESIDENCE_CARD_AID).find(([, aid]) => sameBytes(aid, c.data))?.[0];
        if (!name) return status(SW.notFound);
        df = name;
        return status(SW.ok);
      }
      case 0x84:
        if (c.ne !== 8) return status(0x6700);
        challenge = random(8);
        sessionKey = null;
        verified = false;
        return answer(challenge, SW.ok);
      case 0x82:
        return mutualAuthenticate(c.data);
      case 0xb0: {
        // Plain reads: only the MF's common data and card type (§3.3 アクセス権).
        if (df !== "mf" || !(c.p1 & 0x80)) return status(SW.securityStatus);
        const file = tree.mf?.[c.p1 & 0x1f];
        if (!file) return status(SW.notFound);
        const part = file.subarray(c.p2, c.p2 + c.ne);
        return answer(part, part.length < c.ne ? 0x6282 : SW.ok);
      }
      default:
        return status(SW.insNotSupported);
    }
  };

  const transport = async (apdu: Uint8Array): Promise<Uint8Array> => {
    commands.push(Uint8Array.from(apdu));
    const n = commands.length;
    if (faults.stallFromCommand !== undefined && n >= faults.stallFromCommand) return new Promise<never>(() => {});
    if (faults.garbageFromCommand !== undefined && n >= faults.garbageFromCommand) return random(1 + (n % 37));
    return execute(apdu);
  };
  return Object.assign(transport, { commands });
}
