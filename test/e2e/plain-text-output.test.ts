// Issue 11, "plain text where the formats want text": markup a source puts in titles, authors,
// category labels and its own name (spelled out in a text construct, in CDATA, or
// double-escaped) never reaches a republished feed as markup. Polled from a real origin on
// loopback, republished as RSS, Atom and JSON Feed, and read back the way readers read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFeed, type FeedFormat, type PublishedItem } from '../../src/publish/render-feed';
import { startHarness, json, type Harness } from '../api/harness';
import { readAtom, readJson, readRss } from '../publish/read-back';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Wire &lt;i onmouseover="alert(3)"&gt;Desk&lt;/i&gt;</title><link>https://wire.example/</link><description>d</description>
<item><title><![CDATA[Kazakhstan <b onmouseover="alert(1)">signs</b> a deal &amp; more]]></title>
<link>https://wire.example/deal</link><guid>https://wire.example/deal</guid><description>Officials in Astana signed it.</description>
<dc:creator><![CDATA[<img src=x onerror="alert(2)">Jane <b>Doe</b>]]></dc:creator>
<category><![CDATA[<script>alert(4)</script>Politics]]></category>
<pubDate>Tue, 17 Feb 2026 08:00:00 GMT</pubDate></item>
<item><title>Kazakhstan &amp;lt;script&amp;gt;alert(6)&amp;lt;/script&amp;gt; wins</title>
<link>https://wire.example/wins</link><description>Double-escaped markup in a title.</description>
<pubDate>Tue, 17 Feb 2026 07:00:00 GMT</pubDate></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom &lt;b&gt;Desk&lt;/b&gt;</title><id>urn:uuid:atom-desk</id>
<updated>2026-02-17T09:00:00Z</updated><link href="https://atom.example/"/>
<entry><title type="text">Kazakhstan &lt;b onmouseover="alert(5)"&gt;votes&lt;/b&gt;</title><id>https://atom.example/votes</id>
<link href="https://atom.example/votes"/><updated>2026-02-17T09:00:00Z</updated>
<author><name>&lt;i&gt;John&lt;/i&gt; Roe</name></author><summary>Voters in Astana.</summary></entry>
</feed>`;

const EXPECTED: Record<string, { author: string | null; source: string }> = {
  'Kazakhstan signs a deal & more': { author: 'Jane Doe', source: 'Wire Desk' },
  'Kazakhstan wins': { author: null, source: 'Wire Desk' },
  'Kazakhstan votes': { author: 'John Roe', source: 'Atom Desk' },
};
const HAZARDS = /onmouseover|onerror|alert\(|<script|<b\b|<i\b|<img/i;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    feeds: [],
    routes: {
      '/markup.rss': { body: RSS, contentType: 'application/rss+xml' },
      '/markup.atom': { body: ATOM, contentType: 'application/atom+xml' },
    },
  });
  await harness.addFeed('markup.rss');
  await harness.addFeed('markup.atom');
}, 60_000);

afterAll(async () => harness?.close());

async function feed(format: FeedFormat): Promise<string> {
  const response = await harness.app.request(`/feeds/kazakhstan.${format}`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('markup in titles, authors and names, polled and republished', () => {
  it('RSS: titles, dc:creator and <source> are the text, with no markup', async () => {
    const xml = await feed('rss');
    const { feed: parsed, items } = await readRss(xml);
    expect(items.map((item) => item.title).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const item of items) expect(item.originalSource).toBe(EXPECTED[item.title]?.source);
    const creators = parsed.items.map((item) => (item as { creator?: string }).creator ?? null);
    expect(creators.sort()).toEqual(Object.values(EXPECTED).map((e) => e.author).sort());
    // Nothing of it survives anywhere in the document, content and description included.
    expect(xml).not.toMatch(HAZARDS);
  });

  it('Atom: titles, authors and <source> titles are the text, with no markup', async () => {
    const xml = await feed('atom');
    const { feed: parsed, items } = await readAtom(xml);
    expect(items.map((item) => item.title).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const item of items) expect(item.originalSource).toBe(EXPECTED[item.title]?.source);
    const authors = parsed.items.map((item) => (item as { author?: string }).author ?? null);
    expect(authors.sort()).toEqual(Object.values(EXPECTED).map((e) => e.author).sort());
    expect(xml).not.toMatch(HAZARDS);
  });

  it('JSON Feed: titles, authors and _topicwire source names are the text, with no markup', async () => {
    const body = await feed('json');
    const { feed: parsed, items } = readJson(body);
    expect(items.map((item) => item.title).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const item of items) expect(item.originalSource).toBe(EXPECTED[item.title]?.source);
    const authors = parsed.items.map((item) => item.authors?.[0]?.name ?? null);
    expect(authors.sort()).toEqual(Object.values(EXPECTED).map((e) => e.author).sort());
    expect(body).not.toMatch(HAZARDS);
  });

  it('the API stores plain text: category labels and source names too', async () => {
    const { items } = await json<{ items: Array<{ title: string; categories: string[]; sources: Array<{ title: string }> }> }>(
      harness.app.request('/api/items?topics=kazakhstan'),
    );
    const deal = items.find((item) => item.title.startsWith('Kazakhstan signs'));
    expect(deal?.categories).toEqual(['Politics']);
    expect(JSON.stringify(items)).not.toMatch(HAZARDS);
    const { sources } = await json<{ sources: Array<{ title: string }> }>(harness.app.request('/api/sources'));
    expect(sources.map((source) => source.title).sort()).toEqual(['Atom Desk', 'Wire Desk']);
  });
});

describe('renderFeed with markup already stored (rows from before it was stripped)', () => {
  const stored: PublishedItem = {
    id: 7,
    url: 'https://news.example/a',
    title: 'Kazakhstan <b onmouseover="alert(1)">talks</b> and a <b onmouseover=alert(2) unclosed',
    summary: null,
    contentHtml: '<p>Body</p>',
    author: '<i>Jane</i> Doe',
    publishedAt: new Date('2026-02-17T08:00:00Z'),
    updatedAt: null,
    language: 'en',
    sources: [{ id: 1, title: 'News <script>alert(3)</script>Desk', siteUrl: 'https://news.example/', feedUrl: 'https://news.example/rss' }],
    topics: [{ slug: 'kazakhstan', name: '<em>Kazakhstan</em>' }],
    enclosures: [],
  };
  const meta = {
    title: 'topicwire: Kazakhstan',
    description: 'd',
    selfUrl: 'http://topicwire.test/feeds/kazakhstan.rss',
    siteUrl: 'http://topicwire.test/topics/kazakhstan',
    feedUrls: {
      rss: 'http://topicwire.test/feeds/kazakhstan.rss',
      atom: 'http://topicwire.test/feeds/kazakhstan.atom',
      json: 'http://topicwire.test/feeds/kazakhstan.json',
    },
    updatedAt: new Date('2026-02-18T00:00:00Z'),
  };

  it.each(['rss', 'atom', 'json'] as const)('%s: no tag can open in a title, author, topic or source name', async (format) => {
    const { body } = renderFeed(meta, [stored], format);
    const read = format === 'rss' ? await readRss(body) : format === 'atom' ? await readAtom(body) : readJson(body);
    const item = read.items[0];
    // A complete tag is removed; a "<" that could still open one is followed by a space.
    expect(item?.title).toBe('Kazakhstan talks and a < b onmouseover=alert(2) unclosed');
    expect(item?.topics).toEqual(['Kazakhstan']);
    expect(item?.originalSource).toBe('News alert(3) Desk');
    expect(body).not.toMatch(/<(b|i|em|script)\b/);
    expect(body).not.toMatch(/&lt;(b|i|em|script)\b/);
  });
});
