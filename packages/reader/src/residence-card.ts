import { createHash } from "node:crypto";
import { type Channel, expectOk, parseResponse, plainChannel, type Transport, withTimeout } from "./apdu.ts";
import { type Random, secureRandom } from "./bac.ts";
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
} from "./crypto.ts";
import { hexSw, ReaderError } from "./errors.ts";
import { concat, encodeTlv, readTlv, readTlvs } from "./tlv.ts";

/**
 * The residence card (在留カード) and the special permanent resident certificate (特別永住者証明書),
 * read as the Immigration Services Agency's published specification describes them: 在留カード等仕様書
 * (一般公開用) Ver 1.5, 令和6年3月 (first generation), and 第二世代在留カード等仕様書 (2025, second
 * generation). Sections are cited by the specification's headings. The numbered table of contents we
 * could read confirms 3.1 論理ファイル構造, 3.2 ファイル仕様 and 3.3 データ内容; the numbers after it
 * (3.4 セキュリティ機能 with 3.4.1–3.4.3, 3.5 データの読み出し手順, 3.6 コマンド仕様) follow the
 * headings' order in Ver 1.3's contents and are unconfirmed. The byte layouts were checked against
 * public readers of real cards (identifiers, SFIs, DO'86'/DO'96'), not against the text itself.
 *
 * Access (§3.4.1 在留カード等番号による認証, §3.5.2 認証シーケンス): the terminal and the card prove they
 * both know the 12-character card number printed on the front. K = SHA-1(card number)[0..16] keys
 * both the encryption and the MAC of a BAC-like GET CHALLENGE / MUTUAL AUTHENTICATE; the session key
 * is SHA-1((K.IFD ⊕ K.ICC) ‖ 00000001)[0..16]; then VERIFY (P2 = 86) sends the card number encrypted
 * under the session key. First generation: two-key 3DES-CBC and the ISO/IEC 9797-1 MAC algorithm 3;
 * second generation: AES-128-CBC and AES-CMAC truncated to 8 bytes.
 *
 * Secure messaging (§3.4.2): commands carry CLA 08 and their data in DO'86' (padding indicator 01,
 * ciphertext); READ BINARY asks its length in DO'96'; the answer is DO'86' under the session key.
 * The card's secure messaging encrypts but carries no MAC: what the card sends is checked for its
 * status word, its one DO'86', its padding indicator, block length and padding; its integrity is the
 * check code's job (§3.4.3 電子署名): the Agency's signature over the front image and the face, which
 * `verifyResidenceCardChip` in packages/evidence checks. The address on the back (DF2) is not signed.
 */
export type ResidenceCardGeneration = 1 | 2;

export type ResidenceCardAddress = {
  /** 追記書き込み年月日, YYYYMMDD as recorded. */
  recordedOn: string;
  /** 市町村コード (JIS X 0401/0402). */
  municipalityCode: string;
  /** 住居地, decoded (JIS X 0208 on first-generation cards); null where the bytes do not decode. */
  address: string | null;
  raw: Uint8Array;
};

export type ResidenceCardRead = {
  generation: ResidenceCardGeneration;
  /** MF/EF02 カード種別: '1' residence card, '2' special permanent resident certificate. */
  cardType: "residence_card" | "special_permanent_resident_certificate" | null;
  /** MF/EF01 共通データ要素, as read. */
  commonData: Uint8Array;
  /** DF1/EF01 券面(表)イメージ (value of D0): what the engine's check code covers. */
  front: Uint8Array;
  /** DF1/EF02 顔画像 (value of D1). */
  face: Uint8Array;
  /** DF2/EF01 住居地(裏面追記) (value of D2); null where nothing was written on the back. */
  address: ResidenceCardAddress | null;
  /** DF3/EF01 電子署名: the check code (DA; DC on the second generation) and its certificate (DB; DD). */
  checkCode: Uint8Array;
  certificate: Uint8Array;
};

