/**
 * Builds what the Worker needs from its environment, once per isolate: settings, the database
 * (the D1 binding `DB` when there is one, else libSQL over HTTP at DATABASE_URL), the pipeline
 * and the app. The model is node-deps.ts; the differences are the edge's: no file system (so no
 * migrations here: `wrangler d1 migrations apply`, or `topicwire migrate` for libSQL), no DNS
 * lookups (so the SSRF guard checks host names and IP literals only), `waitUntil` for work after
 * the response, and seeding done lazily on the first invocation rather than at start.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createClient } from '@libsql/client/web';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createApp } from '../api/app';
import type { AppDeps, AppEnv } from '../api/context';
import { parseConfig, VERSION, type Config } from '../config';
import { describeError } from '../domain/errors';
import { Metrics } from '../domain/metrics';
import type { PipelineDeps } from '../pipeline/deps';
import { createMatcherCache } from '../pipeline/matcher-cache';
import { seedDefaultSources } from '../pipeline/seed';
import { seedTopics } from '../pipeline/topics';
import { createD1Db, createLibsqlDb, type Db } from '../store/db';
import type { ExecutionContext, PollMessage, QueueProducer, WorkerEnv } from './worker-env';

export interface WorkerSettings {
  /** Sources one cron invocation polls itself before handing the rest to the queue. */
  cronPollLimit: number;
  /** Re-tagging steps one cron invocation takes. */
  cronRetagSteps: number;
  /** How long an enqueued source is kept from the next crons while it waits for a consumer. */
  queueLeaseMs: number;
}

export interface WorkerRuntime {
  config: Config;
  settings: WorkerSettings;
  db: Db;
  pipeline: PipelineDeps;
  pollQueue: QueueProducer<PollMessage> | undefined;
  /** Seeds the topic catalogue and (when SEED_SOURCES) the default sources, once per isolate. */
  ready(): Promise<void>;
  /** The app for requests arriving at `origin` (used for self links when PUBLIC_URL is unset). */
  appFor(origin: string): OpenAPIHono<AppEnv>;
}

/**
 * 5 sources per cron, measured in workerd (docs/deploy-workers.md): a warm poll costs about
 * 2-8 ms of CPU for 20 items and 70-135 ms for 500 (under 0.5 s even counting its D1 waits),
 * and a cold isolate adds about 1 s to build the catalogue and compile the topic matcher. Five large polls in a cold
 * isolate stay near a tenth of the default 30 s CPU limit, and five fetches at a concurrency
 * of 4 keep the cron's wall time to two rounds of fetch timeouts; everything else fans out
 * through the queue, whose consumers run in parallel.
 */
const DEFAULT_CRON_POLL_LIMIT = 5;
const DEFAULT_CRON_RETAG_STEPS = 2;
const QUEUE_LEASE_MS = 15 * 60_000;
const MAX_CACHED_ORIGINS = 8;

const invocation = new AsyncLocalStorage<ExecutionContext>();

/** Runs `task` with `ctx` as the invocation that background work is handed to (`waitUntil`). */
export function runInInvocation<T>(ctx: ExecutionContext, task: () => T): T {
  return invocation.run(ctx, task);
}

function runInBackground(task: () => Promise<unknown>): void {
  const promise = task().catch((error: unknown) => console.error('background task failed:', error));
  // Outside an invocation (a test calling the app directly) the promise simply runs.
  invocation.getStore()?.waitUntil(promise);
}

function readSettings(env: WorkerEnv): WorkerSettings {
  return {
    cronPollLimit: readCount(env.CRON_POLL_LIMIT, 'CRON_POLL_LIMIT', DEFAULT_CRON_POLL_LIMIT),
    cronRetagSteps: readCount(env.CRON_RETAG_STEPS, 'CRON_RETAG_STEPS', DEFAULT_CRON_RETAG_STEPS),
    queueLeaseMs: QUEUE_LEASE_MS,
  };
}

function readCount(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`invalid configuration: ${name}: expected a whole number ≥ 0, got "${value}"`);
  }
  return count;
}

/** The string-valued entries of the environment: vars and secrets, not bindings. */
function readVars(env: WorkerEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (typeof value === 'string') vars[key] = value;
  return vars;
}

