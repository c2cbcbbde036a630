import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/audit-chain.ts";
import { loadConfig } from "../src/config/config.ts";
import { masterKeyId } from "../src/crypto/key-management.ts";
import { rotateMasterKey, wrappedKeyColumns } from "../src/crypto/rotate-master-key.ts";
import { toBuffer } from "../src/db/database.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { createStaff } from "../src/staff/staff-accounts.ts";
import { type Person, particularsOf, somebody, td3 } from "./support/journey.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

/**
 * Master-key rotation with the servers running (docs/operating.md, "Rotating the master key"): a server on the
 * old key makes applications; a server given the new key (the old one as previous) takes over while
 * `rotateMasterKey` re-wraps in small batches and journeys go on; then a server with only the new
 * key reads everything, finds a reused passport by its blind index, and the audit chain holds.
 */
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
let database: TestDatabase;
const running: RunningServer[] = [];

function start(current: Buffer, previous: Buffer[] = []): Promise<RunningServer> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "silent",
    JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-rotation-")),
    JITSUMEI_MASTER_KEY: current.toString("base64"),
    JITSUMEI_PREVIOUS_MASTER_KEYS: previous.map((k) => k.toString("hex")).join(","),
    JITSUMEI_VELOCITY_LIMITS: "email=100000,phone=100000,device=100000,ip=100000",
    JITSUMEI_APPLICATION_LIMITS: "ip=100000,device=100000,contact=100000,review=100000",
  });
  return startServer({ config, db: database.db, demoData: true, warn: () => {} }).then((server) => {
    running.push(server);
    return server;
  });
}

async function stop(server: RunningServer): Promise<void> {
  running.splice(running.indexOf(server), 1);
  await server.stop();
}

async function call(server: RunningServer, method: string, path: string, body?: unknown, headers = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

type Made = { reference: string; token: string; person: Person };

/** A prepaid data eSIM journey up to its SIM, created with an Idempotency-Key (its answer is sealed too). */
async function journey(server: RunningServer, person = somebody()): Promise<Made & { checks: unknown }> {
  const created = await call(
    server,
    "POST",
    "/v1/applications",
    { planId: "prepaid-data-esim", language: "en", channel: "online", contact: { email: "rotate@example.test" } },
    { "idempotency-key": randomUUID() },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  const auth = { authorization: `Bearer ${token}` };
  expect(
    (await call(server, "PUT", `/v1/applications/${reference}/applicant`, particularsOf(person), auth)).status,
  ).toBe(200);
  const evidence = await call(
    server,
    "POST",
    `/v1/applications/${reference}/evidence`,
    { kind: "mrz", lines: td3(person) },
    auth,
  );
  expect(evidence.status).toBe(201);
  const submitted = await call(server, "POST", `/v1/applications/${reference}/submit`, undefined, auth);
  expect(submitted.status).toBe(200);
  return { reference, token, person, checks: submitted.body.checks };
}

async function journeys(server: RunningServer, count: number, workers: number): Promise<Made[]> {
  const made: Made[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (made.length < count) made.push(await journey(server));
    }),
  );
  return made;
}

/** Every bytea value in the schema that holds `tag` anywhere: a wrapped key the rotation missed. */
async function valuesHolding(tag: Buffer): Promise<Record<string, number>> {
  const { rows: columns } = await database.db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.data_type = 'bytea' AND t.table_type = 'BASE TABLE'`,
  );
  const found: Record<string, number> = {};
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE position($1::bytea in "${column}") > 0`,
      [tag],
    );
    if (Number(rows[0]?.n) > 0) found[`${table}.${column}`] = Number(rows[0]?.n);
  }
  return found;
}

const tagOf = (key: Buffer) => Buffer.concat([Buffer.from([2]), masterKeyId(key)]);

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  for (const server of [...running]) await stop(server);
  await database?.drop();
});

describe("master-key rotation with the servers running", () => {
  it("re-wraps every data key under the new key while journeys go on; the old key can then be dropped", async () => {
    const before = await start(oldKey);
    const early = await journeys(before, 8, 4);
    await createStaff(
      { db: database.db, keys: before.services.keys },
      { email: "rotation@example.test", displayName: "Rota", role: "reviewer", createdBy: "test" },
    );
    await before.services.jobs.drain(); // mails sealed under the old key
    expect(Object.keys(await valuesHolding(tagOf(oldKey)))).toEqual(
      expect.arrayContaining(["applications.wrapped_data_key", "mail_outbox.content_enc", "staff.totp_secret_enc"]),
    );

    // Rolling restart: the new server is up (new key, old one to read) before the old one stops.
    const during = await start(newKey, [oldKey]);
    await stop(before);
    const [rotation, meanwhile] = await Promise.all([
      rotateMasterKey({ db: database.db, keys: during.services.keys }, { batchSize: 3, actor: "test" }),
      journeys(during, 8, 3),
    ]);
    await during.services.jobs.drain();
    expect(rotation.total).toBeGreaterThanOrEqual(early.length * 2 + 2); // keys, idempotent answers, mail, TOTP, blind-index key
    expect(rotation.rewrapped).toMatchObject({ key_material: 1, applications: early.length, staff: 1 });
    // Everything was written under the new key meanwhile: a second run finds nothing left.
    expect((await rotateMasterKey({ db: database.db, keys: during.services.keys })).total).toBe(0);
    expect(await valuesHolding(tagOf(oldKey))).toEqual({});

    // The old key removed from the configuration: a server that knows only the old key cannot start,
    // one with only the new key reads everything.
    await stop(during);
    await expect(start(oldKey)).rejects.toThrow(/JITSUMEI_PREVIOUS_MASTER_KEYS/);
    const after = await start(newKey);
    for (const target of wrappedKeyColumns) {
      const { rows } = await database.db.query(
        `SELECT *, ${target.column} AS value FROM ${target.table} WHERE length(${target.column}) > 0`,
      );
      for (const row of rows) {
        const value = toBuffer(row.value);
        const wrapped = target.standalone ? value.subarray(2, 2 + value.readUInt16BE(0)) : value;
        await expect(after.services.keys.unwrapDataKey(wrapped, target.context(row))).resolves.toHaveLength(32);
      }
    }
    for (const made of [...early, ...meanwhile]) {
      const exported = await call(after, "GET", `/v1/applications/${made.reference}/data-export`, undefined, {
        authorization: `Bearer ${made.token}`,
      });
      expect(exported.status).toBe(200);
      expect(JSON.stringify(exported.body)).toContain(made.person.documentNumber);
    }
    const outbox = await call(after, "GET", "/dev/outbox");
    expect(outbox.status).toBe(200);
    expect((outbox.body.items as unknown[]).length).toBeGreaterThanOrEqual(early.length);

    // Duplicate search still finds a passport used before the rotation (same blind index).
    const first = early[0] as Made;
    const impostor = {
      ...somebody(),
      documentNumber: first.person.documentNumber,
      nationality: first.person.nationality,
    };
    const reused = await journey(after, impostor);
    const checks = reused.checks as { code: string; status: string }[];
    expect(checks.find((c) => c.code === "fraud.document_reused")?.status).toBe("review");

    expect(await verifyAuditChain(database.db)).toMatchObject({ valid: true });
    const { rows } = await database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'keys.rotated'",
    );
    expect(rows[0]?.n).toBe(2);
    process.stdout.write(
      `key rotation: ${rotation.total} wrapped keys re-wrapped (${JSON.stringify(rotation.rewrapped)}) while ` +
        `${meanwhile.length} journeys ran; ${early.length + meanwhile.length + 1} applications readable with the new key alone\n`,
    );
  });
});
