import { createHash } from "node:crypto";
import { entryHash, verifyAuditChain } from "../apps/server/src/audit/audit-chain.ts";
import type { Database } from "../apps/server/src/db/database.ts";
import { migrate } from "../apps/server/src/db/migrate.ts";
import { openPostgres } from "../apps/server/src/db/postgres.ts";
import { seedDemoData } from "../apps/server/src/inventory/seed-demo-data.ts";
import { createDatabase, rate, ratesSideBySide, round, table } from "./util.ts";

/** Adds rows `from`+1 … `to` of realistic shape to the applications table (encrypted columns as random bytes). */
async function fill(db: Database, from: number, to: number) {
  const batch = 50_000;
  for (let start = from; start < to; start += batch) {
    await db.query(
      `INSERT INTO applications (id, reference, plan_id, state, language, channel, form_factor, access_token_hash,
         wrapped_data_key, contact_enc, particulars_enc, document_index, identity_index, contact_index, created_at, updated_at)
       SELECT gen_random_uuid(), 'JT-G' || lpad(g::text, 9, '0'), 'prepaid-data-esim',
         (ARRAY['draft','in_review','active','rejected','sim_assigned'])[1 + g % 5], 'en', 'online', 'esim',
         sha256(g::text::bytea), gen_random_bytes(61), gen_random_bytes(80), gen_random_bytes(260),
         sha256(('doc' || g)::bytea), sha256(('id' || g)::bytea), sha256(('mail' || g)::bytea),
         now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
       FROM generate_series($1::int, $2::int) g`,
      [start + 1, Math.min(start + batch, to)],
    );
  }
  await db.query("ANALYZE applications");
}

/** The three queries with the table at `n` rows, each a function that runs it once (one round trip). */
function queries(db: Database, n: number) {
  let i = 0;
  const pick = () => 1 + ((i++ * 7919) % n);
  let offset = 0;
  const nextOffset = () => {
    offset = (offset + inDatabase) % n;
    return offset;
  };
  return {
    queue: () =>
      db.query(
        "SELECT id, reference, updated_at FROM applications WHERE state = 'in_review' ORDER BY updated_at LIMIT 20",
      ),
    lookup: () =>
      db.query("SELECT id FROM applications WHERE reference = $1", [`JT-G${String(pick()).padStart(9, "0")}`]),
    duplicate: () =>
      db.query("SELECT count(*) FROM applications WHERE document_index = sha256($1::bytea)", [
        Buffer.from(`doc${pick()}`),
      ]),
    // The same lookups, `inDatabase` of them in one statement (an index scan per row of the series):
    // the time the database spends on the query itself, without the round trip that dominates one.
    lookupInDatabase: () =>
      db.query(
        `SELECT count(x.id) FROM generate_series(0, $2::int - 1) g
         CROSS JOIN LATERAL (SELECT id FROM applications
           WHERE reference = 'JT-G' || lpad((1 + (($1::bigint + g) * 7919) % $3::int)::text, 9, '0')) x`,
        [nextOffset(), inDatabase, n],
      ),
    duplicateInDatabase: () =>
      db.query(
        `SELECT sum((SELECT count(*) FROM applications
           WHERE document_index = sha256(('doc' || (1 + (($1::bigint + g) * 7919) % $3::int))::bytea)))
         FROM generate_series(0, $2::int - 1) g`,
        [nextOffset(), inDatabase, n],
      ),
  };
}
const inDatabase = 200;

/**
 * PostgreSQL's buffer accesses per lookup by reference (EXPLAIN ANALYZE BUFFERS over `inDatabase`
 * lookups): "hit" found in shared buffers, "read" brought in from the operating system (its page
 * cache or the disk). The index depth shows in the hits; a table larger than shared_buffers in the reads.
 */
