import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/domain/errors';
import { parseJsonFeed } from '../../src/parse/json-feed';

const FIXTURES = join(import.meta.dirname, '../fixtures/parse/json');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('parseJsonFeed', () => {
  it('reads feedparser\'s JSON Feed 1.0 example (title, two entries)', () => {
    const feed = parseJsonFeed(read('feedparser-example.json'), { baseUrl: 'https://example.org/feed.json' });
    expect(feed).toMatchObject({ format: 'json', title: 'My Example Feed', siteUrl: 'https://example.org/' });
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]).toEqual({
      guid: '2',
      url: 'https://example.org/second-item',
      title: 'post 2',
      summary: 'This is a second item.',
      contentHtml: 'This is a second item.',
      author: 'me', // 1.0 feed-level author, inherited
      publishedAt: null,
      updatedAt: null,
      categories: ['test', 'JSON'],
      enclosures: [{ url: 'https://example.org/second-item-show.mp4', type: 'video/mp4', lengthBytes: 12000000 }],
      language: null,
    });
    expect(feed.entries[1]).toMatchObject({
      guid: '1',
      title: 'Hello, world!', // no title: derived from the text of content_html
      author: 'you',
      contentHtml: '<p>Hello, world!</p>\n\n<script>alert();</script>',
      summary: 'Hello, world!',
    });
  });

  it('reads fastfeedparser\'s JSON Feed 1.1 sample as its expected output says', () => {
    const expected = JSON.parse(read('fastfeedparser-json_feed_sample.expected.json')) as {
      feed: { title: string; link: string; language: string };
      entries: Array<{ id: string; link: string; title: string; author?: string; published: string; updated?: string; tags: Array<{ term: string }>; description: string }>;
    };
    const feed = parseJsonFeed(read('fastfeedparser-json_feed_sample.json'), { baseUrl: 'https://example.org/feed.json' });
    expect(feed.title).toBe(expected.feed.title);
    expect(feed.siteUrl).toBe(expected.feed.link);
    expect(feed.language).toBe(expected.feed.language.toLowerCase());
    expect(feed.entries).toHaveLength(expected.entries.length);
    for (const [index, want] of expected.entries.entries()) {
      const entry = feed.entries[index];
      expect(entry).toMatchObject({
        guid: want.id,
        url: want.link,
        title: want.title,
        summary: want.description,
        author: want.author ?? 'John Doe', // items without authors inherit the feed's (JSON Feed spec)
        categories: want.tags.map((tag) => tag.term),
        language: 'en-us',
      });
      expect(entry?.publishedAt?.getTime()).toBe(new Date(want.published).getTime());
      expect(entry?.updatedAt?.getTime() ?? null).toBe(want.updated ? new Date(want.updated).getTime() : null);
    }
  });

  it.each([
    ['1.1 authors', { authors: [{ name: 'A' }, { name: 'B' }] }, 'A, B'],
    ['1.0 author', { author: { name: 'Solo' } }, 'Solo'],
    ['an author with only a url', { author: { url: 'https://x.test/me' } }, 'https://x.test/me'],
    ['no author', {}, null],
  ])('reads %s', (_label, fields, expected) => {
    const text = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'a', title: 't', ...fields }] });
    expect(parseJsonFeed(text, { baseUrl: 'https://x.test/' }).entries[0]?.author).toBe(expected);
  });

  it('resolves relative URLs against the feed URL and falls back to external_url and http ids', () => {
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      items: [
        { id: '1', url: '/posts/1', attachments: [{ url: 'media/1.mp3', mime_type: 'Audio/MPEG', size_in_bytes: 0 }] },
        { id: '2', external_url: 'https://elsewhere.test/story' },
        { id: 'https://x.test/posts/3' },
        { id: 4, url: 'javascript:alert(1)' },
      ],
    });
    const feed = parseJsonFeed(text, { baseUrl: 'https://x.test/feeds/main.json' });
    expect(feed.entries.map((e) => e.url)).toEqual([
      'https://x.test/posts/1',
      'https://elsewhere.test/story',
      'https://x.test/posts/3',
      null,
    ]);
    expect(feed.entries[0]?.enclosures).toEqual([{ url: 'https://x.test/feeds/media/1.mp3', type: 'audio/mpeg', lengthBytes: null }]);
    expect(feed.entries[3]?.guid).toBe('4');
  });

  it('escapes content_text into HTML and strips markup from titles', () => {
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', title: 'Q&amp;A: <em>Astana</em>', content_text: 'a < b & c', date_published: '2024-05-01T10:00:00+02:00' }],
    });
    const entry = parseJsonFeed(text, { baseUrl: 'https://x.test/' }).entries[0];
    expect(entry).toMatchObject({ title: 'Q&A: Astana', summary: 'a < b & c', contentHtml: 'a &lt; b &amp; c' });
    expect(entry?.publishedAt?.toISOString()).toBe('2024-05-01T08:00:00.000Z');
  });

  it.each([
    ['invalid JSON', '{"items": [', /^parse: not a feed: invalid JSON \(/],
    ['an array', '[1, 2]', /^parse: not a feed: JSON, but not a JSON Feed object$/],
    ['a foreign version', '{"version": "2.0", "items": []}', /^parse: not a feed: JSON with version "2\.0", not a JSON Feed$/],
    ['no items', '{"version": "https://jsonfeed.org/version/1.1", "title": "x"}', /^parse: not a feed: JSON without an "items" array$/],
  ])('refuses %s with a ParseError', (_label, text, message) => {
    expect(() => parseJsonFeed(text, { baseUrl: 'https://x.test/' })).toThrow(ParseError);
    expect(() => parseJsonFeed(text, { baseUrl: 'https://x.test/' })).toThrow(message);
  });
});
