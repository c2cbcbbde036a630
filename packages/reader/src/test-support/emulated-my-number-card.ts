import { constants, createHash, type KeyObject, privateEncrypt, sign } from "node:crypto";
import type { Transport } from "../apdu.ts";
import { type Random, secureRandom } from "../bac.ts";
import { sameBytes } from "../crypto.ts";
import { MY_NUMBER_CARD_AID } from "../my-number-card.ts";
import { concat, encodeTlv } from "../tlv.ts";
import { parseCommand, swBytes } from "./emulated-passport.ts";

/**
 * A My Number card in memory, for tests: the card-face input-support application (券面事項入力補助AP)
 * and the JPKI application, written from the card's side as the public open-source readers describe
 * them (J-LIS does not publish the card's specification, and no public emulator exists). PINs keep
 * their tries across attempts as the card does: a wrong PIN takes one, the last one blocks (6983), and
 * VERIFY with no data only reports (63Cx). Protected files answer 6982 until their PIN is verified.
 *
 * The card's signature (EF 0003) and the JPKI signature are made with node:crypto keys the test
 * gives (the JPKI one with the evidence fixtures' openssl-made signer).
 */
export type MyNumberCardContent = {
  /** The 12 digits the card keeps in EF 0001 (which a reader must never select). */
  myNumber: string;
  particulars: { name: string; address: string; birthDate: string; sexCode: string };
  /** The key that signs the card-face data; its public half goes in EF 0004. */
  cardFaceKey: KeyObject;
  cardFacePublicKeyDer: Uint8Array;
  cardFacePin: string;
  jpki: { key: KeyObject; certificate: Uint8Array; signingPin: string };
  /** Tries left at the start (3 for the card-face PIN, 5 for the signing PIN on a new card). */
  triesLeft?: { cardFace?: number; signing?: number };
};

export type MyNumberCardFaults = {
  /** From the n-th command (1-based) on, the card answers random bytes. */
  garbageFromCommand?: number;
  /** From the n-th command (1-based) on, the card never answers. */
  stallFromCommand?: number;
  /** The particulars file differs from what the card signed (one byte of the name changed). */
  particularsChanged?: boolean;
  /** COMPUTE DIGITAL SIGNATURE answers a short signature. */
  shortSignature?: boolean;
};

export type EmulatedMyNumberCard = Transport & {
  commands: Uint8Array[];
  triesLeft(): { cardFace: number; signing: number };
};

type Pin = { value: Uint8Array; tries: number; verified: boolean };
type Ef = { bytes: Uint8Array; pin?: Pin; key?: KeyObject; isPin?: Pin };

export function buildParticularsFile(p: MyNumberCardContent["particulars"]): Uint8Array {
  const utf8 = (s: string) => Uint8Array.from(Buffer.from(s, "utf8"));
  const items = concat(
    encodeTlv(0xdf21, Uint8Array.of(0x00, 0x05, 0x00, 0x20, 0x00, 0x40, 0x00, 0x60)),
    encodeTlv(0xdf22, utf8(p.name)),
    encodeTlv(0xdf23, utf8(p.address)),
    encodeTlv(0xdf24, utf8(p.birthDate)),
    encodeTlv(0xdf25, utf8(p.sexCode)),
  );
  // FF20 with a two-byte length, as the card writes it.
  return concat(Uint8Array.of(0xff, 0x20, 0x82, items.length >> 8, items.length & 0xff), items);
}

