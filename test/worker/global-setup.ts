// Runs in Node before the workers project: a real HTTP origin on 127.0.0.1 serving fixture
// feeds, which the Worker under test (in workerd) fetches like any feed on the internet, and a
// libSQL server (sqld) with the migrations applied, standing in for Turso.
import { createClient } from '@libsql/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLibsqlDb } from '../../src/store/db';
import { migrateDatabase } from '../../src/store/migrate';
import { MIGRATIONS_FOLDER } from '../helpers/db';
import { startOrigin } from '../helpers/origin';
import { startSqld } from '../store-backends/sqld';

const WORKER_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'worker');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const origin = await startOrigin({
    '/wire.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' },
    '/sky.xml': { file: 'skynews-20220405.xml', contentType: 'application/rss+xml' },
    '/guardian.xml': { file: 'theguardian-international-20220405.xml', contentType: 'application/rss+xml; charset=utf-8' },
    '/gone.xml': { body: 'gone', contentType: 'text/plain', status: 410 },
    '/ndtv-20.xml': { body: readFileSync(join(WORKER_FIXTURES, 'ndtv-world-undated.xml')), contentType: 'application/rss+xml' },
    '/composite-500.xml': { body: readFileSync(join(WORKER_FIXTURES, 'composite-500.xml')), contentType: 'application/rss+xml; charset=utf-8' },
  });
  project.provide('originUrl', origin.url);
  const sqld = await startSqld();
  const client = createClient({ url: sqld.url });
  await migrateDatabase(createLibsqlDb(client), MIGRATIONS_FOLDER);
  client.close();
  project.provide('libsqlUrl', sqld.url);
  return async () => {
    await origin.close();
    await sqld.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    originUrl: string;
    libsqlUrl: string;
  }
}
