import { type Channel, type Command, encodeCommand, parseResponse, type Response, type Transport } from "./apdu.ts";
import {
  aesBlock,
  aesCmac,
  aesDecrypt,
  aesEncrypt,
  des3Decrypt,
  des3Encrypt,
  pad,
  retailMac,
  sameBytes,
  unpad,
} from "./crypto.ts";
import { hexSw, ReaderError } from "./errors.ts";
import { concat, encodeTlv, readTlv } from "./tlv.ts";

export type SmCipher = "3des" | "aes";

/**
 * Secure messaging (ICAO 9303-11 §9.8): every command after BAC or PACE is encrypted (DO'87', or
 * DO'85' for an odd INS), carries its Le in DO'97' and a MAC in DO'8E' over the send sequence counter
 * (SSC) and the header; every response's MAC over SSC ‖ DO'87' ‖ DO'99' is checked before any of its
 * bytes is used. 3DES with the retail MAC (§9.8.6, BAC and PACE-3DES) or AES with CMAC (§9.8.7).
 */
export class SecureMessaging implements Channel {
  private readonly block: number;
  private readonly ssc: Uint8Array;

  constructor(
    private readonly transport: Transport,
    private readonly cipher: SmCipher,
    private readonly kEnc: Uint8Array,
    private readonly kMac: Uint8Array,
    ssc: Uint8Array,
  ) {
    this.block = cipher === "3des" ? 8 : 16;
    if (ssc.length !== this.block) throw new RangeError(`the SSC must be ${this.block} bytes`);
    this.ssc = Uint8Array.from(ssc);
  }

  async send(command: Command): Promise<Response> {
    return this.unprotect(await this.transport(this.protect(command)));
  }

  /** The protected command APDU (§9.8.4); increments the SSC. */
  protect(command: Command): Uint8Array {
    this.increment();
    const header = Uint8Array.from([command.cla | 0x0c, command.ins, command.p1, command.p2]);
    const data = command.data ?? new Uint8Array(0);
    const ne = command.ne ?? 0;
    let do87: Uint8Array = new Uint8Array(0);
    if (data.length > 0) {
      const encrypted = this.encrypt(pad(data, this.block));
      do87 = command.ins & 1 ? encodeTlv(0x85, encrypted) : encodeTlv(0x87, concat(Uint8Array.of(1), encrypted));
    }
    const le = ne === 0 ? null : ne === 256 ? [0] : ne === 65536 ? [0, 0] : ne > 256 ? [ne >> 8, ne & 0xff] : [ne];
    const do97 = le ? encodeTlv(0x97, Uint8Array.from(le)) : new Uint8Array(0);
    const mac = this.mac(concat(this.ssc, pad(header, this.block), do87, do97));
    const body = concat(do87, do97, encodeTlv(0x8e, mac));
    const extended = body.length > 255 || ne > 256;
    return encodeCommand({
      cla: header[0] as number,
      ins: command.ins,
      p1: command.p1,
      p2: command.p2,
      data: body,
      ne: extended ? 65536 : 256,
    });
  }

  /** Checks and opens a protected response (§9.8.5); increments the SSC. */
  unprotect(bytes: Uint8Array): Response {
    this.increment();
    const response = parseResponse(bytes);
    if (response.data.length === 0) {
      if (response.sw === 0x6987 || response.sw === 0x6988 || response.sw === 0x9000) {
        throw new ReaderError(
          "secure_messaging",
          `the card answered ${hexSw(response.sw)} without secure messaging`,
          response.sw,
        );
      }
      throw new ReaderError("status_word", `the card answered ${hexSw(response.sw)}`, response.sw);
    }
    let do87: Uint8Array | null = null;
    let do99: Uint8Array | null = null;
    let macOffset = -1;
    let mac: Uint8Array | null = null;
    try {
      for (let i = 0; i < response.data.length; ) {
        const tlv = readTlv(response.data, i);
        if (tlv.tag === 0x87 || tlv.tag === 0x85)
          do87 = tlv.tag === 0x87 ? tlv.value : concat(Uint8Array.of(1), tlv.value);
        else if (tlv.tag === 0x99) do99 = tlv.value;
        else if (tlv.tag === 0x8e) {
          macOffset = i;
          mac = tlv.value;
          if (tlv.end !== response.data.length) throw new Error("data after the MAC");
        } else throw new Error(`an unexpected data object ${tlv.tag.toString(16)}`);
        i = tlv.end;
      }
    } catch (error) {
      throw new ReaderError(
        "secure_messaging",
        `a protected response that cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (mac?.length !== 8) throw new ReaderError("secure_messaging", "a protected response without its MAC");
    const expected = this.mac(concat(this.ssc, response.data.subarray(0, macOffset)));
    if (!sameBytes(mac, expected))
      throw new ReaderError(
        "secure_messaging",
        "the response's MAC is wrong: the card is not the one authenticated, or the data was changed",
      );
    if (do99 && do99.length !== 2) throw new ReaderError("secure_messaging", "a DO'99' that is not a status word");
    const sw = do99 ? ((do99[0] as number) << 8) | (do99[1] as number) : response.sw;
    if (!do87) return { data: new Uint8Array(0), sw };
    const encrypted = do87.subarray(1);
    if (do87[0] !== 1 || encrypted.length === 0 || encrypted.length % this.block !== 0) {
      throw new ReaderError("secure_messaging", "an encrypted data object with a wrong padding indicator or length");
    }
    const plain = unpad(this.decrypt(encrypted));
    if (!plain) throw new ReaderError("secure_messaging", "decrypted data without its padding");
    return { data: plain, sw };
  }

  private increment() {
    for (let i = this.ssc.length - 1; i >= 0; i--) {
      this.ssc[i] = ((this.ssc[i] as number) + 1) & 0xff;
      if (this.ssc[i] !== 0) break;
    }
  }

  // §9.8.6.1 / §9.8.7.1: 3DES with IV zero; AES with IV = E(KSenc, SSC).
  private encrypt(data: Uint8Array): Uint8Array {
    return this.cipher === "3des"
      ? des3Encrypt(this.kEnc, data)
      : aesEncrypt(this.kEnc, data, aesBlock(this.kEnc, this.ssc));
  }
  private decrypt(data: Uint8Array): Uint8Array {
    return this.cipher === "3des"
      ? des3Decrypt(this.kEnc, data)
      : aesDecrypt(this.kEnc, data, aesBlock(this.kEnc, this.ssc));
  }
  private mac(data: Uint8Array): Uint8Array {
    const padded = pad(data, this.block);
    return this.cipher === "3des" ? retailMac(this.kMac, padded) : aesCmac(this.kMac, padded).subarray(0, 8);
  }
}
