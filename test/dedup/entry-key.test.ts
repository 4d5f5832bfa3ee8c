import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, entryKey, identifyEntries } from '../../src/dedup/entry-key';
import type { Entry } from '../../src/domain/types';

function entry(fields: Partial<Entry>): Entry {
  return {
    guid: null,
    url: null,
    title: '',
    summary: null,
    contentHtml: null,
    author: null,
    publishedAt: null,
    updatedAt: null,
    categories: [],
    enclosures: [],
    language: null,
    ...fields,
  };
}

describe('entryKey', () => {
  it.each([
    ['the guid when there is one', { guid: 'tag:example.com,2026:1', url: 'https://example.com/1' }, 'guid:tag:example.com,2026:1'],
    ['the guid trimmed', { guid: '  abc \n' }, 'guid:abc'],
    ['a URL-like guid as written, not canonicalised', { guid: 'HTTP://Example.com/a/' }, 'guid:HTTP://Example.com/a/'],
    ['the canonical URL without a guid', { url: 'http://Example.com/a/?utm_source=rss#x' }, 'url:https://example.com/a'],
    ['the canonical URL when the guid is blank', { guid: '   ', url: 'https://example.com/b' }, 'url:https://example.com/b'],
  ])('uses %s', (_label, fields, expected) => {
    expect(entryKey(entry(fields))).toBe(expected);
  });

  it('hashes title and summary when there is neither guid nor http(s) URL', () => {
    const key = entryKey(entry({ url: 'ftp://example.com/x', title: 'Talks in Astana', summary: 'Leaders met.' }));
    expect(key).toBe(`hash:${contentHash('Talks in Astana\nLeaders met.')}`);
    expect(key).toMatch(/^hash:[0-9a-f]{64}$/);
  });

  it('keeps ("ab", "c") and ("a", "bc") apart', () => {
    expect(entryKey(entry({ title: 'ab', summary: 'c' }))).not.toBe(entryKey(entry({ title: 'a', summary: 'bc' })));
  });

  it('gives the same key to the same story on another poll and a different key to another story', () => {
    const first = entry({ title: 'Same', summary: 'Text', publishedAt: new Date('2026-01-01T00:00:00Z') });
    const again = entry({ title: 'Same', summary: 'Text', publishedAt: new Date('2026-01-02T00:00:00Z') });
    expect(entryKey(first)).toBe(entryKey(again));
    expect(entryKey(first)).not.toBe(entryKey(entry({ title: 'Same', summary: 'Other text' })));
  });
});

describe('contentHash', () => {
  it.each([
    [''],
    ['abc'],
    ['The quick brown fox jumps over the lazy dog'],
    ['Казахстан и Россия — переговоры в Астане'],
    ['emoji \u{1F30D} and RTL امریکی'],
    ['x'.repeat(55)],
    ['x'.repeat(56)],
    ['x'.repeat(64)],
    ['y'.repeat(1000)],
  ])('is the SHA-256 of the UTF-8 bytes of %j (checked against node:crypto)', (text) => {
    expect(contentHash(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('is deterministic, lower-case hex and at least 64 bits long', () => {
    const hash = contentHash('topicwire');
    expect(hash).toBe(contentHash('topicwire'));
    expect(hash).toMatch(/^[0-9a-f]{16,}$/);
  });
});

describe('identifyEntries (no story lost)', () => {
  it('keeps every entry of a chronicle feed whose links are all the home page and that has no guids', () => {
    const list = Array.from({ length: 24 }, (_, i) => entry({ url: 'https://meduza.io/', title: `Story ${i}`, summary: `Text ${i}` }));
    const ids = identifyEntries(list, { siteUrl: 'https://meduza.io' });
    expect(new Set(ids.map((id) => id.entryKey)).size).toBe(24);
    expect(ids.every((id) => id.entryKey.startsWith('hash:') && id.articleUrl === null)).toBe(true);
  });

  it('does not use a link shared by several entries of the document, as key or across sources', () => {
    const list = Array.from({ length: 5 }, (_, i) => entry({ guid: `g${i}`, url: 'https://example.com/live/war', title: `Update ${i}` }));
    const ids = identifyEntries(list);
    expect(ids.map((id) => id.entryKey)).toEqual(['guid:g0', 'guid:g1', 'guid:g2', 'guid:g3', 'guid:g4']);
    expect(ids.every((id) => id.articleUrl === null)).toBe(true);
  });

  it.each([
    ['the site root', 'https://example.com/', {}],
    ['the feed site link', 'https://example.com/en', { siteUrl: 'https://example.com/en/' }],
    ['the feed address', 'https://example.com/rss.xml', { feedUrl: 'https://example.com/rss.xml' }],
  ])('does not treat %s as an article link', (_label, url, context) => {
    const [id] = identifyEntries([entry({ url, title: 'A', summary: 'B' })], context);
    expect(id?.articleUrl).toBeNull();
    expect(id?.entryKey).toMatch(/^hash:/);
  });

  it('uses a unique article link as key and as the cross-source key', () => {
    const [id] = identifyEntries([entry({ url: 'http://www.example.com/2026/01/story?utm_source=rss' })]);
    expect(id).toEqual({ entryKey: 'url:https://example.com/2026/01/story', articleUrl: 'https://example.com/2026/01/story' });
  });

  it('tells apart different stories under one reused guid by their text, and keeps a repeated entry one', () => {
    const ids = identifyEntries([
      entry({ guid: 'same', title: 'First story' }),
      entry({ guid: 'same', title: 'Second story' }),
      entry({ guid: 'other', title: 'Third' }),
    ]);
    expect(ids[0]?.entryKey).not.toBe(ids[1]?.entryKey);
    expect(ids[0]?.entryKey).toMatch(/^guid:same#[0-9a-f]{64}$/);
    expect(ids[2]?.entryKey).toBe('guid:other');
    const repeated = identifyEntries([entry({ guid: 'x', title: 'T' }), entry({ guid: 'x', title: 'T' })]);
    expect(repeated[0]?.entryKey).toBe('guid:x');
    expect(repeated[1]?.entryKey).toBe('guid:x');
  });
});
