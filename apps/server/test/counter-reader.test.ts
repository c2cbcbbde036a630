import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emulatedMyNumberCard } from "../../../packages/reader/src/test-support/emulated-my-number-card.ts";
import { emulatedResidenceCard } from "../../../packages/reader/src/test-support/emulated-residence-card.ts";
import {
  type CounterReader,
  type CounterReadRequest,
  readCard,
  startCounterReader,
} from "../src/counter-reader/counter-reader.ts";

/**
 * The counter program's door: loopback only, the console's origin only, a Host of its own (DNS
 * rebinding), and reads only for the browser that sent the code typed at the counter PC. No card is
 * involved here (counter-reader.browser.test.ts reads one through vicc): a request refused at the door
 * never reaches the reader, which this test's reader proves by failing the test if called.
 */
const origin = "http://127.0.0.1:5173";
let reader: CounterReader;
let reads = 0;
const requests: CounterReadRequest[] = [];

beforeAll(async () => {
  reader = await startCounterReader({
    origin,
    port: 0,
    read: async (request) => {
      reads++;
      requests.push(request);
      return { document: "passport", accessControl: "BAC", sod: "", dataGroups: {} };
    },
  });
});
afterAll(() => reader.close());

function call(
  path: string,
  options: { body?: unknown; origin?: string; host?: string; token?: string; method?: string },
) {
  return new Promise<{ status: number; json: Record<string, unknown> | null; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const body = options.body === undefined ? "" : JSON.stringify(options.body);
      const req = request(
        {
          host: "127.0.0.1",
          port: reader.port,
          path,
          method: options.method ?? "POST",
          headers: {
            host: options.host ?? `127.0.0.1:${reader.port}`,
            ...(options.origin === undefined ? {} : { origin: options.origin }),
            "content-type": "application/json",
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (c) => {
            text += c;
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null, headers: res.headers }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    },
  );
}

const mrz = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4"];

describe("jitsumei counter-reader", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(reader.server.address()).toMatchObject({ address: "127.0.0.1", family: "IPv4" });
  });

  it("refuses another origin, a request without one and a foreign Host; answers the console's preflight", async () => {
    expect((await call("/pair", { body: { code: "123456" }, origin: "https://evil.example" })).status).toBe(403);
    expect((await call("/pair", { body: { code: "123456" } })).status).toBe(403);
    expect((await call("/pair", { body: { code: "1" }, origin, host: "evil.example:47900" })).status).toBe(421);
    const preflight = await call("/read", { method: "OPTIONS", origin });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(origin);
    expect(preflight.headers["access-control-allow-private-network"]).toBe("true");
  });

  it("pairs once with the code typed at the counter PC; a wrong code costs the pairing; reads need the token", async () => {
    expect(await call("/pair", { body: { code: "123456" }, origin })).toMatchObject({
      status: 409,
      json: { code: "pairing_not_ready" },
    });
    reader.expectPairingCode("123456\n");
    expect(await call("/pair", { body: { code: "654321" }, origin })).toMatchObject({
      status: 403,
      json: { code: "pairing_refused", field: "code" },
    });
    // The right code after a wrong guess: the clerk must type it again.
    expect((await call("/pair", { body: { code: "123456" }, origin })).status).toBe(409);
    reader.expectPairingCode("123456");
    const paired = await call("/pair", { body: { code: "123456" }, origin });
    expect(paired.status).toBe(200);
    const token = String(paired.json?.token);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect((await call("/pair", { body: { code: "123456" }, origin })).status).toBe(409);

    expect(await call("/read", { body: { document: "passport", mrz }, origin })).toMatchObject({
      status: 401,
      json: { code: "not_paired" },
    });
    expect(await call("/read", { body: { document: "passport", mrz }, origin, token: "x".repeat(43) })).toMatchObject({
      status: 401,
    });
    expect(reads).toBe(0);
    expect(await call("/read", { body: { document: "drivers_licence", mrz }, origin, token })).toMatchObject({
      status: 400,
      json: { field: "document" },
    });
    expect(await call("/read", { body: { document: "residence_card", mrz }, origin, token })).toMatchObject({
      status: 400,
      json: { field: "cardNumber" },
    });
    const longPin = await call("/read", { body: { document: "my_number_card", pin: "12345" }, origin, token });
    expect(longPin).toMatchObject({ status: 400, json: { field: "pin" } });
    expect(JSON.stringify(longPin.json)).not.toContain("12345");
    expect(await call("/read", { body: { document: "passport", mrz: ["x"] }, origin, token })).toMatchObject({
      status: 400,
      json: { field: "mrz" },
    });
    const read = await call("/read", { body: { document: "passport", mrz }, origin, token });
    expect(read.status).toBe(200);
    expect(read.headers["access-control-allow-origin"]).toBe(origin);
    expect(reads).toBe(1);
    // What the reader is asked: the fields each card needs, the card number as printed (upper case).
    expect(
      await call("/read", { body: { document: "residence_card", cardNumber: " ab12345678cd" }, origin, token }),
    ).toMatchObject({ status: 200 });
    expect(requests.at(-1)).toEqual({ document: "residence_card", cardNumber: "AB12345678CD" });
  });
});

