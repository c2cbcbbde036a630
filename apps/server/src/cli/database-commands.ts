import { loadConfig } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { openDatabase } from "../db/open-database.ts";
import { seedDemoData } from "../inventory/seed-demo-data.ts";
import { EXIT, type Io, parseOptions } from "./io.ts";

export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const report = await withDatabase((db) => migrate(db));
  io.out(JSON.stringify(report));
  return EXIT.ok;
}

export async function seedCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const report = await withDatabase(async (db) => {
    await migrate(db);
    return seedDemoData(db);
  });
  io.out(JSON.stringify(report));
  return EXIT.ok;
}
