import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { inventoryImportCommand } from "../src/cli/inventory-commands.ts";
import type { Database } from "../src/db/database.ts";
import { migrate, migrationFiles } from "../src/db/migrate.ts";
import { openPglite } from "../src/db/pglite.ts";
import { AppError } from "../src/errors.ts";
import type { RouteInput } from "../src/http/route.ts";
import { inventoryRoutes } from "../src/http/routes/inventory-routes.ts";
import { findAssignedSim, reserveSim } from "../src/inventory/assign-sim.ts";
import { countInventory } from "../src/inventory/count-inventory.ts";
import { type ImportProgress, importInventory } from "../src/inventory/import-inventory.ts";
import { releaseLine, returnQuarantinedNumbers } from "../src/inventory/release-line.ts";
import { seedDemoData } from "../src/inventory/seed-demo-data.ts";
import type { Services } from "../src/services.ts";
import type { StaffPrincipal } from "../src/staff/staff-sessions.ts";
import { esimCsv, iccid, makeApplications, msisdnCsv, simCsv } from "./inventory-support.ts";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "./support/test-database.ts";

// One database for the file (migrating PGlite takes seconds); every test starts with empty pools.
// Audit entries stay (append-only): each test's imports name their own actor.
let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
  db = database.db;
  await migrate(db);
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  await db.exec("TRUNCATE retail_packages, sims, sim_cards, esim_profiles, phone_numbers");
});

const count = async (sql: string) => Number((await db.query<{ n: number }>(sql)).rows[0]?.n);

