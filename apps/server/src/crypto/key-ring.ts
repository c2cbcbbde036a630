import type { Config } from "../config/config.ts";
import { type Queryable, toBuffer } from "../db/database.ts";
import { initialBlindIndexKey, type KeyManagement, localKeyManagement } from "./key-management.ts";
import { findKeyMaterial, insertKeyMaterialOnce } from "./key-material-repository.ts";
import { loadOrCreateMasterKey } from "./master-key.ts";

const BLIND_INDEX = "blind-index";
export const keyMaterialContext = (purpose: string) => `key-material:${purpose}`;

/**
 * The server's keys: the master key and the previous ones from the configuration, and the
 * blind-index key from the database. The blind-index key is derived once from the master key of a
 * database's first start (as every index before it was stored) and kept wrapped in `key_material`;
 * a rotation re-wraps it like any data key, so indexes made years ago still match new ones after the
 * first master key is gone. The database must be migrated.
 */
export async function openKeyManagement(
  db: Queryable,
  masterKey: Buffer,
  previous: readonly Buffer[] = [],
): Promise<KeyManagement> {
  const ring = localKeyManagement(masterKey, { previous });
  const context = keyMaterialContext(BLIND_INDEX);
  // Two processes starting on a new database derive the same key; one insert wins.
  await insertKeyMaterialOnce(db, BLIND_INDEX, await ring.wrapDataKey(initialBlindIndexKey(masterKey), context));
  const blindIndexKey = await ring.unwrapDataKey(toBuffer(await findKeyMaterial(db, BLIND_INDEX)), context);
  return localKeyManagement(masterKey, { previous, blindIndexKey });
}

/** The keys of a CLI command: like the server's (a development key is made if none is set). */
export function keysFromConfig(config: Config, db: Queryable, warn: (message: string) => void): Promise<KeyManagement> {
  return openKeyManagement(
    db,
    loadOrCreateMasterKey(config.masterKey, config.dataDir, warn),
    config.previousMasterKeys,
  );
}
