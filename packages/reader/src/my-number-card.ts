import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import { type Channel, plainChannel, type Transport, withTimeout } from "./apdu.ts";
import { hexSw, ReaderError } from "./errors.ts";
import { type PinStatus, pinRetries, verifyPin } from "./pin.ts";
import { selectApplication, selectFile } from "./read-file.ts";
import { readTlvFile } from "./read-tlv-file.ts";
import { concat, readTlv, readTlvs, type Tlv } from "./tlv.ts";

/**
 * The My Number card (個人番号カード): two of its applications, over the same plain ISO/IEC 7816-4
 * commands (SELECT by DF name and by EF identifier, VERIFY, READ BINARY, and JPKI's COMPUTE DIGITAL
 * SIGNATURE). J-LIS does not publish the card's full specification; the identifiers and layouts here
 * are those public open-source readers agree on (AokiApp/jsapdu's mynacard package, libmyna), and
 * the card emulator in test-support follows them.
 *
 * The card-face input-support application (券面事項入力補助AP) holds the My Number (EF 0001), the
 * four particulars (EF 0002: FF20 { DF21 header, DF22 name, DF23 address, DF24 birth date, DF25 sex }),
 * the card's signature over both (EF 0003: FF30 { DF31 SHA-256 of the My Number, DF32 SHA-256 of the
 * particulars, DF33 signature }) and the key that signs (EF 0004: 7F21 { 5F4E issuer ‖ subject ‖
 * public key, 5F37 J-LIS's signature }).
 *
 * The 12-digit My Number is never read: EF 0001 is never selected, and DF31 — a SHA-256 of 12 digits,
 * which anyone can reverse by trying them all — is used to check the signature here and then dropped.
 * Nothing this module returns or throws holds either (tested).
 */
export const MY_NUMBER_CARD_AID = {
  cardFace: Uint8Array.from(Buffer.from("D3921000310001010408", "hex")),
  jpki: Uint8Array.from(Buffer.from("D392F000260100000001", "hex")),
};
const CARD_FACE_EF = { particulars: 0x0002, signature: 0x0003, key: 0x0004, pin: 0x0011 } as const;
const JPKI_EF = { signingCertificate: 0x0001, signingKey: 0x001a, signingPin: 0x001b } as const;
export const MY_NUMBER_CARD_LIMITS = { particulars: 4096, signature: 1024, key: 2048, certificate: 8192 };

export type CardFaceParticulars = {
  /** DF22, as the card holds it (full-width space between family and given name). */
  name: string;
  /** DF23. */
  address: string;
  /** DF24, YYYYMMDD on the card, given as YYYY-MM-DD. */
  birthDate: string;
  /** DF25: ISO/IEC 5218 code ('1' male, '2' female, '9' not applicable, '0' not known). */
  sex: "male" | "female" | "not_known" | "not_applicable";
};

export type CardFaceSignature = {
  /** The SHA-256 in DF32 is that of the particulars read. */
  particularsHashMatches: boolean;
  /** DF33 verifies under the card's key (EF 0004) over DF31 ‖ DF32. */
  signatureValid: boolean;
  /** EF 0004 as read: the card's key and J-LIS's signature over it, for a verifier holding J-LIS's key. */
  cardKey: Uint8Array;
};

export type CardFaceRead = CardFaceParticulars & {
  /** EF 0002 as read (no My Number in it). */
  particularsFile: Uint8Array;
  signature: CardFaceSignature;
  /** The tries the card said were left before this attempt (null: already verified in this session). */
  pin: PinStatus;
};

type Options = { timeoutMs?: number };

/**
 * Reads the card-face input-support application with the 4-digit PIN (券面事項入力補助用暗証番号):
 * the tries left first, then the PIN once (`pin.ts`), then the particulars, the signature and the key.
 */
