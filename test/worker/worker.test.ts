// The Worker inside workerd, through its three handlers, on D1 with the committed migrations,
// polling real fixture feeds from a loopback origin (global-setup.ts).
import {
  applyD1Migrations,
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import Parser from 'rss-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import worker from '../../src/runtime/worker';
import type { PollMessage, WorkerEnv } from '../../src/runtime/worker-env';
import { createClient } from '@libsql/client/web';
import { createD1Db, createLibsqlDb, type Db } from '../../src/store/db';
import { readMeta } from '../../src/store/meta';
import { deleteSource, getSource, insertSource, insertSources, listDueSources, listSources } from '../../src/store/sources';
import { getTopicRule, saveTopicRule } from '../../src/store/topics';
import { clearDatabase } from '../store-backends/store-suite';

const parser = new Parser();
const TOKEN = 'worker-test-token';
let db: Db;
/**
 * The env of one test. The Worker builds (and seeds) its deps once per env object, as once per
 * isolate in production; a new object per test is a fresh isolate over the emptied database.
 */
let isolate: WorkerEnv;

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  db = createD1Db(env.DB);
});

/** A queue producer that records what it is sent, in place of the POLL_QUEUE binding. */
function recordingQueue(): { sent: Array<Array<{ body: PollMessage }>>; sendBatch: (messages: Iterable<{ body: PollMessage }>) => Promise<void> } {
  const sent: Array<Array<{ body: PollMessage }>> = [];
  return {
    sent,
    sendBatch: async (messages) => {
      const list = [...messages];
      // The real binding refuses more; the Worker must never try.
      if (list.length > 100) throw new Error(`sendBatch with ${list.length} messages`);
      sent.push(list);
    },
  };
}

async function request(path: string, workerEnv: WorkerEnv = isolate, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`https://topicwire.test${path}`, init), workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function runCron(workerEnv: WorkerEnv): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }), workerEnv, ctx);
  await waitOnExecutionContext(ctx);
}

async function addSources(paths: string[]): Promise<Map<string, number>> {
  await insertSources(db, paths.map((path) => ({ url: `${env.ORIGIN_URL}${path}` })), Date.now());
  const rows = await listSources(db);
  return new Map(rows.map((row) => [row.url.slice(env.ORIGIN_URL.length), row.id]));
}

async function feedTitles(path: string, workerEnv: WorkerEnv = isolate): Promise<string[]> {
  const response = await request(path, workerEnv);
  expect(response.status, path).toBe(200);
  const feed = await parser.parseString(await response.text());
  return feed.items.map((item) => item.title ?? '');
}

const KAZAKHSTAN_STORY = 'Kremlin says talks with Kazakhstan on Caspian pipeline went well';

describe('worker.fetch', () => {
  beforeEach(async () => {
    await clearDatabase(db);
    isolate = { ...env };
  });

  it('seeds the topic catalogue on the first request and serves the API from D1', async () => {
    const response = await request('/api/topics');
    expect(response.status).toBe(200);
    const { topics } = (await response.json()) as { topics: Array<{ slug: string; iso2?: string; kind: string }> };
    expect(topics.filter((t) => t.kind === 'country').length).toBeGreaterThanOrEqual(249);
    expect(topics.find((t) => t.slug === 'kazakhstan')?.iso2).toBe('KZ');
    expect(await readMeta(db, 'catalogue_digest')).toMatch(/^\d+:[0-9a-f]+$/);
    // SEED_SOURCES is false in the test bindings.
    expect(await listSources(db)).toEqual([]);
  });

  it('seeds the default sources once when SEED_SOURCES is on', async () => {
    expect((await request('/healthz', { ...env, SEED_SOURCES: 'true' })).status).toBe(200);
    const seeded = (await listSources(db)).length;
    expect(seeded).toBeGreaterThan(10);
    await deleteSource(db, (await listSources(db))[0]?.id ?? 0);
    // Another isolate (a fresh env) does not bring back what an operator removed.
    expect((await request('/healthz', { ...env, SEED_SOURCES: 'true' })).status).toBe(200);
    expect((await listSources(db)).length).toBe(seeded - 1);
  });

  it('writes self links with the origin it is reached at when PUBLIC_URL is unset, else with PUBLIC_URL', async () => {
    const feeds = async (workerEnv: WorkerEnv) => ((await (await request('/api/topics/russia', workerEnv)).json()) as { feeds: { rss: string } }).feeds;
    expect((await feeds(isolate)).rss).toBe('https://topicwire.test/feeds/russia.rss');
    expect((await feeds({ ...env, PUBLIC_URL: 'https://news.example.org' })).rss).toBe('https://news.example.org/feeds/russia.rss');
  });

  it('answers problem+json naming the fix when no database is configured', async () => {
    const response = await request('/api/topics', { SEED_SOURCES: 'false' });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('internal_error');
    expect(problem.detail).toMatch(/D1 database as DB.*DATABASE_URL/);
  });

  it('answers problem+json telling to apply the migrations when the database has none', async () => {
    const response = await request('/feeds/russia.rss', { ...env, DB: env.EMPTY_DB });
    expect(response.status).toBe(500);
    const detail = ((await response.json()) as { detail: string }).detail;
    expect(detail).toMatch(/no tables yet: apply the migrations first .*wrangler d1 migrations apply DB --remote/);
    expect(detail).not.toContain('--local');
  });

  it('names the local D1 (--local) in that message under npm run dev:worker', async () => {
    const response = await request('/feeds/russia.rss', { ...env, DB: env.EMPTY_DB, WORKER_ENVIRONMENT: 'development' });
    expect(response.status).toBe(500);
    const detail = ((await response.json()) as { detail: string }).detail;
    expect(detail).toMatch(/wrangler d1 migrations apply DB --local/);
    expect(detail).not.toContain('--remote');
  });

  it('refuses writes without the admin token and accepts them with it', async () => {
    const body = JSON.stringify({ include: ['pipeline'] });
    const headers = { 'content-type': 'application/json' };
    expect((await request('/api/topics/pipelines', isolate, { method: 'PUT', headers, body })).status).toBe(401);
    const saved = await request('/api/topics/pipelines', { ...env, ADMIN_TOKEN: TOKEN }, { method: 'PUT', headers: { ...headers, authorization: `Bearer ${TOKEN}` }, body });
    expect(saved.status).toBe(200);
  });
});

