import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import { capAtWordBoundary, decodeEntities, detectCharset, extractItems, toPlainText } from './extract-items';

const topicsDir = join(import.meta.dirname, '..', 'fixtures', 'topics');
const labelledDir = join(topicsDir, 'labelled');
const feedsDir = join(topicsDir, 'feeds');

interface LabelledRecord {
  feed: string;
  id: string;
  lang: string | null;
  title: string;
  summary: string | null;
  countries: string[];
  note?: string;
}

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const countrySlugs = new Set(countries.map((country) => slugify(country.name.common)));

function readLabelled(file: string): LabelledRecord[] {
  return readFileSync(join(labelledDir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledRecord);
}

const labelledFiles = readdirSync(labelledDir).filter((file) => file.endsWith('.jsonl')).sort();

describe('extractItems', () => {
  it.each([
    ['an XML declaration', '<?xml version="1.0" encoding="ISO-8859-1"?><rss/>', 'iso-8859-1'],
    ['a UTF-8 byte order mark', '\uFEFF<rss/>', 'utf-8'],
    ['nothing declared', '<rss/>', 'utf-8'],
  ])('takes the charset from %s', (_case, text, expected) => {
    expect(detectCharset(new TextEncoder().encode(text))).toBe(expected);
  });

  it('decodes a Latin-1 feed by its declaration so accented titles survive', async () => {
    const items = await extractItems(join(feedsDir, 'jn-pt-ultimas-20180103.xml'), null);
    expect(items[0]?.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
    expect(items[0]?.lang).toBe('pt');
  });

  it('turns markup into plain text without fusing words and decodes entities', () => {
    expect(toPlainText('<p>Kyiv</p><p>&amp; Moscow&#8217;s&nbsp;talks</p>')).toBe('Kyiv & Moscow’s talks');
    expect(decodeEntities('&unknownentity;')).toBe('&unknownentity;');
  });

  it('caps a long summary at a word boundary', () => {
    expect(capAtWordBoundary('one two three', 9)).toBe('one two');
    expect(capAtWordBoundary('short', 9)).toBe('short');
  });
});

describe('labelled country set', () => {
  it('has one copied feed for every labelled file', () => {
    const feeds = new Set(readdirSync(feedsDir).map((file) => basename(file, '.xml')));
    expect(labelledFiles.length).toBeGreaterThan(0);
    for (const file of labelledFiles) expect(feeds).toContain(basename(file, '.jsonl'));
  });

  it.each(labelledFiles)('%s labels only world-countries slugs, sorted and without repeats', (file) => {
    for (const record of readLabelled(file)) {
      for (const slug of record.countries) expect(countrySlugs, `${record.id}: ${slug}`).toContain(slug);
      expect(record.countries).toEqual([...new Set(record.countries)].sort());
    }
  });

  it.each(labelledFiles)('%s labels every item of its feed, with the text the extractor produces', async (file) => {
    const feed = basename(file, '.jsonl');
    const records = readLabelled(file);
    const extracted = await extractItems(join(feedsDir, `${feed}.xml`), records[0]?.lang ?? null);
    expect(records.map(({ feed: f, id, lang, title, summary }) => ({ feed: f, id, lang, title, summary }))).toEqual(
      extracted,
    );
  });
});
