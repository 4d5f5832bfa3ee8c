/**
 * Applies the committed migrations in `drizzle/` to a libSQL database (embedded or remote).
 * The Worker's D1 database gets the same folder through `wrangler d1 migrations apply`.
 */
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Db, Schema } from './db';

export async function migrateDatabase(db: Db, migrationsFolder: string): Promise<void> {
  await migrate(db as unknown as LibSQLDatabase<Schema>, { migrationsFolder });
}