export type ReadResidenceCardOptions = {
  cardNumber: string;
  /** "auto": the first generation's 3DES, then, if the card refuses it, the second's AES. */
  generation?: ResidenceCardGeneration | "auto";
  timeoutMs?: number;
  random?: Random;
};

/** DF names (§3.3 DF名(AID)). */
export const RESIDENCE_CARD_AID = {
  df1: Uint8Array.from(Buffer.from("D392F0004F02000000000000000000", "hex")),
  df2: Uint8Array.from(Buffer.from("D392F0004F03000000000000000000", "hex")),
  df3: Uint8Array.from(Buffer.from("D392F0004F04000000000000000000", "hex")),
};
// Short EF identifiers (§3.3 ファイル構成): READ BINARY with P1 = 80 | SFI selects and reads at once.
const SFI = { commonData: 1, cardType: 2, front: 5, face: 6, address: 1, signature: 2 } as const;
/** Largest value each file holds (§3.3 EF内データ内容): front 7,000 B, face 3,000 B; headroom for the rest. */
export const RESIDENCE_CARD_LIMITS = { front: 7000, face: 3000, address: 1024, signature: 4096, commonData: 256 };

const CARD_NUMBER = /^[A-Z]{2}[0-9]{8}[A-Z]{2}$/;

export async function readResidenceCard(
  transport: Transport,
  options: ReadResidenceCardOptions,
): Promise<ResidenceCardRead> {
  const cardNumber = options.cardNumber.trim().toUpperCase();
  if (!CARD_NUMBER.test(cardNumber)) {
    throw new ReaderError("access_denied", "a residence card number is 2 letters, 8 digits and 2 letters");
  }
  const timed = withTimeout(transport, options.timeoutMs ?? 5000);
  const plain = plainChannel(timed);
  const random = options.random ?? secureRandom;

  // §3.5.1 データ読み出しシーケンス: the MF's two files are free to read.
  expectOk(await plain.send({ cla: 0, ins: 0xa4, p1: 0, p2: 0x0c, data: Uint8Array.of(0x3f, 0x00) }), "SELECT MF");
  const commonData = await readPlainSfi(plain, SFI.commonData, RESIDENCE_CARD_LIMITS.commonData);
  const cardTypeFile = await readPlainSfi(plain, SFI.cardType, 16);
  const cardType = cardTypeOf(cardTypeFile);

  const generations: ResidenceCardGeneration[] =
    options.generation === 1 || options.generation === 2 ? [options.generation] : [1, 2];
  let session: ResidenceCardSession | null = null;
  let refusal: ReaderError | null = null;
  for (const generation of generations) {
    try {
      session = await authenticate(plain, timed, cardNumber, generation, random);
      break;
    } catch (error) {
      if (!(error instanceof ReaderError) || error.code !== "access_denied") throw error;
      refusal = error;
    }
  }
  if (!session) throw refusal ?? new ReaderError("access_denied", "the card refused the card number");

  await selectDf(plain, RESIDENCE_CARD_AID.df1);
  const front = valueOfTag(await session.readSfi(SFI.front, RESIDENCE_CARD_LIMITS.front + 8), 0xd0, "front image");
  const face = valueOfTag(await session.readSfi(SFI.face, RESIDENCE_CARD_LIMITS.face + 8), 0xd1, "face image");
  await selectDf(plain, RESIDENCE_CARD_AID.df2);
  const address = addressOf(await session.readSfi(SFI.address, RESIDENCE_CARD_LIMITS.address));
  await selectDf(plain, RESIDENCE_CARD_AID.df3);
  const signature = readTlvs(await session.readSfi(SFI.signature, RESIDENCE_CARD_LIMITS.signature, 2));
  const find = (...tags: number[]) => signature.find((t) => tags.includes(t.tag))?.value;
  const checkCode = find(0xda, 0xdc);
  const certificate = find(0xdb, 0xdd);
  if (!checkCode || !certificate)
    throw new ReaderError("malformed_response", "the signature file holds no check code or no certificate");
  return {
    generation: session.generation,
    cardType,
    commonData,
    front,
    face,
    address,
    checkCode: Uint8Array.from(checkCode),
    certificate: Uint8Array.from(certificate),
  };
}

