import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CounterReader, startCounterReader } from "../src/counter-reader/counter-reader.ts";

/**
 * The counter program's door: loopback only, the console's origin only, a Host of its own (DNS
 * rebinding), and reads only for the browser that sent the code typed at the counter PC. No card is
 * involved here (counter-reader.browser.test.ts reads one through vicc): a request refused at the door
 * never reaches the reader, which this test's reader proves by failing the test if called.
 */
const origin = "http://127.0.0.1:5173";
let reader: CounterReader;
let reads = 0;

beforeAll(async () => {
  reader = await startCounterReader({
    origin,
    port: 0,
    read: async () => {
      reads++;
      return { accessControl: "BAC", sod: "", dataGroups: {} };
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
    expect(await call("/read", { body: { document: "residence_card", mrz }, origin, token })).toMatchObject({
      status: 400,
      json: { field: "document" },
    });
    expect(await call("/read", { body: { document: "passport", mrz: ["x"] }, origin, token })).toMatchObject({
      status: 400,
      json: { field: "mrz" },
    });
    const read = await call("/read", { body: { document: "passport", mrz }, origin, token });
    expect(read.status).toBe(200);
    expect(read.headers["access-control-allow-origin"]).toBe(origin);
    expect(reads).toBe(1);
  });
});
