// The store suite on an embedded libSQL file: a fresh, migrated database file per test.
import { afterAll } from 'vitest';
import { createTestDb } from '../helpers/db';
import { registerStoreSuite } from './store-suite';

const opened: Array<() => void> = [];
afterAll(() => {
  for (const close of opened) close();
});

registerStoreSuite('an embedded libSQL file', async () => {
  const { db, close } = await createTestDb();
  opened.push(close);
  return db;
});
