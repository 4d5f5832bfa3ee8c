import type { Element as XmlElement } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { itemGuid, renderFeed } from '../../src/publish/render-feed';
import type { FeedFormat, FeedMeta, PublishedItem } from '../../src/publish/render-feed';
import { itemsFromFeed, readFixture } from './fixtures';
import { findHtmlHazards, visibleText } from './html-safety';
import { readAtom, readJson, readRss } from './read-back';
import type { ReadItem } from './read-back';
import { findXmlErrors, parseXml } from './xml-checks';

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];
const BASE = 'http://127.0.0.1:8787';

function meta(overrides: Partial<FeedMeta> = {}): FeedMeta {
  return {
    title: 'topicwire: Kazakhstan + Russia',
    description: 'Every item about both Kazakhstan and Russia, from all sources, each story once.',
    selfUrl: `${BASE}/feeds/kazakhstan+russia.rss?limit=50`,
    siteUrl: `${BASE}/topics/kazakhstan+russia`,
    feedUrls: {
      rss: `${BASE}/feeds/kazakhstan+russia.rss`,
      atom: `${BASE}/feeds/kazakhstan+russia.atom`,
      json: `${BASE}/feeds/kazakhstan+russia.json`,
    },
    updatedAt: new Date('2026-02-18T10:00:00Z'),
    language: 'en',
    generator: 'topicwire',
    ...overrides,
  };
}

function item(overrides: Partial<PublishedItem> = {}): PublishedItem {
  return {
    id: 1,
    url: 'https://news.example/world/astana-talks',
    title: 'Talks in Astana',
    summary: 'Delegations met in Astana.',
    contentHtml: '<p>Delegations met in <b>Astana</b>.</p>',
    author: 'Jane Reporter',
    publishedAt: new Date('2026-02-17T08:30:00Z'),
    updatedAt: null,
    language: 'en',
    sources: [
      {
        id: 1,
        title: 'News Example',
        siteUrl: 'https://news.example/',
        feedUrl: 'https://news.example/rss.xml',
      },
    ],
    topics: [
      { slug: 'kazakhstan', name: 'Kazakhstan' },
      { slug: 'russia', name: 'Russia' },
    ],
    enclosures: [],
    ...overrides,
  };
}

async function readBack(format: FeedFormat, body: string): Promise<ReadItem[]> {
  if (format === 'rss') return (await readRss(body)).items;
  if (format === 'atom') return (await readAtom(body)).items;
  return readJson(body).items;
}

function render(
  items: PublishedItem[],
  format: FeedFormat,
  overrides: Partial<FeedMeta> = {},
): string {
  return renderFeed(meta(overrides), items, format).body;
}

