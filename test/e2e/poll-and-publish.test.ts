// The whole product through the front door: add sources over the API, poll them from a real
// HTTP origin serving real feeds, and read the republished feeds back with a feed parser.
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { startOrigin, type Origin } from '../helpers/origin';

const TOKEN = 'test-admin-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const parser = new Parser();

const FEEDS: Record<string, { file: string; contentType: string }> = {
  '/guardian.xml': { file: 'theguardian-international-20220405.xml', contentType: 'application/rss+xml; charset=utf-8' },
  '/sky.xml': { file: 'skynews-20220405.xml', contentType: 'application/rss+xml' },
  '/nyt.xml': { file: 'nytimes-topstories-20220405.xml', contentType: 'text/xml' },
  '/npr.xml': { file: 'npr-world-20260217.xml', contentType: 'application/rss+xml' },
  '/aif.xml': { file: 'aif-ru-20190518.xml', contentType: 'application/rss+xml' },
  // No charset in the header: the XML declaration must be honoured.
  '/ibash.xml': { file: 'ibash-org-ru-20180321.xml', contentType: 'application/xml' },
  '/golem.xml': { file: 'golem-de-20181028.xml', contentType: 'application/rss+xml; charset=ISO-8859-1' },
  '/liberal.xml': { file: 'liberal-gr-20200424.xml', contentType: 'text/xml' },
  '/wire.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' },
};

let origin: Origin;
let runtime: NodeRuntime;
let app: ReturnType<typeof createApp>;
const sourceIds: Record<string, number> = {};

async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

