import { decryptStandaloneJson, encryptStandaloneJson } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { listUnsealedRequests, sealRequestAuthority } from "./police-repository.ts";

/** Who asked, sealed: the requesting authority and its own reference (issue #21, finding 5). */
export type PoliceAuthority = { authority: string; authorityReference: string };

const context = (id: string) => `police:${id}`;

export function sealPoliceAuthority(keys: KeyManagement, id: string, value: PoliceAuthority): Promise<Buffer> {
  return encryptStandaloneJson(keys, context(id), value);
}

export function openPoliceAuthority(keys: KeyManagement, id: string, sealed: unknown): Promise<PoliceAuthority> {
  return decryptStandaloneJson<PoliceAuthority>(keys, context(id), toBuffer(sealed));
}

/**
 * Seals the rows written in plain text before migration 0031 and clears their plain columns; run at
 * every start (a no-op once done). Each row moves in its own statement, guarded on the plain value
 * it read, so two servers starting at once never seal one row twice.
 */
export async function sealPlainPoliceRequests(db: Database, keys: KeyManagement): Promise<number> {
  const rows = await listUnsealedRequests(db);
  let moved = 0;
  for (const row of rows) {
    const sealed = await sealPoliceAuthority(keys, row.id, {
      authority: row.authority,
      authorityReference: row.authority_reference,
    });
    moved += await sealRequestAuthority(db, row.id, sealed);
  }
  return moved;
}
