// The store suite on a real libSQL server (sqld) over HTTP, as a Turso database is reached:
// one server per file, migrated once through the client, emptied before each test.
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll } from 'vitest';
import { createLibsqlDb, type Db } from '../../src/store/db';
import { migrateDatabase } from '../../src/store/migrate';
import { MIGRATIONS_FOLDER } from '../helpers/db';
import { startSqld, type Sqld } from './sqld';
import { clearDatabase, registerStoreSuite } from './store-suite';

let server: Sqld;
let client: Client;
let db: Db;

beforeAll(async () => {
  server = await startSqld();
  client = createClient({ url: server.url });
  db = createLibsqlDb(client);
  await migrateDatabase(db, MIGRATIONS_FOLDER);
});

afterAll(async () => {
  client?.close();
  await server?.stop();
});

registerStoreSuite('a libSQL server (sqld over HTTP)', async () => {
  await clearDatabase(db);
  return db;
});