beforeAll(async () => {
  origin = await startOrigin({
    ...FEEDS,
    '/broken.xml': { body: '<rss><channel><item><title>unclosed', contentType: 'application/rss+xml' },
    '/gone.xml': { body: 'gone', contentType: 'text/plain', status: 410 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-e2e-'));
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
    ADMIN_TOKEN: TOKEN,
    SEED_SOURCES: 'false',
    ALLOW_PRIVATE_SOURCES: 'true',
    POLL_INTERVAL_SECONDS: '0',
    PUBLIC_URL: 'http://topicwire.test',
    // Golem's feed advertises a real hub (superfeedr): the test must not subscribe to it.
    WEBSUB_SUBSCRIBE: 'false',
  });
  app = createApp(runtime.app);
  for (const path of [...Object.keys(FEEDS), '/broken.xml', '/gone.xml']) {
    // The broken and the gone feed would be refused (422 feed_unreachable): forced in, so their failures are recorded.
    const force = path === '/broken.xml' || path === '/gone.xml';
    const response = await app.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}${path}`, force }) });
    expect(response.status, path).toBe(201);
    sourceIds[path] = (await json(response)).id;
  }
  // Adding a source polls it: every source has had its first poll now.
}, 60_000);

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

describe('polling real feeds', () => {
  it('stores every entry of every good feed and records the failures of the bad ones', async () => {
    const sources = (await json(await app.request('/api/sources'))).sources as any[];
    const byUrl = new Map(sources.map((s) => [new URL(s.url).pathname, s]));
    for (const path of Object.keys(FEEDS)) {
      expect(byUrl.get(path)?.lastStatus, path).toBe('ok');
      expect(byUrl.get(path)?.itemCount, path).toBeGreaterThan(0);
    }
    expect(byUrl.get('/broken.xml')?.lastStatus).toBe('error');
    expect(byUrl.get('/broken.xml')?.lastError).toMatch(/^parse:/);
    expect(byUrl.get('/gone.xml')?.lastStatus).toBe('gone');
    expect(byUrl.get('/gone.xml')?.enabled).toBe(false);
    expect(byUrl.get('/gone.xml')?.lastError).toMatch(/410/);
    expect(byUrl.get('/gone.xml')?.lastHttpStatus).toBe(410);
  });

  it('decodes windows-1251, ISO-8859-1 and ISO-8859-7 feeds into readable text', async () => {
    const text = async (path: string) =>
      JSON.stringify((await json(await app.request(`/api/items?source=${sourceIds[path]}&limit=200`))).items.map((i: any) => [i.title, i.summary]));
    expect(await text('/ibash.xml')).toMatch(/[а-яё]{4,}/i);
    expect(await text('/ibash.xml')).not.toContain('\uFFFD');
    expect(await text('/golem.xml')).toMatch(/[äöüß]/);
    expect(await text('/golem.xml')).not.toContain('\uFFFD');
    expect(await text('/liberal.xml')).toMatch(/[α-ω]{4,}/i);
  });

  it('a second poll sends the stored validators and adds nothing', async () => {
    const before = (await json(await app.request('/healthz'))).items;
    origin.requests.length = 0;
    const report = await json(await app.request(`/api/sources/${sourceIds['/sky.xml']}/poll`, { method: 'POST', headers: auth }));
    expect(report.status).toBe('not_modified');
    const request = origin.requests.find((r) => r.path === '/sky.xml');
    expect(request?.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(request?.headers['if-modified-since']).toBe('Tue, 05 Apr 2022 21:30:00 GMT');
    expect(request?.headers['user-agent']).toMatch(/^topicwire\//);
    // Even a full re-download adds nothing: every entry is known by its key.
    origin.routes.set('/guardian-again.xml', FEEDS['/guardian.xml']!);
    const guardian = await json(await app.request(`/api/sources/${sourceIds['/guardian.xml']}/poll`, { method: 'POST', headers: auth }));
    expect(['not_modified', 'ok']).toContain(guardian.status);
    expect(guardian.newEntries).toBe(0);
    expect((await json(await app.request('/healthz'))).items).toBe(before);
  });
});

describe('GET /feeds/{expr}', () => {
  it('russia.rss lists the Russia stories, each tagged russia (every item: ?collapse=false)', async () => {
    // By default a story cluster is listed once when any of its items is about Russia, shown as
    // its earliest item, which need not name Russia itself.
    const response = await app.request('/feeds/russia.rss?limit=500&collapse=false');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const feed = await parser.parseString(await response.text());
    const titles = feed.items.map((item) => item.title);
    expect(titles).toContain('‘Barbarians’: Russian troops leave grisly mark on town of Trostianets');
    expect(titles).toContain('Drone footage appears to show Russian military vehicles firing shots towards cyclist in Bucha');
    expect(titles).not.toContain('Musician admits murdering teenager Bobbi-Anne McLeod');
    expect(feed.items.length).toBeGreaterThan(20);
    for (const item of feed.items) expect(item.categories, item.title).toContain('Russia');
  });

  it('a story served by two sources appears once, naming both', async () => {
    const feed = await parser.parseString(await (await app.request('/feeds/russia.rss?limit=500')).text());
    const drone = feed.items.filter((item) => item.title?.startsWith('Drone footage appears to show Russian'));
    expect(drone).toHaveLength(1);
    expect(drone[0]?.link).toBe('https://news.sky.com/story/ukraine-war-drone-footage-appears-to-show-russian-military-vehicles-shooting-towards-cyclist-in-bucha-12582834');
    const page = await json(await app.request('/api/items?topics=russia&limit=200'));
    const item = page.items.find((i: any) => i.title.startsWith('Drone footage appears to show Russian'));
    const detail = await json(await app.request(`/api/items/${item.id}`));
    expect(detail.sources.map((s: any) => new URL(s.url).pathname).sort()).toEqual(['/sky.xml', '/wire.xml']);
    expect(detail.duplicates).toHaveLength(1);
  });

  it('kazakhstan+russia is the stories about both, and a hostile item loses its scripts', async () => {
    const body = await (await app.request('/feeds/kazakhstan+russia.rss')).text();
    const feed = await parser.parseString(body);
    expect(feed.items.map((i) => i.title)).toEqual(['Kremlin says talks with Kazakhstan on Caspian pipeline went well']);
    const item = feed.items[0]!;
    expect((item as { 'content:encoded'?: string })['content:encoded']).toContain('Russia and Kazakhstan met in Astana.');
    for (const text of [body, JSON.stringify(await json(await app.request('/feeds/kazakhstan+russia.json')))]) {
      expect(text).not.toMatch(/<script/i);
      expect(text).not.toMatch(/onerror|onclick/i);
      expect(text).not.toMatch(/javascript:/i);
      expect(text).not.toMatch(/<iframe/i);
    }
  });

  it('.atom and .json carry the same items in the same order as .rss', async () => {
    const rss = await parser.parseString(await (await app.request('/feeds/russia.rss?limit=100')).text());
    const atomResponse = await app.request('/feeds/russia.atom?limit=100');
    expect(atomResponse.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const atom = await parser.parseString(await atomResponse.text());
    const jsonResponse = await app.request('/feeds/russia.json?limit=100');
    expect(jsonResponse.headers.get('content-type')).toMatch(/^application\/feed\+json/);
    const jsonFeed = await json(jsonResponse);
    expect(jsonFeed.version).toBe('https://jsonfeed.org/version/1.1');
    const links = rss.items.map((i) => i.link);
    expect(links.length).toBeGreaterThan(20);
    expect(atom.items.map((i) => i.link)).toEqual(links);
    expect(jsonFeed.items.map((i: any) => i.url)).toEqual(links);
    expect(atom.items.map((i) => i.id)).toEqual(rss.items.map((i) => i.guid));
    expect(jsonFeed.items.map((i: any) => i.id)).toEqual(rss.items.map((i) => i.guid));
  });

  it('answers 304 to a matching If-None-Match and If-Modified-Since', async () => {
    let first = await app.request('/feeds/russia.atom');
    // Last-Modified is withheld during the second of the last change (an If-Modified-Since in
    // whole seconds could hide a later change in the same second): wait for it to be over.
    for (let i = 0; i < 30 && first.headers.get('last-modified') === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      first = await app.request('/feeds/russia.atom');
    }
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect((await app.request('/feeds/russia.atom', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const lastModified = first.headers.get('last-modified')!;
    expect((await app.request('/feeds/russia.atom', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await app.request('/feeds/russia.atom', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('an unknown slug is a 404 naming close matches; a malformed expression a 400', async () => {
    const unknown = await app.request('/feeds/kazakstan+russia.rss');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await json(unknown);
    expect(problem.code).toBe('unknown_topic');
    expect(problem.suggestions.kazakstan).toContain('kazakhstan');
    const malformed = await app.request('/feeds/russia++.rss');
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).code).toBe('invalid_expression');
    expect((await app.request('/feeds/russia.txt')).status).toBe(400);
  });

  it('honours ?limit= and rejects one over the cap', async () => {
    const feed = await parser.parseString(await (await app.request('/feeds/russia.rss?limit=3')).text());
    expect(feed.items).toHaveLength(3);
    expect((await app.request('/feeds/russia.rss?limit=501')).status).toBe(400);
  });
});

describe('the JSON API', () => {
  it('pages through items newest first with a cursor, without repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let lastDate = Number.POSITIVE_INFINITY;
    do {
      const page: any = await json(await app.request(`/api/items?topics=russia&limit=7${cursor ? `&cursor=${cursor}` : ''}`));
      for (const item of page.items) {
        const at = Date.parse(item.publishedAt);
        expect(at).toBeLessThanOrEqual(lastDate);
        lastDate = at;
        seen.push(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await json(await app.request('/api/items?topics=russia&limit=200'));
    expect(seen).toEqual(all.items.map((i: any) => i.id));
  });

  it('reads `+` arriving as a space in the query string as AND', async () => {
    const page = await json(await app.request('/api/items?topics=kazakhstan+russia'));
    expect(page.items.map((i: any) => i.title)).toEqual(['Kremlin says talks with Kazakhstan on Caspian pipeline went well']);
  });

  it('lists topics with iso2 and item counts', async () => {
    const { topics } = await json(await app.request('/api/topics'));
    const russia = topics.find((t: any) => t.slug === 'russia');
    expect(russia).toMatchObject({ kind: 'country', iso2: 'RU', name: 'Russia' });
    expect(russia.itemCount).toBeGreaterThan(20);
    expect(topics.filter((t: any) => t.kind === 'country').length).toBeGreaterThanOrEqual(249);
  });

  it('refuses writes without the admin token, as problem+json', async () => {
    const response = await app.request('/api/sources', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://example.org/feed' }) });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await json(response)).code).toBe('unauthorized');
    const wrong = await app.request(`/api/sources/${sourceIds['/sky.xml']}/poll`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('answers a malformed request with a 400 problem, not a stack trace', async () => {
    const response = await app.request('/api/sources', { method: 'POST', headers: auth, body: '{"url": 42}' });
    expect(response.status).toBe(400);
    const problem = await json(response);
    expect(problem.code).toBe('validation_failed');
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/);
    const notJson = await app.request('/api/sources', { method: 'POST', headers: auth, body: 'not json' });
    expect(notJson.status).toBe(400);
  });
});
