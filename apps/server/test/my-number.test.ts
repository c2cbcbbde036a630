import { execFileSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PgliteDatabase } from "../src/db/pglite.ts";
import { anna, particularsOf } from "./support/journey.ts";
import { type ApiResponse, startTestServer, type TestServer } from "./support/test-server.ts";

// A well-formed Individual Number (EVIDENCE.md's example), in the forms a person might type it.
const myNumber = "621498320257";
const typed = ["621498320257", "6214 9832 0257", "6214-9832-0257"];

let server: TestServer;
let log = "";
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  server = await startTestServer({ LOG_LEVEL: "trace" }, { logStream: stream });
});
afterAll(async () => server?.close());

async function dump(): Promise<string> {
  if (server.database.url)
    return execFileSync("pg_dump", [server.database.url], { encoding: "utf8", maxBuffer: 1 << 26 });
  const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
  return (await pgDump({ pg: (server.services.db as PgliteDatabase).pglite })).text();
}

const digitsOnly = (s: string) => s.replace(/\D/g, "");

describe("the Individual Number (My Number) goes nowhere", () => {
  it("is refused in the document number of a My Number card, and appears in no answer, log, row or event", async () => {
    const created = await server.api("POST", "/v1/applications", {
      body: { planId: "prepaid-voice-sim", language: "ja", channel: "online", contact: { email: "m@example.test" } },
    });
    const reference = String(created.body.reference);
    const token = String(created.body.accessToken);
    const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1" };
    const answers: string[] = [];
    for (const number of typed) {
      const r = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
        token,
        body: {
          ...particularsOf(anna),
          address,
          document: { type: "my_number_card", number, expiryDate: "2031-08-12", issuingCountry: "JPN" },
        },
      });
      expect(r.status).toBe(422);
      expect(r.body.field).toBe("document.number");
      expect(String((r.body.errors as { reason: string }[])[0]?.reason)).toMatch(/must not be your Individual Number/);
      answers.push(JSON.stringify(r.body));
    }
    // Typed as the number of another document, it is refused too.
    const asPassport = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: { ...particularsOf(anna), address, document: { ...particularsOf(anna).document, number: myNumber } },
    });
    expect(asPassport.status).toBe(422);
    expect(asPassport.body.field).toBe("document.number");
    answers.push(JSON.stringify(asPassport.body));
    // Without the number, a My Number card is accepted.
    const ok = await server.api("PUT", `/v1/applications/${reference}/applicant`, {
      token,
      body: {
        ...particularsOf(anna),
        address,
        document: { type: "my_number_card", expiryDate: "2031-08-12", issuingCountry: "JPN" },
      },
    });
    expect(ok.status).toBe(200);
    const events = await server.api("GET", `/v1/applications/${reference}/events`, { token });

    // Nor in any other string the API accepts: a name, an address line, a phone, a query, a key;
    // typed plain, with spaces, with hyphens or in full-width digits.
    const fullWidth = "６２１４ ９８３２ ０２５７";
    const refusals: [string, Promise<ApiResponse>][] = [
      [
        "name.kanji",
        server.api("PUT", `/v1/applications/${reference}/applicant`, {
          token,
          body: { ...particularsOf(anna), name: { family: "Yamada", given: "Taro", kanji: `山田 ${typed[1]}` } },
        }),
      ],
      [
        "address.line1",
        server.api("PUT", `/v1/applications/${reference}/applicant`, {
          token,
          body: { ...particularsOf(anna), address: { ...address, line1: `千代田1-1 番号${fullWidth}` } },
        }),
      ],
      [
        "contact.phone",
        server.api("POST", "/v1/applications", {
          body: {
            planId: "prepaid-voice-sim",
            language: "ja",
            channel: "online",
            contact: { email: "n@example.test", phone: typed[2] },
          },
        }),
      ],
      ["q", server.api("GET", `/v1/plans?q=${encodeURIComponent(fullWidth)}`)],
      ["body", server.api("POST", "/v1/applications", { body: { [myNumber]: "x" } })],
    ];
    for (const [field, pending] of refusals) {
      const r = await pending;
      expect(r.status, field).toBe(422);
      expect(r.body.field, field).toBe(field);
      expect((r.body.errors as { code?: string }[])[0]?.code, field).toBe("individual_number");
      answers.push(JSON.stringify(r.body));
    }
    // Nothing of the refused requests was kept: the particulars are the ones accepted above.
    const kept = await server.api("GET", `/v1/applications/${reference}`, { token });
    expect(JSON.stringify(kept.body)).not.toContain("山田");

    expect(log).toContain(reference); // the log is really captured
    const database = await dump();
    expect(database).toContain(reference);
    for (const [where, text] of [
      ["answers", answers.join("\n")],
      ["events", JSON.stringify(events.body)],
      ["log", log],
      ["database", database],
    ] as const) {
      expect(text.includes(myNumber), `${where} holds the number`).toBe(false);
      expect(digitsOnly(text).includes(myNumber), `${where} holds the number's digits`).toBe(false);
    }
  });
});
