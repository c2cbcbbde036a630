import { deflateRawSync, deflateSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, craftedPngBomb, withJpegComment } from "../../../packages/evidence/src/image/test-images.ts";
import { importInventory } from "../src/inventory/import-inventory.ts";
import { anna, draftApplication } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Hostile uploads over HTTP (issue 9, item 3): decompression bombs, a ZIP bomb, polyglots, multipart
 * bodies with hostile file names, and random CSV for the inventory import. Every answer is a
 * problem+json naming the field (or a result), never a 500, and the process stays up.
 */
let server: TestServer;
let reference: string;
let token: string;
const counted = { uploads: 0, csv: 0 };

beforeAll(async () => {
  server = await startTestServer();
  ({ reference, token } = await draftApplication(server, "prepaid-data-esim", anna));
});
afterAll(async () => {
  process.stdout.write(`hostile uploads: ${counted.uploads} uploads, ${counted.csv} CSV imports, no crash\n`);
  await server?.close();
});

async function upload(image: Buffer) {
  counted.uploads++;
  return server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "image", purpose: "document_front", image: image.toString("base64") },
  });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG within the pixel limit whose IDAT inflates to 64 MiB of zeros from a few dozen KiB. */
function inflatingPng(): Buffer {
  const width = 8192;
  const height = 8192; // 67 M pixels of 1 byte: over the 40 M limit only by the declared size
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(Buffer.alloc((width + 1) * height), { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A ZIP whose one member inflates to 256 MiB of zeros (a classic bomb), about 250 KiB on the wire. */
function zipBomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(256 * 1024 * 1024, 22);
  header.writeUInt16LE(8, 26);
  return Buffer.concat([header, Buffer.from("bomb.jpg", "latin1"), data]);
}

describe("hostile uploads", () => {
  it("refuses decompression bombs by their declared size, and a ZIP bomb by its type", async () => {
    for (const bomb of [craftedPngBomb(100_000, 100_000), craftedPngBomb(65_535, 65_535), inflatingPng()]) {
      const answer = await upload(bomb);
      expect(answer.status).toBe(422);
      expect(answer.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(answer.body)).toMatch(/image/);
    }
    const zip = await upload(zipBomb());
    expect(zip.status).toBe(422);
    expect((await server.api("GET", "/healthz")).status).toBe(200);
  });

  it("keeps only the re-encoded image of a polyglot, and refuses one that starts as HTML or PDF", async () => {
    const jpeg = await card(1600, 1000).jpeg({ quality: 90 }).toBuffer();
    const html = "<html><body><script>alert(document.cookie)</script></body></html>";
    const pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF";
    // A JPEG that is also HTML (in a comment) and carries a PDF after its end.
    const polyglot = Buffer.concat([withJpegComment(jpeg, html), Buffer.from(pdf, "latin1")]);
    const accepted = await upload(polyglot);
    expect(accepted.status).toBe(201);
    const { rows } = await server.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM evidence");
    expect(rows[0]?.n).toBeGreaterThan(0);
    // What is kept is sealed; its plain bytes come from the export, which must hold neither payload.
    const exported = await server.api("GET", `/v1/applications/${reference}/data-export`, { token });
    const dump = JSON.stringify(exported.body);
    const images = [...dump.matchAll(/"(\/9j\/[A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1] ?? "", "base64"));
    expect(images.length).toBeGreaterThan(0);
    for (const bytes of images) {
      expect(bytes.toString("latin1")).not.toContain("<script");
      expect(bytes.toString("latin1")).not.toContain("%PDF");
    }
    for (const prefix of [`${html}`, pdf]) {
      const answer = await upload(Buffer.concat([Buffer.from(prefix, "latin1"), jpeg]));
      expect(answer.status).toBe(422);
    }
  });

  it("refuses multipart bodies and file names: nothing named by the client reaches storage", async () => {
    for (const name of [
      "../../../etc/passwd",
      "a\u0000.jpg",
      "<img src=x onerror=alert(1)>.jpg",
      "CON.jpg",
      "é".repeat(5000),
    ]) {
      counted.uploads++;
      const boundary = "----jitsumei-hostile";
      const body =
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${name}"\r\n` +
        `Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\r\n--${boundary}--\r\n`;
      const multipart = await server.api("POST", `/v1/applications/${reference}/evidence`, {
        token,
        rawBody: body,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      expect(multipart.status).toBe(415);
      const named = await server.api("POST", `/v1/applications/${reference}/evidence`, {
        token,
        body: { kind: "image", purpose: "document_front", image: "", fileName: name },
      });
      expect(named.status).toBe(422);
      expect(JSON.stringify(named.body)).toMatch(/fileName/);
    }
  });

  it("answers any CSV import with a report, never an exception, importing only valid rows", async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom('=HYPERLINK("http://x")', "+1", "@SUM(1)", '"', '""', "\u0000", "\ufeff", "\r", "0".repeat(5000)),
      fc.stringMatching(/^0[789]0\d{8}$/),
    );
    const csv = fc
      .tuple(
        fc.constantFrom("msisdn", "iccid,imsi", "smdpAddress,matchingId,iccid", "", "\ufeffmsisdn", "msisdn,msisdn"),
        fc.array(fc.array(field, { maxLength: 4 }), { maxLength: 30 }),
        fc.constantFrom("\n", "\r\n", "\r"),
      )
      .map(([header, rows, eol]) => [header, ...rows.map((r) => r.join(","))].join(eol));
    const kinds = ["msisdn", "sim", "esim"] as const;
    await fc.assert(
      fc.asyncProperty(csv, fc.constantFrom(...kinds), async (text, kind) => {
        counted.csv++;
        const report = await importInventory(server.services.db, { kind, csv: text, skipInvalid: false });
        // All or nothing: a report with errors imports nothing.
        if (report.errors.length > 0) expect(report).toMatchObject({ imported: 0, rejected: true });
      }),
      { numRuns: Number(process.env.JITSUMEI_FUZZ_RUNS ?? 300) },
    );
  });
});
