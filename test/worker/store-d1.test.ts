// The store suite on D1, inside workerd: the committed migrations applied as
// `wrangler d1 migrations apply` would, the tables emptied before each test.
import { applyD1Migrations, env } from 'cloudflare:test';
import { beforeAll } from 'vitest';
import { createD1Db, type Db } from '../../src/store/db';
import { clearDatabase, registerStoreSuite } from '../store-backends/store-suite';

let db: Db;

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  db = createD1Db(env.DB);
});

registerStoreSuite('D1 (workerd)', async () => {
  await clearDatabase(db);
  return db;
});
