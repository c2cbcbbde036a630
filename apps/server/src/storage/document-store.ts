import { randomUUID } from "node:crypto";
import { toBuffer } from "../db/database.ts";

/**
 * The object store port (adapters.ts: `documentStore`; docs/storage.md). Keys are opaque and name no
 * person; the bytes are ciphertext already, sealed under the application's data key by the caller, so
 * the store never sees a document in the clear and destroying the key (crypto-shredding) makes every
 * copy unreadable, backups and stray objects included.
 */
export type DocumentStore = {
  put(key: string, ciphertext: Buffer): Promise<void>;
  /** Null when no object has the key. */
  get(key: string): Promise<Buffer | null>;
  /** Succeeds when no object has the key (a retried delete). */
  delete(key: string): Promise<void>;
};

/** Where a document's ciphertext went: into its row (content_enc) or to the store under a key (content_ref). */
export type DocumentPlacement = { contentEnc: Buffer; contentRef: null } | { contentEnc: null; contentRef: string };

/** A row that holds a document: exactly one of the two is set (the tables' check, migration 0047). */
export type DocumentColumns = { content_enc: unknown; content_ref: string | null };

/**
 * The server's side of the port: where new documents go, and how any row's document is read back
 * (rows written before an object store was configured keep their ciphertext in content_enc).
 */
export type DocumentStorage = {
  readonly kind: "database" | "object";
  /** Call before inserting the row (an object is written before the row that refers to it). */
  place(ciphertext: Buffer): Promise<DocumentPlacement>;
  read(row: DocumentColumns): Promise<Buffer>;
  /** Deletes one object (the queue's sweep calls it: storage/delete-queued-objects.ts). */
  deleteObject(ref: string): Promise<void>;
};

export class DocumentUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocumentUnavailableError";
  }
}

/**
 * The default: the ciphertext stays in the row, written in the caller's transaction, so a rollback
 * leaves nothing behind (today's behaviour, no migration of data).
 */
export function databaseDocuments(): DocumentStorage {
  return {
    kind: "database",
    place: async (ciphertext) => ({ contentEnc: ciphertext, contentRef: null }),
    read: async (row) => {
      if (row.content_enc != null) return toBuffer(row.content_enc);
      throw new DocumentUnavailableError(
        "this document is kept in an object store, and none is configured (JITSUMEI_DOCUMENT_STORE)",
      );
    },
    deleteObject: async () => {
      throw new DocumentUnavailableError("no object store is configured (JITSUMEI_DOCUMENT_STORE)");
    },
  };
}

/**
 * New documents go to `store` under `keyPrefix` + a random UUID: the key says nothing about the
 * person, the application or the kind of document. Rows from before keep being read from the row.
 */
export function objectDocuments(store: DocumentStore, keyPrefix = ""): DocumentStorage {
  return {
    kind: "object",
    place: async (ciphertext) => {
      const key = `${keyPrefix}${randomUUID()}`;
      await store.put(key, ciphertext);
      return { contentEnc: null, contentRef: key };
    },
    read: async (row) => {
      if (row.content_enc != null) return toBuffer(row.content_enc);
      if (row.content_ref == null) throw new DocumentUnavailableError("the row holds no document");
      const bytes = await store.get(row.content_ref);
      if (!bytes) throw new DocumentUnavailableError("the document's object is missing from the store");
      return bytes;
    },
    deleteObject: (ref) => store.delete(ref),
  };
}
