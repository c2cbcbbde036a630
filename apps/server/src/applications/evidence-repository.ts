import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Evidence } from "../db/schema.ts";

/** The SQL of `evidence`: what an applicant gave, encrypted under the application's key. */

export async function insertEvidence(
  tx: Queryable,
  row: { id: string; applicationId: string; kind: string; contentEnc: Buffer },
): Promise<void> {
  await tx.query("INSERT INTO evidence (id, application_id, kind, content_enc) VALUES ($1, $2, $3, $4)", [
    row.id,
    row.applicationId,
    row.kind,
    row.contentEnc,
  ]);
}

/** The newest piece of each kind. */
export async function listNewestEvidencePerKind(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<Evidence>, "kind" | "content_enc">[]> {
  const { rows } = await db.query<Pick<Selectable<Evidence>, "kind" | "content_enc">>(
    `SELECT DISTINCT ON (kind) kind, content_enc FROM evidence WHERE application_id = $1
     ORDER BY kind, created_at DESC, id`,
    [applicationId],
  );
  return rows;
}

/** Every piece, oldest first (the applicant's data export). */
export async function listAllEvidence(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<Evidence>, "id" | "kind" | "content_enc" | "created_at">[]> {
  const { rows } = await db.query<Pick<Selectable<Evidence>, "id" | "kind" | "content_enc" | "created_at">>(
    "SELECT id, kind, content_enc, created_at FROM evidence WHERE application_id = $1 ORDER BY created_at, id",
    [applicationId],
  );
  return rows;
}

/** The kinds given, each once. */
export async function listEvidenceKinds(db: Queryable, applicationId: string): Promise<string[]> {
  const { rows } = await db.query<{ kind: string }>("SELECT DISTINCT kind FROM evidence WHERE application_id = $1", [
    applicationId,
  ]);
  return rows.map((r) => r.kind);
}

/** The kinds given after `since`, each once. */
export async function listEvidenceKindsSince(db: Queryable, applicationId: string, since: Date): Promise<string[]> {
  const { rows } = await db.query<{ kind: string }>(
    "SELECT DISTINCT kind FROM evidence WHERE application_id = $1 AND created_at > $2",
    [applicationId, since],
  );
  return rows.map((r) => r.kind);
}

/** The newest piece of any of these kinds. */
export async function selectNewestEvidenceOfKinds(
  db: Queryable,
  applicationId: string,
  kinds: readonly string[],
): Promise<Pick<Selectable<Evidence>, "id" | "kind" | "content_enc"> | null> {
  const { rows } = await db.query<Pick<Selectable<Evidence>, "id" | "kind" | "content_enc">>(
    `SELECT id, kind, content_enc FROM evidence WHERE application_id = $1 AND kind = ANY($2)
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [applicationId, kinds],
  );
  return rows[0] ?? null;
}
