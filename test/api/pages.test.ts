// The pages for people, read back with an HTML parser: the landing page, the expression box's
// redirect, a topic page (autodiscovery, order, clusters, chart, paging) and its error pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, json, NOW, startHarness, type Harness } from './harness';
import { attr, find, findAll, parseHtml, text, type HtmlNode } from './html';

let h: Harness;
const DAY_MS = 86_400_000;

async function page(path: string, status = 200): Promise<{ doc: HtmlNode; response: Response; html: string }> {
  const response = await h.app.request(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  return { doc: parseHtml(html), response, html };
}

beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => h?.close());

describe('GET /', () => {
  it('lists the topics that have stories with their counts and RSS, Atom and JSON links', async () => {
    const { doc } = await page('/');
    const { topics } = await json(h.app.request('/api/topics'));
    const russia = topics.find((t: any) => t.slug === 'russia');
    const item = findAll(doc, 'li').find((li) => findAll(li, 'a', { href: '/topics/russia' }).length > 0);
    expect(item).toBeDefined();
    expect(text(find(item!, 'span', { class: 'count' }))).toBe(String(russia.itemCount));
    expect(findAll(item!, 'a').map((a) => attr(a, 'href'))).toEqual(['/topics/russia', '/feeds/russia.rss', '/feeds/russia.atom', '/feeds/russia.json']);
    const withoutStories = topics.filter((t: any) => t.itemCount === 0).map((t: any) => `/topics/${t.slug}`);
    const linked = findAll(doc, 'a').map((a) => attr(a, 'href'));
    expect(linked.filter((href) => withoutStories.includes(href))).toEqual([]);
    expect(linked).toEqual(expect.arrayContaining(['/opml', '/opml?format=atom', '/opml?format=json']));
    expect(attr(find(doc, 'link', { rel: 'alternate', type: 'text/x-opml' }), 'href')).toBe('/opml');
  });

  it('shows popular combinations: the topic pairs that most often share a story lately', async () => {
    const { doc } = await page('/');
    const pairs = findAll(find(doc, 'ul', { class: 'pairs' }), 'a');
    expect(pairs.length).toBeGreaterThan(3);
    const first = pairs[0]!;
    const expression = attr(first, 'href')!.replace('/topics/', '');
    expect(expression).toBe('russia+ukraine');
    const since = new Date(NOW - 30 * DAY_MS).toISOString();
    const stories = (await json(h.app.request(`/api/items?topics=${expression}&since=${since}&limit=200`))).items.length;
    expect(text(find(first, 'span', { class: 'count' }))).toBe(String(stories));
  });

  it('has an expression box that leads to the topic page, spaces read as AND', async () => {
    const { doc } = await page('/');
    const form = find(doc, 'form', { action: '/topics' });
    expect(attr(form, 'method')).toBe('get');
    expect(attr(find(form, 'input'), 'name')).toBe('expr');
    for (const [query, location] of [
      ['expr=kazakhstan%2Brussia', '/topics/kazakhstan+russia'],
      ['expr=kazakhstan+russia', '/topics/kazakhstan+russia'],
      ['expr=%20', '/'],
      ['expr=a%2Fb%3Cc', '/topics/a%2Fb%3Cc'],
    ]) {
      const response = await h.app.request(`/topics?${query}`);
      expect(response.status, query).toBe(303);
      expect(response.headers.get('location'), query).toBe(location);
    }
  });

  it('escapes what operators and feeds wrote, and allows no script but its own', async () => {
    await h.app.request('/api/topics/hostile', { method: 'PUT', headers: AUTH, body: JSON.stringify({ name: '<img src=x onerror=alert(1)>', include: ['Geneva'] }) });
    const { doc, html, response } = await page('/');
    expect(findAll(doc, 'img')).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toMatch(/default-src 'none'/);
    expect(attr(find(doc, 'style'), 'nonce')).toBe(nonce);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await h.app.request('/api/topics/hostile', { method: 'DELETE', headers: AUTH });
  });
});