describe('worker.scheduled', () => {
  beforeEach(async () => {
    await clearDatabase(db);
    isolate = { ...env };
  });

  it('polls the due fixture feeds itself, and /feeds/kazakhstan+russia.rss serves the result', async () => {
    const ids = await addSources(['/wire.xml', '/sky.xml', '/guardian.xml']);
    const queue = recordingQueue();
    await runCron({ ...isolate, POLL_QUEUE: queue });
    expect(queue.sent).toEqual([]);
    for (const [path, id] of ids) { const s = await getSource(db, id); expect(s?.lastStatus, `${path}: ${s?.lastError}`).toBe('ok'); }
    expect(await feedTitles('/feeds/kazakhstan+russia.rss')).toEqual([KAZAKHSTAN_STORY]);
    const russia = await feedTitles('/feeds/russia.rss?limit=500');
    expect(russia.length).toBeGreaterThan(20);
    // One story from two sources (the wire republishes Sky's) is one item.
    expect(russia.filter((title) => title.startsWith('Drone footage appears to show Russian'))).toHaveLength(1);
  });

  it('answers If-None-Match from the data version on D1: 304 until a write, then the new feed', async () => {
    const ids = await addSources(['/wire.xml', '/sky.xml']);
    await runCron({ ...isolate, POLL_QUEUE: recordingQueue() });
    const first = await request('/feeds/kazakhstan+russia.rss');
    const etag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    expect(etag).not.toBe('');
    expect((await request('/feeds/kazakhstan+russia.rss', isolate, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // A source rename reaches every entry's "via" line: the validator moves, the body follows.
    await request(`/api/sources/${ids.get('/wire.xml')}`, { ...isolate, ADMIN_TOKEN: TOKEN }, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Renamed Wire' }),
    });
    const after = await request('/feeds/kazakhstan+russia.rss', isolate, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('Renamed Wire');
  });

  it('hands the sources beyond its share to the queue, at most 100 per send, and leases them', async () => {
    const ids = await addSources(Array.from({ length: 230 }, (_, i) => `/sky.xml?copy=${i}`));
    const queue = recordingQueue();
    const workerEnv = { ...isolate, POLL_QUEUE: queue, CRON_POLL_LIMIT: '1' };
    await runCron(workerEnv);
    expect(queue.sent.map((batch) => batch.length)).toEqual([100, 100, 29]);
    const enqueued = queue.sent.flat().map((message) => message.body.sourceId);
    expect(new Set(enqueued).size).toBe(229);
    const polled = [...ids.values()].filter((id) => !enqueued.includes(id));
    expect(polled).toHaveLength(1);
    expect((await getSource(db, polled[0] ?? 0))?.lastStatus).toBe('ok');
    // Leased: neither this cron nor the next hands them out again.
    expect(await listDueSources(db, Date.now() + 60_000, 1000)).toEqual([]);
    await runCron(workerEnv);
    expect(queue.sent).toHaveLength(3);
  });

  it('without a queue, polls its share and leaves the rest due for the next cron', async () => {
    await addSources(['/wire.xml', '/sky.xml', '/guardian.xml', '/sky.xml?copy=1', '/sky.xml?copy=2']);
    await runCron({ ...isolate, POLL_QUEUE: undefined, CRON_POLL_LIMIT: '2' });
    const rows = await listSources(db);
    expect(rows.filter((row) => row.lastPolledAt !== null)).toHaveLength(2);
    expect(await listDueSources(db, Date.now(), 100)).toHaveLength(3);
  });

  it('takes the configured number of re-tagging steps', async () => {
    await addSources(['/wire.xml']);
    await runCron({ ...env, POLL_QUEUE: recordingQueue() });
    await saveTopicRule(db, { slug: 'pipelines', name: 'Pipelines', include: ['pipeline'], exclude: [], fields: null }, true, Date.now());
    await runCron({ ...env, POLL_QUEUE: recordingQueue(), CRON_RETAG_STEPS: '0' });
    expect((await getTopicRule(db, 'pipelines'))?.retagCursor).toBe(0);
    await runCron({ ...env, POLL_QUEUE: recordingQueue(), CRON_RETAG_STEPS: '1' });
    expect((await getTopicRule(db, 'pipelines'))?.retagCursor).toBeNull();
    expect(await feedTitles('/feeds/pipelines.rss')).toEqual([KAZAKHSTAN_STORY]);
  });
});

// LIBSQL_URL is empty where sqld is not available (test/worker/global-setup.ts).
describe.skipIf(env.LIBSQL_URL === '')(
  env.LIBSQL_URL === '' ? 'the Worker on libSQL over HTTP (Turso): not run, sqld is not available here' : 'the Worker on libSQL over HTTP (Turso) instead of D1',
  () => {
  beforeEach(async () => {
    await clearDatabase(db);
  });

  it('polls into and serves from the libSQL server at DATABASE_URL when no D1 is bound', async () => {
    const turso: WorkerEnv = { ...env, DB: undefined, DATABASE_URL: env.LIBSQL_URL, POLL_QUEUE: recordingQueue() };
    const remote = createLibsqlDb(createClient({ url: env.LIBSQL_URL }));
    await insertSource(remote, { url: `${env.ORIGIN_URL}/wire.xml` }, Date.now());
    await runCron(turso);
    expect(await feedTitles('/feeds/kazakhstan+russia.rss', turso)).toEqual([KAZAKHSTAN_STORY]);
    expect((await listSources(remote))[0]?.lastStatus).toBe('ok');
    // Nothing of it went to D1.
    expect(await listSources(db)).toEqual([]);
  });
});

describe('worker.queue', () => {
  beforeEach(async () => {
    await clearDatabase(db);
    isolate = { ...env };
  });

  function message(id: string, body: unknown, timestamp = new Date()) {
    return { id, timestamp, attempts: 1, body };
  }

  async function consume(messages: Array<ReturnType<typeof message>>, workerEnv: WorkerEnv = isolate) {
    const batch = createMessageBatch('topicwire-poll', messages);
    const ctx = createExecutionContext();
    await worker.queue(batch, workerEnv, ctx);
    return getQueueResult(batch, ctx);
  }

  it('polls the sources of its batch, acknowledges each message, and the feeds serve the result', async () => {
    const ids = await addSources(['/wire.xml', '/sky.xml', '/guardian.xml', '/gone.xml']);
    const result = await consume([
      ...[...ids.values()].map((sourceId) => message(`m${sourceId}`, { sourceId })),
      message('deleted', { sourceId: 987_654 }),
      message('malformed', { url: 'https://example.org/' }),
    ]);
    expect(result.retryMessages).toEqual([]);
    expect([...result.explicitAcks].sort()).toEqual([...[...ids.values()].map((id) => `m${id}`), 'deleted', 'malformed'].sort());
    expect((await getSource(db, ids.get('/wire.xml') ?? 0))?.lastStatus).toBe('ok');
    expect((await getSource(db, ids.get('/guardian.xml') ?? 0))?.lastStatus).toBe('ok');
    expect(await getSource(db, ids.get('/gone.xml') ?? 0)).toMatchObject({ lastStatus: 'gone', lastHttpStatus: 410, enabled: false });
    expect(await feedTitles('/feeds/kazakhstan+russia.rss')).toEqual([KAZAKHSTAN_STORY]);
  });

  it('acknowledges a redelivered message for a source polled since it was sent, without polling again', async () => {
    const ids = await addSources(['/wire.xml']);
    const sourceId = ids.get('/wire.xml') ?? 0;
    const sentAt = new Date(Date.now() - 60_000);
    await consume([message('first', { sourceId }, sentAt)]);
    const polledAt = (await getSource(db, sourceId))?.lastPolledAt;
    expect(polledAt).toBeGreaterThan(sentAt.getTime());
    const again = await consume([message('first', { sourceId }, sentAt)]);
    expect(again.explicitAcks).toEqual(['first']);
    expect((await getSource(db, sourceId))?.lastPolledAt).toBe(polledAt);
  });

  it('receives what the cron sends through a real Queue, and polls it', async () => {
    const ids = await addSources(['/wire.xml', '/sky.xml', '/guardian.xml']);
    // The cron polls nothing itself: everything goes through POLL_QUEUE (miniflare's queue),
    // which delivers to this Worker's queue handler (the consumer in wrangler.toml).
    await runCron({ ...isolate, CRON_POLL_LIMIT: '0' });
    const deadline = Date.now() + 20_000;
    let polled = 0;
    while (Date.now() < deadline) {
      polled = (await listSources(db)).filter((row) => row.lastPolledAt !== null).length;
      if (polled === ids.size) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(polled).toBe(ids.size);
    expect(await feedTitles('/feeds/kazakhstan+russia.rss')).toEqual([KAZAKHSTAN_STORY]);
  });
});
