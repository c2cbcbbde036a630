import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Applications } from "../db/schema.ts";

/** The SQL of the fraud controls: counts over the applications' blind indexes and the blocklist. */

export type BlindIndexes = Pick<
  Selectable<Applications>,
  "identity_index" | "document_index" | "contact_index" | "phone_index" | "ip_index" | "device_index"
>;

export async function selectBlindIndexes(db: Queryable, applicationId: string): Promise<BlindIndexes | null> {
  const { rows } = await db.query<BlindIndexes>(
    "SELECT identity_index, document_index, contact_index, phone_index, ip_index, device_index FROM applications WHERE id = $1",
    [applicationId],
  );
  return rows[0] ?? null;
}

/** A lock per person until the transaction ends: two submissions cannot both take the last line. */
export async function lockPerson(tx: Queryable, identityIndex: Uint8Array): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended(encode($1, 'hex'), 0))", [identityIndex]);
}

/** The person's other applications holding a voice line in the given states. */
export async function countOtherVoiceLines(
  db: Queryable,
  input: { identityIndex: Uint8Array; applicationId: string; states: readonly string[] },
): Promise<number> {
  const held = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM applications a JOIN plans p ON p.id = a.plan_id
     WHERE a.identity_index = $1 AND a.id <> $2 AND a.state = ANY($3) AND 'voice' = ANY(p.services)`,
    [input.identityIndex, input.applicationId, input.states],
  );
  return held.rows[0]?.n ?? 0;
}

/** Other applications with this document under another identity. */
export async function countDocumentUnderOtherIdentity(
  db: Queryable,
  input: { documentIndex: Uint8Array; identityIndex: Uint8Array; applicationId: string },
): Promise<number> {
  const others = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM applications
     WHERE document_index = $1 AND identity_index IS NOT NULL AND identity_index <> $2 AND id <> $3`,
    [input.documentIndex, input.identityIndex, input.applicationId],
  );
  return others.rows[0]?.n ?? 0;
}

/** The kinds of live blocklist entries that match. */
export async function matchingBlocklistKinds(
  db: Queryable,
  own: Pick<BlindIndexes, "document_index" | "identity_index" | "contact_index" | "phone_index">,
): Promise<string[]> {
  const { rows } = await db.query<{ kind: string }>(
    `SELECT DISTINCT kind FROM blocklist_entries WHERE removed_at IS NULL AND (
       (kind = 'document' AND value_index = $1) OR (kind = 'identity' AND value_index = $2) OR
       (kind = 'email' AND value_index = $3) OR (kind = 'phone' AND value_index = $4))
     ORDER BY kind`,
    [own.document_index, own.identity_index, own.contact_index, own.phone_index],
  );
  return rows.map((r) => r.kind);
}

export type VelocityColumn = "contact_index" | "phone_index" | "device_index" | "ip_index";

/**
 * Every count in one statement (each on its own index): other applications created since `since`
 * with the same value, in the order of `counted`.
 */
export async function countRecentByIndexes(
  db: Queryable,
  input: { since: Date; applicationId: string; counted: readonly (readonly [VelocityColumn, unknown, ...unknown[]])[] },
): Promise<number[]> {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT ${input.counted
      .map(
        ([column], k) =>
          `(SELECT count(*)::int FROM applications WHERE ${column} = $${k + 3} AND created_at >= $1 AND id <> $2) AS n${k}`,
      )
      .join(", ")}`,
    [input.since, input.applicationId, ...input.counted.map(([, value]) => value)],
  );
  return input.counted.map((_, k) => rows[0]?.[`n${k}`] ?? 0);
}
