// /api/topics: list, read, define (custom or extending a country), delete, preview; the
// definition is validated at the edge and saved topics re-tag the stories already stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/api/app';
import { AUTH, json, startHarness, type Harness } from './harness';

let h: Harness;
const get = (path: string) => h.app.request(path);
const put = (slug: string, body: unknown, headers: Record<string, string> = AUTH) =>
  h.app.request(`/api/topics/${slug}`, { method: 'PUT', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const preview = (body: unknown) => h.app.request('/api/topics/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Waits for the background re-tagging of `slug` to finish (a few steps at most here). */
async function retagged(slug: string): Promise<any> {
  for (let i = 0; i < 50; i++) {
    const topic = await json(get(`/api/topics/${slug}`));
    if (!topic.retag?.running) return topic;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`re-tagging ${slug} did not finish`);
}

beforeAll(async () => {
  h = await startHarness({ feeds: ['bbc-news-world-20260218.xml', 'wire-20260218.xml', 'japantoday-world-20260218.xml'] });
}, 60_000);
afterAll(async () => h?.close());

describe('GET /api/topics', () => {
  it('lists every country with counts and feed links, and filters by kind', async () => {
    const { topics } = await json(get('/api/topics'));
    expect(topics.filter((t: any) => t.kind === 'country').length).toBeGreaterThanOrEqual(249);
    const kazakhstan = topics.find((t: any) => t.slug === 'kazakhstan');
    expect(kazakhstan).toMatchObject({ name: 'Kazakhstan', iso2: 'KZ', itemCount: 2 });
    expect(kazakhstan.feeds).toEqual({
      rss: 'http://topicwire.test/feeds/kazakhstan.rss',
      atom: 'http://topicwire.test/feeds/kazakhstan.atom',
      json: 'http://topicwire.test/feeds/kazakhstan.json',
      html: 'http://topicwire.test/topics/kazakhstan',
    });
    expect((await json(get('/api/topics?kind=custom'))).topics).toEqual([]);
    expect((await get('/api/topics?kind=planet')).status).toBe(400);
  });

  it('reads one topic, and answers an unknown slug with 404 and suggestions', async () => {
    expect(await json(get('/api/topics/russia'))).toMatchObject({ slug: 'russia', kind: 'country', iso2: 'RU' });
    const unknown = await get('/api/topics/kazakstan');
    expect(unknown.status).toBe(404);
    const problem = await json(unknown);
    expect(problem.code).toBe('unknown_topic');
    expect(problem.suggestions.kazakstan).toContain('kazakhstan');
    expect((await get('/api/topics/Not_A_Slug')).status).toBe(400);
  });
});

describe('PUT /api/topics/{slug}', () => {
  it('defines a custom topic and re-tags the stories already stored', async () => {
    const response = await put('caspian-energy', { name: 'Caspian energy', include: ['Caspian pipeline', 'Tengiz*'], exclude: ['caviar'] });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ slug: 'caspian-energy', name: 'Caspian energy', kind: 'custom', include: ['Caspian pipeline', 'Tengiz*'], exclude: ['caviar'] });
    const topic = await retagged('caspian-energy');
    expect(topic.itemCount).toBe(1);
    const items = (await json(get('/api/items?topics=caspian-energy'))).items;
    expect(items.map((i: any) => i.title)).toEqual(['Kremlin says talks with Kazakhstan on Caspian pipeline went well']);
    expect((await json(get('/api/topics?kind=custom'))).topics.map((t: any) => t.slug)).toEqual(['caspian-energy']);
  });

  it('extends a country with extra terms, and removing them re-tags it back', async () => {
    const before = (await json(get('/api/topics/switzerland'))).itemCount;
    const response = await put('switzerland', { include: ['Geneva'] });
    expect(response.status).toBe(200);
    expect((await json(response)).kind).toBe('country');
    const extended = await retagged('switzerland');
    expect(extended.itemCount).toBeGreaterThan(before);
    const removed = await h.app.request('/api/topics/switzerland', { method: 'DELETE', headers: AUTH });
    expect(await json(removed)).toEqual({ slug: 'switzerland', result: 'extension_removed' });
    for (let i = 0; i < 50 && (await json(get('/api/topics/switzerland'))).itemCount !== before; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await json(get('/api/topics/switzerland'))).itemCount).toBe(before);
  });

  it.each([
    ['no include terms', { include: [] }, 'validation_failed'],
    ['a * inside a term', { include: ['Ca*spian'] }, 'validation_failed'],
    ['a lone *', { include: ['*'] }, 'validation_failed'],
    ['a term over 100 characters', { include: ['x'.repeat(101)] }, 'validation_failed'],
    ['201 terms', { include: Array.from({ length: 201 }, (_, i) => `term${i}`) }, 'validation_failed'],
    ['an unknown field', { include: ['x'], fields: ['body'] }, 'validation_failed'],
    ['a string for include', { include: 'Caspian' }, 'validation_failed'],
  ])('refuses a definition with %s (400 %s)', async (_label, body, code) => {
    const response = await put('bad-topic', body);
    expect(response.status).toBe(400);
    expect((await json(response)).code).toBe(code);
    expect((await get('/api/topics/bad-topic')).status).toBe(404);
  });

  it('refuses a malformed slug, a missing token and an oversized body', async () => {
    expect((await put('Bad Slug', { include: ['x'] })).status).toBe(400);
    expect((await put('no-token', { include: ['x'] }, { 'content-type': 'application/json' })).status).toBe(401);
    const huge = await put('huge', { include: ['x'], name: 'y'.repeat(MAX_BODY_BYTES) });
    expect(huge.status).toBe(413);
  });
});

