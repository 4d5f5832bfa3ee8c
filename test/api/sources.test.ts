// /api/sources: list, read, add (feed URL or page URL), update, delete, poll now, OPML import
// and export, with the admin token checked on every write.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { MAX_BODY_BYTES } from '../../src/api/app';
import { claimSource } from '../../src/store/sources';
import { sources } from '../../src/store/schema';
import { AUTH, json, startHarness, type Harness } from './harness';

let h: Harness;
const request = (path: string, init: RequestInit = {}) => h.app.request(path, init);
const write = (method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) =>
  request(path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });

beforeAll(async () => {
  h = await startHarness({
    feeds: ['bbc-news-world-20260218.xml', 'wire-20260218.xml', 'golem-de-20181028.xml'],
    servable: ['japantoday-world-20260218.xml', 'dw-english-all-20260218.xml'],
    routes: {
      '/japan-today/': {
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html><head><title>Japan Today</title><link rel="alternate" type="application/rss+xml" title="World" href="/japantoday-world-20260218.xml"></head><body>News</body></html>',
      },
      '/no-feed/': { contentType: 'text/html', body: '<!doctype html><html><head><title>Nothing</title></head><body>no feed here</body></html>' },
      '/gone.xml': { contentType: 'text/plain', body: 'gone', status: 410 },
      '/not-a-feed.xml': { contentType: 'application/xml', body: '<?xml version="1.0"?><rss version="2.0"><channel><title>cut off' },
    },
  });
}, 60_000);
afterAll(async () => h?.close());

describe('GET /api/sources and /api/sources/{id}', () => {
  it('lists sources with their poll state and item counts', async () => {
    const { sources } = await json(request('/api/sources'));
    const bbc = sources.find((s: any) => s.id === h.sourceIds['bbc-news-world-20260218.xml']);
    expect(bbc).toMatchObject({ title: 'BBC News', enabled: true, lastStatus: 'ok', lastHttpStatus: 200, lastError: null, errorCount: 0, itemCount: 33 });
    expect(Date.parse(bbc.nextPollAt)).toBeGreaterThan(Date.parse(bbc.lastPolledAt));
  });

  it('reads one source by id', async () => {
    const id = h.sourceIds['golem-de-20181028.xml'];
    const source = await json(request(`/api/sources/${id}`));
    expect(source).toMatchObject({ id, title: 'Golem.de', itemCount: 40, lastStatus: 'ok' });
  });

  it.each([
    ['/api/sources/999', 404, 'source_not_found'],
    ['/api/sources/abc', 400, 'validation_failed'],
  ])('answers %s with %i %s', async (path, status, code) => {
    const response = await request(path);
    expect(response.status).toBe(status);
    expect((await json(response)).code).toBe(code);
  });
});

