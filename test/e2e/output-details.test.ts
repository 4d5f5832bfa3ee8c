// Issue 11, "output details": what readers and browsers found wrong in the republished feeds and
// responses, each checked through the front door on a feed polled from a loopback origin.
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALAR_SCRIPT_INTEGRITY, SCALAR_SCRIPT_URL } from '../../src/api/pages/docs-page';
import { json, startHarness, type Harness } from '../api/harness';
import { readRss } from '../publish/read-back';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Steppe Wire</title><link>https://steppe.example/</link><description>d</description>
<item><title>Kazakhstan opens a photo archive</title><link>https://steppe.example/archive</link>
<description>The archive in Astana holds 40,000 photographs.</description><dc:creator>Aigerim Sadykova</dc:creator>
<pubDate>Tue, 17 Feb 2026 08:00:00 GMT</pubDate>
<media:content url="https://cdn.steppe.example/img/archive.png?w=800" medium="image"/>
<media:content url="https://cdn.steppe.example/render?id=42" medium="image"/></item>
<item><title>Kazakhstan weather service warns of dust storms</title><link>https://steppe.example/dust</link>
<description>Kazakhstan weather service warns of dust storms.</description>
<media:thumbnail url="https://cdn.steppe.example/thumb/dust"/></item>
<item><title>Kazakhstan rail link reaches the border</title><link>https://steppe.example/rail</link>
<description>Trains from Astana now run to the border.</description><pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate></item>
</channel></rss>`;

const POLL_TIME = Date.parse('2026-02-18T12:00:00Z');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ feeds: [], routes: { '/steppe.rss': { body: RSS, contentType: 'application/rss+xml' } } });
  await harness.addFeed('steppe.rss');
}, 60_000);

afterAll(async () => harness?.close());

async function get(path: string): Promise<Response> {
  return harness.app.request(path);
}

function xmlDocument(text: string) {
  return new DOMParser().parseFromString(text, 'text/xml');
}

describe('enclosures', () => {
  it('types media:content medium="image" from its extension or its medium, never application/octet-stream', async () => {
    const body = await (await get('/feeds/kazakhstan.json')).text();
    const items = JSON.parse(body).items as Array<{ title: string; attachments?: Array<{ url: string; mime_type: string }> }>;
    const archive = items.find((item) => item.title.includes('photo archive'));
    expect(archive?.attachments).toEqual([
      { url: 'https://cdn.steppe.example/img/archive.png?w=800', mime_type: 'image/png' },
      { url: 'https://cdn.steppe.example/render?id=42', mime_type: 'image/jpeg' },
    ]);
    const dust = items.find((item) => item.title.includes('dust'));
    expect(dust?.attachments?.[0]?.mime_type).toBe('image/jpeg');
    expect(body).not.toContain('application/octet-stream');
    const rss = await readRss(await (await get('/feeds/kazakhstan.rss')).text());
    const rssArchive = rss.feed.items.find((item) => item.title?.includes('photo archive'));
    expect(rssArchive?.enclosure?.type).toBe('image/png');
  });
});

describe('Atom <source>', () => {
  it('carries id, title and updated (RFC 4287 §4.2.11)', async () => {
    const doc = xmlDocument(await (await get('/feeds/kazakhstan.atom')).text());
    const sources = Array.from(doc.getElementsByTagName('source'));
    expect(sources.length).toBe(3);
    for (const source of sources) {
      const child = (name: string) => source.getElementsByTagName(name)[0]?.textContent ?? null;
      expect(child('id')).toBe(`${harness.origin.url}/steppe.rss`);
      expect(child('title')).toBe('Steppe Wire');
      expect(new Date(child('updated') ?? '').getTime()).toBeGreaterThanOrEqual(POLL_TIME);
    }
  });
});

describe('self links', () => {
  it('keep the query they were requested with, in all three formats', async () => {
    const rss = xmlDocument(await (await get('/feeds/kazakhstan.rss?limit=2')).text());
    const rssSelf = Array.from(rss.getElementsByTagName('atom:link')).find((link) => link.getAttribute('rel') === 'self');
    expect(rssSelf?.getAttribute('href')).toBe('http://topicwire.test/feeds/kazakhstan.rss?limit=2');
    const atom = xmlDocument(await (await get('/feeds/kazakhstan.atom?limit=2')).text());
    const links = Array.from(atom.getElementsByTagName('link')).filter((link) => link.parentNode?.nodeName === 'feed');
    expect(links.find((link) => link.getAttribute('rel') === 'self')?.getAttribute('href')).toBe('http://topicwire.test/feeds/kazakhstan.atom?limit=2');
    // The feed's id does not change with the query.
    expect(atom.getElementsByTagName('id')[0]?.textContent).toBe('http://topicwire.test/feeds/kazakhstan.atom');
    const feed = await json<{ feed_url: string; items: unknown[] }>(get('/feeds/kazakhstan.json?limit=2'));
    expect(feed.feed_url).toBe('http://topicwire.test/feeds/kazakhstan.json?limit=2');
    expect(feed.items).toHaveLength(2);
  });
});

describe('authors', () => {
  it('are never invented: an item without one has none in any format', async () => {
    const rss = await readRss(await (await get('/feeds/kazakhstan.rss')).text());
    const creators = rss.feed.items.map((item) => [item.title, (item as { creator?: string }).creator ?? null]);
    expect(Object.fromEntries(creators)).toEqual({
      'Kazakhstan opens a photo archive': 'Aigerim Sadykova',
      'Kazakhstan weather service warns of dust storms': null,
      'Kazakhstan rail link reaches the border': null,
    });
    const feed = await json<{ items: Array<{ title: string; authors?: unknown[] }> }>(get('/feeds/kazakhstan.json'));
    expect(feed.items.filter((item) => item.authors !== undefined).map((item) => item.title)).toEqual(['Kazakhstan opens a photo archive']);
  });
});

describe('undated items', () => {
  it('get their first-seen time and are marked undated in the API; dated ones are not', async () => {
    const { items } = await json<{ items: Array<{ id: number; title: string; publishedAt: string; firstSeenAt: string; undated: boolean }> }>(get('/api/items?topics=kazakhstan'));
    const byTitle = Object.fromEntries(items.map((item) => [item.title, item]));
    for (const title of ['Kazakhstan weather service warns of dust storms', 'Kazakhstan rail link reaches the border']) {
      expect(byTitle[title]?.undated, title).toBe(true);
      expect(byTitle[title]?.publishedAt).toBe(byTitle[title]?.firstSeenAt);
    }
    expect(byTitle['Kazakhstan opens a photo archive']?.undated).toBe(false);
    expect(byTitle['Kazakhstan opens a photo archive']?.publishedAt).toBe('2026-02-17T08:00:00.000Z');
    const one = await json<{ undated: boolean }>(get(`/api/items/${items[0]?.id ?? 0}`));
    expect(typeof one.undated).toBe('boolean');
  });

  it('is documented in the OpenAPI Item schema', async () => {
    const document = await json<{ components: { schemas: Record<string, { properties: Record<string, { type: string }>; required: string[] }> } }>(get('/api/openapi.json'));
    expect(document.components.schemas.Item?.properties.undated?.type).toBe('boolean');
    expect(document.components.schemas.Item?.required).toContain('undated');
  });
});

describe('a summary equal to the title', () => {
  it('is not repeated', async () => {
    const feed = await json<{ items: Array<{ title: string; summary?: string; content_html: string }> }>(get('/feeds/kazakhstan.json'));
    const dust = feed.items.find((item) => item.title.includes('dust'));
    expect(dust?.summary).toBeUndefined();
    expect(dust?.content_html).not.toContain('warns of dust storms');
    const archive = feed.items.find((item) => item.title.includes('photo archive'));
    expect(archive?.summary).toBe('The archive in Astana holds 40,000 photographs.');
    const rss = await readRss(await (await get('/feeds/kazakhstan.rss')).text());
    const rssDust = rss.feed.items.find((item) => item.title?.includes('dust'));
    expect(rssDust?.content ?? '').not.toContain('warns of dust storms');
  });
});

describe('response headers', () => {
  it.each([
    '/api/items',
    '/api/items/999999',
    '/api/topics',
    '/api/openapi.json',
    '/feeds/kazakhstan.rss',
    '/feeds/kazakhstan.atom',
    '/feeds/kazakhstan.json',
    '/feeds/no-such-topic.rss',
    '/topics/kazakhstan',
    '/',
    '/opml',
    '/healthz',
    '/metrics',
    '/api/docs',
    '/no/such/route',
  ])('%s says X-Content-Type-Options: nosniff', async (path) => {
    const response = await get(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('/api/docs has a CSP that allows exactly Scalar\'s pinned file and its own nonced scripts', async () => {
    const response = await get('/api/docs');
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }));
    expect(directives['default-src']).toEqual(["'none'"]);
    const scripts = directives['script-src'] as string[];
    expect(scripts).toHaveLength(2);
    const nonce = /^'nonce-(.+)'$/.exec(scripts[0] ?? '')?.[1];
    expect(nonce).toBeDefined();
    expect(scripts[1]).toBe(SCALAR_SCRIPT_URL);
    expect(csp).not.toMatch(/unsafe-eval|\*|https:(?!\/\/cdn\.jsdelivr\.net\/npm\/@scalar\/api-reference@)/);
    const page = await response.text();
    // Every script on the page carries this response's nonce; Scalar's also its SRI hash.
    const tags = page.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBe(2);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    expect(page).toContain(`integrity="${SCALAR_SCRIPT_INTEGRITY}"`);
  });
});