export function emulatedMyNumberCard(
  content: MyNumberCardContent,
  options: { faults?: MyNumberCardFaults; random?: Random } = {},
): EmulatedMyNumberCard {
  const faults = options.faults ?? {};
  const random = options.random ?? secureRandom;
  const ascii = (s: string) => Uint8Array.from(Buffer.from(s, "ascii"));
  const cardFacePin: Pin = {
    value: ascii(content.cardFacePin),
    tries: content.triesLeft?.cardFace ?? 3,
    verified: false,
  };
  const signingPin: Pin = {
    value: ascii(content.jpki.signingPin),
    tries: content.triesLeft?.signing ?? 5,
    verified: false,
  };

  const particulars = buildParticularsFile(content.particulars);
  const numberHash = encodeTlv(0xdf31, createHash("sha256").update(content.myNumber, "ascii").digest());
  const particularsHash = encodeTlv(0xdf32, createHash("sha256").update(particulars).digest());
  const cardSignature = sign("sha256", concat(numberHash, particularsHash), content.cardFaceKey);
  const served = Uint8Array.from(particulars);
  if (faults.particularsChanged) served[served.length - 20] = (served[served.length - 20] as number) ^ 0x01;
  const cardFace: Record<number, Ef> = {
    1: { bytes: concat(Uint8Array.of(0xff, 0x10, 0x0c), ascii(content.myNumber)), pin: cardFacePin },
    2: { bytes: served, pin: cardFacePin },
    3: {
      bytes: encodeTlv(0xff30, concat(numberHash, particularsHash, encodeTlv(0xdf33, cardSignature))),
      pin: cardFacePin,
    },
    4: {
      bytes: encodeTlv(
        0x7f21,
        concat(
          encodeTlv(0x5f4e, concat(ascii("JLIS-TEST-ISSUER"), ascii("CARD-FACE-KEY-01"), content.cardFacePublicKeyDer)),
          // J-LIS's signature over the key: random here (no verifier of it exists outside J-LIS).
          encodeTlv(0x5f37, random(256)),
        ),
      ),
    },
    17: { bytes: new Uint8Array(0), isPin: cardFacePin },
  };
  const jpki: Record<number, Ef> = {
    1: { bytes: content.jpki.certificate, pin: signingPin },
    26: { bytes: new Uint8Array(0), key: content.jpki.key, pin: signingPin },
    27: { bytes: new Uint8Array(0), isPin: signingPin },
  };
  let application: Record<number, Ef> | null = null;
  let current: Ef | null = null;
  const commands: Uint8Array[] = [];
  const status = (sw: number) => swBytes(sw);
  const answer = (data: Uint8Array, sw: number) => concat(data, swBytes(sw));

  const verifyPin = (data: Uint8Array): Uint8Array => {
    const pin = current?.isPin;
    if (!pin) return status(0x6985);
    if (data.length === 0) {
      if (pin.tries === 0) return status(0x6983);
      return status(pin.verified ? 0x9000 : 0x63c0 | pin.tries);
    }
    if (pin.tries === 0) return status(0x6983);
    if (sameBytes(data, pin.value)) {
      pin.tries = pin === cardFacePin ? 3 : 5;
      pin.verified = true;
      return status(0x9000);
    }
    pin.tries -= 1;
    pin.verified = false;
    return status(pin.tries === 0 ? 0x6983 : 0x63c0 | pin.tries);
  };

  const execute = (apdu: Uint8Array): Uint8Array => {
    const c = parseCommand(apdu);
    if (!c) return status(0x6700);
    if (c.cla === 0x80 && c.ins === 0x2a) {
      if (!current?.key || application !== jpki) return status(0x6985);
      if (!current.pin?.verified) return status(0x6982);
      const signature = new Uint8Array(
        privateEncrypt({ key: current.key, padding: constants.RSA_PKCS1_PADDING }, c.data),
      );
      return answer(faults.shortSignature ? signature.subarray(0, 128) : signature, 0x9000);
    }
    if (c.cla !== 0) return status(0x6e00);
    switch (c.ins) {
      case 0xa4: {
        if (c.p1 === 0x04) {
          cardFacePin.verified = false;
          signingPin.verified = false;
          current = null;
          application = sameBytes(c.data, MY_NUMBER_CARD_AID.cardFace)
            ? cardFace
            : sameBytes(c.data, MY_NUMBER_CARD_AID.jpki)
              ? jpki
              : null;
          return status(application ? 0x9000 : 0x6a82);
        }
        if (c.p1 !== 0x02 || c.data.length !== 2 || !application) return status(0x6a82);
        current = application[((c.data[0] as number) << 8) | (c.data[1] as number)] ?? null;
        return status(current ? 0x9000 : 0x6a82);
      }
      case 0x20:
        return verifyPin(c.data);
      case 0xb0: {
        if (!current || current.isPin || current.key) return status(0x6986);
        if (current.pin && !current.pin.verified) return status(0x6982);
        const offset = (c.p1 << 8) | c.p2;
        if (offset > current.bytes.length) return status(0x6b00);
        const part = current.bytes.subarray(offset, offset + c.ne);
        return answer(part, part.length < c.ne ? 0x6282 : 0x9000);
      }
      default:
        return status(0x6d00);
    }
  };

  const transport = async (apdu: Uint8Array): Promise<Uint8Array> => {
    commands.push(Uint8Array.from(apdu));
    const n = commands.length;
    if (faults.stallFromCommand !== undefined && n >= faults.stallFromCommand) return new Promise<never>(() => {});
    if (faults.garbageFromCommand !== undefined && n >= faults.garbageFromCommand) return random(1 + (n % 41));
    return execute(apdu);
  };
  return Object.assign(transport, {
    commands,
    triesLeft: () => ({ cardFace: cardFacePin.tries, signing: signingPin.tries }),
  });
}
