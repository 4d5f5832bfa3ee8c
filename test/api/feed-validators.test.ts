// Feed validators come from the data version, before any item is read, and rendered feeds are
// cached per data version: a 304 costs one small statement on `meta`; every write that changes
// a feed (a new item, an edit, a re-tag, a topic edit, a deletion, retention, a source rename)
// changes the validator and the body served; a write that changes nothing (an upstream 304)
// keeps both. Real libSQL file, real origin on loopback, the app through its front door, every
// statement counted through a wrapped libSQL client.
import type { Client } from '@libsql/client';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app';
import { applyRetention } from '../../src/pipeline/retention';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { createLibsqlDb } from '../../src/store/db';
import { startOrigin, type Origin } from '../helpers/origin';

const TOKEN = 'validators-token';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const parser = new Parser();

function rss(items: Array<{ guid: string; title: string; date: string }>): string {
  const entries = items
    .map((item) => `<item><guid isPermaLink="false">${item.guid}</guid><title>${item.title}</title><link>https://wire.example/${item.guid}</link><pubDate>${new Date(item.date).toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Wire</title><link>https://wire.example/</link>${entries}</channel></rss>`;
}

const DEAL = { guid: 'deal', title: 'Kazakhstan and Russia sign a pipeline deal', date: '2026-02-17T10:00:00Z' };
const CASPIAN = { guid: 'caspian', title: 'Caspian Sea levels fall again, scientists warn', date: '2026-02-17T09:00:00Z' };
const GRAIN = { guid: 'grain', title: 'Russia and Kazakhstan agree on a grain corridor', date: '2026-02-17T11:00:00Z' };

/** Every SQL statement the app sends while `recording` is on. */
const statements: string[] = [];
let recording = false;

/** The runtime's own client, with every execute and batch recorded: the store cannot tell. */
function recordingClient(client: Client): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'execute' || property === 'batch') {
        return (...args: unknown[]) => {
          if (recording) {
            const list = property === 'batch' ? (args[0] as unknown[]) : [args[0]];
            for (const statement of list) statements.push(typeof statement === 'string' ? statement : (statement as { sql: string }).sql);
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}

let origin: Origin;
let runtime: NodeRuntime;
/** As `npm start` builds it: the version read on a connection of its own (runtime/file-version-reader.ts). */
let app: ReturnType<typeof createApp>;
/** The default: the version read through the pipeline's db, as on the Worker and a libSQL server. */
let plainApp: ReturnType<typeof createApp>;
let sourceId: number;
const pending: Promise<unknown>[] = [];

async function poll(): Promise<void> {
  const response = await app.request(`/api/sources/${sourceId}/poll`, { method: 'POST', headers: AUTH });
  expect(response.status).toBe(200);
}

async function feed(path: string, headers: Record<string, string> = {}, through = app) {
  const response = await through.request(path, { headers });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), text };
}

async function titles(text: string): Promise<string[]> {
  return (await parser.parseString(text)).items.map((item) => item.title ?? '');
}

/** Asserts that `change` moves the validator of `path`, and returns the body served after it. */
async function expectChange(path: string, change: () => Promise<void>): Promise<string> {
  const before = await feed(path);
  expect(before.status).toBe(200);
  await change();
  const after = await feed(path, { 'if-none-match': before.etag ?? '' });
  expect(after.status, `${path} after the change`).toBe(200);
  expect(after.etag).not.toBe(before.etag);
  return after.text;
}

