import { createHash } from "node:crypto";
import { entryHash, verifyAuditChain } from "../apps/server/src/audit/audit-chain.ts";
import type { Database } from "../apps/server/src/db/database.ts";
import { migrate } from "../apps/server/src/db/migrate.ts";
import { openPostgres } from "../apps/server/src/db/postgres.ts";
import { seedDemoData } from "../apps/server/src/inventory/seed-demo-data.ts";
import { createDatabase, rate, round, table } from "./util.ts";

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

async function measure(db: Database, n: number, ms: number) {
  let i = 0;
  const pick = () => 1 + ((i++ * 7919) % n);
  const queue = await rate(ms, () =>
    db.query(
      "SELECT id, reference, updated_at FROM applications WHERE state = 'in_review' ORDER BY updated_at LIMIT 20",
    ),
  );
  const lookup = await rate(ms, () =>
    db.query("SELECT id FROM applications WHERE reference = $1", [`JT-G${String(pick()).padStart(9, "0")}`]),
  );
  const duplicate = await rate(ms, () =>
    db.query("SELECT count(*) FROM applications WHERE document_index = sha256($1::bytea)", [
      Buffer.from(`doc${pick()}`),
    ]),
  );
  return { queue, lookup, duplicate };
}

/**
 * The reviewer queue's first page, a lookup by reference and a duplicate check by blind index, with
 * a small and a large table; and the audit chain's verification rate beside plain SHA-256.
 */
export async function benchGrowth(adminUrl: string, quick: boolean) {
  const small = 10_000;
  const large = quick ? 100_000 : 1_000_000;
  const ms = quick ? 1000 : 3000;
  const database = await createDatabase(adminUrl, "growth");
  const db = openPostgres(database.url, { max: 2 });
  await db.query("CREATE EXTENSION IF NOT EXISTS pgcrypto");
  await migrate(db);
  await seedDemoData(db, { simsPerKind: 1 });
  await fill(db, 0, small);
  const atSmall = await measure(db, small, ms);
  const filling = performance.now();
  await fill(db, small, large);
  const fillSeconds = (performance.now() - filling) / 1000;
  const atLarge = await measure(db, large, ms);

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

  const ratios = {
    queueFirstPage: round(atSmall.queue / atLarge.queue),
    lookupByReference: round(atSmall.lookup / atLarge.lookup),
    duplicateByBlindIndex: round(atSmall.duplicate / atLarge.duplicate),
  };
  process.stdout.write(
    `${table([
      ["growth (per second)", `${small} rows`, `${large} rows`, "ratio (time large/small)"],
      ["reviewer queue, first page", round(atSmall.queue, 0), round(atLarge.queue, 0), ratios.queueFirstPage],
      ["lookup by reference", round(atSmall.lookup, 0), round(atLarge.lookup, 0), ratios.lookupByReference],
      [
        "duplicate by blind index",
        round(atSmall.duplicate, 0),
        round(atLarge.duplicate, 0),
        ratios.duplicateByBlindIndex,
      ],
    ])}\n${table([
      ["audit chain", "entries/s", "sha-256/s", "ratio"],
      ["verify", round(auditRate, 0), round(sha, 0), round(auditRate / sha, 3)],
    ])}\n(filled ${large - small} rows in ${round(fillSeconds, 1)} s)\n`,
  );
  return {
    rows: { small, large },
    ratios,
    perSecond: { small: roundAll(atSmall), large: roundAll(atLarge) },
    audit: {
      entries,
      verifiedPerSecond: round(auditRate, 0),
      sha256PerSecond: round(sha, 0),
      ratio: round(auditRate / sha, 3),
    },
  };
}

function roundAll(o: Record<string, number>) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, 0)]));
}
