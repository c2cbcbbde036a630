import type { StorageConfig } from "../config/storage-config.ts";
import { type DocumentStorage, type DocumentStore, databaseDocuments, objectDocuments } from "./document-store.ts";

/**
 * Where documents go, from the configuration: an adapter module's `documentStore`, else S3 when
 * JITSUMEI_DOCUMENT_STORE=s3, else the database (choose-adapters.ts refuses both at once). The AWS
 * SDK (several MB) is loaded only when S3 is configured.
 */
export async function openDocumentStorage(
  config: StorageConfig,
  chosen: DocumentStore | undefined,
): Promise<{ documents: DocumentStorage; close(): void }> {
  if (chosen) return { documents: objectDocuments(chosen), close: () => {} };
  if (config.kind === "s3") {
    const { s3DocumentStore } = await import("./s3-document-store.ts");
    const store = s3DocumentStore(config);
    return { documents: objectDocuments(store, config.keyPrefix), close: () => store.close() };
  }
  return { documents: databaseDocuments(), close: () => {} };
}
