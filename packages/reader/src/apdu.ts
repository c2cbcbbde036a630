import { hexSw, ReaderError } from "./errors.ts";

/**
 * The one thing a reader needs from the outside: send a command APDU, get the response APDU (data and
 * status word). PC/SC's SCardTransmit, Android's IsoDep.transceive and the test emulator all fit.
 */
export type Transport = (apdu: Uint8Array) => Promise<Uint8Array>;

/** ISO/IEC 7816-4 command. `ne`: bytes expected (0 none, 256 = short "00", 65536 = extended "0000"). */
export type Command = { cla: number; ins: number; p1: number; p2: number; data?: Uint8Array; ne?: number };
export type Response = { data: Uint8Array; sw: number };

/** Encodes a command, short form where it fits and extended form (ISO/IEC 7816-4 §5.1) where not. */
export function encodeCommand(command: Command): Uint8Array {
  const data = command.data ?? new Uint8Array(0);
  const ne = command.ne ?? 0;
  if (data.length > 65535 || ne > 65536) throw new RangeError("command too long for an APDU");
  const extended = data.length > 255 || ne > 256;
  const header = [command.cla, command.ins, command.p1, command.p2];
  const out: number[] = [...header];
  if (!extended) {
    if (data.length > 0) out.push(data.length, ...data);
    if (ne > 0) out.push(ne === 256 ? 0 : ne);
  } else {
    out.push(0);
    if (data.length > 0) out.push(data.length >> 8, data.length & 0xff, ...data);
    if (ne > 0) out.push((ne === 65536 ? 0 : ne) >> 8, ne & 0xff);
  }
  return Uint8Array.from(out);
}

export function parseResponse(bytes: Uint8Array): Response {
  if (!(bytes instanceof Uint8Array) || bytes.length < 2) {
    throw new ReaderError(
      "malformed_response",
      `the card answered ${bytes?.length ?? 0} bytes, fewer than a status word`,
    );
  }
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: ((bytes[n - 2] as number) << 8) | (bytes[n - 1] as number) };
}

export function expectOk(response: Response, what: string): Uint8Array {
  // 6282: end of file reached before Ne bytes (ISO/IEC 7816-4): the data returned is good.
  if (response.sw !== 0x9000 && response.sw !== 0x6282) {
    throw new ReaderError("status_word", `${what}: the card answered ${hexSw(response.sw)}`, response.sw);
  }
  return response.data;
}

/**
 * A transport that gives up after `ms`: a stalled card or reader becomes a `card_timeout` error, never a
 * hang, and a transport that throws becomes `transport_failed`.
 */
export function withTimeout(transport: Transport, ms: number): Transport {
  return async (apdu) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ReaderError("card_timeout", `no answer from the card within ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([
        transport(apdu).catch((error: unknown) => {
          if (error instanceof ReaderError) throw error;
          throw new ReaderError(
            "transport_failed",
            `the transport failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Sends commands and returns parsed responses: plain, or through secure messaging once it is set up. */
export type Channel = { send(command: Command): Promise<Response> };

export function plainChannel(transport: Transport): Channel {
  return { send: async (command) => parseResponse(await transport(encodeCommand(command))) };
}
