// Runs in Node before the workers project: a real HTTP origin on 127.0.0.1 serving fixture
// feeds, which the Worker under test (in workerd) fetches like any feed on the internet, and a
// libSQL server (sqld) with the migrations applied, standing in for Turso (an empty LIBSQL_URL
// where sqld is not available: the Turso tests then say why they did not run). Whatever fails
// to start is stopped again and reported in one line, so vitest never waits on a half-started
// setup ("close timed out").
import { createClient } from '@libsql/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLibsqlDb } from '../../src/store/db';
import { migrateDatabase } from '../../src/store/migrate';
import { MIGRATIONS_FOLDER } from '../helpers/db';
import { startOrigin } from '../helpers/origin';
import { sqldAvailability, startSqld, type Sqld } from '../store-backends/sqld';

const WORKER_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'worker');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: Array<() => Promise<void>> = [];
  const teardown = async (): Promise<void> => {
    for (const stop of started.reverse()) await stop();
  };
  try {
    await startAll(project, started);
  } catch (error) {
    await teardown();
    // The one line is the whole story: a stack into vitest's internals would only bury it.
    const failure = new Error(`workers global setup: ${error instanceof Error ? error.message : String(error)}`);
    failure.stack = `Error: ${failure.message}`;
    throw failure;
  }
  return teardown;
}

async function startAll(project: TestProject, started: Array<() => Promise<void>>): Promise<void> {
  const origin = await startOrigin({
    '/wire.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' },
    '/sky.xml': { file: 'skynews-20220405.xml', contentType: 'application/rss+xml' },
    '/guardian.xml': { file: 'theguardian-international-20220405.xml', contentType: 'application/rss+xml; charset=utf-8' },
    '/gone.xml': { body: 'gone', contentType: 'text/plain', status: 410 },
    '/ndtv-20.xml': { body: readFileSync(join(WORKER_FIXTURES, 'ndtv-world-undated.xml')), contentType: 'application/rss+xml' },
    '/composite-500.xml': { body: readFileSync(join(WORKER_FIXTURES, 'composite-500.xml')), contentType: 'application/rss+xml; charset=utf-8' },
  });
  started.push(() => origin.close());
  project.provide('originUrl', origin.url);
  if (!sqldAvailability().ok) {
    project.provide('libsqlUrl', '');
    return;
  }
  const sqld: Sqld = await startSqld();
  started.push(() => sqld.stop());
  const client = createClient({ url: sqld.url });
  try {
    await migrateDatabase(createLibsqlDb(client), MIGRATIONS_FOLDER);
  } finally {
    client.close();
  }
  project.provide('libsqlUrl', sqld.url);
}

declare module 'vitest' {
  export interface ProvidedContext {
    originUrl: string;
    libsqlUrl: string;
  }
}