/** K (§3.4.1): SHA-1 of the card number's 12 ASCII bytes, first 16 bytes; encryption and MAC alike. */
export function residenceCardAccessKey(cardNumber: string): Uint8Array {
  return new Uint8Array(createHash("sha1").update(cardNumber, "ascii").digest()).subarray(0, 16);
}

/** The session key (§3.4.1): SHA-1((K.IFD ⊕ K.ICC) ‖ 00 00 00 01), first 16 bytes. */
export function residenceCardSessionKey(kIfd: Uint8Array, kIcc: Uint8Array): Uint8Array {
  const seed = concat(xor(kIfd, kIcc), Uint8Array.of(0, 0, 0, 1));
  return new Uint8Array(createHash("sha1").update(seed).digest()).subarray(0, 16);
}

/** The cipher and MAC of each generation, shared with the test emulator. */
export function residenceCardCrypto(generation: ResidenceCardGeneration) {
  const block = generation === 1 ? 8 : 16;
  return {
    block,
    encrypt: (key: Uint8Array, data: Uint8Array) => (generation === 1 ? des3Encrypt(key, data) : aesEncrypt(key, data)),
    decrypt: (key: Uint8Array, data: Uint8Array) => (generation === 1 ? des3Decrypt(key, data) : aesDecrypt(key, data)),
    mac: (key: Uint8Array, data: Uint8Array) =>
      generation === 1 ? retailMac(key, pad(data, 8)) : aesCmac(key, data).subarray(0, 8),
  };
}

type ResidenceCardSession = {
  generation: ResidenceCardGeneration;
  readSfi(sfi: number, maxBytes: number, elements?: number): Promise<Uint8Array>;
};

async function authenticate(
  plain: Channel,
  transport: Transport,
  cardNumber: string,
  generation: ResidenceCardGeneration,
  random: Random,
): Promise<ResidenceCardSession> {
  const crypto = residenceCardCrypto(generation);
  const key = residenceCardAccessKey(cardNumber);
  const rndIcc = expectOk(await plain.send({ cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 }), "GET CHALLENGE");
  if (rndIcc.length !== 8)
    throw new ReaderError("malformed_response", `GET CHALLENGE returned ${rndIcc.length} bytes, not 8`);
  const rndIfd = random(8);
  const kIfd = random(16);
  const eIfd = crypto.encrypt(key, concat(rndIfd, rndIcc, kIfd));
  const answer = await plain.send({
    cla: 0,
    ins: 0x82,
    p1: 0,
    p2: 0,
    data: concat(eIfd, crypto.mac(key, eIfd)),
    ne: 40,
  });
  if (answer.sw !== 0x9000) {
    if ((answer.sw & 0xff00) === 0x6300 || answer.sw === 0x6982 || answer.sw === 0x6a80 || answer.sw === 0x6988) {
      throw new ReaderError(
        "access_denied",
        `the card refused MUTUAL AUTHENTICATE (${hexSw(answer.sw)}): the card number typed does not open it`,
        answer.sw,
      );
    }
    expectOk(answer, "MUTUAL AUTHENTICATE");
  }
  if (answer.data.length !== 40)
    throw new ReaderError("malformed_response", `MUTUAL AUTHENTICATE returned ${answer.data.length} bytes, not 40`);
  const eIcc = answer.data.subarray(0, 32);
  if (!sameBytes(crypto.mac(key, eIcc), answer.data.subarray(32)))
    throw new ReaderError("access_denied", "the card's MUTUAL AUTHENTICATE answer has a wrong MAC");
  const s = crypto.decrypt(key, eIcc);
  if (!sameBytes(s.subarray(0, 8), rndIcc) || !sameBytes(s.subarray(8, 16), rndIfd))
    throw new ReaderError("access_denied", "the card's MUTUAL AUTHENTICATE answer does not carry the challenges");
  const sessionKey = residenceCardSessionKey(kIfd, s.subarray(16, 32));

  // VERIFY (§3.6): the card number, padded and encrypted, in DO'86' with padding indicator 01.
  const encrypted = crypto.encrypt(sessionKey, pad(Uint8Array.from(Buffer.from(cardNumber, "ascii")), crypto.block));
  const verify = parseResponse(
    await transport(
      Uint8Array.from([0x08, 0x20, 0x00, 0x86, encrypted.length + 3, 0x86, encrypted.length + 1, 0x01, ...encrypted]),
    ),
  );
  if (verify.sw !== 0x9000) {
    throw new ReaderError(
      "access_denied",
      `the card refused the card number (VERIFY answered ${hexSw(verify.sw)})`,
      verify.sw,
    );
  }
  const channel = plainChannel(transport);
  return {
    generation,
    readSfi: (sfi, maxBytes, elements) => readProtectedSfi(channel, sessionKey, crypto, sfi, maxBytes, elements),
  };
}

