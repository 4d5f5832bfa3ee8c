/**
 * Builds everything the Node process needs from the environment: settings, the libSQL client
 * (embedded file, :memory:, or a remote server), migrations, seed data, the pipeline and app
 * dependencies. Shared by `npm start`, the CLI and the tests.
 */
import { createClient, type Client } from '@libsql/client';
import { lookup } from 'node:dns/promises';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../api/context';
import { parseConfig, VERSION, type Config } from '../config';
import type { PipelineDeps } from '../pipeline/deps';
import { Metrics } from '../domain/metrics';
import { createMatcherCache } from '../pipeline/matcher-cache';
import { seedDefaultSources } from '../pipeline/seed';
import { seedTopics } from '../pipeline/topics';
import { createLibsqlDb, FILE_CLIENT_OPTIONS, tuneFileDatabase, type Db } from '../store/db';
import { migrateDatabase } from '../store/migrate';
import { createPinnedFetch } from './pinned-fetch';
import { openFileVersionReader } from './file-version-reader';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MIGRATIONS_FOLDER = resolve(PROJECT_ROOT, 'drizzle');

export interface NodeRuntime {
  config: Config;
  client: Client;
  db: Db;
  pipeline: PipelineDeps;
  app: AppDeps;
  close: () => void;
}

/** Resolves host names for the SSRF guard, so a public name that points inside is refused. */
export async function resolveHost(hostname: string): Promise<string[]> {
  const results = await lookup(hostname, { all: true, verbatim: true });
  return results.map((r) => r.address);
}

/** The file of an embedded database URL (relative to the working directory), else null. */
function databaseFile(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  // Relative file URLs are relative to the working directory, as users expect.
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  return path && path !== ':memory:' ? path : null;
}

async function openClient(config: Config): Promise<Client> {
  const url = config.databaseUrl;
  const path = databaseFile(url);
  if (path) {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    const client = createClient({ url, ...FILE_CLIENT_OPTIONS });
    await tuneFileDatabase(client);
    return client;
  }
  return createClient({ url, ...(config.databaseAuthToken ? { authToken: config.databaseAuthToken } : {}) });
}

export async function createNodeRuntime(
  env: Record<string, string | undefined>,
  overrides: { fetch?: typeof globalThis.fetch; now?: () => number; log?: PipelineDeps['log'] } = {},
): Promise<NodeRuntime> {
  const config = parseConfig(env);
  const client = await openClient(config);
  const db = createLibsqlDb(client);
  await migrateDatabase(db, MIGRATIONS_FOLDER);
  const file = databaseFile(config.databaseUrl);
  // After the migrations: the statement names the meta table.
  const versionReader = file ? openFileVersionReader(file) : null;
  // Feeds are fetched through an agent that connects only to addresses it checked (DNS rebinding).
  const pinned = overrides.fetch ? null : createPinnedFetch({ allowPrivate: config.allowPrivateSources });
  const pipeline: PipelineDeps = {
    db,
    fetch: overrides.fetch ?? pinned?.fetch ?? globalThis.fetch,
    now: overrides.now ?? Date.now,
    fetchOptions: {
      timeoutMs: config.fetchTimeoutMs,
      maxBodyBytes: config.fetchMaxBodyBytes,
      userAgent: config.userAgent,
      allowPrivate: config.allowPrivateSources,
      resolveHost,
    },
    matchers: createMatcherCache(),
    maxEntriesPerPoll: config.pollMaxEntries,
    retentionDays: config.retentionDays,
    websub: { publicUrl: config.publicUrl, subscribe: config.websubSubscribe, hubUrl: config.websubHubUrl },
    metrics: new Metrics(),
    ...(overrides.log ? { log: overrides.log } : {}),
  };
  await seedTopics(db);
  await seedDefaultSources(pipeline, config.seedSources);
  const app: AppDeps = {
    pipeline,
    adminToken: config.adminToken,
    publicUrl: config.publicUrl,
    version: VERSION,
    trustProxy: config.trustProxy,
    ...(versionReader ? { readDataVersion: versionReader.read } : {}),
    runInBackground: (task) => {
      task().catch((error: unknown) => console.error('background task failed:', error));
    },
  };
  const close = () => {
    versionReader?.close();
    client.close();
    void pinned?.close();
  };
  return { config, client, db, pipeline, app, close };
}
