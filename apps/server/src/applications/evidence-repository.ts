import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { Evidence } from "../db/schema.ts";
import type { DocumentPlacement } from "../storage/document-store.ts";

/**
 * The SQL of `evidence`: what an applicant gave, encrypted under the application's key, the ciphertext
 * in the row (content_enc) or in the object store under content_ref (docs/storage.md).
 */

export async function insertEvidence(
  tx: Queryable,
  row: { id: string; applicationId: string; kind: string; content: DocumentPlacement },
): Promise<void> {
  await tx.query(
    "INSERT INTO evidence (id, application_id, kind, content_enc, content_ref) VALUES ($1, $2, $3, $4, $5)",
    [row.id, row.applicationId, row.kind, row.content.contentEnc, row.content.contentRef],
  );
}

/** The newest piece of each kind. */
export async function listNewestEvidencePerKind(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<Evidence>, "kind" | "content_enc" | "content_ref">[]> {
  const { rows } = await db.query<Pick<Selectable<Evidence>, "kind" | "content_enc" | "content_ref">>(
    `SELECT DISTINCT ON (kind) kind, content_enc, content_ref FROM evidence WHERE application_id = $1
     ORDER BY kind, created_at DESC, id`,
    [applicationId],
  );
  return rows;
}

/** Every piece, oldest first (the applicant's data export). */
export async function listAllEvidence(
  db: Queryable,
  applicationId: string,
): Promise<Pick<Selectable<Evidence>, "id" | "kind" | "content_enc" | "content_ref" | "created_at">[]> {
  const { rows } = await db.query<
    Pick<Selectable<Evidence>, "id" | "kind" | "content_enc" | "content_ref" | "created_at">
  >(
    "SELECT id, kind, content_enc, content_ref, created_at FROM evidence WHERE application_id = $1 ORDER BY created_at, id",
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
): Promise<Pick<Selectable<Evidence>, "id" | "kind" | "content_enc" | "content_ref"> | null> {
  const { rows } = await db.query<Pick<Selectable<Evidence>, "id" | "kind" | "content_enc" | "content_ref">>(
    `SELECT id, kind, content_enc, content_ref FROM evidence WHERE application_id = $1 AND kind = ANY($2)
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [applicationId, kinds],
  );
  return rows[0] ?? null;
}
