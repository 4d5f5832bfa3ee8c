// GET /api/items (filters, full-text search, cursors) and GET /api/items/{id}, against real
// feeds in English, German, Greek and Russian polled from a loopback origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, json, startHarness, type Harness } from './harness';

let h: Harness;
const get = (path: string) => h.app.request(path);
const items = async (query: string) => (await json<{ items: any[]; nextCursor: string | null }>(get(`/api/items?${query}`)));

beforeAll(async () => {
  h = await startHarness({ servable: ['nytimes-world-20260218.xml', 'cbsnews-world-20260217.xml'] });
}, 60_000);
afterAll(async () => h?.close());

describe('GET /api/items?q= (full-text search)', () => {
  it.each([
    ['Russian, a word from the title', 'зерна', 'Казахстан и Россия договорились о транзите зерна'],
    ['Russian, in capitals', 'КАЗАХСТАН', 'Казахстан и Россия договорились о транзите зерна'],
    ['Russian, a prefix for an inflected form in the summary', 'казахста*', 'Казахстан и Россия договорились о транзите зерна'],
    ['Russian from a windows-1251 feed', 'программер', 'Цитата #17703'],
    ['Greek, with its accent', 'καραντίνας', '«Πορτραίτα καραντίνας» για έμπνευση από τη συλλογή Φέλιου'],
    ['Greek, without accents', 'καραντινας', '«Πορτραίτα καραντίνας» για έμπνευση από τη συλλογή Φέλιου'],
    ['Greek, in capitals', 'ΠΟΡΤΡΑΙΤΑ', '«Πορτραίτα καραντίνας» για έμπνευση από τη συλλογή Φέλιου'],
    ['German, with its umlaut', 'Sicherheitslücke', 'Linux und BSD: Sicherheitslücke in X.org ermöglicht Root-Rechte'],
    ['German, umlaut typed without dots', 'sicherheitslucke', 'Linux und BSD: Sicherheitslücke in X.org ermöglicht Root-Rechte'],
    ['German, ß', 'großbritannien', 'Uniti One: Elektroauto für 15.000 Euro wird in Großbritannien gebaut'],
    ['English, a phrase', '"peace talks" geneva', 'First day of Russia-Ukraine peace talks ends in Geneva'],
  ])('finds %s', async (_label, q, title) => {
    const page = await items(`q=${encodeURIComponent(q)}&limit=50`);
    expect(page.items.map((item) => item.title)).toContain(title);
  });

  it('finds ё when it is typed as е, and marks the word as written', async () => {
    const page = await items(`q=${encodeURIComponent('чертеж')}`);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].snippet).toContain('<mark>чертёж</mark>');
  });

  it('marks the matched words in an HTML-escaped snippet and title', async () => {
    const page = await items(`q=${encodeURIComponent('казахстан*')}`);
    const hit = page.items.find((item) => item.title.startsWith('Казахстан и Россия'));
    expect(hit.titleHighlight).toBe('<mark>Казахстан</mark> и Россия договорились о транзите зерна');
    expect(hit.snippet).toContain('<mark>');
    const escaped = (await items('q=climber')).items[0];
    expect(escaped.title).toContain("Austria's");
    expect(escaped.titleHighlight).toBe('<mark>Climber</mark> on trial for leaving girlfriend to die on Austria&#39;s highest mountain');
  });

  it('leaves snippet fields out of listings without q', async () => {
    const page = await items('limit=3');
    expect(page.items[0]).not.toHaveProperty('snippet');
    expect(page.items[0]).not.toHaveProperty('titleHighlight');
  });

  it('excludes words with a minus and reads OR between alternatives', async () => {
    const geneva = (await items('q=geneva&limit=50')).items.map((i) => i.id);
    const withoutUkraine = (await items(`q=${encodeURIComponent('geneva -ukraine')}&limit=50`)).items;
    expect(withoutUkraine.length).toBeLessThan(geneva.length);
    for (const item of withoutUkraine) expect(`${item.title} ${item.summary}`).not.toMatch(/ukraine/i);
    const either = (await items(`q=${encodeURIComponent('elektroauto OR καραντίνας')}&limit=50`)).items.map((i) => i.title);
    expect(either).toContain('«Πορτραίτα καραντίνας» για έμπνευση από τη συλλογή Φέλιου');
    expect(either).toContain('City Transformer: Startup entwickelt faltbares Elektroauto gegen Parkplatznot');
  });

  it('combines with a topic expression, a source, a language and dates', async () => {
    const withTopic = (await items(`q=talks&topics=${encodeURIComponent('kazakhstan+russia')}`)).items.map((i) => i.title);
    expect(withTopic).toEqual(['Kremlin says talks with Kazakhstan on Caspian pipeline went well']);
    const wire = h.sourceIds['wire-20260218.xml'];
    const fromWire = (await items(`q=geneva&source=${wire}`)).items;
    expect(fromWire.map((i) => i.title)).toEqual(['First day of Russia-Ukraine peace talks ends in Geneva']);
    expect((await items('q=Elektroauto&lang=de')).items.length).toBe(2);
    expect((await items('q=Elektroauto&lang=en')).items).toEqual([]);
    const dated = (await items('q=geneva&since=2026-02-17T20:00:00Z&until=2026-02-17T21:00:00Z')).items;
    expect(dated.map((i) => i.publishedAt)).toEqual(['2026-02-17T20:05:13.000Z']);
  });

  it('pages search hits newest first with the cursor, without repeats', async () => {
    const all = (await items('q=russia&limit=200')).items.map((i) => i.id);
    expect(all.length).toBeGreaterThan(8);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: any[]; nextCursor: string | null } = await items(`q=russia&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('ranks by relevance on request, title hits first, with its own cursor', async () => {
    const ranked = await items('q=geneva&sort=relevance&limit=2');
    expect(ranked.items).toHaveLength(2);
    for (const item of ranked.items) expect(item.title).toMatch(/geneva/i);
    expect(ranked.nextCursor).toMatch(/^r/);
    const next = await items(`q=geneva&sort=relevance&limit=2&cursor=${ranked.nextCursor}`);
    expect(next.items.map((i) => i.id)).not.toContain(ranked.items[0].id);
    const newestCursor = (await items('q=geneva&limit=1')).nextCursor;
    expect((await get(`/api/items?q=geneva&sort=relevance&cursor=${newestCursor}`)).status).toBe(400);
    expect((await get('/api/items?sort=relevance')).status).toBe(400);
  });

  it.each([
    ['only punctuation', '--- ...', 'invalid_query'],
    ['only an exclusion', '-ukraine', 'invalid_query'],
    ['a one-letter prefix', 'r*', 'invalid_query'],
    ['too many terms', Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '), 'invalid_query'],
    ['too long', 'x'.repeat(257), 'validation_failed'],
  ])('refuses a search with %s as a 400 problem', async (_label, q, code) => {
    const response = await get(`/api/items?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await json(response)).code).toBe(code);
  });

  it.each(['"unbalanced', 'title:geneva', 'AND OR NOT (', 'NEAR(a b)', "geneva'; drop table items; --", '^geneva'])(
    'treats FTS5 syntax in %j as plain words',
    async (q) => {
      const response = await get(`/api/items?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
    },
  );

  it('forgets the items of a deleted source and keeps those other sources carry (the index follows deletions)', async () => {
    const id = await h.addFeed('nytimes-world-20260218.xml');
    const before = (await items('q=olympic*&limit=50')).items;
    const onlyNyt = before.filter((item) => item.sources.length === 1 && item.sources[0].id === id).map((item) => item.id);
    const others = before.filter((item) => !onlyNyt.includes(item.id)).map((item) => item.id);
    expect(onlyNyt.length).toBeGreaterThan(0);
    expect((await h.app.request(`/api/sources/${id}`, { method: 'DELETE', headers: AUTH })).status).toBe(204);
    expect((await items('q=olympic*&limit=50')).items.map((item) => item.id)).toEqual(others);
    // The index holds exactly the stored items: one docsize row per indexed item.
    const counts = await h.runtime.client.execute('select (select count(*) from items_fts_docsize) as indexed, (select count(*) from items) as stored');
    expect(counts.rows[0]?.indexed).toBe(counts.rows[0]?.stored);
  });
});

describe('GET /api/items (filters and validation)', () => {
  it('filters by source, language and date range', async () => {
    const golem = h.sourceIds['golem-de-20181028.xml'];
    const fromGolem = (await items(`source=${golem}&limit=200`)).items;
    expect(fromGolem).toHaveLength(40);
    for (const item of fromGolem) expect(item.sources.map((s: any) => s.id)).toContain(golem);
    expect((await items('lang=el')).items.map((i) => i.language)).toEqual(['el']);
    const russian = (await items('lang=ru&limit=200')).items;
    expect(russian.length).toBeGreaterThan(40);
    for (const item of russian) expect(item.language).toMatch(/^ru(-|$)/);
    const day = (await items('since=2026-02-17&until=2026-02-18&limit=200')).items;
    expect(day.length).toBeGreaterThan(10);
    for (const item of day) expect(item.publishedAt.slice(0, 10)).toBe('2026-02-17');
  });

  it.each([
    ['limit=0', 'validation_failed'],
    ['limit=201', 'validation_failed'],
    ['limit=ten', 'validation_failed'],
    ['since=yesterday', 'validation_failed'],
    ['source=-1', 'validation_failed'],
    ['lang=not a language', 'validation_failed'],
    ['cursor=garbage', 'validation_failed'],
    ['topics=russia%2B%2B', 'invalid_expression'],
  ])('answers %s with a 400 %s problem', async (query, code) => {
    const response = await get(`/api/items?${query}`);
    expect(response.status).toBe(400);
    expect((await json(response)).code).toBe(code);
  });

  it('answers an unknown topic with a 404 naming the closest slugs', async () => {
    const response = await get('/api/items?topics=kazakstan');
    expect(response.status).toBe(404);
    const problem = await json(response);
    expect(problem.code).toBe('unknown_topic');
    expect(problem.suggestions.kazakstan).toContain('kazakhstan');
  });

  it('keeps pages stable while new items arrive between them', async () => {
    const before = (await items('limit=200')).items.map((i) => i.id);
    const seen: any[] = [];
    let cursor: string | null = null;
    let polledMidway = false;
    do {
      const page: { items: any[]; nextCursor: string | null } = await items(`limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!polledMidway) {
        // Newer and older stories land between the first page and the second.
        await h.addFeed('cbsnews-world-20260217.xml');
        polledMidway = true;
      }
    } while (cursor && seen.length < 400);
    const ids = seen.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      const ordered = a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.id > b.id);
      expect(ordered, `${a.id} before ${b.id}`).toBe(true);
    }
    // Every item that existed when paging began is on some page, from the first 200 at least.
    for (const id of before) expect(ids).toContain(id);
  });
});

describe('GET /api/items/{id}', () => {
  it('returns one story with every source that carried it and its duplicates', async () => {
    const page = await items(`q=${encodeURIComponent('"first day" geneva')}`);
    const story = page.items.find((i) => i.title === 'First day of Russia-Ukraine peace talks ends in Geneva');
    const detail = await json(get(`/api/items/${story.id}`));
    expect(detail.sources.map((s: any) => s.id).sort()).toEqual([h.sourceIds['bbc-news-world-20260218.xml'], h.sourceIds['wire-20260218.xml']].sort());
    expect(detail.duplicates).toHaveLength(1);
    expect(detail.topics.map((t: any) => t.slug)).toEqual(expect.arrayContaining(['russia', 'ukraine']));
  });

  it.each([
    ['/api/items/999999', 404, 'item_not_found'],
    ['/api/items/abc', 400, 'validation_failed'],
    ['/api/items/0', 400, 'validation_failed'],
  ])('answers %s with %i %s', async (path, status, code) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect((await json(response)).code).toBe(code);
  });
});
