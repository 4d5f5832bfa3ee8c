/**
 * Fixture loading for the publish tests: feedparser's sanitize cases (each file's payload and
 * its `Expect:` line) and real news feeds turned into the items the store would hand us.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import type { PublishedItem } from '../../src/publish/render-feed';

const FIXTURES = fileURLToPath(new URL('../fixtures/publish/', import.meta.url));

export function readFixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

export interface SanitizeCase {
  file: string;
  /** The HTML a feed parser would hand the publish stage. */
  html: string;
  /** feedparser's expected output for its own sanitiser (ours differs; used for the text only). */
  expected: string;
}

const CONTAINERS = new Set(['feed', 'rss', 'channel', 'item', 'entry']);

/** Every case in test/fixtures/publish/sanitize, with the HTML payload taken out of its feed. */
export function loadSanitizeCases(): SanitizeCase[] {
  return readdirSync(`${FIXTURES}sanitize`)
    .filter((file) => file.endsWith('.xml'))
    .sort()
    .map((file) => {
      const xml = readFixture(`sanitize/${file}`);
      return { file, html: extractPayload(xml, file), expected: extractExpected(xml) };
    });
}

/**
 * The first element that is not a container holds the payload: inline markup (XHTML bodies)
 * is taken as is, base64 (`mode="base64"`) is decoded, anything else is XML text (CDATA
 * sections unwrapped, entities decoded once), i.e. what a feed parser reads as the element's value.
 */
function extractPayload(xml: string, file: string): string {
  const body = xml.replace(/^\s*<!--[\s\S]*?-->/, '');
  for (const match of body.matchAll(/<([\w:]+)((?:\s[^>]*?)?)(\/?)>/g)) {
    const name = match[1] ?? '';
    if (CONTAINERS.has(name) || name.startsWith('?')) continue;
    const attributes = match[2] ?? '';
    if (match[3] === '/') return '';
    const start = (match.index ?? 0) + match[0].length;
    const end = body.indexOf(`</${name}>`, start);
    if (end === -1) throw new Error(`${file}: no </${name}>`);
    const inner = body.slice(start, end);
    if (/mode=["']base64["']/.test(attributes))
      return Buffer.from(inner.trim(), 'base64').toString('utf8');
    if (inner.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').includes('<')) return inner;
    return decodeXmlText(inner);
  }
  throw new Error(`${file}: no payload element`);
}

function decodeXmlText(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_entity, name: string) => {
            const lower = name.toLowerCase();
            if (lower.startsWith('#x'))
              return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
            if (lower.startsWith('#'))
              return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
            return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[lower] ?? '';
          }),
    )
    .join('');
}

/** The string feedparser expects ("== '…'" in the Expect line), Python string concatenation joined. */
function extractExpected(xml: string): string {
  const line = /Expect:\s*([\s\S]*?)\n-->/.exec(xml)?.[1] ?? '';
  const literal = line.slice(line.indexOf('==') + 2);
  return [...literal.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)]
    .map((match) =>
      (match[1] ?? match[2] ?? '')
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t')
        .replace(/\\(.)/g, '$1'),
    )
    .join('');
}

type NewsItem = Parser.Item & { 'content:encoded'?: string; creator?: string };

/**
 * A real feed as stored items: one source (the feed itself), its categories as topics, its
 * enclosure, ids counting from `firstId`.
 */
export async function itemsFromFeed(
  xml: string,
  options: { sourceId: number; feedUrl: string; firstId: number },
): Promise<PublishedItem[]> {
  const feed = await new Parser<Record<string, unknown>, NewsItem>().parseString(xml);
  const language = typeof feed.language === 'string' ? feed.language : null;
  const source = {
    id: options.sourceId,
    title: feed.title ?? 'source',
    siteUrl: feed.link ?? null,
    feedUrl: options.feedUrl,
  };
  return feed.items.map((item, index) => {
    const topics = (item.categories ?? [])
      .map((category) =>
        typeof category === 'string' ? category : String((category as { _?: unknown })._ ?? ''),
      )
      .filter((name) => name.trim() !== '')
      .map((name) => ({
        slug: name
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, ''),
        name,
      }));
    return {
      id: options.firstId + index,
      url: item.link ?? null,
      title: item.title ?? '',
      summary: item.contentSnippet ?? null,
      contentHtml: item['content:encoded'] ?? item.content ?? null,
      author: item.creator ?? null,
      publishedAt: new Date(item.isoDate ?? '2026-01-01T00:00:00Z'),
      updatedAt: null,
      language,
      sources: [source],
      topics,
      enclosures:
        item.enclosure === undefined
          ? []
          : [
              {
                url: item.enclosure.url,
                type: item.enclosure.type ?? null,
                lengthBytes:
                  item.enclosure.length === undefined ? null : Number(item.enclosure.length),
              },
            ],
    };
  });
}
