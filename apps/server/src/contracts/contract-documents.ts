import { createHash, randomUUID } from "node:crypto";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import {
  type ContractDocumentRow,
  insertContractDocument,
  selectContractDocument,
  selectContractDocuments,
} from "./contracts-repository.ts";

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

/**
 * Seals and stores a document in the caller's transaction. With an object store the object is
 * written first, then the row that refers to it: a transaction that then rolls back leaves an
 * unreferenced object of ciphertext under the application's key (docs/storage.md).
 */
export async function storeDocument(
  tx: Queryable,
  documents: DocumentStorage,
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
  const content = await documents.place(cipher.encryptJson(`document:${id}`, input.pdf.toString("base64")));
  await insertContractDocument(tx, {
    id,
    applicationId: input.applicationId,
    kind: input.kind,
    documentNumber: input.documentNumber,
    language: input.language,
    sha256,
    sizeBytes: input.pdf.length,
    content,
    paymentId: input.paymentId ?? null,
  });
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

type Row = ContractDocumentRow;

function fromRow(r: Row): StoredDocument {
  return {
    id: r.id,
    // The table's check holds kind to the document kinds.
    kind: r.kind as DocumentKind,
    documentNumber: r.document_number,
    language: r.language,
    sha256: toBuffer(r.sha256).toString("hex"),
    sizeBytes: Number(r.size_bytes),
    paymentId: r.payment_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listDocuments(db: Queryable, applicationId: string): Promise<StoredDocument[]> {
  return (await selectContractDocuments(db, applicationId)).map(fromRow);
}

/** One document's exact bytes, or null. */
export async function readDocument(
  db: Queryable,
  documents: DocumentStorage,
  cipher: ApplicationCipher,
  applicationId: string,
  id: string,
): Promise<{ document: StoredDocument; pdf: Buffer } | null> {
  const r = await selectContractDocument(db, applicationId, id);
  if (!r) return null;
  const pdf = Buffer.from(cipher.decryptJson<string>(`document:${r.id}`, await documents.read(r)), "base64");
  return { document: fromRow(r), pdf };
}
