import type { Config } from "../config/config.ts";
import type { Database } from "./database.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

/** `warn` hears of a PostgreSQL failover (the primary lost, the new one found). */
export async function openDatabase(
  config: Pick<Config, "database">,
  options: { warn?: (message: string) => void } = {},
): Promise<Database> {
  return config.database.kind === "postgres"
    ? openPostgres(config.database.url, {
        warn: options.warn,
        preparedStatements: config.database.preparedStatements,
      })
    : openPglite(config.database.dataDir, { sharedBuffers: config.database.sharedBuffers });
}
