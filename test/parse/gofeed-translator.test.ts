/**
 * gofeed's translator suite (mmcdole/gofeed testdata/translator): each RSS/Atom input comes with
 * the universal feed gofeed expects. Every field that gofeed and we model alike is compared:
 * feed title, link, description, language; item title, link, guid, published, updated, author,
 * categories, enclosures, description (as plain-text summary) and content.
 * Where our contract deliberately differs, the case is listed in DIFFERENCES with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry, ParsedFeed } from '../../src/domain/types';
import { parseFeed } from '../../src/parse/parse-feed';

const FIXTURES = join(import.meta.dirname, '../fixtures/parse/gofeed');

interface GofeedPerson {
  name?: string;
  email?: string;
}
interface GofeedItem {
  title?: string;
  link?: string;
  guid?: string;
  description?: string;
  content?: string;
  publishedParsed?: string;
  updatedParsed?: string;
  author?: GofeedPerson;
  categories?: string[];
  enclosures?: Array<{ url: string; type?: string; length?: string }>;
}
interface GofeedFeed {
  title?: string;
  link?: string;
  description?: string;
  language?: string;
  items?: GofeedItem[];
}

/** `file:field` → why our result differs from gofeed's on purpose. */
const DIFFERENCES: Record<string, string> = {
  'feed_item_links_-_rss_channel_item_links:url':
    'several <link>s in one item: we take the first, gofeed the last',
  'feed_links_-_rss_channel_links:siteUrl': 'several channel <link>s: we take the first, gofeed the last',
  'feed_links_-_rdf_channel_links:siteUrl': 'several channel <link>s: we take the first, gofeed the last',
  'feed_item_fallbacks_-_rss_channel_item_extensions:updatedAt':
    'dc:date is a publication date; gofeed also copies it to "updated"',
  'feed_item_updated_-_atom03_feed_entry_modified:publishedAt':
    'we too fall back to <modified> for publishedAt, compared separately below',
  'feed_item_category_-_rss_channel_item_custom:entry':
    'an item with only unknown elements carries nothing we model, so it is dropped',
  'feed_image_-_rss_channel_description:description':
    'a channel description that is only an <img> has no text',
  'feed_item_image_-_rss_channel_item_description:summary': 'a description that is only an <img> has no text',
};

const cases = ['rss', 'atom'].flatMap((folder) =>
  readdirSync(join(FIXTURES, folder))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => ({ folder, name: name.replace(/\.xml$/, '') })),
);

function differs(name: string, field: string): boolean {
  return `${name}:${field}` in DIFFERENCES;
}

/** WHATWG URL serialisation ("http://example.org" → "http://example.org/"), which we return. */
function asUrl(url: string): string {
  return new URL(url).href;
}

function expectSameInstant(actual: Date | null, expected: string): void {
  expect(actual?.toISOString()).toBe(new Date(expected).toISOString());
}

function compareItem(name: string, entry: Entry | undefined, item: GofeedItem): void {
  expect(entry).toBeDefined();
  if (entry === undefined) return;
  if (item.title !== undefined && !differs(name, 'title')) expect(entry.title).toBe(item.title);
  if (item.link !== undefined && !differs(name, 'url')) expect(entry.url).toBe(asUrl(item.link));
  if (item.guid !== undefined) expect(entry.guid).toBe(item.guid);
  if (item.publishedParsed !== undefined && !differs(name, 'publishedAt')) {
    expectSameInstant(entry.publishedAt, item.publishedParsed);
  }
  if (item.updatedParsed !== undefined && !differs(name, 'updatedAt')) {
    expectSameInstant(entry.updatedAt, item.updatedParsed);
  }
  if (item.author !== undefined) expect(entry.author).toBe(item.author.name ?? item.author.email);
  if (item.categories !== undefined) expect(entry.categories).toEqual(item.categories);
  if (item.enclosures !== undefined) {
    expect(entry.enclosures).toEqual(
      item.enclosures.map((e) => ({ url: e.url, type: e.type ?? null, lengthBytes: e.length ? Number(e.length) : null })),
    );
  }
  if (item.description !== undefined && !differs(name, 'summary')) expect(entry.summary).toBe(item.description);
  if (item.content !== undefined) expect(entry.contentHtml).toBe(item.content);
}