describe('DELETE /api/topics/{slug}', () => {
  it('deletes a custom topic and its tags', async () => {
    await put('to-delete', { include: ['Geneva'] });
    await retagged('to-delete');
    const response = await h.app.request('/api/topics/to-delete', { method: 'DELETE', headers: AUTH });
    expect(await json(response)).toEqual({ slug: 'to-delete', result: 'deleted' });
    expect((await get('/api/topics/to-delete')).status).toBe(404);
    expect((await get('/api/items?topics=to-delete')).status).toBe(404);
  });

  it.each([
    ['/api/topics/russia', 409, 'conflict'],
    ['/api/topics/no-such-topic', 404, 'topic_not_found'],
  ])('answers DELETE %s with %i %s', async (path, status, code) => {
    const response = await h.app.request(path, { method: 'DELETE', headers: AUTH });
    expect(response.status).toBe(status);
    expect((await json(response)).code).toBe(code);
  });
});

describe('POST /api/topics/preview', () => {
  it('lists the stored stories a definition would match, before saving it', async () => {
    const response = await preview({ definition: { include: ['Geneva'] }, limit: 5 });
    expect(response.status).toBe(200);
    const result = await json(response);
    expect(result.scanned).toBeGreaterThan(50);
    expect(result.matchCount).toBeGreaterThanOrEqual(3);
    expect(result.items.length).toBe(Math.min(5, result.matchCount));
    for (const item of result.items) expect(`${item.title} ${item.summary}`).toMatch(/geneva/i);
    expect(result.gained.length).toBe(result.matchCount);
    expect((await get('/api/topics/preview-topic')).status).toBe(404);
  });

  it('compares with the saved topic: gained and lost', async () => {
    const result = await json(preview({ slug: 'caspian-energy', definition: { include: ['Geneva'] } }));
    expect(result.lost.length).toBe(1);
    expect(result.gained.length).toBe(result.matchCount);
  });

  it('previews an expression', async () => {
    const result = await json(preview({ expression: 'kazakhstan+russia' }));
    expect(result.items.map((i: any) => i.title)).toContain('Kremlin says talks with Kazakhstan on Caspian pipeline went well');
  });

  it.each([
    ['both a definition and an expression', { definition: { include: ['x'] }, expression: 'russia' }, 400, 'validation_failed'],
    ['neither', {}, 400, 'validation_failed'],
    ['an unknown topic', { expression: 'kazakstan' }, 404, 'unknown_topic'],
    ['a malformed expression', { expression: 'russia++' }, 400, 'invalid_expression'],
    ['a scan over the cap', { definition: { include: ['x'] }, scan: 20_001 }, 400, 'validation_failed'],
  ])('refuses %s', async (_label, body, status, code) => {
    const response = await preview(body);
    expect(response.status).toBe(status);
    expect((await json(response)).code).toBe(code);
  });
});