/**
 * READ BINARY under secure messaging (§3.6): CLA 08, P1 = 80 | SFI for the first read (then the
 * offset), DO'96' asking the length (0000: all the card will give), extended Le. The file holds
 * `elements` BER-TLV elements one after the other (two in DF3: check code and certificate): reads go on
 * at the offset until their lengths are reached; unused space after them (zeros or FFs) is dropped.
 */
async function readProtectedSfi(
  channel: Channel,
  key: Uint8Array,
  crypto: ReturnType<typeof residenceCardCrypto>,
  sfi: number,
  maxBytes: number,
  elements = 1,
): Promise<Uint8Array> {
  let file: Uint8Array = new Uint8Array(0);
  // A card answering a byte at a time would take thousands of commands: 256 reads hold any file of
  // the card's at the 7-byte answers of the smallest buffer that could carry it.
  for (let reads = 0; ; reads++) {
    if (reads > 256) throw new ReaderError("malformed_response", "the card answers in pieces too small to read a file");
    const total = elementsLength(file, elements);
    if (total !== null && total > maxBytes)
      throw new ReaderError("file_too_large", `a residence card file says it is ${total} bytes, over ${maxBytes}`);
    if (total !== null && file.length >= total) {
      if (!file.subarray(total).every((b) => b === 0 || b === 0xff))
        throw new ReaderError(
          "malformed_response",
          `READ BINARY returned ${file.length} bytes of a ${total}-byte file`,
        );
      return file.subarray(0, total);
    }
    if (file.length > Math.min(0x7fff, maxBytes))
      throw new ReaderError("file_too_large", `a residence card file longer than ${Math.min(0x7fff, maxBytes)} bytes`);
    const wanted = total === null ? 0 : total - file.length;
    const answer = await channel.send({
      cla: 0x08,
      ins: 0xb0,
      p1: file.length === 0 ? 0x80 | sfi : file.length >> 8,
      p2: file.length & 0xff,
      data: Uint8Array.of(0x96, 0x02, wanted >> 8, wanted & 0xff),
      ne: 65536,
    });
    const part = unprotect(answer.data, answer.sw, key, crypto);
    if (part.length === 0)
      throw new ReaderError("malformed_response", `READ BINARY at ${file.length} returned nothing`);
    file = concat(file, part);
  }
}

function unprotect(
  data: Uint8Array,
  sw: number,
  key: Uint8Array,
  crypto: ReturnType<typeof residenceCardCrypto>,
): Uint8Array {
  if (sw !== 0x9000 && sw !== 0x6282) {
    throw new ReaderError("status_word", `READ BINARY under secure messaging: the card answered ${hexSw(sw)}`, sw);
  }
  let do86: Uint8Array;
  try {
    const tlv = readTlv(data);
    if (tlv.tag !== 0x86 || tlv.end !== data.length) throw new Error("not one DO'86'");
    do86 = tlv.value;
  } catch {
    throw new ReaderError("secure_messaging", "a protected answer that is not one DO'86'");
  }
  const ciphertext = do86.subarray(1);
  if (do86[0] !== 0x01 || ciphertext.length === 0 || ciphertext.length % crypto.block !== 0)
    throw new ReaderError("secure_messaging", "an encrypted data object with a wrong padding indicator or length");
  const plain = unpad(crypto.decrypt(key, ciphertext));
  if (!plain) throw new ReaderError("secure_messaging", "decrypted data without its padding");
  return plain;
}

