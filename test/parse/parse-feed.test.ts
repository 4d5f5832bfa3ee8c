import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/domain/errors';
import type { Entry, ParsedFeed } from '../../src/domain/types';
import { parseFeed } from '../../src/parse/parse-feed';

const NEWS = join(import.meta.dirname, '../fixtures/parse/news');
const BASE_URL = 'https://feeds.example.net/world.xml';

function readNews(name: string, charset = 'utf-8'): string {
  return new TextDecoder(charset).decode(readFileSync(join(NEWS, name)));
}

function rss(items: string, channel = '', rootAttributes = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" ${rootAttributes}>
<channel><title>Example</title><link>https://example.com/</link>${channel}${items}</channel></rss>`;
}

function atom(entries: string, attributes = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" ${attributes}><title>Example</title><id>urn:x</id>${entries}</feed>`;
}

async function firstEntry(xml: string, baseUrl = BASE_URL): Promise<Entry> {
  const feed = await parseFeed(xml, { baseUrl });
  const entry = feed.entries[0];
  if (entry === undefined) throw new Error('no entry');
  return entry;
}

async function parseError(text: string): Promise<ParseError> {
  try {
    await parseFeed(text, { baseUrl: BASE_URL });
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw new Error(`expected a ParseError, got ${String(error)}`);
  }
  throw new Error('expected parseFeed to throw');
}

interface NewsCase {
  file: string;
  charset?: string;
  feed: Partial<Omit<ParsedFeed, 'entries'>>;
  count: number;
  first: Partial<Entry>;
}