function openDatabase(env: WorkerEnv, config: Config): Db {
  if (env.DB) return createD1Db(env.DB);
  if (!env.DATABASE_URL) {
    throw new Error('invalid configuration: no database: bind a D1 database as DB in wrangler.toml, or set the DATABASE_URL (and DATABASE_AUTH_TOKEN) secrets of a libSQL server');
  }
  if (env.DATABASE_URL.startsWith('file:') || env.DATABASE_URL === ':memory:') {
    throw new Error('invalid configuration: DATABASE_URL: a Worker has no file system; use a libsql://, https:// or http:// URL');
  }
  return createLibsqlDb(
    createClient({ url: config.databaseUrl, ...(config.databaseAuthToken ? { authToken: config.databaseAuthToken } : {}) }),
  );
}

export function createWorkerRuntime(env: WorkerEnv): WorkerRuntime {
  const config = parseConfig(readVars(env));
  const settings = readSettings(env);
  const db = openDatabase(env, config);
  const pipeline: PipelineDeps = {
    db,
    // Called through globalThis each time: workerd's fetch must not be detached from it.
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    fetchOptions: {
      timeoutMs: config.fetchTimeoutMs,
      maxBodyBytes: config.fetchMaxBodyBytes,
      userAgent: env.PUBLIC_URL ? config.userAgent : `topicwire/${VERSION}`,
      allowPrivate: config.allowPrivateSources,
    },
    matchers: createMatcherCache(),
    maxEntriesPerPoll: config.pollMaxEntries,
    retentionDays: config.retentionDays,
    websub: { publicUrl: config.publicUrl, subscribe: config.websubSubscribe, hubUrl: config.websubHubUrl },
    // Per isolate: Cloudflare starts and stops isolates at will, so these counts reset often.
    metrics: new Metrics(),
    ...(env.LOG_EVENTS === 'false'
      ? {}
      : { log: (event: string, fields: Record<string, unknown>) => console.log(JSON.stringify({ event, ...fields })) }),
  };

  let seeding: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    seeding ??= seed(pipeline, config, env.WORKER_ENVIRONMENT === 'development').catch((error: unknown) => {
      // The next invocation tries again rather than failing forever.
      seeding = null;
      throw error;
    });
    return seeding;
  };

  const apps = new Map<string, OpenAPIHono<AppEnv>>();
  const appFor = (origin: string): OpenAPIHono<AppEnv> => {
    const publicUrl = env.PUBLIC_URL ? config.publicUrl : origin;
    let app = apps.get(publicUrl);
    if (!app) {
      if (apps.size >= MAX_CACHED_ORIGINS) apps.clear();
      const deps: AppDeps = { pipeline, adminToken: config.adminToken, publicUrl, version: VERSION, runInBackground };
      app = createApp(deps);
      apps.set(publicUrl, app);
    }
    return app;
  };

  return { config, settings, db, pipeline, pollQueue: env.POLL_QUEUE, ready, appFor };
}

async function seed(pipeline: PipelineDeps, config: Config, development: boolean): Promise<void> {
  try {
    await seedTopics(pipeline.db);
    await seedDefaultSources(pipeline, config.seedSources);
  } catch (error) {
    if (/no such table/i.test(describeError(error))) {
      // Under `npm run dev:worker` the tables are missing from the local D1 in .wrangler/
      // (its predev script applies them); deployed, from the D1 database on Cloudflare.
      const d1 = development ? '`npx wrangler d1 migrations apply DB --local` for the local D1 of wrangler dev' : '`npx wrangler d1 migrations apply DB --remote` for D1';
      throw new Error(`the database has no tables yet: apply the migrations first (${d1}, \`DATABASE_URL=… npx topicwire migrate\` for libSQL)`, { cause: error });
    }
    throw error;
  }
}

// Bindings are fixed for an isolate's life, so the env object is a sound cache key; a new env
// (another test, a redeploy) gets fresh deps.
const runtimes = new WeakMap<WorkerEnv, WorkerRuntime>();

/** The runtime for `env`, built on first use in this isolate. */
export function getWorkerRuntime(env: WorkerEnv): WorkerRuntime {
  let runtime = runtimes.get(env);
  if (!runtime) {
    runtime = createWorkerRuntime(env);
    runtimes.set(env, runtime);
  }
  return runtime;
}