/**
 * The length of the first `count` TLV elements (one-byte tags, as every tag of this card is), or null
 * while a header is not yet all read.
 */
export function elementsLength(bytes: Uint8Array, count: number): number | null {
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (at + 2 > bytes.length) return null;
    const first = bytes[at + 1] as number;
    let header = 2;
    let length = first;
    if (first & 0x80) {
      const n = first & 0x7f;
      if (n === 0 || n > 3) throw new ReaderError("malformed_response", "a file whose TLV length cannot be read");
      if (at + 2 + n > bytes.length) return null;
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + (bytes[at + 2 + i] as number);
      header += n;
    }
    at += header + length;
  }
  return at;
}

async function readPlainSfi(channel: Channel, sfi: number, maxBytes: number): Promise<Uint8Array> {
  const answer = await channel.send({ cla: 0, ins: 0xb0, p1: 0x80 | sfi, p2: 0, ne: 256 });
  const data = expectOk(answer, `READ BINARY of MF EF0${sfi}`);
  if (data.length > maxBytes) throw new ReaderError("file_too_large", `MF EF0${sfi} is over ${maxBytes} bytes`);
  return data;
}

async function selectDf(channel: Channel, aid: Uint8Array): Promise<void> {
  expectOk(await channel.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid }), "SELECT DF");
}

function valueOfTag(file: Uint8Array, tag: number, what: string): Uint8Array {
  const tlv = readTlv(file);
  if (tlv.tag !== tag)
    throw new ReaderError(
      "malformed_response",
      `the ${what} file starts with ${tlv.tag.toString(16)}, not ${tag.toString(16)}`,
    );
  return Uint8Array.from(tlv.value);
}

function cardTypeOf(file: Uint8Array): ResidenceCardRead["cardType"] {
  const tlv = readTlv(file);
  if (tlv.tag !== 0xc1) throw new ReaderError("malformed_response", "the card type file does not hold C1");
  return tlv.value[0] === 0x31
    ? "residence_card"
    : tlv.value[0] === 0x32
      ? "special_permanent_resident_certificate"
      : null;
}

/**
 * D2 (§3.3 EF内データ内容): 追記書き込み年月日 (8), 市町村コード (6), 住居地. A card with nothing written
 * on the back holds zeros or spaces. First-generation cards write the address in JIS X 0208 (two bytes
 * per character, no escapes): it is decoded as ISO-2022-JP around those bytes; UTF-8 otherwise.
 */
function addressOf(file: Uint8Array): ResidenceCardAddress | null {
  const value = valueOfTag(file, 0xd2, "address");
  const ascii = (b: Uint8Array) => Buffer.from(b).toString("latin1");
  const recordedOn = ascii(value.subarray(0, 8));
  if (!/^\d{8}$/.test(recordedOn)) return null;
  const rest = value.subarray(14);
  const end = rest.findIndex((b, i) => b === 0 && i % 2 === 0 && rest[i + 1] === 0);
  const text = end >= 0 ? rest.subarray(0, end) : rest;
  return { recordedOn, municipalityCode: ascii(value.subarray(8, 14)), address: decodeAddress(text), raw: value };
}

export function decodeAddress(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "";
  const jis = bytes.length % 2 === 0 && bytes.every((b) => b >= 0x21 && b <= 0x7e);
  try {
    if (jis) {
      const wrapped = concat(Uint8Array.of(0x1b, 0x24, 0x42), bytes, Uint8Array.of(0x1b, 0x28, 0x42));
      return new TextDecoder("iso-2022-jp", { fatal: true }).decode(wrapped);
    }
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** For the emulator and tests: a file's bytes as the card keeps them. */
export function residenceCardFile(tag: number, value: Uint8Array): Uint8Array {
  return encodeTlv(tag, value);
}
