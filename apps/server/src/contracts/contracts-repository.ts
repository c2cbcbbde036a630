import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { ContractDocuments } from "../db/schema.ts";
import type { DocumentPlacement } from "../storage/document-store.ts";

/**
 * The SQL of the contract's documents (`contract_documents`, sealed with the SHA-256 of their exact
 * bytes) and of the applicant's consent to them (`contract_consents`). Plain functions in the
 * caller's transaction; sealing and mapping stay with the callers.
 */

export async function insertContractDocument(
  tx: Queryable,
  document: {
    id: string;
    applicationId: string;
    kind: string;
    documentNumber: string;
    language: string;
    sha256: Buffer;
    sizeBytes: number;
    /** The sealed PDF: in the row, or an object store's key (docs/storage.md). */
    content: DocumentPlacement;
    paymentId: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO contract_documents (id, application_id, kind, document_number, language, sha256, size_bytes, content_enc, content_ref, payment_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      document.id,
      document.applicationId,
      document.kind,
      document.documentNumber,
      document.language,
      document.sha256,
      document.sizeBytes,
      document.content.contentEnc,
      document.content.contentRef,
      document.paymentId,
    ],
  );
}

export type ContractDocumentRow = Pick<
  Selectable<ContractDocuments>,
  "id" | "kind" | "document_number" | "language" | "sha256" | "size_bytes" | "payment_id" | "created_at"
>;

/** The application's documents in the order they were issued (same instant: the order of the contract's steps). */
export async function selectContractDocuments(db: Queryable, applicationId: string): Promise<ContractDocumentRow[]> {
  const { rows } = await db.query<ContractDocumentRow>(
    `SELECT id, kind, document_number, language, sha256, size_bytes, payment_id, created_at
     FROM contract_documents WHERE application_id = $1
     ORDER BY created_at, array_position(ARRAY['important_matters', 'contract', 'signed_contract', 'receipt'], kind), id`,
    [applicationId],
  );
  return rows;
}

export async function selectContractDocument(
  db: Queryable,
  applicationId: string,
  id: string,
): Promise<Selectable<ContractDocuments> | null> {
  const { rows } = await db.query<Selectable<ContractDocuments>>(
    "SELECT * FROM contract_documents WHERE application_id = $1 AND id = $2",
    [applicationId, id],
  );
  return rows[0] ?? null;
}

export async function insertContractConsent(
  tx: Queryable,
  consent: {
    applicationId: string;
    consentedAt: Date;
    language: string;
    consentTextVersion: string;
    documents: string;
    clientEnc: Buffer;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO contract_consents (application_id, consented_at, language, consent_text_version, documents, client_enc)
           VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      consent.applicationId,
      consent.consentedAt,
      consent.language,
      consent.consentTextVersion,
      consent.documents,
      consent.clientEnc,
    ],
  );
}