beforeAll(async () => {
  origin = await startOrigin({ '/wire.xml': { body: rss([DEAL, CASPIAN]), contentType: 'application/rss+xml' } });
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'topicwire-validators-')), 'v.db')}`,
    ADMIN_TOKEN: TOKEN,
    SEED_SOURCES: 'false',
    ALLOW_PRIVATE_SOURCES: 'true',
    POLL_INTERVAL_SECONDS: '0',
    RETENTION_DAYS: '0',
  });
  const db = createLibsqlDb(recordingClient(runtime.client));
  const deps = { ...runtime.app, pipeline: { ...runtime.pipeline, db }, runInBackground: (task: () => Promise<unknown>) => void pending.push(task()) };
  app = createApp(deps);
  const { readDataVersion: _, ...plain } = deps;
  plainApp = createApp(plain);
  const created = await app.request('/api/sources', { method: 'POST', headers: AUTH, body: JSON.stringify({ url: `${origin.url}/wire.xml`, force: true }) });
  sourceId = ((await created.json()) as { id: number }).id;
  await poll();
});

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

describe('GET /feeds/{expr} validators', () => {
  it('answers If-None-Match with one statement on meta: no topic look-up, no item query, no render', async () => {
    const first = await feed('/feeds/kazakhstan+russia.rss', {}, plainApp);
    expect(first.status).toBe(200);
    expect(await titles(first.text)).toEqual([DEAL.title]);
    statements.length = 0;
    recording = true;
    const again = await feed('/feeds/kazakhstan+russia.rss', { 'if-none-match': first.etag ?? '' }, plainApp);
    recording = false;
    expect(again.status).toBe(304);
    expect(again.etag).toBe(first.etag);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/\bmeta\b/);
    expect(statements[0]).not.toMatch(/\b(items|item_topics|item_sources|topics|sources|items_fts)\b/);
  });

  it('on a database file, reads the version on its own connection: nothing through the client', async () => {
    const first = await feed('/feeds/kazakhstan+russia.rss');
    // Both readers derive the same validator from the same data.
    expect(first.etag).toBe((await feed('/feeds/kazakhstan+russia.rss', {}, plainApp)).etag);
    statements.length = 0;
    recording = true;
    const again = await feed('/feeds/kazakhstan+russia.rss', { 'if-none-match': first.etag ?? '' });
    recording = false;
    expect(again.status).toBe(304);
    expect(statements).toEqual([]);
  });

  it('answers If-Modified-Since from the same statement, once the second of the last change is over', async () => {
    let served = await feed('/feeds/kazakhstan+russia.rss');
    // Last-Modified is withheld during the second of a change: wait for it to be over.
    for (let i = 0; served.lastModified === null && i < 30; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      served = await feed('/feeds/kazakhstan+russia.rss');
    }
    expect(served.lastModified).not.toBeNull();
    statements.length = 0;
    recording = true;
    const again = await feed('/feeds/kazakhstan+russia.rss', { 'if-modified-since': served.lastModified ?? '' }, plainApp);
    recording = false;
    expect(again.status).toBe(304);
    expect(statements).toHaveLength(1);
    expect((await feed('/feeds/kazakhstan+russia.rss', { 'if-modified-since': served.lastModified ?? '' })).status).toBe(304);
    const earlier = new Date(Date.parse(served.lastModified ?? '') - 1000).toUTCString();
    expect((await feed('/feeds/kazakhstan+russia.rss', { 'if-modified-since': earlier })).status).toBe(200);
  });

  it('serves a feed rendered once per data version: a repeated 200 reads nothing but the version', async () => {
    const first = await feed('/feeds/kazakhstan.atom?limit=20', {}, plainApp);
    statements.length = 0;
    recording = true;
    const again = await feed('/feeds/kazakhstan.atom?limit=20', {}, plainApp);
    recording = false;
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(statements).toHaveLength(1);
    // Another limit is another feed: rendered, not served from the first one's bytes.
    const other = await feed('/feeds/kazakhstan.atom?limit=1');
    expect(other.etag).not.toBe(first.etag);
    expect((await parser.parseString(other.text)).items).toHaveLength(1);
  });

  it('keeps the validator through a poll that changes nothing (the origin answers 304)', async () => {
    const before = await feed('/feeds/kazakhstan+russia.rss');
    await poll();
    const after = await feed('/feeds/kazakhstan+russia.rss', { 'if-none-match': before.etag ?? '' });
    expect(after.status).toBe(304);
  });

  it('a new item changes the validator and the feed shows it', async () => {
    const text = await expectChange('/feeds/kazakhstan+russia.rss', async () => {
      origin.routes.set('/wire.xml', { body: rss([GRAIN, DEAL, CASPIAN]), contentType: 'application/rss+xml' });
      await poll();
    });
    expect(await titles(text)).toEqual([GRAIN.title, DEAL.title]);
  });

  it('an edit in place changes the validator and the feed shows the new headline', async () => {
    const edited = { ...GRAIN, title: 'Russia and Kazakhstan agree on a wheat corridor' };
    const text = await expectChange('/feeds/kazakhstan+russia.rss', async () => {
      origin.routes.set('/wire.xml', { body: rss([edited, DEAL, CASPIAN]), contentType: 'application/rss+xml' });
      await poll();
    });
    expect(await titles(text)).toEqual([edited.title, DEAL.title]);
  });

  it('re-tagging (a built-in topic extended) changes the validator and the feed gains the item', async () => {
    expect(await titles((await feed('/feeds/kazakhstan.rss')).text)).not.toContain(CASPIAN.title);
    const text = await expectChange('/feeds/kazakhstan.rss', async () => {
      const response = await app.request('/api/topics/kazakhstan', { method: 'PUT', headers: AUTH, body: JSON.stringify({ include: ['Caspian'] }) });
      expect(response.status).toBe(200);
      await Promise.all(pending.splice(0));
    });
    expect(await titles(text)).toContain(CASPIAN.title);
  });

  it('a custom topic edit changes the validator and the feed title', async () => {
    const put = async (name: string) => {
      const response = await app.request('/api/topics/pipelines', { method: 'PUT', headers: AUTH, body: JSON.stringify({ name, include: ['pipeline'] }) });
      expect(response.status).toBe(200);
      await Promise.all(pending.splice(0));
    };
    await put('Pipelines');
    const text = await expectChange('/feeds/pipelines.rss', () => put('Oil and gas pipelines'));
    const parsed = await parser.parseString(text);
    expect(parsed.title).toContain('Oil and gas pipelines');
    expect(parsed.items.map((item) => item.title)).toEqual([DEAL.title]);
  });

  it('deleting a custom topic changes the validator: its feed is a 404, not a 304', async () => {
    const before = await feed('/feeds/pipelines.rss');
    expect((await app.request('/api/topics/pipelines', { method: 'DELETE', headers: AUTH })).ok).toBe(true);
    expect((await feed('/feeds/pipelines.rss', { 'if-none-match': before.etag ?? '' })).status).toBe(404);
  });

  it('renaming a source changes the validator and the "via" line', async () => {
    const text = await expectChange('/feeds/kazakhstan.json', async () => {
      const response = await app.request(`/api/sources/${sourceId}`, { method: 'PATCH', headers: AUTH, body: JSON.stringify({ title: 'Steppe Wire Service' }) });
      expect(response.status).toBe(200);
    });
    const parsed = JSON.parse(text) as { items: Array<{ content_html: string }> };
    expect(parsed.items[0]?.content_html).toContain('Steppe Wire Service');
  });

  it('deleting an item changes the validator and the feed drops it', async () => {
    const items = (await (await app.request('/api/items?topics=kazakhstan%2Brussia')).json()) as { items: Array<{ id: number; title: string }> };
    const deal = items.items.find((item) => item.title === DEAL.title);
    const text = await expectChange('/feeds/kazakhstan+russia.rss', async () => {
      expect((await app.request(`/api/items/${deal?.id}`, { method: 'DELETE', headers: AUTH })).status).toBe(204);
    });
    expect(await titles(text)).not.toContain(DEAL.title);
  });

  it('retention removing items changes the validator and empties the feed', async () => {
    const text = await expectChange('/feeds/kazakhstan.rss', async () => {
      const removed = await applyRetention({ ...runtime.pipeline, retentionDays: 1, now: () => Date.parse('2027-01-01T00:00:00Z') });
      expect(removed).toBeGreaterThan(0);
    });
    expect(await titles(text)).toEqual([]);
  });
});
