import { createHash, randomUUID } from "node:crypto";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";

/** The documents issued to an application, stored sealed with the SHA-256 of their exact bytes. */
export type DocumentKind = "important_matters" | "contract" | "signed_contract" | "receipt" | "reverification_letter";

export type StoredDocument = {
  id: string;
  kind: DocumentKind;
  documentNumber: string;
  language: string;
  sha256: string;
  sizeBytes: number;
  paymentId: string | null;
  createdAt: string;
};

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function storeDocument(
  tx: Queryable,
  cipher: ApplicationCipher,
  input: {
    applicationId: string;
    kind: DocumentKind;
    documentNumber: string;
    language: string;
    pdf: Buffer;
    paymentId?: string;
  },
): Promise<StoredDocument> {
  const id = randomUUID();
  const sha256 = createHash("sha256").update(input.pdf).digest();
  await tx.query(
    `INSERT INTO contract_documents (id, application_id, kind, document_number, language, sha256, size_bytes, content_enc, payment_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      input.applicationId,
      input.kind,
      input.documentNumber,
      input.language,
      sha256,
      input.pdf.length,
      cipher.encryptJson(`document:${id}`, input.pdf.toString("base64")),
      input.paymentId ?? null,
    ],
  );
  return {
    id,
    kind: input.kind,
    documentNumber: input.documentNumber,
    language: input.language,
    sha256: sha256.toString("hex"),
    sizeBytes: input.pdf.length,
    paymentId: input.paymentId ?? null,
    createdAt: new Date().toISOString(),
  };
}

type Row = {
  id: string;
  kind: DocumentKind;
  document_number: string;
  language: string;
  sha256: unknown;
  size_bytes: number;
  payment_id: string | null;
  created_at: Date;
  content_enc?: unknown;
};

function fromRow(r: Row): StoredDocument {
  return {
    id: r.id,
    kind: r.kind,
    documentNumber: r.document_number,
    language: r.language,
    sha256: toBuffer(r.sha256).toString("hex"),
    sizeBytes: Number(r.size_bytes),
    paymentId: r.payment_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listDocuments(db: Queryable, applicationId: string): Promise<StoredDocument[]> {
  const { rows } = await db.query<Row>(
    `SELECT id, kind, document_number, language, sha256, size_bytes, payment_id, created_at
     FROM contract_documents WHERE application_id = $1
     ORDER BY created_at, array_position(ARRAY['important_matters', 'contract', 'signed_contract', 'receipt'], kind), id`,
    [applicationId],
  );
  return rows.map(fromRow);
}

/** One document's exact bytes, or null. */
export async function readDocument(
  db: Queryable,
  cipher: ApplicationCipher,
  applicationId: string,
  id: string,
): Promise<{ document: StoredDocument; pdf: Buffer } | null> {
  const { rows } = await db.query<Row>("SELECT * FROM contract_documents WHERE application_id = $1 AND id = $2", [
    applicationId,
    id,
  ]);
  const r = rows[0];
  if (!r) return null;
  const pdf = Buffer.from(cipher.decryptJson<string>(`document:${r.id}`, toBuffer(r.content_enc)), "base64");
  return { document: fromRow(r), pdf };
}
