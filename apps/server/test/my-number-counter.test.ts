import { execFileSync } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { PassThrough } from "node:stream";
import { isIndividualNumber } from "@jitsumei/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ViccCard } from "../../../packages/pcsc/src/test-support/vicc.ts";
import { usePcscAlone } from "../../../packages/pcsc/src/test-support/vicc.ts";
import { startVpcdCard } from "../../../packages/pcsc/src/test-support/vpcd-card.ts";
import {
  type EmulatedMyNumberCard,
  emulatedMyNumberCard,
} from "../../../packages/reader/src/test-support/emulated-my-number-card.ts";
import { type CounterReader, pcscChipReader, startCounterReader } from "../src/counter-reader/counter-reader.ts";
import type { PgliteDatabase } from "../src/db/pglite.ts";
import { particularsOf, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

usePcscAlone();

/**
 * The My Number card read at the counter, end to end: our card-face emulator holding a well-formed
 * Individual Number, on vsmartcard's virtual reader; the counter program reads it through pcscd; its
 * answer goes to the server as `my_number_card_face` evidence; the application is submitted and viewed.
 * Then every answer (the counter program's and the server's), the server's log at trace level and a
 * pg_dump of the database are searched for the number as text, as ASCII in hex, in base64 (at each of
 * base64's three alignments) and as the SHA-256 the card's signature file holds. None may hold it.
 */
const { jpki } = inject("evidenceFixtures");
const myNumber = "739184620575";
const pin = "4071";

/** Every form the number could take in text: digits, ASCII hex, base64 at 3 offsets, its SHA-256. */
function formsOf(number: string): string[] {
  const ascii = Buffer.from(number, "ascii");
  const hash = createHash("sha256").update(ascii).digest();
  const base64At = (offset: number) => {
    // The number after `offset` other bytes: the base64 characters that depend on its bytes alone.
    const text = Buffer.concat([Buffer.alloc(offset, 0x20), ascii]).toString("base64");
    const start = Math.ceil((offset * 4) / 3) + (offset % 3 === 0 ? 0 : 1);
    return text.slice(start, start + 12);
  };
  return [
    number,
    ascii.toString("hex"),
    ascii.toString("hex").toUpperCase(),
    base64At(0),
    base64At(1),
    base64At(2),
    hash.toString("hex"),
    hash.toString("base64"),
  ];
}
const holds = (text: string) => formsOf(myNumber).filter((form) => text.includes(form));

let server: TestServer;
let log = "";
let card: ViccCard;
let emulator: EmulatedMyNumberCard;
let reader: CounterReader;
let clerk: StaffClient;
let admin: StaffClient;
let reviewer: StaffClient;

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  server = await startTestServer({ LOG_LEVEL: "trace" }, { logStream: stream });
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 });
  emulator = emulatedMyNumberCard({
    myNumber,
    particulars: {
      name: "実名　花子",
      address: "東京都千代田区千代田一丁目1番1号",
      birthDate: "19740812",
      sexCode: "2",
    },
    cardFaceKey: key.privateKey,
    cardFacePublicKeyDer: new Uint8Array(key.publicKey.export({ format: "der", type: "spki" })),
    cardFacePin: pin,
    jpki: { key: key.privateKey, certificate: readFileSync(jpki.certificate), signingPin: "ABC123" },
  });
  card = await startVpcdCard(emulator);
  reader = await startCounterReader({ origin: server.url, port: 0, read: pcscChipReader(card.readerName) });
  [clerk, admin, reviewer] = [
    await signInAs(server, "clerk"),
    await signInAs(server, "admin"),
    await signInAs(server, "reviewer"),
  ];
}, 60_000);
afterAll(async () => {
  await reader?.close();
  await card?.stop();
  await server?.close();
});

async function dump(): Promise<string> {
  if (server.database.url)
    return execFileSync("pg_dump", [server.database.url], { encoding: "utf8", maxBuffer: 1 << 26 });
  const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
  return (await pgDump({ pg: (server.services.db as PgliteDatabase).pglite })).text();
}

