/**
 * Applies the committed migrations in `drizzle/` to a libSQL database (embedded or remote).
 * The Worker's D1 database gets the same folder through `wrangler d1 migrations apply`.
 */
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Db, Schema } from './db';

export async function migrateDatabase(db: Db, migrationsFolder: string): Promise<void> {
  const run = () => migrate(db as unknown as LibSQLDatabase<Schema>, { migrationsFolder });
  try {
    await run();
  } catch {
    // Instances sharing one server (DATABASE_URL=http…) that start together race to apply the
    // same migration; the loser's batch rolls back whole ("table … already exists"). The
    // winner's is recorded by then, so a second run has nothing to do; a real failure fails again.
    await run();
  }
}