const NEWS_CASES: NewsCase[] = [
  {
    file: 'theguardian-us-20180131.xml',
    feed: { format: 'rss', title: 'The Guardian', siteUrl: 'https://www.theguardian.com/us', language: 'en-gb' },
    count: 55,
    first: {
      guid: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      title: 'Trump State of the Union address promised unity but emphasized discord',
      author: 'David Smith in Washington',
      publishedAt: new Date('2018-01-31T07:26:05Z'),
      categories: [
        'Donald Trump',
        'State of the Union address',
        'US news',
        'US politics',
        'Democrats',
        'Republicans',
        'US Congress',
      ],
      language: 'en-gb',
    },
  },
  {
    file: 'npr-world-20260217.xml',
    feed: { format: 'rss', title: 'NPR Topics: World', language: 'en' },
    count: 10,
    first: {
      title: 'U.S. releases new details on alleged secret Chinese nuclear test',
      author: 'Geoff Brumfiel',
      publishedAt: new Date('2026-02-17T18:56:24Z'), // "Tue, 17 Feb 2026 13:56:24 -0500"
      summary:
        'At a event in Washington D.C., A U.S. official said a remote earthquake in 2020 was caused by a Chinese nuclear test.',
    },
  },
  {
    // pubDate in ISO form with a colon-less offset: "2026-02-17T17:36:36-0500"
    file: 'al-monitor-20260217.xml',
    feed: { format: 'rss', siteUrl: 'https://www.al-monitor.com/', language: 'en' },
    count: 20,
    first: {
      title: 'Over 80 Berlin Film Festival alumni sign open letter urging organisers to take stance on Gaza',
      publishedAt: new Date('2026-02-17T22:36:36Z'),
    },
  },
  {
    // RSS 1.0 (RDF), dc:date, rdf:about, per-item dc:language
    file: 'dw-english-all-20260218.xml',
    feed: { format: 'rdf', title: 'Deutsche Welle', language: null },
    count: 141,
    first: {
      guid: 'https://www.dw.com/en/france-arrests-nine-in-right-wing-activist-s-death/a-75995188?maca=en-rss-en-all-1573-rdf',
      title: "France arrests nine in right-wing activist's death",
      summary: 'Far-right activist Quentin Deranque was killed last week, seemingly in a clash with the far left.',
      publishedAt: new Date('2026-02-18T00:15:00Z'),
      categories: ['News'],
      language: 'en',
    },
  },
  {
    // no XML declaration
    file: 'aljazeera-all-20260218.xml',
    feed: { format: 'rss', siteUrl: 'https://www.aljazeera.com/', language: 'en' },
    count: 25,
    first: {
      url: 'https://www.aljazeera.com/news/2026/2/18/stephen-colbert-says-cbs-barred-his-interview-with-texas-senate-candidate?traffic_source=rss',
      title: 'Stephen Colbert says CBS barred interview with Texas Democratic candidate',
      // &#039; in the description is decoded in the summary, kept in the HTML
      summary:
        "US late-night show host says CBS pulled interview from Monday's broadcast over fears it could violate new FCC guidance.",
      publishedAt: new Date('2026-02-18T01:51:00Z'),
    },
  },
  {
    // right-to-left script in CDATA titles
    file: 'bbc-urdu-20181024.xml',
    feed: { format: 'rss', siteUrl: 'http://www.bbcurdu.com/', language: 'ur' },
    count: 26,
    first: {
      url: 'http://www.bbc.com/urdu/pakistan-42575603',
      title: 'امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی',
      publishedAt: new Date('2018-01-05T16:51:00Z'),
      enclosures: [
        { url: 'http://c.files.bbci.co.uk/A787/production/_99478824_gettyimages-856735580.jpg', type: 'image/jpeg', lengthBytes: null },
      ],
    },
  },
  {
    // yandex:/turbo: namespaces; lastBuildDate "2019-05-18 10:58:46 +0300"; enclosure with length
    file: 'aif-ru-20190518.xml',
    feed: { format: 'rss', title: 'Аргументы и Факты', language: 'ru-ru' },
    count: 1,
    first: {
      guid: null,
      url: 'http://www.aif.ru/incidents/smi_sobaka_v_tailande_spasla_zazhivo_pohoronennogo_mladenca',
      title: 'СМИ: собака в Таиланде спасла заживо похороненного младенца',
      publishedAt: new Date('2019-05-18T07:52:50Z'),
      categories: ['Происшествия'],
      enclosures: [
        { url: 'https://images.aif.ru/017/020/025bc5cb4cc5d0f8347bbb27f5e4d13b.jpg', type: 'image/jpeg', lengthBytes: 30000 },
      ],
    },
  },
  {
    // named US zone: "Tue, 17 Feb 2026 18:03:07 EST"
    file: 'csmonitor-all-20260217.xml',
    feed: { format: 'rss', language: 'en-us' },
    count: 10,
    first: {
      guid: 'cc243bb9510e3c9223ccd7169e1649e1',
      author: 'Ken Makin',
      publishedAt: new Date('2026-02-17T23:03:07Z'),
    },
  },
  {
    file: 'japantoday-world-20260218.xml',
    feed: { format: 'rss' },
    count: 30,
    first: { title: '6 backcountry skiers found alive, 10 missing after northern California avalanche' },
  },
  {
    // windows-1251 bytes, decoded by the fetch stage; the declaration still says windows-1251
    file: 'ibash-org-ru-20180321.xml',
    charset: 'windows-1251',
    feed: { format: 'rss', title: 'iBash.Org.Ru', description: 'Новый цитатник Рунета', language: 'ru' },
    count: 50,
    first: {
      title: 'Цитата #17703',
      url: 'http://ibash.org.ru/quote.php?id=17703',
      publishedAt: new Date('2018-03-21T07:27:32Z'),
    },
  },
  {
    // the largest news file (~1 MB, full article bodies in content:encoded)
    file: 'time-world-20260216.xml',
    feed: { format: 'rss', title: 'World – TIME', siteUrl: 'https://time.com/', language: 'en-us' },
    count: 100,
    first: {
      guid: 'https://time.com/?p=7379005',
      url: 'https://time.com/7379005/european-sovereignty-leaders-rally-against-us-erasure-claims/',
      author: 'Callum Sutherland',
      categories: ['Uncategorized', 'News Desk'],
    },
  },
];

