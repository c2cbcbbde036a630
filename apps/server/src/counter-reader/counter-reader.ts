import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  CounterRead,
  CounterReaderProblem,
  CounterReadFace as Face,
  CounterReadRequest as WireReadRequest,
} from "@jitsumei/api-contract/counter-reader";
import { faceFromDg2 } from "@jitsumei/evidence";
import { connectCard, PcscError } from "@jitsumei/pcsc";
import {
  mrzKeyFromLines,
  ReaderError,
  readMyNumberCardFace,
  readPassport,
  readResidenceCard,
  type Transport,
} from "@jitsumei/reader";

/**
 * The counter program (`jitsumei counter-reader`): on the counter PC, between the console in the
 * clerk's browser and the USB reader. It listens on loopback only, answers only the console's origin
 * (CORS, and the Host header against DNS rebinding), and only a browser paired with it: the console
 * shows a code, the clerk types it here, the console sends it once and gets a bearer token for this
 * run. It reads the chip and hands the bytes back; the console sends them to the server, whose evidence
 * engine decides (nothing here is trusted by the server). One exception: the My Number card's card-face
 * signature covers the SHA-256 of the My Number (DF31), which must go nowhere, so only this program can
 * check it; the console shows its result as this program's report. The PIN goes to the card and nowhere
 * else: no log, no answer, no error message holds it.
 */
export const COUNTER_READER_PORT = 47900;
const HOST = "127.0.0.1";
const MAX_BODY = 4096;

// The wire's request and answer types are the console's too: packages/api-contract/src/counter-reader.ts.
export type { CounterRead } from "@jitsumei/api-contract/counter-reader";

/** A read as the program runs it: the wire's request, the passport's challenge decoded from base64. */
export type CounterReadRequest =
  | { document: "passport"; mrz: string[]; challenge?: Uint8Array }
  | Exclude<WireReadRequest, { document: "passport" }>;

export type ChipReader = (request: CounterReadRequest) => Promise<CounterRead>;

export type CounterReaderOptions = {
  /** The console's origin (scheme, host, port), e.g. https://staff.example.jp. */
  origin: string;
  port?: number;
  read: ChipReader;
};

export type CounterReader = {
  server: Server;
  port: number;
  /** The code the clerk typed (the one the console shows): the next pairing must send it. */
  expectPairingCode(code: string): void;
  close(): Promise<void>;
};