/**
 * The counter program's reads of the two Japanese cards, here against the spec emulators in memory
 * (packages/pcsc's pcsc-cards.test.ts reads the same emulators through pcscd and vpcd).
 */
describe("jitsumei counter-reader: residence card and My Number card", () => {
  const { chip, jpki } = inject("evidenceFixtures");
  const myNumber = "739184620575";
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const myNumberCard = emulatedMyNumberCard({
    myNumber,
    particulars: {
      name: "実名　花子",
      address: "東京都千代田区千代田一丁目1番1号",
      birthDate: "19740812",
      sexCode: "2",
    },
    cardFaceKey: key.privateKey,
    cardFacePublicKeyDer: new Uint8Array(key.publicKey.export({ format: "der", type: "spki" })),
    cardFacePin: "1234",
    jpki: { key: key.privateKey, certificate: readFileSync(jpki.certificate), signingPin: "ABC123" },
  });
  const residence = chip.residenceCards.firstGeneration;
  const residenceCard = emulatedResidenceCard({
    cardNumber: "AB12345678CD",
    front: readFileSync(residence.front),
    face: readFileSync(residence.face),
    checkCode: readFileSync(residence.checkCode),
    certificate: readFileSync(residence.certificate),
  });
  let cards: CounterReader;
  let token: string;
  beforeAll(async () => {
    cards = await startCounterReader({
      origin,
      port: 0,
      read: (request) => readCard(request.document === "my_number_card" ? myNumberCard : residenceCard, request),
    });
    cards.expectPairingCode("246810");
    const paired = await callOn(cards, "/pair", { code: "246810" });
    token = String(paired.json?.token);
  });
  afterAll(() => cards.close());

  function callOn(r: CounterReader, path: string, body: unknown, bearer?: string) {
    const before = reader;
    reader = r;
    return call(path, { body, origin, ...(bearer ? { token: bearer } : {}) }).finally(() => {
      reader = before;
    });
  }

  it("a residence card: the signed files and the photo for the console, opened with the typed card number", async () => {
    const read = await callOn(cards, "/read", { document: "residence_card", cardNumber: "AB12345678CD" }, token);
    expect(read.status, JSON.stringify(read.json)).toBe(200);
    expect(read.json).toMatchObject({ document: "residence_card", generation: 1, cardType: "residence_card" });
    expect(read.json?.face).toBe(readFileSync(residence.face).toString("base64"));
    expect(read.json?.photo).toEqual({ format: "jpeg", base64: readFileSync(residence.face).toString("base64") });
    const wrong = await callOn(cards, "/read", { document: "residence_card", cardNumber: "AB12345678CE" }, token);
    expect(wrong).toMatchObject({ status: 422, json: { code: "access_denied" } });
  });

  it("a My Number card: a wrong PIN gives the tries left, the right one the particulars; never the number or the PIN", async () => {
    const wrong = await callOn(cards, "/read", { document: "my_number_card", pin: "9876" }, token);
    expect(wrong).toMatchObject({ status: 422, json: { code: "pin_wrong", retriesLeft: 2 } });
    const read = await callOn(cards, "/read", { document: "my_number_card", pin: "1234" }, token);
    expect(read.status, JSON.stringify(read.json)).toBe(200);
    expect(read.json).toEqual({
      document: "my_number_card",
      particularsFile: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      particulars: {
        name: "実名　花子",
        address: "東京都千代田区千代田一丁目1番1号",
        birthDate: "1974-08-12",
        sex: "female",
      },
      signature: { particularsHashMatches: true, signatureValid: true },
      pinRetriesBefore: 2,
    });
    for (const answer of [wrong, read]) {
      const text = JSON.stringify(answer.json);
      for (const secret of [myNumber, "9876", "1234"]) expect(text).not.toContain(secret);
    }
  });
});