describe('parseFeed on real news feeds', () => {
  it.each(NEWS_CASES)('reads $file: item count and first item', async ({ file, charset, feed, count, first }) => {
    const parsed = await parseFeed(readNews(file, charset), { baseUrl: BASE_URL });
    expect(parsed).toMatchObject(feed);
    expect(parsed.entries).toHaveLength(count);
    expect(parsed.entries[0]).toMatchObject(first);
  });

  it.each(NEWS_CASES)('gives every entry of $file a title, an http(s) URL and a valid date', async ({ file, charset }) => {
    const { entries } = await parseFeed(readNews(file, charset), { baseUrl: BASE_URL });
    for (const entry of entries) {
      expect(entry.title).not.toBe('');
      expect(entry.url).toMatch(/^https?:\/\//);
      expect(entry.publishedAt?.getTime()).not.toBeNaN();
      expect(entry.summary === null || entry.summary.length <= 1001).toBe(true);
      // (literal "<nick>" text in IRC quotes is fine; markup is not)
      expect(entry.summary ?? '').not.toMatch(/<\/?(?:p|div|br|a|img|span|b|i|strong|em|figure)\b[^>]*>/i);
    }
  });
});

describe('parseFeed input handling', () => {
  const item = '<item><title>One</title><link>https://example.com/1</link></item>';

  it.each([
    ['a byte-order mark', `\uFEFF${rss(item)}`],
    ['leading blank lines', `\n\n  ${rss(item)}`],
    ['a declaration naming another encoding', rss(item).replace('encoding="UTF-8"', 'encoding="windows-1251"')],
    ['no XML declaration', rss(item).replace(/^<\?xml[^>]*>\s*/, '')],
    ['a DOCTYPE', rss(item).replace('?>', '?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">')],
  ])('reads a feed with %s', async (_label, xml) => {
    expect((await firstEntry(xml)).title).toBe('One');
  });

  it('reads RSS without a version attribute as RSS 2.0', async () => {
    const feed = await parseFeed(rss(item).replace('version="2.0"', ''), { baseUrl: BASE_URL });
    expect(feed.format).toBe('rss');
    expect(feed.entries).toHaveLength(1);
  });

  it('hands JSON to the JSON Feed reader', async () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', title: 'x' }] });
    const feed = await parseFeed(`\uFEFF  ${json}`, { baseUrl: BASE_URL });
    expect(feed.format).toBe('json');
    expect(feed.entries[0]?.title).toBe('x');
  });
});