async function buffersPerLookup(db: Database, n: number) {
  const { rows } = await db.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT count(x.id) FROM generate_series(0, $2::int - 1) g
     CROSS JOIN LATERAL (SELECT id FROM applications
       WHERE reference = 'JT-G' || lpad((1 + (($1::bigint + g) * 7919) % $3::int)::text, 9, '0')) x`,
    [Math.floor(n / 3), inDatabase, n],
  );
  const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
  const first = /Buffers: shared( hit=(\d+))?( read=(\d+))?/.exec(plan);
  return {
    hit: round(Number(first?.[2] ?? 0) / inDatabase, 1),
    read: round(Number(first?.[4] ?? 0) / inDatabase, 1),
    indexScan: /Index (Only )?Scan using applications_reference_key/.test(plan),
  };
}

/**
 * The reviewer queue's first page, a lookup by reference and a duplicate check by blind index, with
 * a small and a large table in two databases measured side by side (alternating slices, so that a
 * change in the machine's load falls on both alike); and the audit chain's verification rate beside
 * plain SHA-256.
 */
export async function benchGrowth(adminUrl: string, quick: boolean) {
  const small = 10_000;
  const large = quick ? 100_000 : 1_000_000;
  const ms = quick ? 1000 : 3000;
  const open = async (rows: number) => {
    const database = await createDatabase(adminUrl, "growth");
    const db = openPostgres(database.url, { max: 2 });
    await db.query("CREATE EXTENSION IF NOT EXISTS pgcrypto");
    await migrate(db);
    await seedDemoData(db, { simsPerKind: 1 });
    const filling = performance.now();
    await fill(db, 0, rows);
    // As autovacuum would after a fill (it is off on some development servers): hint bits set and
    // the visibility map written, so that the first reads of each page do not write it out again.
    await db.query("VACUUM ANALYZE applications");
    return { database, db, fillSeconds: (performance.now() - filling) / 1000 };
  };
  const smallDb = await open(small);
  const largeDb = await open(large);
  const fillSeconds = largeDb.fillSeconds;
  const atSmall = queries(smallDb.db, small);
  const atLarge = queries(largeDb.db, large);
  const side = async (name: keyof typeof atSmall) => {
    const [s = 0, l = 0] = await ratesSideBySide(ms, [atSmall[name], atLarge[name]]);
    return { small: s, large: l };
  };
  const measured = {
    queue: await side("queue"),
    lookup: await side("lookup"),
    duplicate: await side("duplicate"),
    lookupInDatabase: await side("lookupInDatabase"),
    duplicateInDatabase: await side("duplicateInDatabase"),
  };
  const buffers = {
    small: await buffersPerLookup(smallDb.db, small),
    large: await buffersPerLookup(largeDb.db, large),
  };
  await smallDb.db.close();
  await smallDb.database.drop();
  const db = largeDb.db;
  const database = largeDb.database;

  // Audit chain: entries verified per second, beside SHA-256 over the same canonical bodies.
  const entries = quick ? 5_000 : 20_000;
  let prev: Buffer = Buffer.alloc(32);
  const rows: unknown[][] = [];
  for (let seq = 1; seq <= entries; seq++) {
    const entry = {
      seq,
      at: new Date().toISOString(),
      actor: "system",
      action: "application.transition",
      subject: `JT-${seq}`,
      data: { event: "submit", from: "draft", to: "checking", version: 1 },
    };
    const hash = entryHash(prev, entry);
    rows.push([seq, entry.at, entry.actor, entry.action, entry.subject, JSON.stringify(entry.data), prev, hash]);
    prev = hash;
  }
  await db.query("TRUNCATE audit_entries");
  for (let k = 0; k < rows.length; k += 1000) {
    const chunk = rows.slice(k, k + 1000);
    const values = chunk.map(
      (_, j) =>
        `($${j * 8 + 1}, $${j * 8 + 2}, $${j * 8 + 3}, $${j * 8 + 4}, $${j * 8 + 5}, $${j * 8 + 6}, $${j * 8 + 7}, $${j * 8 + 8})`,
    );
    await db.query(
      `INSERT INTO audit_entries (seq, at, actor, action, subject, data, prev_hash, hash) VALUES ${values.join(", ")}`,
      chunk.flat(),
    );
  }
  await db.query("UPDATE audit_head SET seq = $1, hash = $2", [entries, prev]);
  const verifyStart = performance.now();
  const verified = await verifyAuditChain(db);
  const auditRate = entries / ((performance.now() - verifyStart) / 1000);
  if (!verified.valid) throw new Error("the benchmark's audit chain does not verify");
  const body = Buffer.from(JSON.stringify(rows[0]));
  const sha = await rate(ms, () => createHash("sha256").update(prev).update(body).digest());
  await db.close();
  await database.drop();

  const ratio = (m: { small: number; large: number }) => round(m.small / m.large);
  const ratios = {
    queueFirstPage: ratio(measured.queue),
    lookupByReference: ratio(measured.lookup),
    duplicateByBlindIndex: ratio(measured.duplicate),
    lookupByReferenceInDatabase: ratio(measured.lookupInDatabase),
    duplicateByBlindIndexInDatabase: ratio(measured.duplicateInDatabase),
  };
  const row = (label: string, m: { small: number; large: number }, r: number) => [
    label,
    round(m.small, 0),
    round(m.large, 0),
    r,
  ];
  process.stdout.write(
    `${table([
      ["growth (per second)", `${small} rows`, `${large} rows`, "ratio (time large/small)"],
      row("reviewer queue, first page", measured.queue, ratios.queueFirstPage),
      row("lookup by reference", measured.lookup, ratios.lookupByReference),
      row("duplicate by blind index", measured.duplicate, ratios.duplicateByBlindIndex),
      row(`${inDatabase} lookups in one statement`, measured.lookupInDatabase, ratios.lookupByReferenceInDatabase),
      row(
        `${inDatabase} duplicate checks in one statement`,
        measured.duplicateInDatabase,
        ratios.duplicateByBlindIndexInDatabase,
      ),
    ])}\n${table([
      ["audit chain", "entries/s", "sha-256/s", "ratio"],
      ["verify", round(auditRate, 0), round(sha, 0), round(auditRate / sha, 3)],
    ])}\nbuffers per lookup by reference: ${buffers.small.hit} hit + ${buffers.small.read} read at ${small} rows, ${buffers.large.hit} hit + ${buffers.large.read} read at ${large} (index scan: ${buffers.small.indexScan && buffers.large.indexScan})\n(filled the large table, ${large} rows, in ${round(fillSeconds, 1)} s)\n`,
  );
  return {
    rows: { small, large },
    ratios,
    perSecond: Object.fromEntries(
      Object.entries(measured).map(([k, m]) => [k, { small: round(m.small, 0), large: round(m.large, 0) }]),
    ),
    statementsInDatabase: inDatabase,
    buffersPerLookup: buffers,
    audit: {
      entries,
      verifiedPerSecond: round(auditRate, 0),
      sha256PerSecond: round(sha, 0),
      ratio: round(auditRate / sha, 3),
    },
  };
}