describe('renderFeed', () => {
  let news: PublishedItem[];

  beforeAll(async () => {
    news = await itemsFromFeed(readFixture('news/foreignpolicy-20260217.xml'), {
      sourceId: 3,
      feedUrl: 'https://foreignpolicy.com/feed/',
      firstId: 101,
    });
    // The first story was also carried by a second source, and later updated.
    const first = news[0];
    if (first === undefined) throw new Error('fixture has no items');
    first.sources.push({
      id: 4,
      title: 'NPR Topics: World',
      siteUrl: 'https://www.npr.org/sections/world/',
      feedUrl: 'https://feeds.npr.org/1004/rss.xml',
    });
    first.updatedAt = new Date('2026-02-18T07:00:00Z');
  });

  it.each([
    ['rss', 'application/rss+xml; charset=utf-8'],
    ['atom', 'application/atom+xml; charset=utf-8'],
    ['json', 'application/feed+json; charset=utf-8'],
  ] as const)('answers %s with the content type %s', (format, contentType) => {
    expect(renderFeed(meta(), [item()], format).contentType).toBe(contentType);
  });

  it('carries the same items in the same order in RSS, Atom and JSON Feed', async () => {
    const views = await Promise.all(
      FORMATS.map(async (format) => readBack(format, render(news, format))),
    );
    const [rss, atom, json] = views.map((items) => items.map(({ html: _html, ...rest }) => rest));
    expect(rss).toHaveLength(news.length);
    expect(atom).toEqual(rss);
    expect(json).toEqual(rss);
    expect(rss?.map((entry) => entry.id)).toEqual(news.map((entry) => itemGuid(entry.id)));
  });

  it.each(FORMATS)(
    'gives every %s entry its guid, link, title and publication date',
    async (format) => {
      const entries = await readBack(format, render(news, format));
      expect(entries.map((entry) => entry.id)).toEqual(
        news.map((entry) => `urn:topicwire:item:${entry.id}`),
      );
      expect(entries.map((entry) => entry.link)).toEqual(news.map((entry) => entry.url));
      expect(entries.map((entry) => entry.title)).toEqual(news.map((entry) => entry.title.trim()));
      expect(entries.map((entry) => entry.published)).toEqual(
        news.map((entry) => entry.publishedAt.toISOString()),
      );
    },
  );

  it('writes the update time where the format has one (Atom updated, JSON date_modified)', async () => {
    const updated = item({ updatedAt: new Date('2026-02-18T09:15:00Z') });
    const plain = item({ id: 2 });
    const atom = await readAtom(render([updated, plain], 'atom'));
    expect(atom.feed.items.map((entry) => entry.updated)).toEqual([
      '2026-02-18T09:15:00.000Z',
      '2026-02-17T08:30:00.000Z',
    ]);
    const json = readJson(render([updated, plain], 'json'));
    expect(json.feed.items.map((entry) => entry.date_modified)).toEqual([
      '2026-02-18T09:15:00.000Z',
      undefined,
    ]);
  });

  it('lists topics as RSS categories, Atom categories with term and label, and JSON tags', async () => {
    const topics = [
      { slug: 'kazakhstan', name: 'Kazakhstan' },
      { slug: 'r-and-d', name: 'R&D <labs> < 5' },
    ];
    const rss = await readRss(render([item({ topics })], 'rss'));
    // Labels are plain text: markup in them is removed, a lone "<" kept.
    expect(rss.items[0]?.topics).toEqual(['Kazakhstan', 'R&D < 5']);
    const atom = await readAtom(render([item({ topics })], 'atom'));
    expect(atom.feed.items[0]?.categories?.map((category) => category.$)).toEqual([
      { term: 'kazakhstan', label: 'Kazakhstan' },
      { term: 'r-and-d', label: 'R&D < 5' },
    ]);
    const json = readJson(render([item({ topics })], 'json'));
    expect(json.feed.items[0]?.tags).toEqual(['Kazakhstan', 'R&D < 5']);
    expect(json.feed.items[0]?._topicwire).toMatchObject({ topics: [topics[0], { slug: 'r-and-d', name: 'R&D < 5' }] });
  });

  describe('sources', () => {
    const sources = [
      {
        id: 7,
        title: 'BBC News',
        siteUrl: 'https://www.bbc.co.uk/news',
        feedUrl: 'https://feeds.bbci.co.uk/news/world/rss.xml?edition=int&x=1',
      },
      { id: 9, title: 'DW', siteUrl: null, feedUrl: 'https://rss.dw.com/rdf/rss-en-all' },
    ];

    it('names the original source in RSS <source url>, and invents no dc:creator when there is no author', async () => {
      const rss = await readRss(render([item({ author: null, sources })], 'rss'));
      const source = rss.feed.items[0]?.sources?.[0];
      expect(source?.$).toEqual({ url: sources[0]?.feedUrl });
      expect(source?._).toBe('BBC News');
      expect(rss.feed.items[0]?.creator).toBeUndefined();
    });

    it('keeps the item author as dc:creator when there is one', async () => {
      const rss = await readRss(render([item({ sources })], 'rss'));
      expect(rss.feed.items[0]?.creator).toBe('Jane Reporter');
    });

    it('lists every source as an Atom contributor and the original as atom:source', async () => {
      const atom = await readAtom(render([item({ author: null, sources })], 'atom'));
      const entry = atom.feed.items[0];
      expect(entry?.contributors).toEqual([
        { name: ['BBC News'], uri: ['https://www.bbc.co.uk/news'] },
        { name: ['DW'] },
      ]);
      expect(entry?.author).toBeUndefined();
      expect(entry?.sourceFeed?.title).toEqual(['BBC News']);
      expect(entry?.sourceFeed?.link?.map((link) => link.$)).toEqual([
        { rel: 'self', href: sources[0]?.feedUrl },
        { rel: 'alternate', href: 'https://www.bbc.co.uk/news' },
      ]);
    });

    it('puts every source in the JSON Feed _topicwire extension, and no source in authors', () => {
      const json = readJson(render([item({ author: null, sources })], 'json'));
      const entry = json.feed.items[0];
      expect(entry?._topicwire).toMatchObject({
        sources: [
          {
            id: 7,
            title: 'BBC News',
            home_page_url: 'https://www.bbc.co.uk/news',
            feed_url: sources[0]?.feedUrl,
          },
          { id: 9, title: 'DW', feed_url: 'https://rss.dw.com/rdf/rss-en-all' },
        ],
      });
      expect(entry?.authors).toBeUndefined();
    });

    it.each(FORMATS)(
      'ends the %s content with a "via" line naming every source',
      async (format) => {
        const entries = await readBack(format, render([item({ sources })], format));
        const content = entries[0]?.html[format === 'rss' ? 1 : 0] ?? '';
        expect(visibleText(content)).toMatch(/via BBC News, DW$/);
        expect(content).toContain(
          '<a href="https://www.bbc.co.uk/news" rel="noopener noreferrer" target="_blank">BBC News</a>',
        );
      },
    );
  });

  describe('enclosures', () => {
    const enclosures = [
      { url: 'https://cdn.example/audio/report.mp3', type: 'audio/mpeg', lengthBytes: 4_200_000 },
      { url: '/images/astana.jpg', type: 'image/jpeg; charset=binary', lengthBytes: null },
      { url: 'javascript:alert(1)', type: 'text/html', lengthBytes: 1 },
    ];

    it('puts the first enclosure in RSS, with its type and length', async () => {
      const rss = await readRss(render([item({ enclosures })], 'rss'));
      expect(rss.feed.items[0]?.enclosure).toEqual({
        url: 'https://cdn.example/audio/report.mp3',
        type: 'audio/mpeg',
        length: '4200000',
      });
    });

    it('gives RSS enclosures of unknown type and size a generic type and a zero length', async () => {
      const rss = await readRss(
        render(
          [
            item({
              enclosures: [{ url: 'https://cdn.example/f', type: 'not a type', lengthBytes: null }],
            }),
          ],
          'rss',
        ),
      );
      expect(rss.feed.items[0]?.enclosure).toEqual({
        url: 'https://cdn.example/f',
        type: 'application/octet-stream',
        length: '0',
      });
    });

    it('lists every http(s) enclosure as an Atom link rel=enclosure with its real type', async () => {
      const atom = await readAtom(render([item({ enclosures })], 'atom'));
      const links = atom.feed.items[0]?.links
        ?.filter((link) => link.$?.rel === 'enclosure')
        .map((link) => link.$);
      expect(links).toEqual([
        {
          rel: 'enclosure',
          href: 'https://cdn.example/audio/report.mp3',
          type: 'audio/mpeg',
          length: '4200000',
        },
        { rel: 'enclosure', href: 'https://news.example/images/astana.jpg', type: 'image/jpeg' },
      ]);
    });

    it('lists every http(s) enclosure as a JSON Feed attachment', () => {
      const json = readJson(render([item({ enclosures })], 'json'));
      expect(json.feed.items[0]?.attachments).toEqual([
        {
          url: 'https://cdn.example/audio/report.mp3',
          mime_type: 'audio/mpeg',
          size_in_bytes: 4_200_000,
        },
        { url: 'https://news.example/images/astana.jpg', mime_type: 'image/jpeg' },
      ]);
    });
  });

  it('sanitises the content and falls back to the escaped summary when there is no HTML', async () => {
    const withHtml = item({
      contentHtml: '<p onclick="x()">Hello <img src="/a.png"></p><script>bad()</script>',
    });
    const withoutHtml = item({ id: 2, contentHtml: null, summary: 'Fish & chips <b>not bold</b>' });
    const json = readJson(render([withHtml, withoutHtml], 'json'));
    expect(json.feed.items[0]?.content_html).toMatch(
      /^<p>Hello <img src="https:\/\/news\.example\/a\.png" loading="lazy" \/><\/p>/,
    );
    expect(json.feed.items[1]?.content_html).toMatch(
      /^<p>Fish &amp; chips &lt;b&gt;not bold&lt;\/b&gt;<\/p>/,
    );
    expect(json.feed.items[1]?.summary).toBe('Fish & chips <b>not bold</b>');
  });

  it('writes JSON Feed 1.1, not version 1', () => {
    const body = render(news, 'json');
    const json = readJson(body);
    expect(json.feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(JSON.parse(body)).not.toHaveProperty('items.0.author');
  });

  describe('feed metadata', () => {
    it('describes the RSS channel: title, links, language, build date, self link', async () => {
      const { feed } = await readRss(render([item()], 'rss'));
      expect(feed).toMatchObject({
        title: 'topicwire: Kazakhstan + Russia',
        link: `${BASE}/topics/kazakhstan+russia`,
        description: meta().description,
        language: 'en',
        generator: 'topicwire',
        lastBuildDate: 'Wed, 18 Feb 2026 10:00:00 GMT',
        feedUrl: `${BASE}/feeds/kazakhstan+russia.rss?limit=50`,
      });
    });

    it('describes the Atom feed: id, self, the page and the other formats as alternates, xml:lang', async () => {
      const body = render([item()], 'atom', { selfUrl: `${BASE}/feeds/kazakhstan+russia.atom` });
      const { feed } = await readAtom(body);
      expect(feed).toMatchObject({
        title: 'topicwire: Kazakhstan + Russia',
        lastBuildDate: '2026-02-18T10:00:00.000Z',
      });
      const root = parseXml(body).documentElement;
      const feedLinks = Array.from(root?.childNodes ?? [])
        .filter((node) => node.nodeName === 'link')
        .map((node) =>
          Object.fromEntries(
            Array.from((node as XmlElement).attributes).map((attr) => [attr.name, attr.value]),
          ),
        );
      expect(feedLinks).toEqual([
        { rel: 'alternate', href: `${BASE}/topics/kazakhstan+russia` },
        { rel: 'self', href: `${BASE}/feeds/kazakhstan+russia.atom` },
        {
          rel: 'alternate',
          type: 'application/rss+xml',
          href: `${BASE}/feeds/kazakhstan+russia.rss`,
        },
        {
          rel: 'alternate',
          type: 'application/feed+json',
          href: `${BASE}/feeds/kazakhstan+russia.json`,
        },
      ]);
      expect(root?.getAttribute('xml:lang')).toBe('en');
      expect(root?.getElementsByTagName('id')[0]?.textContent).toBe(
        `${BASE}/feeds/kazakhstan+russia.atom`,
      );
    });

    it('describes the JSON feed: home page, canonical feed_url, language, authors', () => {
      const { feed } = readJson(render([item()], 'json'));
      expect(feed).toMatchObject({
        title: 'topicwire: Kazakhstan + Russia',
        home_page_url: `${BASE}/topics/kazakhstan+russia`,
        feed_url: `${BASE}/feeds/kazakhstan+russia.json`,
        language: 'en',
        authors: [{ name: 'topicwire', url: `${BASE}/topics/kazakhstan+russia` }],
      });
    });

    it.each([
      ['selfUrl', { selfUrl: '/feeds/x.rss' }],
      ['siteUrl', { siteUrl: 'javascript:alert(1)' }],
      ['feedUrls', { feedUrls: { rss: 'x', atom: 'y', json: 'z' } }],
      ['updatedAt', { updatedAt: new Date('nope') }],
    ] as const)('refuses metadata with an invalid %s', (_field, overrides) => {
      expect(() => renderFeed(meta(overrides), [], 'rss')).toThrow(AppError);
    });
  });

  describe('awkward text', () => {
    const titles: Array<[string, string, string]> = [
      [
        'markup characters',
        'Tom & Jerry <b>bold</b> "quoted" \'single\' a<b',
        // Titles are plain text: a tag is removed, a "<" that could open one gets a space.
        'Tom & Jerry bold "quoted" \'single\' a< b',
      ],
      ['a literal entity', 'AT&amp;T &lt;not a tag&gt;', 'AT&amp;T &lt;not a tag&gt;'],
      ['emoji and flags', 'Talks 🇰🇿🇷🇺 😀 👩‍👩‍👧', 'Talks 🇰🇿🇷🇺 😀 👩‍👩‍👧'],
      [
        'right-to-left text',
        'پاکستان اور روس — שלום \u200Fمرحبا',
        'پاکستان اور روس — שלום \u200Fمرحبا',
      ],
      [
        'control characters',
        'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh\u007Fi',
        'abcdefgh\u007Fi',
      ],
      ['line breaks and tabs', 'two\nlines\tand\r\nmore', 'two lines and more'],
      ['lone surrogates', 'high \uD800 low \uDFFF pair 😀', 'high \uFFFD low \uFFFD pair 😀'],
      ['non-characters', 'x\uFFFEy\uFFFFz', 'xyz'],
      ['CDATA terminators', 'a ]]> b ]]> c ]]]]> d', 'a ]]> b ]]> c ]]]]> d'],
    ];

    describe.each(FORMATS)('in %s', (format) => {
      it.each(titles)(
        'keeps the document well-formed and the title readable with %s',
        async (_name, title, expected) => {
          const awkward = item({
            title,
            summary: `${title} summary`,
            contentHtml: `<p>${title}</p>`,
            author: title,
            sources: [
              {
                id: 5,
                title,
                siteUrl: 'https://src.example/?a=1&b="2"',
                feedUrl: 'https://src.example/feed?x=<y>',
              },
            ],
            topics: [{ slug: 'awkward', name: title }],
          });
          const body = render([awkward], format, { title: `feed ${title}`, description: title });
          if (format !== 'json') expect(findXmlErrors(body)).toEqual([]);
          const entries = await readBack(format, body);
          expect(entries[0]?.title).toBe(expected);
          if (format !== 'atom') expect(entries[0]?.topics).toEqual([expected]);
        },
      );
    });
  });

  describe.each(FORMATS)('in %s', (format) => {
    it('renders byte-identical output for the same input, so ETags stay stable', () => {
      expect(render(news, format)).toBe(render(news, format));
    });

    it('renders an empty feed', async () => {
      const body = render([], format);
      if (format !== 'json') expect(findXmlErrors(body)).toEqual([]);
      expect(await readBack(format, body)).toEqual([]);
    });

    it('writes a well-formed document with safe content for real news items', async () => {
      const body = render(news, format);
      if (format !== 'json') expect(findXmlErrors(body)).toEqual([]);
      const entries = await readBack(format, body);
      expect(entries.flatMap((entry) => entry.html.flatMap(findHtmlHazards))).toEqual([]);
    });

    it('lets nothing hostile through', async () => {
      const hostile = item({
        url: 'javascript:alert(1)//https://news.example/',
        title: '<script>alert("title")</script><img src=x onerror=alert(1)>',
        summary: '<img src=x onerror=alert(1)> summary',
        author: '<b onmouseover=alert(1)>Author</b>',
        contentHtml: [
          '<p>kept</p><script>alert(1)</script>',
          '<img src="x" onerror="alert(1)">',
          '<a href="javascript:alert(1)">js</a>',
          '<a href="java&#x09;script&#58;alert(1)">encoded</a>',
          '<svg><script>alert(1)</script></svg>',
          '<iframe src="https://evil.example/"></iframe>',
          '<style>*{background:url(javascript:alert(1))}</style>',
          '<form action="javascript:alert(1)"><input></form>',
          '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
          '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
          '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
          ']]><script>alert("cdata")</script>',
        ].join(''),
        sources: [
          {
            id: 6,
            title: '<script>alert(1)</script>',
            siteUrl: 'javascript:alert(1)',
            feedUrl: 'data:text/html,x',
          },
        ],
        topics: [{ slug: '"><script>', name: '<img src=x onerror=alert(1)>' }],
        enclosures: [{ url: 'javascript:alert(1)', type: 'text/html', lengthBytes: 1 }],
      });
      const body = render([hostile], format);
      if (format !== 'json') expect(findXmlErrors(body)).toEqual([]);
      expect(body).not.toMatch(/javascript:|data:text/i);
      const [entry] = await readBack(format, body);
      expect(String(entry?.link)).not.toMatch(/javascript/);
      expect(entry?.enclosures).toEqual([]);
      for (const html of entry?.html ?? []) expect(findHtmlHazards(html)).toEqual([]);
      expect(visibleText(entry?.html[format === 'rss' ? 1 : 0] ?? '')).toMatch(/^keptjsencoded/);
    });
  });

  it('links an Atom entry without an article URL to its source site, and leaves the link out elsewhere', async () => {
    const linkless = item({ url: null });
    expect((await readAtom(render([linkless], 'atom'))).items[0]?.link).toBe(
      'https://news.example/',
    );
    expect((await readRss(render([linkless], 'rss'))).items[0]?.link).toBeNull();
    expect(readJson(render([linkless], 'json')).items[0]?.link).toBeNull();
  });

  it('never publishes an empty entry: a title-only item gets its linked title as content', () => {
    const bare = item({ summary: null, contentHtml: '<script>x()</script>', sources: [] });
    expect(readJson(render([bare], 'json')).feed.items[0]?.content_html).toBe(
      '<p><a href="https://news.example/world/astana-talks" rel="noopener noreferrer" target="_blank">Talks in Astana</a></p>',
    );
  });
});

describe('itemGuid', () => {
  it.each([0, 1, 42, Number.MAX_SAFE_INTEGER])(
    'is urn:topicwire:item:%i, a valid URL for Atom',
    (id) => {
      expect(itemGuid(id)).toBe(`urn:topicwire:item:${id}`);
      expect(new URL(itemGuid(id)).href).toBe(itemGuid(id));
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (id) => {
    expect(() => itemGuid(id)).toThrow(AppError);
  });
});