describe('parseFeed errors', () => {
  it.each([
    ['an empty body', '', 'parse: not a feed: the body is empty'],
    ['a blank body', ' \n\t ', 'parse: not a feed: the body is empty'],
    ['an HTML page', '<!DOCTYPE html>\n<html lang="en"><head><title>Home</title></head><body><p>Hi<br></body></html>', 'parse: not a feed: looks like an HTML page'],
    ['an HTML page without a doctype', '<html><body>Moved</body></html>', 'parse: not a feed: looks like an HTML page'],
    ['an HTML page behind a comment', '<!-- generated -->\n<!doctype html><html><body>x', 'parse: not a feed: looks like an HTML page'],
    ['plain text', 'Service Unavailable', 'parse: not a feed: the body is neither XML nor JSON (it starts with "Service Unavailable")'],
    ['an OPML file', '<?xml version="1.0"?><opml version="2.0"><body/></opml>', 'parse: not a feed: this is an OPML subscription list, not a feed (import it as sources instead)'],
    ['another XML document', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', 'parse: not a feed: the XML root element is <urlset>, expected <rss>, <feed> or <rdf:RDF>'],
    ['RSS without a channel', '<rss version="0.92"></rss>', 'parse: not a feed: the <rss> document has no <channel>'],
    ['invalid JSON', '{"version": "https://jsonfeed.org/version/1", "items": [', 'parse: not a feed: invalid JSON'],
    ['JSON that is not a feed', '{"status": "ok"}', 'parse: not a feed: JSON without an "items" array'],
  ])('refuses %s with a readable message', async (_label, text, message) => {
    const error = await parseError(text);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.code).toBe('parse_failed');
    expect(error.status).toBe(422);
  });

  it('reports broken XML with its position and keeps the parser error as cause', async () => {
    const error = await parseError(rss('<item><title>One</title></itemx>'));
    expect(error.message).toMatch(/^parse: broken XML: unexpected close tag at line 3, column \d+$/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('says when a document looks truncated', async () => {
    const error = await parseError(rss('<item><title>One</title></item>').slice(0, -20));
    expect(error.message).toMatch(/^parse: broken XML: .* \(the document looks truncated\)$/);
  });
});

describe('parseFeed repairs common XML breakage', () => {
  it.each([
    ['a bare ampersand in text', '<item><title>AT&T results</title><link>https://example.com/1</link></item>', { title: 'AT&T results' }],
    ['a bare ampersand in a URL', '<item><title>x</title><link>https://example.com/?a=1&b=2</link></item>', { url: 'https://example.com/?a=1&b=2' }],
    ['an HTML5-only entity', '<item><title>one&NewLine;two &hellip;</title></item>', { title: 'one two …' }],
    ['an unknown entity', '<item><title>a &bogus; b</title></item>', { title: 'a &bogus; b' }],
    ['a control character', '<item><title>bell\u0007 here</title></item>', { title: 'bell here' }],
  ])('reads a feed with %s', async (_label, items, expected) => {
    expect(await firstEntry(rss(items))).toMatchObject(expected);
  });

  it('cuts junk after the root element', async () => {
    const xml = `${rss('<item><title>One</title></item>')}\n<b>Warning</b>: Undefined index in feed.php`;
    expect((await firstEntry(xml)).title).toBe('One');
  });

  it('leaves CDATA sections untouched while repairing the rest', async () => {
    const entry = await firstEntry(rss('<item><title>Q&A</title><description><![CDATA[<p>R&amp;D &amp; more</p>]]></description></item>'));
    expect(entry.title).toBe('Q&A');
    expect(entry.contentHtml).toBe('<p>R&amp;D &amp; more</p>');
  });
});

describe('parseFeed entry normalisation', () => {
  it('resolves links against nested xml:base and then the feed URL', async () => {
    const xml = atom(
      '<entry xml:base="entry/"><id>urn:1</id><title>t</title><link rel="alternate" href="page.html"/><link rel="enclosure" type="audio/mpeg" length="10" href="/a.mp3"/></entry>',
      'xml:base="feed/"',
    );
    const entry = await firstEntry(xml, 'https://example.com/dir/atom.xml');
    expect(entry.url).toBe('https://example.com/dir/feed/entry/page.html');
    expect(entry.enclosures).toEqual([{ url: 'https://example.com/a.mp3', type: 'audio/mpeg', lengthBytes: 10 }]);
  });

  it('resolves relative RSS links against the feed URL and xml:base on <rss>', async () => {
    expect((await firstEntry(rss('<item><link>/news/1</link></item>'), 'https://example.org/rss')).url).toBe(
      'https://example.org/news/1',
    );
    const xml = rss('<item><link>1</link></item>', '', 'xml:base="https://base.example/news/"');
    expect((await firstEntry(xml)).url).toBe('https://base.example/news/1');
  });

  it('prefers the text/html alternate link of an Atom entry', async () => {
    const entry = await firstEntry(
      atom(
        '<entry><id>urn:1</id><link rel="self" href="https://x.test/self"/><link rel="alternate" type="application/json" href="https://x.test/a.json"/><link rel="alternate" type="text/html" href="https://x.test/a.html"/></entry>',
      ),
    );
    expect(entry.url).toBe('https://x.test/a.html');
  });

  it('reads an Atom <link> that has no attributes, which crashes rss-parser', async () => {
    expect((await firstEntry(atom('<entry><id>urn:1</id><link>https://x.test/text</link></entry>'))).url).toBe(
      'https://x.test/text',
    );
  });

  it('uses an http(s) guid as the link only when it is a permalink', async () => {
    expect((await firstEntry(rss('<item><guid>https://x.test/p/1</guid></item>'))).url).toBe('https://x.test/p/1');
    expect((await firstEntry(rss('<item><guid isPermaLink="false">https://x.test/p/1</guid></item>'))).url).toBeNull();
    expect((await firstEntry(rss('<item><guid>urn:uuid:1</guid></item>'))).url).toBeNull();
    expect((await firstEntry(atom('<entry><id>https://x.test/a/1</id></entry>'))).url).toBe('https://x.test/a/1');
  });

  it('keeps only http(s) links, so a javascript: link never reaches a page', async () => {
    const entry = await firstEntry(
      rss('<item><title>x</title><link>javascript:alert(1)</link><enclosure url="data:text/html,hi" type="text/html"/></item>'),
    );
    expect(entry.url).toBeNull();
    expect(entry.enclosures).toEqual([]);
  });

  it('trims the guid', async () => {
    expect((await firstEntry(rss('<item><guid isPermaLink="false">\n  abc-1 \n</guid></item>'))).guid).toBe('abc-1');
  });

  it('decodes entities, strips tags and collapses whitespace in titles', async () => {
    const entry = await firstEntry(
      rss('<item><title><![CDATA[  <b>Kazakhstan</b> &amp; Russia:\n  talks &#8217;resume&#8217;&nbsp;today ]]></title></item>'),
    );
    expect(entry.title).toBe('Kazakhstan & Russia: talks ’resume’ today');
  });

  it('derives a missing title from the first words of the summary', async () => {
    const words = 'Leaders met in Astana on Monday to discuss a new transit corridor across the Caspian Sea and beyond it';
    const entry = await firstEntry(rss(`<item><description>${words}</description></item>`));
    expect(entry.title).toBe('Leaders met in Astana on Monday to discuss a new transit corridor across the Caspian Sea and beyond…');
    expect(entry.summary).toBe(words);
  });

  it('caps the summary at about 1000 characters at a word boundary', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const entry = await firstEntry(rss(`<item><title>x</title><description>&lt;p&gt;${long}&lt;/p&gt;</description></item>`));
    expect(entry.summary?.length).toBeLessThanOrEqual(1001);
    expect(entry.summary?.length).toBeGreaterThan(900);
    expect(entry.summary).toMatch(/ word\d+…$/);
    expect(entry.contentHtml).toBe(`<p>${long}</p>`);
  });

  it('takes the summary from content:encoded when there is no description', async () => {
    const entry = await firstEntry(
      rss('<item><title>x</title><content:encoded><![CDATA[<p>Body <script>track()</script>text</p>]]></content:encoded></item>')
        .replace('<rss ', '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '),
    );
    expect(entry.summary).toBe('Body text');
    expect(entry.contentHtml).toBe('<p>Body <script>track()</script>text</p>');
  });

  it.each([
    ['jane@example.org (Jane Doe)', 'Jane Doe'],
    ['Jane Doe (jane@example.org)', 'Jane Doe'],
    ['Jane Doe <jane@example.org>', 'Jane Doe'],
    ['jane@example.org', 'jane@example.org'],
    ['  Jane   Doe ', 'Jane Doe'],
  ])('reads the RSS author "%s" as "%s"', async (author, expected) => {
    const escaped = author.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect((await firstEntry(rss(`<item><title>x</title><author>${escaped}</author></item>`))).author).toBe(expected);
  });

  it('gives Atom entries the feed authors when they have none', async () => {
    const xml = atom(
      '<author><name>Desk</name></author><entry><id>urn:1</id></entry><entry><id>urn:2</id><author><name>Own</name></author></entry>',
    );
    const feed = await parseFeed(xml, { baseUrl: BASE_URL });
    expect(feed.entries.map((e) => e.author)).toEqual(['Desk', 'Own']);
  });

  it('dedupes categories case-insensitively and trims them', async () => {
    const entry = await firstEntry(
      rss('<item><title>x</title><category> World </category><category>world</category><dc:subject>Europe</dc:subject><category>  </category></item>'),
    );
    expect(entry.categories).toEqual(['World', 'Europe']);
  });

  it('collects enclosures from <enclosure>, media:content (also in media:group) and media:thumbnail', async () => {
    const entry = await firstEntry(
      rss(`<item><title>x</title>
        <enclosure url="https://cdn.test/a.mp3" length="0" type="audio/mpeg"/>
        <media:content url="https://cdn.test/b.jpg" type="image/jpeg" fileSize="2048" medium="image"/>
        <media:group><media:content url="/c.mp4" type="video/mp4"/><media:thumbnail url="https://cdn.test/c.jpg"/></media:group>
        <media:thumbnail url="https://cdn.test/b.jpg"/>
      </item>`),
      'https://site.test/rss',
    );
    expect(entry.enclosures).toEqual([
      { url: 'https://cdn.test/a.mp3', type: 'audio/mpeg', lengthBytes: null },
      { url: 'https://cdn.test/b.jpg', type: 'image/jpeg', lengthBytes: 2048 },
      { url: 'https://site.test/c.mp4', type: 'video/mp4', lengthBytes: null },
      { url: 'https://cdn.test/c.jpg', type: 'image/jpeg', lengthBytes: null },
    ]);
  });

  it('takes the entry language first, then the feed <language>, dc:language or xml:lang', async () => {
    const feed = await parseFeed(
      rss('<item><title>a</title><dc:language>FR</dc:language></item><item><title>b</title></item>', '<language>en_GB</language>'),
      { baseUrl: BASE_URL },
    );
    expect(feed.language).toBe('en-gb');
    expect(feed.entries.map((e) => e.language)).toEqual(['fr', 'en-gb']);
    const atomFeed = await parseFeed(atom('<entry xml:lang="kk"><id>1</id></entry><entry><id>2</id></entry>', 'xml:lang="ru"'), {
      baseUrl: BASE_URL,
    });
    expect(atomFeed.entries.map((e) => e.language)).toEqual(['kk', 'ru']);
  });

  it.each([
    ['an unparseable date', '<pubDate>sometime last week</pubDate>', null],
    ['an empty date', '<pubDate></pubDate>', null],
    ['the Unix epoch placeholder', '<pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate>', null],
    ['dc:date', '<dc:date>2024-03-05T10:00:00+05:00</dc:date>', '2024-03-05T05:00:00.000Z'],
  ])('reads %s in RSS', async (_label, element, expected) => {
    const entry = await firstEntry(rss(`<item><title>x</title>${element}</item>`));
    expect(entry.publishedAt?.toISOString() ?? null).toBe(expected);
  });

  it('reads an unparseable Atom <published> as null, where rss-parser throws', async () => {
    const entry = await firstEntry(
      atom('<entry><id>1</id><published>not a date</published><updated>2024-01-02T03:04:05Z</updated></entry>'),
    );
    expect(entry.publishedAt?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(entry.updatedAt?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
  });

  it('keeps the word order of Atom xhtml content and drops its div wrapper', async () => {
    const entry = await firstEntry(
      atom(
        '<entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Talks in <b>Astana</b> resume</div></title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks in <a href="/astana">Astana</a> &amp; Almaty resumed.</p></div></content></entry>',
      ),
    );
    expect(entry.title).toBe('Talks in Astana resume');
    expect(entry.summary).toBe('Talks in Astana & Almaty resumed.');
    expect(entry.contentHtml).toBe('<p>Talks in <a href="/astana">Astana</a> &amp; Almaty resumed.</p>');
    const empty = await parseFeed(
      atom('<entry><id>1</id><summary type="xhtml"/></entry><entry><id>2</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Two</div></content></entry>'),
      { baseUrl: BASE_URL },
    );
    expect(empty.entries.map((e) => e.contentHtml)).toEqual([null, 'Two']);
  });

  it('escapes an Atom text body into HTML and keeps an html body as given', async () => {
    const feed = await parseFeed(
      atom(
        '<entry><id>1</id><content type="text">1 &lt; 2 &amp; 3</content></entry><entry><id>2</id><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry>',
      ),
      { baseUrl: BASE_URL },
    );
    expect(feed.entries.map((e) => e.contentHtml)).toEqual(['1 &lt; 2 &amp; 3', '<p>Hi</p>']);
    expect(feed.entries.map((e) => e.summary)).toEqual(['1 < 2 & 3', 'Hi']);
  });

  it('survives entries that hold only whitespace or text, which crash rss-parser', async () => {
    const feed = await parseFeed(atom('<entry>\n</entry><entry>stray text</entry><entry><id>urn:ok</id></entry>'), {
      baseUrl: BASE_URL,
    });
    expect(feed.entries.map((e) => e.guid)).toEqual(['urn:ok']);
    const rssFeed = await parseFeed(rss('<item> </item><item><title>ok</title></item>'), { baseUrl: BASE_URL });
    expect(rssFeed.entries.map((e) => e.title)).toEqual(['ok']);
  });

  it('drops an item that carries nothing at all', async () => {
    const feed = await parseFeed(rss('<item></item><item><title>kept</title></item>'), { baseUrl: BASE_URL });
    expect(feed.entries.map((e) => e.title)).toEqual(['kept']);
  });
});