/** A call to the counter program as the console makes it (its origin, the program's Host). */
function counter(path: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: reader.port,
        path,
        method: "POST",
        headers: {
          host: `127.0.0.1:${reader.port}`,
          origin: new URL(server.url).origin,
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

describe("the My Number card at the counter", () => {
  it("the scan finds the number in each form it looks for (the search itself works)", () => {
    expect(isIndividualNumber(myNumber)).toBe(true);
    const blob = (prefix: number) =>
      Buffer.concat([Buffer.alloc(prefix, 7), Buffer.from(myNumber), Buffer.alloc(5, 9)]).toString("base64");
    for (const prefix of [0, 1, 2, 3, 4]) expect(holds(blob(prefix)), `base64 after ${prefix} bytes`).not.toEqual([]);
    expect(holds(`x${Buffer.from(myNumber).toString("hex")}y`)).not.toEqual([]);
    expect(holds(`DF31 ${createHash("sha256").update(myNumber).digest("hex")}`)).not.toEqual([]);
  });

  it("is read, recorded and submitted, and the number is in no answer, log line or dumped row", async () => {
    const answers: string[] = [];
    const batch = await admin.api("POST", "/v1/staff/package-batches", {
      body: { planId: "prepaid-voice-sim", channel: "airport", count: 1 },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const csv = await fetch(`${server.url}/v1/staff/package-batches/${batch.body.batchId}/packages.csv`, {
      headers: { cookie: admin.cookie },
    });
    const code = (await csv.text()).split("\n")[1]?.split(",")[1] ?? "";
    const sale = await clerk.api("POST", "/v1/staff/counter/sales", {
      body: { code, language: "ja", contact: { email: "hanako@example.test" } },
    });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    const reference = String(sale.body.reference);
    const token = String(sale.body.accessToken);
    answers.push(JSON.stringify(sale.body));

    // Pair, a wrong PIN (the tries left come back), then the customer's PIN.
    reader.expectPairingCode("135790");
    const paired = await counter("/pair", { code: "135790" });
    expect(paired.status).toBe(200);
    const bearer = String(JSON.parse(paired.text).token);
    const wrong = await counter("/read", { document: "my_number_card", pin: "0000" }, bearer);
    expect(wrong.status).toBe(422);
    expect(JSON.parse(wrong.text)).toMatchObject({ code: "pin_wrong", retriesLeft: 2 });
    const read = await counter("/read", { document: "my_number_card", pin }, bearer);
    expect(read.status, read.text).toBe(200);
    answers.push(wrong.text, read.text);
    const counterRead = JSON.parse(read.text) as { particularsFile: string; signature: { signatureValid: boolean } };
    expect(counterRead.signature.signatureValid).toBe(true);
    // EF 0001 was never selected over PC/SC.
    expect(emulator.commands.some((c) => c[1] === 0xa4 && c[2] === 0x02 && c[5] === 0x00 && c[6] === 0x01)).toBe(false);

    // The console's next steps: the particulars (a My Number card has no other number), the evidence.
    const person = somebody();
    const applicant = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: {
        ...particularsOf(person),
        nationality: "JPN",
        address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" },
        document: { type: "my_number_card", expiryDate: "2034-08-12", issuingCountry: "JPN" },
      },
    });
    expect(applicant.status, JSON.stringify(applicant.body)).toBe(200);
    const evidence = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "my_number_card_face", particulars: counterRead.particularsFile, cardSignature: "valid" },
    });
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
    expect(evidence.body.kind).toBe("my_number_card_face");
    const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const view = await reviewer.api("GET", `/v1/staff/applications/${reference}`);
    expect(view.status).toBe(200);
    expect((view.body.evidence as { kind: string }[]).map((e) => e.kind)).toContain("my_number_card_face");
    answers.push(...[applicant, evidence, submitted, view].map((r) => JSON.stringify(r.body)));

    for (const [what, text] of [
      ["answers", answers.join("\n")],
      ["log", log],
      ["pg_dump", await dump()],
    ] as const) {
      expect(text.length, what).toBeGreaterThan(0);
      expect(holds(text), what).toEqual([]);
    }
    // The log saw the evidence being added (it is the log of this flow, not an empty one).
    expect(log).toContain(`/v1/applications/${reference}/evidence`);
  }, 60_000);

  it("a card-face file that is not one is refused with the field named, and nothing is stored", async () => {
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-voice-sim", language: "ja", channel: "online", contact: { email: "x@example.test" } },
    });
    const refused = await server.api("POST", `/v1/applications/${created.body.reference}/evidence`, {
      token: String(created.body.accessToken),
      body: {
        kind: "my_number_card_face",
        particulars: Buffer.from("not FF20").toString("base64"),
        cardSignature: "valid",
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "evidence_invalid", field: "particulars" });
  });
});