/** Reads the card on the PC/SC reader (the named one, else the first holding a card). */
export function pcscChipReader(readerName?: string): ChipReader {
  return async (request) => {
    const card = await connectCard({ reader: readerName });
    try {
      return await readCard(card.transport, request);
    } finally {
      await card.close().catch(() => undefined);
    }
  };
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");

/** One read over any transport: the PC/SC card here, a test's emulator elsewhere. */
export async function readCard(transport: Transport, request: CounterReadRequest): Promise<CounterRead> {
  if (request.document === "residence_card") {
    const read = await readResidenceCard(transport, { cardNumber: request.cardNumber });
    const photo = imageFormat(read.face);
    return {
      document: "residence_card",
      generation: read.generation,
      cardType: read.cardType,
      front: b64(read.front),
      face: b64(read.face),
      checkCode: b64(read.checkCode),
      certificate: b64(read.certificate),
      ...(photo ? { photo: { format: photo, base64: b64(read.face) } } : {}),
    };
  }
  if (request.document === "my_number_card") {
    const read = await readMyNumberCardFace(transport, { pin: request.pin });
    return {
      document: "my_number_card",
      particulars: { name: read.name, address: read.address, birthDate: read.birthDate, sex: read.sex },
      particularsFile: b64(read.particularsFile),
      signature: {
        particularsHashMatches: read.signature.particularsHashMatches,
        signatureValid: read.signature.signatureValid,
      },
      pinRetriesBefore: read.pin.retriesLeft,
    };
  }
  const read = await readPassport(transport, {
    mrz: mrzKeyFromLines(request.mrz),
    ...(request.challenge ? { activeAuthenticationChallenge: request.challenge } : {}),
  });
  const aa = read.activeAuthentication;
  const dg2 = read.dataGroups[2];
  let face: Face | undefined;
  if (dg2) {
    try {
      const image = faceFromDg2(dg2);
      face = { format: image.format, base64: b64(image.bytes) };
    } catch {
      face = undefined; // the server's checks report an unreadable DG2; the photo is only shown here
    }
  }
  return {
    document: "passport",
    accessControl: read.accessControl,
    sod: b64(read.sod),
    dataGroups: Object.fromEntries(Object.entries(read.dataGroups).map(([n, bytes]) => [n, b64(bytes)])),
    ...(aa
      ? {
          activeAuthentication: {
            passed: aa.passed,
            ...(aa.reason ? { reason: aa.reason } : {}),
            ...(aa.challenge ? { challenge: b64(aa.challenge) } : {}),
            ...(aa.signature ? { signature: b64(aa.signature) } : {}),
          },
        }
      : {}),
    ...(read.chipAuthentication ? { chipAuthentication: read.chipAuthentication } : {}),
    face,
  };
}

/** The face image's coding by its first bytes: JPEG (FFD8), JPEG 2000 as a JP2 file or a codestream. */
function imageFormat(bytes: Uint8Array): Face["format"] | null {
  const head = Buffer.from(bytes.subarray(0, 12)).toString("hex");
  if (head.startsWith("ffd8")) return "jpeg";
  if (head.startsWith("0000000c6a502020") || head.startsWith("ff4fff51")) return "jpeg2000";
  return null;
}

/** The request's body, checked field by field; the PIN is checked for its form only, never echoed. */
function parseReadRequest(body: Record<string, unknown>): CounterReadRequest | Problem {
  if (body.document === "passport") {
    const lines = Array.isArray(body.mrz) ? body.mrz.filter((l): l is string => typeof l === "string") : [];
    if (lines.length < 2 || lines.length > 3) {
      return problem(400, "validation_failed", "two or three MRZ lines", "mrz");
    }
    if (body.challenge === undefined) return { document: "passport", mrz: lines };
    const challenge =
      typeof body.challenge === "string" && /^[A-Za-z0-9+/]{11}=$/.test(body.challenge)
        ? Buffer.from(body.challenge, "base64")
        : null;
    if (challenge?.length !== 8) return problem(400, "validation_failed", "8 bytes in base64", "challenge");
    return { document: "passport", mrz: lines, challenge };
  }
  if (body.document === "residence_card") {
    const cardNumber = typeof body.cardNumber === "string" ? body.cardNumber.trim().toUpperCase() : "";
    if (!/^[A-Z]{2}[0-9]{8}[A-Z]{2}$/.test(cardNumber)) {
      return problem(400, "validation_failed", "2 letters, 8 digits and 2 letters, as on the card", "cardNumber");
    }
    return { document: "residence_card", cardNumber };
  }
  if (body.document === "my_number_card") {
    const pin = typeof body.pin === "string" ? body.pin : "";
    if (!/^[0-9]{4}$/.test(pin)) return problem(400, "validation_failed", "the card-face PIN is 4 digits", "pin");
    return { document: "my_number_card", pin };
  }
  return problem(400, "validation_failed", "must be one of: passport, residence_card, my_number_card", "document");
}

type Problem = CounterReaderProblem;

export async function startCounterReader(options: CounterReaderOptions): Promise<CounterReader> {
  const origin = new URL(options.origin).origin;
  let pairingCode: string | null = null;
  let token: string | null = null;
  let reading = false;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, problem(500, "internal", error instanceof Error ? error.message : String(error)));
    });
  });

  function send(response: ServerResponse, body: Problem | object, status = 200) {
    const isProblem = "code" in body && "status" in body && "detail" in body;
    const code = isProblem ? (body as Problem).status : status;
    response.writeHead(code, {
      "content-type": isProblem ? "application/problem+json" : "application/json",
      "cache-control": "no-store",
      "access-control-allow-origin": origin,
      vary: "Origin",
    });
    response.end(JSON.stringify(isProblem ? { type: "about:blank", title: (body as Problem).code, ...body } : body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const port = (server.address() as AddressInfo).port;
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
    if (request.headers.host !== `${HOST}:${port}` && request.headers.host !== `localhost:${port}`) {
      response.writeHead(421).end();
      return;
    }
    if (request.headers.origin !== origin) {
      response.writeHead(403, { "content-type": "application/problem+json" });
      response.end(JSON.stringify({ status: 403, code: "origin_refused", detail: "only the console may ask" }));
      return;
    }
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": "content-type, authorization",
        // Chrome's Private Network Access: a console served from the network asks loopback first.
        "access-control-allow-private-network": "true",
        "access-control-max-age": "600",
        vary: "Origin",
      });
      response.end();
      return;
    }
    if (request.method !== "POST") return send(response, problem(405, "method_not_allowed", "POST only"));
    const body = await readJson(request);
    if (body === undefined) return send(response, problem(400, "malformed_request", "the body is not JSON"));

    if (request.url === "/pair") {
      const code = typeof body.code === "string" ? body.code : "";
      if (pairingCode === null) {
        return send(response, problem(409, "pairing_not_ready", "type the console's code at the counter PC first"));
      }
      if (!sameText(code, pairingCode)) {
        // One try per typed code: a guess costs the pairing, and the clerk types the code again.
        pairingCode = null;
        return send(response, problem(403, "pairing_refused", "not the code typed at the counter PC", "code"));
      }
      pairingCode = null;
      token = randomBytes(32).toString("base64url");
      return send(response, { token });
    }
    if (request.url === "/read") {
      const bearer = request.headers.authorization?.replace(/^Bearer /, "") ?? "";
      if (token === null || !sameText(bearer, token)) {
        return send(response, problem(401, "not_paired", "pair with the counter reader first"));
      }
      const readRequest = parseReadRequest(body);
      if ("status" in readRequest) return send(response, readRequest);
      if (reading) return send(response, problem(409, "reader_busy", "a read is running"));
      reading = true;
      try {
        return send(response, await options.read(readRequest));
      } catch (error) {
        if (error instanceof PcscError) return send(response, problem(503, error.code, error.message));
        if (error instanceof ReaderError) {
          // The PIN's tries left go with a wrong or blocked PIN: the customer sees them before typing again.
          const retries = error.retriesLeft === undefined ? {} : { retriesLeft: error.retriesLeft };
          return send(response, { ...problem(422, error.code, error.message), ...retries });
        }
        throw error;
      } finally {
        reading = false;
      }
    }
    return send(response, problem(404, "not_found", "no such route"));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: nothing on the network reaches the reader.
    server.listen(options.port ?? COUNTER_READER_PORT, HOST, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    expectPairingCode(code) {
      pairingCode = code.trim();
      token = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function problem(status: number, code: string, detail: string, field?: string): Problem {
  return { status, code, detail, ...(field ? { field } : {}) };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
