/**
 * Applies the committed migrations in `drizzle/` to a libSQL database (embedded or remote).
 * The Worker's D1 database gets the same folder through `wrangler d1 migrations apply`.
 */
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Db, Schema } from './db';

const ATTEMPTS = 5;

export async function migrateDatabase(db: Db, migrationsFolder: string): Promise<void> {
  const run = () => migrate(db as unknown as LibSQLDatabase<Schema>, { migrationsFolder });
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      // Processes that start together on one file or one server race to apply the same
      // migration. The loser either waited on the lock (busy timeout) and then finds its
      // batch refused ("table … already exists", rolled back whole), or read before the winner
      // committed and gets SQLITE_BUSY; the winner's work is recorded by then, so a later run
      // has nothing to do. A real failure fails every time and is thrown.
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