describe("importing stock from CSV", () => {
  it("reports every bad row with its line and reason, and imports nothing from the file", async () => {
    const good = iccid(10, 1);
    const csv = [
      "iccid,imsi",
      `${good},440100000000001`,
      `${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10},440100000000002`, // check digit
      "",
      `${iccid(10, 3)},310150000000003`, // US MCC
      `${iccid(10, 4).slice(0, 15)},440100000000004`, // too short
      `${good},440100000000005`, // same card again
      `${iccid(10, 6)},440100000000001`, // IMSI again
      `${iccid(10, 7)}`, // a field missing
      `${iccid(10, 8)},440100000000008`,
    ].join("\n");
    const report = await importInventory(db, { kind: "sim", csv });
    expect(report).toMatchObject({ kind: "sim", rows: 8, imported: 0, skipped: 8, rejected: true });
    expect(report.errors.map((e) => e.line)).toEqual([3, 5, 6, 7, 8, 9]);
    expect(report.errors.map((e) => e.reason)).toEqual([
      expect.stringMatching(/^iccid "\d+": check digit is wrong/),
      expect.stringMatching(/^imsi "310150000000003": must start with a Japanese MCC/),
      expect.stringMatching(/^iccid "\d+": must be 19 or 20 digits, not 15/),
      `iccid ${good} repeats line 2`,
      "imsi 440100000000001 repeats line 2",
      "has 1 fields, the header 2",
    ]);
    expect(await count("SELECT count(*) AS n FROM sim_cards")).toBe(0);
  });

  it("imports the valid rows with skipInvalid, still naming the bad ones, and audits the import", async () => {
    const csv = `iccid,imsi\n${iccid(10, 1)},440100000000001\n${iccid(10, 2)},44010000000000\n${iccid(10, 3)},440100000000003\n`;
    const report = await importInventory(db, { kind: "sim", csv, skipInvalid: true, actor: "test" });
    expect(report).toMatchObject({ rows: 3, imported: 2, skipped: 1, rejected: false });
    expect(report.errors).toEqual([{ line: 3, reason: 'imsi "44010000000000": must be 15 digits' }]);
    const { rows } = await db.query("SELECT iccid, imsi, status FROM sim_cards ORDER BY iccid");
    expect(rows).toEqual([
      { iccid: iccid(10, 1), imsi: "440100000000001", status: "available" },
      { iccid: iccid(10, 3), imsi: "440100000000003", status: "available" },
    ]);
    const audit = await db.query<{ actor: string; data: unknown }>(
      "SELECT actor, data FROM audit_entries WHERE action = 'inventory.imported'",
    );
    expect(audit.rows).toEqual([{ actor: "test", data: { kind: "sim", rows: 3, imported: 2, skipped: 1 } }]);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true });
  });

  it("refuses what the stock already holds: numbers, ICCIDs (cards and profiles alike) and profiles", async () => {
    await importInventory(db, { kind: "msisdn", csv: msisdnCsv("090", 3) });
    const again = await importInventory(db, { kind: "msisdn", csv: msisdnCsv("090", 3, 3) });
    expect(again.rejected).toBe(true);
    expect(again.errors).toEqual([{ line: 2, reason: "msisdn 09000000003 is already in stock" }]);
    expect(await count("SELECT count(*) AS n FROM phone_numbers")).toBe(3);

    await importInventory(db, { kind: "sim", csv: simCsv(10, 2) });
    const esim = await importInventory(db, {
      kind: "esim",
      csv: `smdpAddress,matchingId,iccid\nsmdp.example.com,A-1,${iccid(10, 2)}\nsmdp.example.com,A-2,${iccid(20, 2)}\n`,
    });
    expect(esim.errors).toEqual([{ line: 2, reason: `iccid ${iccid(10, 2)} is already in stock` }]);
    const header = "smdpAddress,matchingId,iccid";
    await importInventory(db, { kind: "esim", csv: `${header}\nSMDP.example.com,A-2,${iccid(20, 2)}\n` });
    const profile = await importInventory(db, {
      kind: "esim",
      csv: `${header}\nsmdp.example.com,A-2,${iccid(20, 3)}\n`,
    });
    expect(profile.errors).toEqual([{ line: 2, reason: "profile smdp.example.com A-2 is already in stock" }]);
  });

  it("derives a number's line type from its prefix and refuses a contradicting lineType", async () => {
    const csv = "msisdn,lineType\n07012345678,\n02012345678,data\n09012345678,data\n0601234567,\n08012345678,fax\n";
    const report = await importInventory(db, { kind: "msisdn", csv, skipInvalid: true });
    expect(report.errors).toEqual([
      { line: 4, reason: "lineType data: 090 numbers are for voice lines" },
      { line: 5, reason: 'msisdn "0601234567": must be 11 digits' },
      { line: 6, reason: 'lineType "fax": must be voice or data' },
    ]);
    const { rows } = await db.query("SELECT msisdn, line_type FROM phone_numbers ORDER BY msisdn");
    expect(rows).toEqual([
      { msisdn: "02012345678", line_type: "data" },
      { msisdn: "07012345678", line_type: "voice" },
    ]);
  });

  it("checks eSIM profiles: host name, matching ID, ICCID and the confirmation flag", async () => {
    const csv = [
      "smdpAddress,matchingId,iccid,confirmationCodeRequired",
      `smdp.example.com,ABC-1,${iccid(20, 1)},true`,
      `smdp.example.com,ABC-2,${iccid(20, 2)},`,
      `https://smdp.example.com,ABC-3,${iccid(20, 3)},`,
      `smdp.example.com,abc 4,${iccid(20, 4)},`,
      "smdp.example.com,ABC-5,123,",
      `smdp.example.com,ABC-6,${iccid(20, 6)},maybe`,
      `smdp.example.com,ABC-1,${iccid(20, 7)},`,
      "smdp.example.com,ABC-8,,",
    ].join("\n");
    const report = await importInventory(db, { kind: "esim", csv, skipInvalid: true });
    expect(report.errors.map((e) => [e.line, e.reason.split(":")[0]])).toEqual([
      [4, 'smdpAddress "https'],
      [5, 'matchingId "abc 4"'],
      [6, 'iccid "123"'],
      [7, 'confirmationCodeRequired "maybe"'],
      [8, "profile smdp.example.com ABC-1 repeats line 2"],
      [9, 'iccid ""'],
    ]);
    const { rows } = await db.query(
      "SELECT iccid, matching_id, confirmation_code_required FROM esim_profiles ORDER BY matching_id",
    );
    expect(rows).toEqual([
      { iccid: iccid(20, 1), matching_id: "ABC-1", confirmation_code_required: true },
      { iccid: iccid(20, 2), matching_id: "ABC-2", confirmation_code_required: false },
    ]);
  });

  it("refuses a file without the kind's header, at line 1, whatever skipInvalid says", async () => {
    const unknown = await importInventory(db, { kind: "sim", csv: "iccid,imsi,pin\n", skipInvalid: true });
    expect(unknown).toMatchObject({
      rejected: true,
      errors: [{ line: 1, reason: expect.stringMatching(/unknown column pin/) }],
    });
    const missing = await importInventory(db, { kind: "esim", csv: "smdpAddress,matchingId\nsmdp.example.com,A\n" });
    expect(missing.errors).toEqual([{ line: 1, reason: expect.stringMatching(/missing column iccid/) }]);
    const broken = await importInventory(db, { kind: "msisdn", csv: 'msisdn\n"07012345678\n' });
    expect(broken.errors).toEqual([{ line: 2, reason: expect.stringMatching(/not readable as CSV/) }]);
  });

  it("reads a stream, reports progress, and leaves nothing when a later batch fails", async () => {
    const progress: ImportProgress[] = [];
    const report = await importInventory(db, {
      kind: "msisdn",
      csv: Readable.from([msisdnCsv("080", 2500)]),
      onProgress: (p) => progress.push(p),
    });
    expect(report).toMatchObject({ rows: 2500, imported: 2500 });
    expect(progress).toEqual([
      { phase: "validating", rows: 1000, total: null },
      { phase: "validating", rows: 2000, total: null },
      { phase: "validating", rows: 2500, total: 2500 },
      { phase: "importing", rows: 1000, total: 2500 },
      { phase: "importing", rows: 2000, total: 2500 },
      { phase: "importing", rows: 2500, total: 2500 },
    ]);
    // A failure in the third batch (a trigger stands in for a lost connection) undoes the first two.
    await db.exec(`
      CREATE FUNCTION refuse_number() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.msisdn = '09000002400' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END; $$;
      CREATE TRIGGER refuse_number BEFORE INSERT ON phone_numbers FOR EACH ROW EXECUTE FUNCTION refuse_number();`);
    try {
      await expect(importInventory(db, { kind: "msisdn", csv: msisdnCsv("090", 2500) })).rejects.toThrow(/disk full/);
      expect(await count("SELECT count(*) AS n FROM phone_numbers WHERE msisdn LIKE '090%'")).toBe(0);
    } finally {
      await db.exec("DROP TRIGGER refuse_number ON phone_numbers; DROP FUNCTION refuse_number();");
    }
  });
});