function compareFeed(name: string, feed: ParsedFeed, expected: GofeedFeed): void {
  if (expected.title !== undefined) expect(feed.title).toBe(expected.title);
  if (expected.link !== undefined && !differs(name, 'siteUrl')) expect(feed.siteUrl).toBe(asUrl(expected.link));
  if (expected.description !== undefined && !differs(name, 'description')) {
    expect(feed.description).toBe(expected.description);
  }
  if (expected.language !== undefined) expect(feed.language).toBe(expected.language.toLowerCase());
}

describe('parseFeed against gofeed translator expectations', () => {
  it.each(cases)('maps $folder/$name like gofeed', async ({ folder, name }) => {
    const xml = readFileSync(join(FIXTURES, folder, `${name}.xml`), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, folder, `${name}.json`), 'utf8')) as GofeedFeed;
    const feed = await parseFeed(xml, { baseUrl: 'http://example.org/feed.xml' });
    expect(feed.format).toBe(folder === 'atom' ? 'atom' : name.includes('rdf') ? 'rdf' : 'rss');
    compareFeed(name, feed, expected);
    const items = expected.items ?? [];
    const comparable = items.filter((item) => Object.keys(item).some((key) => key !== 'extensions'));
    if (differs(name, 'entry')) {
      expect(feed.entries).toEqual([]);
      return;
    }
    for (const [index, item] of comparable.entries()) compareItem(name, feed.entries[index], item);
  });

  it.each([
    ['rss/feed_item_links_-_rss_channel_item_links', (feed: ParsedFeed) => feed.entries[0]?.url, 'http://example.org/'],
    ['rss/feed_links_-_rss_channel_links', (feed: ParsedFeed) => feed.siteUrl, 'http://example.org/'],
    ['rss/feed_links_-_rdf_channel_links', (feed: ParsedFeed) => feed.siteUrl, 'http://example.org/'],
    ['rss/feed_item_fallbacks_-_rss_channel_item_extensions', (feed: ParsedFeed) => feed.entries[0]?.updatedAt, null],
    ['rss/feed_image_-_rss_channel_description', (feed: ParsedFeed) => feed.description, null],
    ['rss/feed_item_image_-_rss_channel_item_description', (feed: ParsedFeed) => feed.entries[0]?.summary, null],
  ] as const)('gives our own documented value where it differs from gofeed: %s', async (file, pick, expected) => {
    const feed = await parseFeed(readFileSync(join(FIXTURES, `${file}.xml`), 'utf8'), { baseUrl: 'http://example.org/' });
    expect(pick(feed)).toBe(expected);
  });

  it('falls back to <modified> for publishedAt when an Atom 0.3 entry has only that date', async () => {
    const xml = readFileSync(join(FIXTURES, 'atom/feed_item_updated_-_atom03_feed_entry_modified.xml'), 'utf8');
    const feed = await parseFeed(xml, { baseUrl: 'http://example.org/' });
    expect(feed.entries[0]?.publishedAt?.toISOString()).toBe('2004-01-01T19:48:21.000Z');
    expect(feed.entries[0]?.updatedAt?.toISOString()).toBe('2004-01-01T19:48:21.000Z');
  });
});

describe('parseJsonFeed against gofeed translator expectations', () => {
  it.each(['json10_full', 'json10_simple', 'json11_full'])('maps json/%s like gofeed', async (name) => {
    const json = readFileSync(join(FIXTURES, 'json', `${name}.json`), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'json', `${name}_expected.json`), 'utf8')) as GofeedFeed;
    const feed = await parseFeed(json, { baseUrl: 'https://sample-json-feed.com/feed.json' });
    expect(feed.format).toBe('json');
    compareFeed(name, feed, expected);
    for (const [index, item] of (expected.items ?? []).entries()) {
      const entry = feed.entries[index];
      // gofeed keeps `image` apart; we list it after the attachments.
      const withoutImages = entry && { ...entry, enclosures: entry.enclosures.filter((e) => e.type !== null) };
      compareItem(name, withoutImages, item);
    }
  });
});