describe('POST /api/sources', () => {
  it('adds the feed a web page links to (autodiscovery)', async () => {
    const response = await write('POST', '/api/sources', { url: `${h.origin.url}/japan-today/` });
    expect(response.status).toBe(201);
    const source = await json(response);
    expect(source.url).toBe(`${h.origin.url}/japantoday-world-20260218.xml`);
    // Polled at once: the 201 is the source after its first poll, with that poll's report.
    expect(source.lastStatus).toBe('ok');
    expect(source.poll).toMatchObject({ sourceId: source.id, status: 'ok', url: source.url, httpStatus: 200 });
    expect(source.poll.newEntries).toBeGreaterThan(0);
    expect((await json(request(`/api/sources/${source.id}`))).itemCount).toBe(source.poll.newEntries);
    expect(typeof source.poll.nextPollAt).toBe('string');
  });

  it.each([
    ['a 404', '/missing.xml', 404],
    ['a 410', '/gone.xml', 410],
  ])('refuses a URL that answers %s with 422 feed_unreachable, storing nothing', async (_label, path, upstreamStatus) => {
    const before = (await json(request('/api/sources'))).sources.length;
    const response = await write('POST', '/api/sources', { url: `${h.origin.url}${path}` });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await json(response);
    expect(problem).toMatchObject({ code: 'feed_unreachable', reason: 'http_error', upstreamStatus });
    expect(problem.fetchError).toContain(`HTTP ${upstreamStatus}`);
    expect(problem.detail).toContain(problem.fetchError);
    expect((await json(request('/api/sources'))).sources.length).toBe(before);
  });

  it('refuses a URL that answers 200 with something that is not a feed, after its first poll', async () => {
    const before = (await json(request('/api/sources'))).sources.length;
    const response = await write('POST', '/api/sources', { url: `${h.origin.url}/not-a-feed.xml` });
    expect(response.status).toBe(422);
    const problem = await json(response);
    expect(problem).toMatchObject({ code: 'feed_unreachable', reason: 'parse_failed' });
    expect(problem.fetchError).toMatch(/^parse:/);
    expect((await json(request('/api/sources'))).sources.length).toBe(before);
  });

  it('refuses a connection that fails with 422 feed_unreachable naming the network error', async () => {
    // A port nothing listens on: take a free one, then close it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const response = await write('POST', '/api/sources', { url: `http://127.0.0.1:${port}/feed.xml` });
    expect(response.status).toBe(422);
    const problem = await json(response);
    expect(problem).toMatchObject({ code: 'feed_unreachable', reason: 'network_error' });
    expect(problem.fetchError).toMatch(/ECONNREFUSED/);
  });

  it('adds an unreachable URL with "force": true, recording the failed first poll on the source', async () => {
    const response = await write('POST', '/api/sources', { url: `${h.origin.url}/later.xml`, force: true });
    expect(response.status).toBe(201);
    const source = await json(response);
    expect(source).toMatchObject({ url: `${h.origin.url}/later.xml`, lastStatus: 'error', lastHttpStatus: 404, errorCount: 1, enabled: true });
    expect(source.poll).toMatchObject({ status: 'error', httpStatus: 404 });
    expect(source.lastError).toMatch(/404/);
  });

  it('answers 200 with the stored source when the URL is already a source', async () => {
    const response = await write('POST', '/api/sources', { url: `${h.origin.url}/bbc-news-world-20260218.xml` });
    expect(response.status).toBe(200);
    expect((await json(response)).id).toBe(h.sourceIds['bbc-news-world-20260218.xml']);
  });

  it.each([
    [{ url: 'not a url' }, 400, 'invalid_url'],
    [{ url: 'ftp://example.org/feed' }, 400, 'invalid_url'],
    [{ url: 'https://user:pw@example.org/feed' }, 400, 'invalid_url'],
    [{ url: 42 }, 400, 'validation_failed'],
    [{ url: 'https://example.org/feed', minIntervalSeconds: 10 }, 400, 'validation_failed'],
    [{ url: 'https://example.org/feed', minIntervalSeconds: 7200, maxIntervalSeconds: 3600 }, 400, 'validation_failed'],
    ['{not json', 400, 'validation_failed'],
  ])('refuses %j with %i %s', async (body, status, code) => {
    const response = await write('POST', '/api/sources', body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await json(response)).code).toBe(code);
  });

  it('answers 422 for a page that links to no feed', async () => {
    const response = await write('POST', '/api/sources', { url: `${h.origin.url}/no-feed/` });
    expect(response.status).toBe(422);
    expect((await json(response)).code).toBe('no_feed_found');
  });

  it('answers 413 for a body over the limit, before reading it', async () => {
    const response = await write('POST', '/api/sources', { url: 'https://example.org/feed', title: 'x'.repeat(MAX_BODY_BYTES) });
    expect(response.status).toBe(413);
    expect((await json(response)).code).toBe('payload_too_large');
  });

  it.each([
    ['no token', { 'content-type': 'application/json' }],
    ['a wrong token', { 'content-type': 'application/json', authorization: 'Bearer wrong' }],
    ['another scheme', { 'content-type': 'application/json', authorization: 'Basic dGVzdDp0ZXN0' }],
  ])('refuses a write with %s as 401 problem+json with WWW-Authenticate', async (_label, headers) => {
    const before = (await json(request('/api/sources'))).sources.length;
    const response = await write('POST', '/api/sources', { url: `${h.origin.url}/dw-english-all-20260218.xml` }, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="topicwire"/);
    expect((await json(response)).code).toBe('unauthorized');
    expect((await json(request('/api/sources'))).sources.length).toBe(before);
  });
});