describe("reserving a line", () => {
  it("joins a number of the line type with a SIM card or an eSIM profile, each given once", async () => {
    await importInventory(db, { kind: "sim", csv: simCsv(10, 3) });
    await importInventory(db, { kind: "msisdn", csv: msisdnCsv("070", 3) });
    await importInventory(db, { kind: "msisdn", csv: msisdnCsv("020", 3) });
    await importInventory(db, {
      kind: "esim",
      csv: `smdpAddress,matchingId,iccid,confirmationCodeRequired\nsmdp.example.com,P-1,${iccid(20, 1)},true\nsmdp.example.com,P-2,${iccid(20, 2)},\n`,
    });
    const [card, profile, data] = [
      ...(await makeApplications(db, 1, "physical")),
      ...(await makeApplications(db, 1, "esim")),
      ...(await makeApplications(db, 1, "esim")),
    ];
    if (!card || !profile || !data) throw new Error("no applications");
    const a = await db.transaction((tx) => reserveSim(tx, card, "voice"));
    const b = await db.transaction((tx) => reserveSim(tx, profile, "voice"));
    const c = await db.transaction((tx) => reserveSim(tx, data, "data"));
    expect(a).toEqual({ iccid: iccid(10, 1), msisdn: "07000000001", formFactor: "physical", activationCode: null });
    expect(b).toEqual({
      iccid: iccid(20, 1),
      msisdn: "07000000002",
      formFactor: "esim",
      activationCode: "LPA:1$smdp.example.com$P-1$$1",
    });
    expect(c).toMatchObject({ msisdn: "02000000001", activationCode: "LPA:1$smdp.example.com$P-2" });
    expect(await findAssignedSim(db, profile.id)).toMatchObject({ msisdn: "07000000002", status: "assigned" });
    expect(await countInventory(db)).toEqual({
      simCards: { available: 2, packaged: 0, assigned: 1, retired: 0 },
      esimProfiles: { available: 0, packaged: 0, assigned: 2, released: 0 },
      phoneNumbers: {
        voice: { available: 1, assigned: 2, quarantined: 0 },
        data: { available: 2, assigned: 1, quarantined: 0 },
      },
      lines: { assigned: 3, active: 0, released: 0 },
    });
  });

  it("answers null when a pool is empty, and takes nothing from the other", async () => {
    const [first, second] = await makeApplications(db, 2, "physical");
    if (!first || !second) throw new Error("no applications");
    await importInventory(db, { kind: "msisdn", csv: msisdnCsv("090", 1) });
    expect(await db.transaction((tx) => reserveSim(tx, first, "voice"))).toBeNull(); // no card
    expect(await db.transaction((tx) => reserveSim(tx, first, "data"))).toBeNull(); // no data number
    expect((await countInventory(db)).phoneNumbers.voice.available).toBe(1);
    await importInventory(db, { kind: "sim", csv: simCsv(10, 2) });
    expect(await db.transaction((tx) => reserveSim(tx, first, "voice"))).not.toBeNull();
    expect(await db.transaction((tx) => reserveSim(tx, second, "voice"))).toBeNull(); // no number
    expect((await countInventory(db)).simCards.available).toBe(1);
    expect(await count("SELECT count(*) AS n FROM sims")).toBe(1);
  });
});