export async function readMyNumberCardFace(
  transport: Transport,
  options: Options & { pin: string },
): Promise<CardFaceRead> {
  if (!/^\d{4}$/.test(options.pin))
    throw new ReaderError("pin_format", "the card-face PIN is 4 digits: nothing was sent to the card");
  const channel = plainChannel(withTimeout(transport, options.timeoutMs ?? 5000));
  await selectApplication(channel, MY_NUMBER_CARD_AID.cardFace);
  await selectFile(channel, CARD_FACE_EF.pin);
  const pin = await verifyPin(channel, ascii(options.pin), "card-face PIN");
  const particularsFile = await readTlvFile(channel, CARD_FACE_EF.particulars, {
    maxBytes: MY_NUMBER_CARD_LIMITS.particulars,
  });
  const signatureFile = await readTlvFile(channel, CARD_FACE_EF.signature, {
    maxBytes: MY_NUMBER_CARD_LIMITS.signature,
  });
  const cardKey = await readTlvFile(channel, CARD_FACE_EF.key, { maxBytes: MY_NUMBER_CARD_LIMITS.key });
  return {
    ...particularsOf(particularsFile),
    particularsFile,
    signature: checkCardFaceSignature(particularsFile, signatureFile, cardKey),
    pin,
  };
}

export function particularsOf(file: Uint8Array): CardFaceParticulars {
  const outer = readTlv(file);
  if (outer.tag !== 0xff20)
    throw new ReaderError("malformed_response", "the particulars file does not start with FF20");
  const items = readTlvs(outer.value);
  const text = (tag: number, what: string) => {
    const item = items.find((t) => t.tag === tag);
    if (!item) throw new ReaderError("malformed_response", `the particulars file holds no ${what}`);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(item.value);
    } catch {
      throw new ReaderError("malformed_response", `the particulars file's ${what} is not UTF-8`);
    }
  };
  const birth = text(0xdf24, "birth date");
  if (!/^\d{8}$/.test(birth)) throw new ReaderError("malformed_response", "the birth date is not YYYYMMDD");
  const sexCode = text(0xdf25, "sex");
  const sex = ({ "1": "male", "2": "female", "9": "not_applicable", "0": "not_known" } as const)[sexCode];
  if (!sex) throw new ReaderError("malformed_response", "the sex is not an ISO/IEC 5218 code");
  return {
    name: text(0xdf22, "name"),
    address: text(0xdf23, "address"),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex,
  };
}

/**
 * The card's own signature: DF32 must be the SHA-256 of the particulars file, and DF33 an RSA PKCS#1
 * v1.5 SHA-256 signature over DF31 ‖ DF32 (their encodings) under the key in EF 0004. DF31 is read
 * for this and goes no further.
 */
export function checkCardFaceSignature(
  particularsFile: Uint8Array,
  signatureFile: Uint8Array,
  cardKey: Uint8Array,
): CardFaceSignature {
  const outer = readTlv(signatureFile);
  if (outer.tag !== 0xff30) throw new ReaderError("malformed_response", "the signature file does not start with FF30");
  const items = readTlvs(outer.value);
  const item = (tag: number): Tlv => {
    const found = items.find((t) => t.tag === tag);
    if (!found) throw new ReaderError("malformed_response", `the signature file holds no ${tag.toString(16)}`);
    return found;
  };
  const numberHash = item(0xdf31);
  const particularsHash = item(0xdf32);
  const signature = item(0xdf33).value;
  const encoded = (t: Tlv) => outer.value.subarray(t.end - t.value.length - t.headerLength, t.end);
  const particularsHashMatches =
    particularsHash.value.length === 32 &&
    Buffer.from(particularsHash.value).equals(createHash("sha256").update(particularsFile).digest());
  const key = cardPublicKey(cardKey);
  let signatureValid = false;
  try {
    signatureValid =
      key !== null && verify("sha256", concat(encoded(numberHash), encoded(particularsHash)), key, signature);
  } catch {
    signatureValid = false;
  }
  return { particularsHashMatches, signatureValid, cardKey };
}

/** EF 0004: 7F21 { 5F4E issuer (16) ‖ subject (16) ‖ public key (DER: SubjectPublicKeyInfo or PKCS#1) }. */
function cardPublicKey(file: Uint8Array): KeyObject | null {
  const outer = readTlv(file);
  if (outer.tag !== 0x7f21) throw new ReaderError("malformed_response", "the card key file does not start with 7F21");
  const contents = readTlvs(outer.value).find((t) => t.tag === 0x5f4e);
  if (!contents || contents.value.length <= 32)
    throw new ReaderError("malformed_response", "the card key file holds no key");
  const der = Buffer.from(contents.value.subarray(32));
  for (const type of ["spki", "pkcs1"] as const) {
    try {
      return createPublicKey({ key: der, format: "der", type });
    } catch {
      // the other encoding
    }
  }
  return null;
}

/**
 * The tries left of the card-face PIN or the signing PIN, without trying it (VERIFY with no data), for
 * the counter to show before the holder types; a blocked PIN is `pin_locked`.
 */
