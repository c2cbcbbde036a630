import type { Config } from "../config/config.ts";
import type { Database } from "./database.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

export async function openDatabase(config: Pick<Config, "database">): Promise<Database> {
  return config.database.kind === "postgres" ? openPostgres(config.database.url) : openPglite(config.database.dataDir);
}