describe("releasing a line", () => {
  it("quarantines the number until now + quarantineDays, retires the card, releases the profile", async () => {
    await importInventory(db, { kind: "sim", csv: simCsv(10, 2) });
    await importInventory(db, { kind: "esim", csv: esimCsv(2) });
    await importInventory(db, { kind: "msisdn", csv: msisdnCsv("070", 2) });
    const [card, profile, later] = await makeApplications(db, 3);
    if (!card || !profile || !later) throw new Error("no applications");
    const asCard = { ...card, formFactor: "physical" as const };
    const asProfile = { ...profile, formFactor: "esim" as const };
    const cardLine = await db.transaction((tx) => reserveSim(tx, asCard, "voice"));
    await db.transaction((tx) => reserveSim(tx, asProfile, "voice"));

    const now = new Date("2026-04-01T00:00:00Z");
    const released = await db.transaction((tx) => releaseLine(tx, card.id, { now, quarantineDays: 30 }));
    expect(released).toEqual({ msisdn: cardLine?.msisdn, quarantinedUntil: new Date("2026-05-01T00:00:00Z") });
    expect(await db.transaction((tx) => releaseLine(tx, card.id, { now, quarantineDays: 30 }))).toBeNull();
    await db.transaction((tx) => releaseLine(tx, profile.id, { now, quarantineDays: 30 }));
    expect(await countInventory(db)).toMatchObject({
      simCards: { available: 1, assigned: 0, retired: 1 },
      esimProfiles: { available: 1, assigned: 0, released: 1 },
      phoneNumbers: { voice: { available: 0, assigned: 0, quarantined: 2 } },
      lines: { assigned: 0, released: 2 },
    });
    // In quarantine, the numbers are not handed out.
    expect(await db.transaction((tx) => reserveSim(tx, { ...later, formFactor: "physical" }, "voice"))).toBeNull();

    expect(await returnQuarantinedNumbers(db, new Date("2026-04-30T23:59:59Z"))).toEqual({ returned: 0 });
    expect(await returnQuarantinedNumbers(db, new Date("2026-05-01T00:00:00Z"))).toEqual({ returned: 2 });
    expect(await returnQuarantinedNumbers(db, new Date("2026-05-02T00:00:00Z"))).toEqual({ returned: 0 });
    // Back in the pool: a new line may take the number again, never the retired card.
    const reused = await db.transaction((tx) => reserveSim(tx, { ...later, formFactor: "physical" }, "voice"));
    expect(reused?.msisdn).toBe(cardLine?.msisdn);
    expect(reused?.iccid).not.toBe(cardLine?.iccid);
    expect(await count("SELECT count(*) AS n FROM sims WHERE msisdn = '07000000001'")).toBe(2);
  });

  it("refuses a quarantine that is not a whole number of days", async () => {
    await expect(
      db.transaction((tx) =>
        releaseLine(tx, "00000000-0000-0000-0000-000000000000", { now: new Date(), quarantineDays: -1 }),
      ),
    ).rejects.toThrow(RangeError);
  });
});