export async function myNumberCardPinStatus(
  transport: Transport,
  pin: "card_face" | "signing",
  options: Options = {},
): Promise<PinStatus> {
  const channel = plainChannel(withTimeout(transport, options.timeoutMs ?? 5000));
  const cardFace = pin === "card_face";
  await selectApplication(channel, cardFace ? MY_NUMBER_CARD_AID.cardFace : MY_NUMBER_CARD_AID.jpki);
  await selectFile(channel, cardFace ? CARD_FACE_EF.pin : JPKI_EF.signingPin);
  return pinRetries(channel, cardFace ? "card-face PIN" : "signing PIN");
}

export type JpkiRead = {
  /** The signing certificate (署名用電子証明書), DER, as read: the engine (`verifyJpkiSignature`) checks it. */
  certificate: Uint8Array;
  pin: PinStatus;
};
export type JpkiSignature = JpkiRead & {
  /** RSA PKCS#1 v1.5 over SHA-256 of the data, made by the card's signing key. */
  signature: Uint8Array;
};

/** Reads the JPKI signing certificate, which the signing PIN protects. */
export async function readJpkiSigningCertificate(
  transport: Transport,
  options: Options & { signingPin: string },
): Promise<JpkiRead> {
  const channel = await openJpki(transport, options);
  const pin = await verifyPin(channel, signingPin(options.signingPin), "signing PIN");
  return { certificate: await readCertificate(channel), pin };
}

/**
 * Signs `data` with the JPKI signing key (署名用電子証明書, 6–16 character signing PIN) and reads the
 * certificate, under one PIN verification: the card gets a SHA-256 DigestInfo and answers the RSA
 * signature (COMPUTE DIGITAL SIGNATURE, CLA 80 INS 2A P1 00 P2 80).
 */
export async function signWithJpki(
  transport: Transport,
  options: Options & { signingPin: string; data: Uint8Array },
): Promise<JpkiSignature> {
  const channel = await openJpki(transport, options);
  const pin = await verifyPin(channel, signingPin(options.signingPin), "signing PIN");
  const certificate = await readCertificate(channel);
  await selectFile(channel, JPKI_EF.signingKey);
  const digestInfo = concat(SHA256_DIGEST_INFO, createHash("sha256").update(options.data).digest());
  const answer = await channel.send({ cla: 0x80, ins: 0x2a, p1: 0, p2: 0x80, data: digestInfo, ne: 256 });
  if (answer.sw !== 0x9000)
    throw new ReaderError("status_word", `COMPUTE DIGITAL SIGNATURE: the card answered ${hexSw(answer.sw)}`, answer.sw);
  // JPKI keys are RSA-2048: anything but 256 bytes is not a signature from it.
  if (answer.data.length !== 256)
    throw new ReaderError("malformed_response", `the card's signature is ${answer.data.length} bytes, not 256`);
  return { certificate, signature: answer.data, pin };
}

// DER of DigestInfo's AlgorithmIdentifier for SHA-256 and the OCTET STRING header (RFC 8017 §9.2 note 1).
const SHA256_DIGEST_INFO = Uint8Array.from(Buffer.from("3031300d060960864801650304020105000420", "hex"));

async function openJpki(transport: Transport, options: Options): Promise<Channel> {
  const channel = plainChannel(withTimeout(transport, options.timeoutMs ?? 5000));
  await selectApplication(channel, MY_NUMBER_CARD_AID.jpki);
  await selectFile(channel, JPKI_EF.signingPin);
  return channel;
}

async function readCertificate(channel: Channel): Promise<Uint8Array> {
  const certificate = await readTlvFile(channel, JPKI_EF.signingCertificate, {
    maxBytes: MY_NUMBER_CARD_LIMITS.certificate,
  });
  if (certificate[0] !== 0x30) throw new ReaderError("malformed_response", "the signing certificate is not DER");
  return certificate;
}

/** 6–16 letters and digits; the card keeps letters upper-case (J-LIS), so typed lower case is raised. */
function signingPin(pin: string): Uint8Array {
  const upper = pin.toUpperCase();
  if (!/^[0-9A-Z]{6,16}$/.test(upper))
    throw new ReaderError("pin_format", "the signing PIN is 6 to 16 letters and digits: nothing was sent to the card");
  return ascii(upper);
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, "ascii"));
}