describe('GET /topics/{expr}', () => {
  it('links the RSS, Atom and JSON feeds for autodiscovery, with absolute URLs', async () => {
    const { doc } = await page('/topics/kazakhstan+russia');
    const links = findAll(doc, 'link', { rel: 'alternate' }).map((link) => [attr(link, 'type'), attr(link, 'href')]);
    expect(links).toEqual([
      ['application/rss+xml', 'http://topicwire.test/feeds/kazakhstan+russia.rss'],
      ['application/atom+xml', 'http://topicwire.test/feeds/kazakhstan+russia.atom'],
      ['application/feed+json', 'http://topicwire.test/feeds/kazakhstan+russia.json'],
    ]);
    expect(text(find(doc, 'h1'))).toBe('Kazakhstan + Russia');
    expect(attr(find(doc, 'meta', { name: 'viewport' }), 'content')).toBe('width=device-width, initial-scale=1');
  });

  it('lists the stories newest first with their sources and dates', async () => {
    const { doc } = await page('/topics/kazakhstan+russia');
    const articles = findAll(doc, 'article');
    expect(articles.map((a) => text(find(a, 'h3')))).toEqual([
      'Kremlin says talks with Kazakhstan on Caspian pipeline went well',
      'Казахстан и Россия договорились о транзите зерна',
    ]);
    expect(articles.map((a) => attr(find(a, 'time'), 'datetime'))).toEqual(['2026-02-17T14:00:00.000Z', '2026-02-16T09:15:00.000Z']);
    expect(text(find(articles[0]!, 'div', { class: 'meta' }))).toBe('17 Feb 2026, 14:00 UTC · Test Wire');
  });

  it('names the other sources of a story that several carried ("also reported by")', async () => {
    const { doc } = await page('/topics/russia+ukraine?collapse=false');
    const article = findAll(doc, 'article').find((a) => text(find(a, 'h3')) === 'First day of Russia-Ukraine peace talks ends in Geneva');
    expect(article).toBeDefined();
    expect(text(find(article!, 'div', { class: 'meta' }))).toContain('BBC News');
    expect(text(find(article!, 'p', { class: 'also' }))).toBe('Also reported by Test Wire');
  });

  it('draws stories per day for the last 30 days as an inline SVG', async () => {
    const { doc } = await page('/topics/kazakhstan+russia');
    const svg = find(doc, 'svg', { class: 'chart' });
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'aria-label')).toMatch(/2 in all/);
    const bars = findAll(svg, 'rect');
    expect(bars).toHaveLength(30);
    const titles = bars.map((bar) => text(find(bar, 'title')));
    expect(titles[0]).toBe('2026-01-20: 0 stories');
    expect(titles.at(-1)).toBe('2026-02-18: 0 stories');
    expect(titles.filter((t) => !t.endsWith(': 0 stories'))).toEqual(['2026-02-16: 1 story', '2026-02-17: 1 story']);
    const heights = bars.map((bar) => Number(attr(bar, 'height')));
    expect(heights.filter((height) => height > 0)).toHaveLength(2);
  });

  it('lists each story once by default, naming the outlets of its other reports', async () => {
    const { doc } = await page('/topics/russia+ukraine');
    const titles = findAll(doc, 'article').map((a) => text(find(a, 'h3')));
    // BBC's report of the Geneva talks joins DW's earlier live page on them: one story.
    expect(titles).not.toContain('First day of Russia-Ukraine peace talks ends in Geneva');
    const article = findAll(doc, 'article').find((a) => text(find(a, 'h3')) === "Ukraine updates: Peace talks in Geneva 'very tense'");
    expect(text(find(article!, 'p', { class: 'also' }))).toBe('Also reported by BBC News, Test Wire, Japan Today - Category World');
  });

  it.each([
    ['every item', '&collapse=false', '?collapse=false'],
    ['each story once', '&collapse=true', ''],
  ])('pages to older stories with a cursor link, in order and without repeats (%s)', async (_, apiQuery, pageQuery) => {
    const expression = 'germany,united-states,russia,ukraine';
    const total = (await json(h.app.request(`/api/items?topics=${expression}&limit=200${apiQuery}`))).items.map((i: any) => i.title);
    expect(total.length).toBeGreaterThan(50);
    const first = await page(`/topics/${expression}${pageQuery}`);
    const older = attr(find(first.doc, 'a', { rel: 'next' }), 'href')!;
    expect(older).toMatch(/^\/topics\/germany,united-states,russia,ukraine\?cursor=/);
    const second = await page(older);
    const titles = [...findAll(first.doc, 'article'), ...findAll(second.doc, 'article')].map((a) => text(find(a, 'h3')));
    expect(titles).toEqual(total.slice(0, titles.length));
    expect(titles.length).toBe(Math.min(100, total.length));
  });

  it('explains an unknown topic in a 404 page that links to the closest ones', async () => {
    const { doc } = await page('/topics/kazakstan+russia', 404);
    expect(text(find(doc, 'h1'))).toBe('Unknown topic');
    expect(findAll(doc, 'a').map((a) => attr(a, 'href'))).toContain('/topics/kazakhstan+russia');
  });

  it('explains a malformed expression in a 400 page', async () => {
    const { doc } = await page('/topics/russia++', 400);
    expect(text(find(doc, 'h1'))).toBe('That expression does not parse');
    expect(attr(find(doc, 'input', { name: 'expr' }), 'value')).toBe('russia++');
  });
});