describe("migration 0011", () => {
  it("moves the old sims rows into the pools and keeps held ones as lines", async () => {
    // A database as it was before 0011, with stock and lines in the old one-table shape.
    const old = await createTestDatabase();
    try {
      await old.db.transaction(async (tx) => {
        await tx.exec(
          "CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
        );
        for (const file of migrationFiles().filter((f) => f < "0011")) {
          await tx.exec(readFileSync(join(import.meta.dirname, "..", "migrations", file), "utf8"));
          await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [file]);
        }
      });
      const [assigned, active] = await makeApplications(old.db, 2);
      if (!assigned || !active) throw new Error("no applications");
      await old.db.query(
        `INSERT INTO sims (iccid, msisdn, form_factor, line_type, activation_code, status, application_id, assigned_at) VALUES
         ($1, '07010000001', 'physical', 'voice', NULL, 'available', NULL, NULL),
         ($2, '02040000001', 'esim', 'data', 'LPA:1$smdp.jitsumei.localhost$00000014-DEMO-0000', 'available', NULL, NULL),
         ($3, '02040000002', 'esim', 'data', 'LPA:1$smdp.example.com$CC-1$$1', 'assigned', $6, now()),
         ($4, '07010000002', 'physical', 'voice', NULL, 'active', $7, now()),
         ($5, '09099999999', 'physical', 'voice', NULL, 'quarantined', NULL, NULL)`,
        [iccid(10, 1), iccid(13, 1), iccid(13, 2), iccid(10, 2), iccid(10, 3), assigned.id, active.id],
      );
      expect((await migrate(old.db)).applied).toContain("0011_inventory.sql");

      const pools = await old.db.query(
        `SELECT 'card' AS kind, iccid, status, NULL AS extra FROM sim_cards
         UNION ALL SELECT 'profile', iccid, status, smdp_address || ' ' || matching_id || ' ' || confirmation_code_required FROM esim_profiles
         UNION ALL SELECT 'number', msisdn, status, line_type FROM phone_numbers ORDER BY 1, 2`,
      );
      expect(pools.rows).toEqual([
        { kind: "card", iccid: iccid(10, 1), status: "available", extra: null },
        { kind: "card", iccid: iccid(10, 2), status: "assigned", extra: null },
        { kind: "card", iccid: iccid(10, 3), status: "retired", extra: null },
        { kind: "number", iccid: "02040000001", status: "available", extra: "data" },
        { kind: "number", iccid: "02040000002", status: "assigned", extra: "data" },
        { kind: "number", iccid: "07010000001", status: "available", extra: "voice" },
        { kind: "number", iccid: "07010000002", status: "assigned", extra: "voice" },
        { kind: "number", iccid: "09099999999", status: "quarantined", extra: "voice" },
        {
          kind: "profile",
          iccid: iccid(13, 1),
          status: "available",
          extra: "smdp.jitsumei.localhost 00000014-DEMO-0000 false",
        },
        { kind: "profile", iccid: iccid(13, 2), status: "assigned", extra: "smdp.example.com CC-1 true" },
      ]);
      // The held lines read as before, for activation, the record and the applicant's view.
      expect(await findAssignedSim(old.db, assigned.id)).toEqual({
        iccid: iccid(13, 2),
        msisdn: "02040000002",
        formFactor: "esim",
        activationCode: "LPA:1$smdp.example.com$CC-1$$1",
        status: "assigned",
      });
      expect(await findAssignedSim(old.db, active.id)).toMatchObject({ msisdn: "07010000002", status: "active" });
      expect(await old.db.query("SELECT count(*)::int AS n FROM sims")).toMatchObject({ rows: [{ n: 2 }] });
      // The moved stock is reserved like any other, and the seed adds only what was not there.
      const [next] = await makeApplications(old.db, 1, "esim");
      if (!next) throw new Error("no application");
      const line = await old.db.transaction((tx) => reserveSim(tx, next, "data"));
      expect(line).toEqual({
        iccid: iccid(13, 1),
        msisdn: "02040000001",
        formFactor: "esim",
        activationCode: "LPA:1$smdp.jitsumei.localhost$00000014-DEMO-0000",
      });
      // Four of the seed's eight cards and profiles were moved over from the old table.
      expect(await seedDemoData(old.db, { simsPerKind: 2 })).toMatchObject({ simsInserted: 4 });
    } finally {
      await old.drop();
    }
  });
});