describe('PATCH /api/sources/{id}', () => {
  it('updates the title, the poll bounds and enabled', async () => {
    const id = h.sourceIds['golem-de-20181028.xml'];
    const response = await write('PATCH', `/api/sources/${id}`, { title: 'Golem (IT)', enabled: false, minIntervalSeconds: 900, maxIntervalSeconds: 7200 });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id, title: 'Golem (IT)', enabled: false, minIntervalSeconds: 900, maxIntervalSeconds: 7200 });
    expect(await json(request(`/api/sources/${id}`))).toMatchObject({ title: 'Golem (IT)', enabled: false });
    const cleared = await json(write('PATCH', `/api/sources/${id}`, { title: null, enabled: true }));
    expect(cleared).toMatchObject({ title: null, enabled: true, minIntervalSeconds: 900 });
  });

  it.each([
    [{ minIntervalSeconds: 90_000 }, 400, 'validation_failed'],
    [{ enabled: 'yes' }, 400, 'validation_failed'],
    [{ minIntervalSeconds: 59 }, 400, 'validation_failed'],
  ])('refuses %j with %i %s', async (patch, status, code) => {
    const response = await write('PATCH', `/api/sources/${h.sourceIds['golem-de-20181028.xml']}`, patch);
    expect(response.status).toBe(status);
    expect((await json(response)).code).toBe(code);
  });

  it('answers 404 for an unknown source and 401 without the token', async () => {
    expect((await write('PATCH', '/api/sources/999', { enabled: false })).status).toBe(404);
    const response = await write('PATCH', `/api/sources/${h.sourceIds['golem-de-20181028.xml']}`, { enabled: false }, { 'content-type': 'application/json' });
    expect(response.status).toBe(401);
  });
});

describe('POST /api/sources/{id}/poll', () => {
  it('polls now and reports; a failing feed is a report with the error, and the source keeps it', async () => {
    const created = await json(write('POST', '/api/sources', { url: `${h.origin.url}/gone.xml`, force: true }));
    const report = await json(write('POST', `/api/sources/${created.id}/poll`));
    expect(report).toMatchObject({ sourceId: created.id, status: 'error', httpStatus: 410 });
    expect(report.error).toMatch(/410/);
    const source = await json(request(`/api/sources/${created.id}`));
    // 410 Gone: the source is disabled rather than polled again.
    // Its first poll (when it was added) and this one.
    expect(source).toMatchObject({ lastStatus: 'gone', enabled: false, lastHttpStatus: 410, errorCount: 2 });
    expect(source.lastError).toMatch(/410/);
  });

  it('answers 404 for an unknown source', async () => {
    expect((await write('POST', '/api/sources/999/poll')).status).toBe(404);
  });

  it('takes the lease a round takes: a source another poller holds answers 409 and is not fetched; the poll releases its own lease', async () => {
    const id = h.sourceIds['bbc-news-world-20260218.xml'] as number;
    const now = Date.now();
    // Another poller (a scheduler round, the CLI, a second server) holds the source.
    expect(await claimSource(h.runtime.db, id, { now, leaseUntil: now + 60_000 })).toBeDefined();
    const before = h.origin.requests.length;
    const busy = await write('POST', `/api/sources/${id}/poll`);
    expect(busy.status).toBe(409);
    expect(busy.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await busy.json()).code).toBe('poll_in_progress');
    expect(h.origin.requests.length).toBe(before);
    // The other poller finishes (its poll state releases the lease): poll now goes ahead.
    await h.runtime.db.update(sources).set({ leaseUntil: null }).where(eq(sources.id, id));
    const report = await json(write('POST', `/api/sources/${id}/poll`));
    expect(report).toMatchObject({ sourceId: id, status: 'not_modified' });
    expect(h.origin.requests.length).toBe(before + 1);
    const [row] = await h.runtime.db.select({ leaseUntil: sources.leaseUntil }).from(sources).where(eq(sources.id, id));
    expect(row?.leaseUntil).toBeNull();
  });
});

