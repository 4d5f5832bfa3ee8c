// A real libSQL database with the committed migrations applied, for tests.
import { createClient } from '@libsql/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLibsqlDb, FILE_CLIENT_OPTIONS, tuneFileDatabase, type Db } from '../../src/store/db';
import { migrateDatabase } from '../../src/store/migrate';

export const MIGRATIONS_FOLDER = join(import.meta.dirname, '..', '..', 'drizzle');

/** A fresh database in a temporary file (closer to production than :memory:). */
export async function createTestDb(): Promise<{ db: Db; url: string; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  // Opened as the server opens its file: WAL, busy timeout, synchronous=NORMAL.
  const client = createClient({ url, ...FILE_CLIENT_OPTIONS });
  await tuneFileDatabase(client);
  const db = createLibsqlDb(client);
  await migrateDatabase(db, MIGRATIONS_FOLDER);
  return { db, url, close: () => client.close() };
}