describe("the staff routes and the CLI command", () => {
  const route = (path: string, method: string) => {
    const r = inventoryRoutes.find((x) => x.path === path && x.method === method);
    if (!r) throw new Error(`no route ${method} ${path}`);
    return r;
  };
  const admin: StaffPrincipal = {
    id: "s-1",
    email: "admin@operator.test",
    displayName: "Admin",
    role: "admin",
    mustChangePassword: false,
    csrfToken: "csrf",
    sessionHash: Buffer.alloc(32),
  };
  const input = (body: unknown): RouteInput<unknown, unknown, unknown> => ({
    params: undefined,
    query: undefined,
    body,
    application: null,
    rawBody: null,
    headers: {},
    staff: admin,
    subscriber: null,
    client: { ip: "127.0.0.1", userAgent: null, deviceId: null },
  });

  it("count the stock, import a good file, and answer 422 naming each bad line", async () => {
    const services = { db } as Services;
    for (const r of inventoryRoutes) expect(r).toMatchObject({ auth: "staff", permission: "inventory.manage" });
    const post = route("/v1/staff/inventory/import", "POST");
    expect(post.bodyLimit).toBe(10 * 1024 * 1024);
    const ok = await post.handler(input({ kind: "msisdn", csv: msisdnCsv("090", 2), skipInvalid: false }), services);
    expect(ok).toMatchObject({ status: 200, body: { imported: 2, rejected: false } });
    const bad = post.handler(
      input({ kind: "msisdn", csv: "msisdn\n09000000009\n123\n", skipInvalid: false }),
      services,
    );
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({
      code: "validation_failed",
      extra: { errors: [{ field: "csv line 3", reason: 'msisdn "123": must be 11 digits' }] },
    });
    const counts = await route("/v1/staff/inventory", "GET").handler(input(undefined), services);
    expect(counts).toMatchObject({ status: 200, body: { phoneNumbers: { voice: { available: 2 } } } });
    const audit = await db.query(
      "SELECT actor FROM audit_entries WHERE action = 'inventory.imported' AND actor LIKE 'staff:%'",
    );
    expect(audit.rows).toEqual([{ actor: "staff:s-1" }]);
  });

  it("`inventory import` prints every bad line on stderr and exits 1, or imports with --skip-invalid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jitsumei-inventory-"));
    const file = join(dir, "cards.csv");
    writeFileSync(file, `${simCsv(10, 2).trimEnd()}\n${iccid(10, 9)},99\n`);
    const saved = { ...process.env };
    // The command opens the database from the environment, as `jitsumei` does.
    process.env.JITSUMEI_DATA_DIR = dir;
    if (database.url) process.env.DATABASE_URL = database.url;
    else {
      const embedded = await openPglite(join(dir, "pglite"));
      await migrate(embedded);
      await embedded.close();
    }
    const run = async (args: string[]) => {
      const io = { out: [] as string[], err: [] as string[] };
      const code = await inventoryImportCommand(args, {
        out: (s) => io.out.push(s),
        err: (s) => io.err.push(s),
        stdin: async () => "",
      });
      return { code, ...io };
    };
    try {
      const refused = await run(["--kind", "sim", file]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`${file}: line 4: imsi "99": must be 15 digits`);
      expect(JSON.parse(refused.out.join(""))).toMatchObject({ rows: 3, imported: 0, errors: 1, rejected: true });
      const skipped = await run(["--kind", "sim", file, "--skip-invalid"]);
      expect(skipped.code).toBe(0);
      expect(skipped.err).toContain("importing: 2 of 2 rows");
      expect(JSON.parse(skipped.out.join(""))).toMatchObject({ imported: 2, skipped: 1, errors: 1, rejected: false });
      await expect(run(["--kind", "card", file])).rejects.toThrow(/--kind sim\|msisdn\|esim/);
      await expect(run(["--kind", "sim"])).rejects.toThrow(/exactly one FILE/);
    } finally {
      process.env = saved;
    }
    // The command's database (embedded: its own folder) holds the two good cards.
    const used = testDatabaseKind === "postgres" ? db : await openPglite(join(dir, "pglite"));
    try {
      expect((await used.query("SELECT iccid FROM sim_cards ORDER BY iccid")).rows).toEqual([
        { iccid: iccid(10, 1) },
        { iccid: iccid(10, 2) },
      ]);
    } finally {
      if (used !== db) await used.close();
    }
  });
});