describe('DELETE /api/sources/{id}', () => {
  it('deletes a source: its own stories go, stories another source carries stay', async () => {
    const wire = h.sourceIds['wire-20260218.xml'];
    const bbc = h.sourceIds['bbc-news-world-20260218.xml'];
    const shared = (await json(request(`/api/items?source=${wire}&q=geneva`))).items[0];
    expect(shared.sources.map((s: any) => s.id).sort()).toEqual([bbc, wire].sort());
    const own = (await json(request(`/api/items?source=${wire}&topics=kazakhstan`))).items;
    expect(own.length).toBeGreaterThan(0);

    const response = await write('DELETE', `/api/sources/${wire}`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await request(`/api/sources/${wire}`)).status).toBe(404);
    const kept = await json(request(`/api/items/${shared.id}`));
    expect(kept.sources.map((s: any) => s.id)).toEqual([bbc]);
    for (const item of own) expect((await request(`/api/items/${item.id}`)).status).toBe(404);
    expect((await write('DELETE', `/api/sources/${wire}`)).status).toBe(404);
  });

  it('answers 401 without the token and deletes nothing', async () => {
    const id = h.sourceIds['golem-de-20181028.xml'];
    expect((await write('DELETE', `/api/sources/${id}`, undefined, {})).status).toBe(401);
    expect((await request(`/api/sources/${id}`)).status).toBe(200);
  });
});

describe('POST /api/sources/import and GET /api/sources.opml', () => {
  it('imports an OPML document, reporting each outline as added, present or invalid', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
      <outline text="News"><outline text="DW" type="rss" xmlUrl="${h.origin.url}/dw-english-all-20260218.xml"/>
      <outline text="BBC" type="rss" xmlUrl="${h.origin.url}/bbc-news-world-20260218.xml"/>
      <outline text="Bad" type="rss" xmlUrl="gopher://example.org/feed"/></outline></body></opml>`;
    const response = await write('POST', '/api/sources/import', opml, { ...AUTH, 'content-type': 'text/x-opml' });
    expect(response.status).toBe(200);
    const result = await json(response);
    expect(result).toMatchObject({ added: 1, present: 1, invalid: 1 });
    expect(result.results.map((r: any) => r.status)).toEqual(['added', 'present', 'invalid']);
  });

  it('refuses a document that is not OPML with 400, and an import without the token with 401', async () => {
    const notOpml = await write('POST', '/api/sources/import', '<rss><channel/></rss>', { ...AUTH, 'content-type': 'application/xml' });
    expect(notOpml.status).toBe(400);
    expect((await json(notOpml)).code).toBe('validation_failed');
    expect((await write('POST', '/api/sources/import', '<opml/>', { 'content-type': 'text/x-opml' })).status).toBe(401);
  });

  it('exports every source as OPML', async () => {
    const response = await request('/api/sources.opml');
    expect(response.headers.get('content-type')).toMatch(/^text\/x-opml/);
    const text = await response.text();
    const { sources } = await json(request('/api/sources'));
    for (const source of sources) expect(text).toContain(`xmlUrl="${source.url}"`);
  });
});
